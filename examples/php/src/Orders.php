<?php
// The shop's orders, in a JSON file under a lock: each PHP request is its own process, so the callback
// endpoint and the shop share state through storage, as they would through a database in a real shop.
declare(strict_types=1);

final class Orders
{
    public function __construct(private string $file)
    {
    }

    public function add(string $key, float|int $amount): void
    {
        $this->update(function (array $state) use ($key, $amount): array {
            $state['orders'][$key] = ['amount' => $amount, 'status' => 'PENDING', 'customerId' => null];
            return [$state, null];
        });
    }

    /** Idempotent: a callback seen before changes nothing, and nothing undoes a COMPLETED payment. */
    public function applyCallback(array $body): string
    {
        return $this->update(function (array $state) use ($body): array {
            $seenKey = implode('|', [$body['reference'] ?? '', $body['status'] ?? '', $body['date'] ?? '']);
            $key = (string) ($body['key'] ?? '');
            if (isset($state['seen'][$seenKey])) {
                return [$state, 'already processed'];
            }
            if (!isset($state['orders'][$key])) {
                return [$state, 'no such order, nothing to fulfil'];
            }
            $state['seen'][$seenKey] = true;
            $order = &$state['orders'][$key];
            if ($order['status'] !== 'COMPLETED') {
                $order['status'] = $body['status'] ?? $order['status'];
            }
            $order['customerId'] = $body['tokenInformation']['customer']['id'] ?? $order['customerId'];
            return [$state, "order {$key} is {$order['status']}"];
        });
    }

    public function get(string $key): ?array
    {
        return $this->update(fn (array $state): array => [$state, $state['orders'][$key] ?? null]);
    }

    public function waitFor(string $key, string $status, int $timeoutSeconds = 15): array
    {
        $deadline = microtime(true) + $timeoutSeconds;
        while (($order = $this->get($key)) === null || $order['status'] !== $status) {
            if (microtime(true) > $deadline) {
                throw new RuntimeException("no {$status} callback for {$key} within {$timeoutSeconds} s");
            }
            usleep(100_000);
        }
        return $order;
    }

    /** Runs $change on the state under an exclusive lock; $change answers [new state, result]. */
    private function update(callable $change): mixed
    {
        $handle = fopen($this->file, 'c+');
        flock($handle, LOCK_EX);
        $text = stream_get_contents($handle);
        $state = $text === '' ? ['orders' => [], 'seen' => []] : json_decode($text, true, 512, JSON_THROW_ON_ERROR);
        [$state, $result] = $change($state);
        ftruncate($handle, 0);
        rewind($handle);
        fwrite($handle, json_encode($state, JSON_UNESCAPED_SLASHES | JSON_THROW_ON_ERROR));
        fflush($handle);
        flock($handle, LOCK_UN);
        fclose($handle);
        return $result;
    }
}
