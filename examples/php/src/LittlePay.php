<?php
// Little Pay for a PHP merchant backend: the API calls a shop makes (cURL) and the callback signature check
// (OpenSSL). Both extensions ship with PHP (Debian: php-cli php-curl).
declare(strict_types=1);

final class LittlePayError extends RuntimeException
{
}

final class LittlePay
{
    /** A callback signed longer ago than this (or this far in the future) is refused as a replay. */
    public const REPLAY_WINDOW_SECONDS = 300;

    public function __construct(
        private string $baseUrl,
        private string $clientId,
        private string $clientSecret,
        private string $tokenId,
        private string $apiKey,
    ) {
        $this->baseUrl = rtrim($baseUrl, '/');
    }

    /** POST /api/payments/{tokenId}/pay with Basic auth; answers data.reference and data.checkoutUrl. */
    public function createIntent(array $body): array
    {
        $basic = 'Authorization: Basic ' . base64_encode($this->clientId . ':' . $this->clientSecret);
        return $this->call('POST', "/api/payments/{$this->tokenId}/pay", $body, [$basic]);
    }

    public function status(string $keyOrReference): array
    {
        return $this->call('GET', "/api/payments-v2/{$keyOrReference}", null, ["X-API-KEY: {$this->apiKey}"]);
    }

    public function refund(string $keyOrReference, float|int $amount, string $reason): array
    {
        $body = ['amount' => $amount, 'reason' => $reason];
        return $this->call('POST', "/api/refund/{$keyOrReference}", $body, ["X-API-KEY: {$this->apiKey}"]);
    }

    /** The Tokenization Guide's process body: the saved card's customer id and nothing else. */
    public function payWithSavedCard(string $reference, string $customerId): array
    {
        return $this->payStep($reference, 'process', ['type' => 'CARDS', 'payment' => ['customer' => ['id' => $customerId]]]);
    }

    /** The shopper's /pay/{reference}/... calls (no credentials), made by the hosted checkout in production. */
    public function payStep(string $reference, string $step, array $body): array
    {
        return $this->call('POST', "/pay/{$reference}/{$step}", $body);
    }

    private function call(string $method, string $path, ?array $body, array $headers = []): array
    {
        $ch = curl_init($this->baseUrl . $path);
        curl_setopt($ch, CURLOPT_CUSTOMREQUEST, $method);
        curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
        curl_setopt($ch, CURLOPT_TIMEOUT, 30);
        if ($body !== null) {
            $headers[] = 'Content-Type: application/json';
            curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode($body, JSON_UNESCAPED_SLASHES | JSON_THROW_ON_ERROR));
        }
        curl_setopt($ch, CURLOPT_HTTPHEADER, $headers);
        $raw = curl_exec($ch);
        $status = curl_getinfo($ch, CURLINFO_RESPONSE_CODE);
        $error = curl_error($ch);
        curl_close($ch);
        if ($raw === false) {
            throw new LittlePayError("{$method} {$path}: {$error}");
        }
        $answer = json_decode($raw, true);
        if ($status < 200 || $status >= 300 || !is_array($answer)) {
            // Little Pay puts the human message in data.message.
            throw new LittlePayError("{$method} {$path}: HTTP {$status}: " . ($answer['data']['message'] ?? $raw));
        }
        return $answer['data'];
    }
}

/**
 * Checks a callback as Little Pay documents it: RSA-SHA256 (PKCS#1 v1.5) over timestamp . "." . body.
 *
 * The documented string is the timestamp, a dot and JSON.stringify of the body, and the body on the wire is
 * that same compact JSON, so the raw bytes received are verified: json_encode(json_decode(...)) would not
 * always give JavaScript's bytes back (it escapes "/" and turns {} into []). Answers null when the callback is
 * genuine and fresh, else the reason it is not.
 */
function verifyLittlePayCallback(string $publicKeyPem, string $rawBody, ?string $signature, ?string $timestamp, ?int $now = null): ?string
{
    if ($signature === null || $signature === '' || $timestamp === null || $timestamp === '') {
        return 'missing X-LittlePay-Signature or X-LittlePay-Timestamp';
    }
    if (!ctype_digit($timestamp)) {
        return 'X-LittlePay-Timestamp is not a number of seconds';
    }
    $binary = base64_decode($signature, true);
    if ($binary === false || openssl_verify($timestamp . '.' . $rawBody, $binary, $publicKeyPem, OPENSSL_ALGO_SHA256) !== 1) {
        return 'signature does not verify';
    }
    // Checked after the signature, so an attacker cannot learn anything from the clock check.
    if (abs(($now ?? time()) - (int) $timestamp) > LittlePay::REPLAY_WINDOW_SECONDS) {
        return 'timestamp outside the replay window';
    }
    return null;
}
