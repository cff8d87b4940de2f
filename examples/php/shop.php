<?php
// A minimal merchant backend on Little Pay: a signed-callback endpoint (public/callback.php, served by
// `php -S`) and one journey through the API.
//
//   php shop.php          the journey: create an intent that saves the card, pay it, read the status, refund
//                         part of it, pay a second order with the saved card; exits 0 when all held
//   php shop.php serve    only the callback endpoint, until Ctrl-C
//
// Settings (environment): LITTLEPAY_BASE_URL, LITTLEPAY_CLIENT_ID, LITTLEPAY_CLIENT_SECRET, LITTLEPAY_TOKEN_ID,
// LITTLEPAY_API_KEY (default: the simulator's first demo merchant), LITTLEPAY_PUBLIC_KEY_FILE (default: the
// simulator's key from /_sim/keys/callback.pem), SHOP_HOST and SHOP_PORT (default 127.0.0.1 and a free port).
declare(strict_types=1);

require __DIR__ . '/src/LittlePay.php';
require __DIR__ . '/src/Orders.php';

function setting(string $name, string $default): string
{
    $value = getenv($name);
    return $value === false || $value === '' ? $default : $value;
}

function expect(bool $condition, string $problem): void
{
    if (!$condition) {
        throw new RuntimeException($problem);
    }
}

/** Starts `php -S` on the callback endpoint; answers its URL. The server stops when this script ends. */
function startServer(string $baseUrl, string $dataDir): string
{
    $keyFile = getenv('LITTLEPAY_PUBLIC_KEY_FILE') ?: "{$dataDir}/littlepay-public.pem";
    if (!getenv('LITTLEPAY_PUBLIC_KEY_FILE')) {
        // The simulator signs with its own key; against Little Pay, configure its published key instead.
        file_put_contents($keyFile, file_get_contents("{$baseUrl}/_sim/keys/callback.pem"));
    }
    $host = setting('SHOP_HOST', '127.0.0.1');
    $port = (int) setting('SHOP_PORT', '0');
    if ($port === 0) {
        $probe = stream_socket_server("tcp://{$host}:0");
        $port = (int) substr(strrchr(stream_socket_get_name($probe, false), ':'), 1);
        fclose($probe);
    }
    $env = getenv() + ['LITTLEPAY_PUBLIC_KEY_FILE' => $keyFile, 'SHOP_ORDERS_FILE' => "{$dataDir}/orders.json"];
    $server = proc_open([PHP_BINARY, '-q', '-S', "{$host}:{$port}", __DIR__ . '/public/callback.php'], [1 => STDERR, 2 => STDERR], $pipes, null, $env);
    register_shutdown_function(fn () => proc_terminate($server));
    $url = "http://{$host}:{$port}/littlepay/callback";
    for ($i = 0; $i < 100 && @fsockopen($host, $port) === false; $i++) {
        usleep(50_000);
    }
    echo "callback endpoint: {$url}\n";
    return $url;
}

function journey(LittlePay $lp, Orders $orders, string $callbackUrl): void
{
    // 1. The Tokenization Guide's create body: createCustomer saves the card the shopper pays with.
    $key = 'SAVECARD' . strtoupper(bin2hex(random_bytes(4)));
    $orders->add($key, 100);
    $intent = $lp->createIntent([
        'amount' => 100, 'currency' => 'KES', 'description' => 'Saving card for future use', 'callbackUrl' => $callbackUrl,
        'key' => $key, 'payload' => ['billingAddress' => ['firstName' => 'John', 'lastName' => 'Doe', 'email' => 'john@example.com']],
        'metadata' => ['createCustomer' => true],
    ]);
    echo "1. intent {$intent['reference']} for order {$key}; the shopper pays at {$intent['checkoutUrl']}\n";
    payAsShopper($lp, $intent['reference']);
    $order = $orders->waitFor($key, 'COMPLETED');
    echo "2. signed callback verified: order {$key} COMPLETED, saved card {$order['customerId']}\n";
    $status = $lp->status($key);
    expect($status['status'] === 'COMPLETED', "status {$status['status']}");
    expect(($status['tokenInformation']['customer']['id'] ?? null) === $order['customerId'], 'the status names another saved card');
    echo "3. status of {$key}: {$status['status']}, paid by {$status['payment']['provider']}\n";
    $refund = $lp->refund($key, 40, 'One item returned');
    expect($refund['status'] === 'COMPLETED', "refund {$refund['status']}");
    echo "4. refund of 40 KES: {$refund['status']}\n";
    $second = 'ORDER' . strtoupper(bin2hex(random_bytes(4)));
    $orders->add($second, 250);
    $intent = $lp->createIntent(['amount' => 250, 'currency' => 'KES', 'description' => 'Second order', 'key' => $second, 'callbackUrl' => $callbackUrl]);
    $paid = $lp->payWithSavedCard($intent['reference'], $order['customerId']);
    expect($paid['status'] === 'COMPLETED', "saved-card payment {$paid['status']}");
    $orders->waitFor($second, 'COMPLETED');
    echo "5. order {$second} paid with the saved card: {$paid['status']}, callback verified\n";
}

/** What the hosted checkout does in the shopper's browser, with the simulator's frictionless test card. */
function payAsShopper(LittlePay $lp, string $reference): void
{
    $card = ['cc_number' => '4000000000002701', 'cc_cvv' => '123', 'cc_exp' => '01/39', 'cc_name' => 'John Doe'];
    $lp->payStep($reference, 'cspaToken', ['type' => 'CARDS', 'payment' => $card]);
    $lp->payStep($reference, 'enroll', ['deviceInformation' => [
        'httpBrowserColorDepth' => 24, 'httpBrowserJavaEnabled' => false, 'httpBrowserJavaScriptEnabled' => true,
        'httpBrowserLanguage' => 'en-US', 'httpBrowserScreenHeight' => 844, 'httpBrowserScreenWidth' => 390,
        'httpBrowserTimeDifference' => 0,
    ]]);
    $lp->payStep($reference, 'process', ['type' => 'CARDS']);
}

$baseUrl = setting('LITTLEPAY_BASE_URL', 'http://localhost:3000');
$dataDir = sys_get_temp_dir() . '/littlepay-shop-' . getmypid();
@mkdir($dataDir, 0700, true);
register_shutdown_function(function () use ($dataDir): void {
    array_map('unlink', glob("{$dataDir}/*"));
    @rmdir($dataDir);
});
$callbackUrl = startServer($baseUrl, $dataDir);
if (($argv[1] ?? '') === 'serve') {
    while (true) {
        sleep(60);
    }
}
journey(
    new LittlePay(
        $baseUrl,
        setting('LITTLEPAY_CLIENT_ID', '9a711fe0741dd9f8'),
        setting('LITTLEPAY_CLIENT_SECRET', 'VFrP59Q/3TvMVrmzsPchYA=='),
        setting('LITTLEPAY_TOKEN_ID', '5a231cf6-3ce6-4c5b-a664-f47aed39f8d7'),
        setting('LITTLEPAY_API_KEY', 'sk_sandbox_bdc9d69af6dd22a94232fec2d8a9fcfbe47ed6dd'),
    ),
    new Orders("{$dataDir}/orders.json"),
    $callbackUrl,
);
echo "journey: ok\n";
