<?php
// The callback endpoint, POST /littlepay/callback (the router script of `php -S`; behind nginx or Apache it is
// the same file). Answers at once: a slow answer is retried by Little Pay as if it were lost.
declare(strict_types=1);

require __DIR__ . '/../src/LittlePay.php';
require __DIR__ . '/../src/Orders.php';

function answer(int $status, array $payload): void
{
    http_response_code($status);
    header('Content-Type: application/json');
    echo json_encode($payload, JSON_UNESCAPED_SLASHES);
}

if (parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) !== '/littlepay/callback' || $_SERVER['REQUEST_METHOD'] !== 'POST') {
    answer(404, ['error' => 'not found']);
    return;
}

// Set by shop.php for `php -S`; behind another web server, set them in its configuration.
$keyFile = getenv('LITTLEPAY_PUBLIC_KEY_FILE');
$ordersFile = getenv('SHOP_ORDERS_FILE');
if (!$keyFile || !$ordersFile) {
    answer(500, ['error' => 'set LITTLEPAY_PUBLIC_KEY_FILE and SHOP_ORDERS_FILE']);
    return;
}
$raw = file_get_contents('php://input');
$problem = verifyLittlePayCallback(
    file_get_contents($keyFile),
    $raw,
    $_SERVER['HTTP_X_LITTLEPAY_SIGNATURE'] ?? null,
    $_SERVER['HTTP_X_LITTLEPAY_TIMESTAMP'] ?? null,
);
if ($problem !== null) {
    answer(401, ['error' => $problem]);
    return;
}
$body = json_decode($raw, true);
if (!is_array($body)) {
    answer(400, ['error' => 'body is not JSON']);
    return;
}
$result = (new Orders($ordersFile))->applyCallback($body);
answer(200, ['received' => true, 'result' => $result]);
