import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;

/**
 * A minimal merchant backend on Little Pay: a signed-callback endpoint and one journey through the API.
 *
 *   java -cp build Shop          the journey: create an intent that saves the card, pay it, read the status,
 *                                refund part of it, pay a second order with the saved card; exits 0 when all held
 *   java -cp build Shop serve    only the callback endpoint, until Ctrl-C
 *
 * Settings (environment): LITTLEPAY_BASE_URL, LITTLEPAY_CLIENT_ID, LITTLEPAY_CLIENT_SECRET, LITTLEPAY_TOKEN_ID,
 * LITTLEPAY_API_KEY (default: the simulator's first demo merchant), LITTLEPAY_PUBLIC_KEY_FILE (default: the
 * simulator's key from /_sim/keys/callback.pem), SHOP_HOST and SHOP_PORT (default 127.0.0.1 and a free port).
 */
public final class Shop {
    static final String CALLBACK_PATH = "/littlepay/callback";
    static final String BASE_URL = setting("LITTLEPAY_BASE_URL", "http://localhost:3000");

    public static void main(String[] args) throws Exception {
        Orders orders = new Orders();
        HttpServer server = HttpServer.create(new InetSocketAddress(setting("SHOP_HOST", "127.0.0.1"), Integer.parseInt(setting("SHOP_PORT", "0"))), 0);
        PublicKey key = LittlePay.publicKey(readPublicKey());
        server.createContext(CALLBACK_PATH, exchange -> handleCallback(exchange, key, orders));
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        String callbackUrl = "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + CALLBACK_PATH;
        System.out.println("callback endpoint: " + callbackUrl);
        if (args.length == 1 && args[0].equals("serve")) return; // the server's threads keep the JVM running
        LittlePay lp = new LittlePay(BASE_URL,
            setting("LITTLEPAY_CLIENT_ID", "9a711fe0741dd9f8"),
            setting("LITTLEPAY_CLIENT_SECRET", "VFrP59Q/3TvMVrmzsPchYA=="),
            setting("LITTLEPAY_TOKEN_ID", "5a231cf6-3ce6-4c5b-a664-f47aed39f8d7"),
            setting("LITTLEPAY_API_KEY", "sk_sandbox_bdc9d69af6dd22a94232fec2d8a9fcfbe47ed6dd"));
        int exitCode = 0;
        try {
            journey(lp, orders, callbackUrl);
            System.out.println("journey: ok");
        } catch (Exception e) {
            e.printStackTrace();
            exitCode = 1;
        }
        server.stop(0);
        System.exit(exitCode); // the server's worker threads would otherwise linger
    }

    static void handleCallback(HttpExchange exchange, PublicKey key, Orders orders) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                answer(exchange, 405, Map.of("error", "POST only"));
                return;
            }
            byte[] raw = exchange.getRequestBody().readAllBytes();
            String problem = LittlePay.verifyCallback(key, raw,
                exchange.getRequestHeaders().getFirst("X-LittlePay-Signature"),
                exchange.getRequestHeaders().getFirst("X-LittlePay-Timestamp"),
                System.currentTimeMillis() / 1000);
            if (problem != null) {
                answer(exchange, 401, Map.of("error", problem));
                return;
            }
            Object body;
            try {
                body = Json.parse(new String(raw, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                answer(exchange, 400, Map.of("error", "body is not JSON"));
                return;
            }
            // Answer at once; a slow answer is retried by Little Pay as if it were lost.
            answer(exchange, 200, Map.of("received", true, "result", orders.applyCallback(body)));
        }
    }

    static void answer(HttpExchange exchange, int status, Map<String, Object> payload) throws IOException {
        byte[] data = Json.write(payload).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, data.length);
        exchange.getResponseBody().write(data);
    }

    static void journey(LittlePay lp, Orders orders, String callbackUrl) throws Exception {
        // 1. The Tokenization Guide's create body: createCustomer saves the card the shopper pays with.
        String key = "SAVECARD" + randomHex();
        orders.add(key);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", 100);
        body.put("currency", "KES");
        body.put("description", "Saving card for future use");
        body.put("callbackUrl", callbackUrl);
        body.put("key", key);
        body.put("payload", Map.of("billingAddress", Map.of("firstName", "John", "lastName", "Doe", "email", "john@example.com")));
        body.put("metadata", Map.of("createCustomer", true));
        Map<?, ?> intent = lp.createIntent(body);
        System.out.println("1. intent " + intent.get("reference") + " for order " + key + "; the shopper pays at " + intent.get("checkoutUrl"));
        payAsShopper(lp, (String) intent.get("reference"));
        String customerId = orders.waitFor(key, "COMPLETED").customerId;
        System.out.println("2. signed callback verified: order " + key + " COMPLETED, saved card " + customerId);
        Map<?, ?> status = lp.status(key);
        expect("COMPLETED".equals(status.get("status")), "status " + status.get("status"));
        expect(customerId.equals(Json.get(status, "tokenInformation", "customer", "id")), "the status names another saved card");
        System.out.println("3. status of " + key + ": " + status.get("status") + ", paid by " + Json.get(status, "payment", "provider"));
        Map<?, ?> refund = lp.refund(key, 40, "One item returned");
        expect("COMPLETED".equals(refund.get("status")), "refund " + refund.get("status"));
        System.out.println("4. refund of 40 KES: " + refund.get("status"));
        String second = "ORDER" + randomHex();
        orders.add(second);
        intent = lp.createIntent(Map.of("amount", 250, "currency", "KES", "description", "Second order", "key", second, "callbackUrl", callbackUrl));
        Map<?, ?> paid = lp.payWithSavedCard((String) intent.get("reference"), customerId);
        expect("COMPLETED".equals(paid.get("status")), "saved-card payment " + paid.get("status"));
        orders.waitFor(second, "COMPLETED");
        System.out.println("5. order " + second + " paid with the saved card: " + paid.get("status") + ", callback verified");
    }

    /** What the hosted checkout does in the shopper's browser, with the simulator's frictionless test card. */
    static void payAsShopper(LittlePay lp, String reference) throws Exception {
        Map<String, Object> card = Map.of("cc_number", "4000000000002701", "cc_cvv", "123", "cc_exp", "01/39", "cc_name", "John Doe");
        lp.payStep(reference, "cspaToken", Map.of("type", "CARDS", "payment", card));
        lp.payStep(reference, "enroll", Map.of("deviceInformation", Map.of(
            "httpBrowserColorDepth", 24, "httpBrowserJavaEnabled", false, "httpBrowserJavaScriptEnabled", true,
            "httpBrowserLanguage", "en-US", "httpBrowserScreenHeight", 844, "httpBrowserScreenWidth", 390,
            "httpBrowserTimeDifference", 0)));
        lp.payStep(reference, "process", Map.of("type", "CARDS"));
    }

    static String readPublicKey() throws Exception {
        String path = System.getenv("LITTLEPAY_PUBLIC_KEY_FILE");
        if (path != null && !path.isEmpty()) return Files.readString(Path.of(path));
        // The simulator signs with its own key; against Little Pay, configure its published key instead.
        try (var in = URI.create(BASE_URL + "/_sim/keys/callback.pem").toURL().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }

    static String randomHex() {
        byte[] bytes = new byte[4];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }

    static void expect(boolean condition, String problem) {
        if (!condition) throw new IllegalStateException(problem);
    }

    /** The shop's orders by key. A real shop keeps them in its database. */
    static final class Orders {
        static final class Order {
            String status = "PENDING";
            String customerId;
        }

        private final Map<String, Order> byKey = new LinkedHashMap<>();
        private final Set<List<Object>> seen = new HashSet<>();

        synchronized void add(String key) {
            byKey.put(key, new Order());
        }

        /** Idempotent: a callback seen before changes nothing, and nothing undoes a COMPLETED payment. */
        synchronized String applyCallback(Object body) {
            List<Object> seenKey = Arrays.asList(Json.get(body, "reference"), Json.get(body, "status"), Json.get(body, "date"));
            if (seen.contains(seenKey)) return "already processed";
            Order order = byKey.get(String.valueOf(Json.get(body, "key")));
            if (order == null) return "no such order, nothing to fulfil";
            seen.add(seenKey);
            if (!"COMPLETED".equals(order.status)) order.status = String.valueOf(Json.get(body, "status"));
            Object token = Json.get(body, "tokenInformation", "customer", "id");
            if (token != null) order.customerId = token.toString();
            notifyAll();
            return "order " + Json.get(body, "key") + " is " + order.status;
        }

        synchronized Order waitFor(String key, String status) throws InterruptedException {
            long deadline = System.currentTimeMillis() + 15_000;
            while (!status.equals(byKey.get(key).status)) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) throw new IllegalStateException("no " + status + " callback for " + key + " within 15 s");
                wait(left);
            }
            return byKey.get(key);
        }
    }
}
