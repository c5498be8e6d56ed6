package vn.ledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The application in a child JVM on a data directory, spoken to over real HTTP: so that it can be killed with
 * SIGKILL ({@link Process#destroyForcibly()}) in the middle of requests, as a crash would, and started again.
 * Its output goes to a log file, from which the port (the child picks a free one) is read.
 */
final class ChildLedger implements AutoCloseable {

    /** A user of the child, given to it as {@code ledger.users[i]} arguments. */
    record User(String username, String password, String bodyCode, String role) {
    }

    record Response(int status, String raw, JsonNode body, boolean replayed) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        String rule() {
            return body == null || body.get("rule") == null ? null : body.get("rule").asText();
        }
    }

    private static final Pattern STARTED = Pattern.compile("Tomcat started on port (\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path log;
    private final Map<String, User> users;
    private final HttpClient http;
    private URI base;

    private ChildLedger(Process process, Path log, Map<String, User> users) {
        this.process = process;
        this.log = log;
        this.users = users;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Starts the application on {@code dataDir} and waits until its health endpoint answers UP. */
    static ChildLedger start(Path dataDir, Path log, List<User> users, Duration patience) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8", "-Duser.timezone=UTC",
                "-cp", mainClassPath(), LedgerApplication.class.getName(),
                "--server.port=0", "--ledger.data-dir=" + dataDir, "--spring.main.banner-mode=off",
                "--ledger.read-models.monitor-interval=PT0.2S", "--ledger.read-models.retire-grace=PT0.5S"));
        for (int i = 0; i < users.size(); i++) {
            User u = users.get(i);
            String p = "--ledger.users[" + i + "].";
            command.addAll(List.of(p + "username=" + u.username(), p + "password=" + TestPasswords.hash(u.password()),
                    p + "full-name=Test user " + u.username(), p + "position=Tester",
                    p + "body-code=" + u.bodyCode(), p + "roles[0]=" + u.role()));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        ChildLedger child = new ChildLedger(process, log,
                users.stream().collect(Collectors.toMap(User::username, u -> u)));
        try {
            child.awaitReady(patience);
        } catch (Exception | AssertionError e) {
            child.close();
            throw e;
        }
        return child;
    }

    /**
     * The test's class path without the test classes: the child is the application, and component scanning must
     * not pick up the tests' configurations (e.g. the fixed clock).
     */
    private static String mainClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.replace('\\', '/').endsWith("target/test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private void awaitReady(Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the child JVM exited with " + process.exitValue() + ":\n" + tail());
            }
            if (base == null) {
                Matcher m = STARTED.matcher(Files.readString(log, StandardCharsets.UTF_8));
                if (m.find()) {
                    base = URI.create("http://127.0.0.1:" + m.group(1));
                }
            } else {
                try {
                    HttpResponse<String> health = http.send(HttpRequest.newBuilder(base.resolve("/actuator/health"))
                            .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                    if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not accepting connections yet
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the child JVM was not ready within " + patience + ":\n" + tail());
    }

    /** The last lines of the child's log, for failure messages. */
    String tail() {
        return tail(40);
    }

    String tail(int count) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    Response post(String user, String path, String json, String idempotencyKey) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = request(user, path).header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.build());
    }

    Response get(String user, String path) throws IOException, InterruptedException {
        return send(request(user, path).GET().build());
    }

    private HttpRequest.Builder request(String user, String path) {
        User u = users.get(user);
        String basic = Base64.getEncoder().encodeToString((u.username() + ":" + u.password())
                .getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + basic);
    }

    private Response send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode body = null;
        if (!r.body().isBlank() && r.headers().firstValue("Content-Type").orElse("").contains("json")) {
            body = JSON.readTree(r.body());
        }
        return new Response(r.statusCode(), r.body(), body,
                "true".equals(r.headers().firstValue("Idempotency-Replayed").orElse(null)));
    }

    /** SIGKILL on Linux: no shutdown hook runs, nothing is flushed or closed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the child JVM did not die");
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
