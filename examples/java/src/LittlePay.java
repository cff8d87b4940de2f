import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/** Little Pay for a Java merchant backend: the API calls a shop makes and the callback signature check. JDK only. */
final class LittlePay {
    /** A callback signed longer ago than this (or this far in the future) is refused as a replay. */
    static final long REPLAY_WINDOW_SECONDS = 300;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;
    private final String basicAuth;
    private final String tokenId;
    private final String apiKey;

    LittlePay(String baseUrl, String clientId, String clientSecret, String tokenId, String apiKey) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.basicAuth = "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        this.tokenId = tokenId;
        this.apiKey = apiKey;
    }

    /** POST /api/payments/{tokenId}/pay with Basic auth; answers data.reference and data.checkoutUrl. */
    Map<?, ?> createIntent(Map<String, Object> body) throws Exception {
        return call("POST", "/api/payments/" + tokenId + "/pay", body, "Authorization", basicAuth);
    }

    Map<?, ?> status(String keyOrReference) throws Exception {
        return call("GET", "/api/payments-v2/" + keyOrReference, null, "X-API-KEY", apiKey);
    }

    Map<?, ?> refund(String keyOrReference, Number amount, String reason) throws Exception {
        return call("POST", "/api/refund/" + keyOrReference, Map.of("amount", amount, "reason", reason), "X-API-KEY", apiKey);
    }

    /** The Tokenization Guide's process body: the saved card's customer id and nothing else. */
    Map<?, ?> payWithSavedCard(String reference, String customerId) throws Exception {
        return payStep(reference, "process", Map.of("type", "CARDS", "payment", Map.of("customer", Map.of("id", customerId))));
    }

    /** The shopper's /pay/{reference}/... calls (no credentials), made by the hosted checkout in production. */
    Map<?, ?> payStep(String reference, String step, Map<String, Object> body) throws Exception {
        return call("POST", "/pay/" + reference + "/" + step, body);
    }

    private Map<?, ?> call(String method, String path, Map<String, Object> body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (headers.length > 0) request.headers(headers);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(Json.write(body)));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        Object answer = Json.parse(response.body());
        if (response.statusCode() / 100 != 2) {
            // Little Pay puts the human message in data.message.
            throw new IllegalStateException(method + " " + path + ": HTTP " + response.statusCode() + ": " + Json.get(answer, "data", "message"));
        }
        return (Map<?, ?>) Json.get(answer, "data");
    }

    static PublicKey publicKey(String pem) throws GeneralSecurityException {
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    /**
     * Checks a callback as Little Pay documents it: RSA-SHA256 (PKCS#1 v1.5) over timestamp + "." + body.
     * The documented string is the timestamp, a dot and JSON.stringify of the body, and the body on the wire is
     * that same compact JSON, so the raw bytes received are verified rather than a re-serialisation, which would
     * have to reproduce JavaScript's number and escape formatting byte for byte. Answers null when the callback
     * is genuine and fresh, else the reason it is not.
     */
    static String verifyCallback(PublicKey key, byte[] rawBody, String signature, String timestamp, long nowSeconds) {
        if (signature == null || signature.isEmpty() || timestamp == null || timestamp.isEmpty()) {
            return "missing X-LittlePay-Signature or X-LittlePay-Timestamp";
        }
        if (!timestamp.matches("\\d{1,18}")) return "X-LittlePay-Timestamp is not a number of seconds";
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            verifier.update(rawBody);
            if (!verifier.verify(Base64.getDecoder().decode(signature))) return "signature does not verify";
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return "signature does not verify";
        }
        // Checked after the signature, so an attacker cannot learn anything from the clock check.
        if (Math.abs(nowSeconds - Long.parseLong(timestamp)) > REPLAY_WINDOW_SECONDS) return "timestamp outside the replay window";
        return null;
    }
}
