package vn.ledger.bench.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One HTTP client of the running application (its own connection), logging in as the benchmark's users. */
final class LedgerHttp {

    private static final Pattern RULE = Pattern.compile("\"rule\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    LedgerHttp(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Sends the request; null when it was answered 2xx, else its status and problem rule. */
    String post(Workload.Request request) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + request.path()))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", basic(request.user()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request.json(), StandardCharsets.UTF_8));
        if (request.idempotencyKey() != null) {
            b.header("Idempotency-Key", request.idempotencyKey());
        }
        HttpResponse<String> response = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status / 100 == 2) {
            return null;
        }
        Matcher rule = RULE.matcher(response.body());
        return status + (rule.find() ? " " + rule.group(1) : "");
    }

    /** The body of a GET answered 200. */
    String get(String user, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", basic(user)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": " + response.statusCode());
        }
        return response.body();
    }

    /** As {@link #post}, but a refusal is a failure of the set-up. */
    void postOrFail(Workload.Request request) throws IOException, InterruptedException {
        String error = post(request);
        if (error != null) {
            throw new IllegalStateException("set-up request " + request.path() + " refused: " + error);
        }
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + Workload.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }
}
