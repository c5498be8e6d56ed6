package vn.ledger.api.input;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.ledger.api.ApiTestSupport;
import vn.ledger.api.config.LedgerProperties;
import vn.ledger.api.demo.DemoDataLoader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input against every POST operation the application maps, over real HTTP (Tomcat): malformed and
 * ambiguous JSON, values of the wrong type, forbidden characters, oversized strings, lists and bodies, broken
 * UTF-8, wrong media types, hostile path segments. Given any of them, the answer is a 4xx problem+json naming the
 * rule (and the field where there is one), the event store is unchanged, and the service keeps serving.
 */
class HostileInputTest extends ApiTestSupport {

    private static final String TASK_CODE = "II.1";

    @LocalServerPort
    private int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;
    @Autowired
    private LedgerProperties properties;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TestFactory
    Stream<DynamicNode> everyPostOperationRefusesHostileInputCleanly() {
        Map<String, HandlerMethod> operations = HostileCases.postOperations(mappings.getHandlerMethods());
        LedgerProperties.Input limits = properties.input();
        Map<String, String> pathValues = Map.of(
                "bodies.code", "VPTW", "tasks.code", TASK_CODE, "id", DemoDataLoader.A, "directiveId", DemoDataLoader.A,
                "requestNo", "1", "name", "audit", "generation", "1");
        List<HostileCase> cases = new HostileCases(json, limits.maxBodyBytes(), limits.maxStringChars(),
                limits.maxListItems(), pathValues).generate(operations);

        Map<String, Long> perOperation = cases.stream()
                .collect(Collectors.groupingBy(HostileCase::operation, TreeMap::new, Collectors.counting()));
        assertThat(perOperation.keySet()).as("every POST operation is attacked")
                .containsExactlyInAnyOrderElementsOf(operations.keySet().stream().map(p -> "POST " + p).toList());
        assertThat(perOperation.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(5));
        assertThat(cases).hasSizeGreaterThanOrEqualTo(200);
        System.out.printf("hostile input: %d cases over %d POST operations %s%n", cases.size(), operations.size(),
                perOperation);

        Store before = store();
        List<DynamicNode> groups = new ArrayList<>();
        cases.stream().collect(Collectors.groupingBy(HostileCase::operation, TreeMap::new, Collectors.toList()))
                .forEach((operation, group) -> {
                    List<DynamicTest> tests = new ArrayList<>();
                    for (HostileCase c : group) {
                        tests.add(DynamicTest.dynamicTest(c.name(), () -> assertRefused(send(c), c)));
                    }
                    tests.add(DynamicTest.dynamicTest("nothing was stored",
                            () -> assertThat(store()).as("the event store after " + operation).isEqualTo(before)));
                    groups.add(DynamicContainer.dynamicContainer(operation, tests));
                });
        groups.add(DynamicTest.dynamicTest("the service keeps serving: a valid write is stored, a read answers", () -> {
            String code = registerBody("HOSTILE", "VPTW", "UNIT");
            assertThat(store().commits()).isEqualTo(before.commits() + 1);
            assertThat(get(INSPECTOR, "/api/bodies/" + code + "/history").status()).isEqualTo(200);
        }));
        return groups.stream();
    }

    @Test
    void anEncodedSlashInAPathSegmentIsRefusedByTheContainerAsProblemJson() throws IOException {
        Answer a = raw("POST /api/directives/a%2Fb/recall HTTP/1.1", "{\"reason\":\"x\"}");
        assertThat(a.status()).isEqualTo(400);
        assertProblemJson(a, "http.400");
    }

    @Test
    void invalidCharactersInTheUrlAreRefusedByTheContainerAsProblemJson() throws IOException {
        Answer a = raw("GET /api/directives/{x}|<y>/history HTTP/1.1", null);
        assertThat(a.status()).isEqualTo(400);
        assertProblemJson(a, "http.400");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/directives/a;b/history", "/api/directives/%2e%2e/history", "/api//directives",
            "/api/directives/%00/history", "/api/directives/a%5Cb/history", "/api/directives/a%25/history",
            "/api/directives/%ff/history", "/api/history/a\u0001b"})
    void malformedPathsAreRefusedAsProblemJsonByWhicheverLayerSeesThemFirst(String path) throws IOException {
        Answer a = raw("GET " + path + " HTTP/1.1", null);
        assertThat(a.status()).as(a.body()).isBetween(400, 499);
        assertThat(a.contentType()).as(path + ": " + a.body()).startsWith("application/problem+json");
        assertThat(json.readTree(a.body()).path("rule").asText()).as(a.body()).isNotEmpty();
    }

    @Test
    void theErrorPageAskedForDirectlyIsA404ProblemWithOrWithoutLogin() throws Exception {
        for (String user : new String[]{null, INSPECTOR}) {
            Answer a = send("GET", "/error", user, null, null, "*/*");
            assertThat(a.status()).isEqualTo(404);
            assertProblemJson(a, "http.404");
        }
    }

    @Test
    void unknownPathsWrongMethodsAndUnacceptableTypesAreProblemJson() throws Exception {
        Answer unknown = send("GET", "/api/nothing-here", INSPECTOR, null, null, "application/json");
        assertThat(unknown.status()).isEqualTo(404);
        assertProblemJson(unknown, "http.404");

        Answer method = send("GET", "/api/directives/" + DemoDataLoader.A + "/recall", INSPECTOR, null, null, "*/*");
        assertThat(method.status()).isEqualTo(405);
        assertProblemJson(method, "http.405");

        Answer html = send("GET", "/api/directives/" + DemoDataLoader.A + "/history", INSPECTOR, null, null,
                "text/html");
        assertThat(html.status()).isEqualTo(406);
        assertProblemJson(html, "http.406");

        Answer unsupported = send("POST", "/api/directives/" + DemoDataLoader.A + "/recall", "tuc",
                "application/xml", "<reason>x</reason>".getBytes(StandardCharsets.UTF_8), "*/*");
        assertThat(unsupported.status()).isEqualTo(415);
        assertProblemJson(unsupported, "http.415");
    }

    // ---- helpers ----

    /** What the event store holds: commits (tombstones included) and the highest position taken. */
    private record Store(long commits, long head) {
    }

    private Store store() {
        return new Store(commitCount(), headPosition());
    }

    private record Answer(int status, String contentType, String body) {
    }

    private void assertRefused(Answer a, HostileCase c) throws IOException {
        assertThat(a.status()).as(a.body()).isEqualTo(c.status());
        assertThat(a.contentType()).as(a.body()).startsWith("application/problem+json");
        JsonNode problem = json.readTree(a.body());
        assertThat(problem.path("status").asInt()).isEqualTo(c.status());
        assertThat(problem.path("rule").asText()).as(a.body()).isIn(c.rules());
        if (c.pointer() != null) {
            String named = problem.has("pointer") ? problem.get("pointer").asText() : problem.path("field").asText();
            assertThat(named).as(a.body()).isEqualTo(c.pointer());
        }
    }

    private void assertProblemJson(Answer a, String rule) throws IOException {
        assertThat(a.contentType()).as(a.body()).startsWith("application/problem+json");
        assertThat(json.readTree(a.body()).path("rule").asText()).as(a.body()).isEqualTo(rule);
    }

    private Answer send(HostileCase c) throws Exception {
        // as a client that prefers JSON but takes what an operation produces (a signed note is text/plain)
        return send("POST", c.path(), c.user(), c.contentType(), c.body(), "application/json, */*;q=0.5",
                c.chunked());
    }

    private Answer send(String method, String path, String user, String contentType, byte[] body, String accept)
            throws Exception {
        return send(method, path, user, contentType, body, accept, false);
    }

    private Answer send(String method, String path, String user, String contentType, byte[] body, String accept,
                        boolean chunked) throws Exception {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).method(method, publisher).header("Accept", accept);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (user != null) {
            request.header("Authorization", basic(user));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password(user)).getBytes(StandardCharsets.UTF_8));
    }

    /** A request written byte for byte, for what an HTTP client library refuses to send. */
    private Answer raw(String requestLine, String body) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            String head = requestLine + "\r\nHost: localhost\r\nAuthorization: " + basic("tuc")
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + content.length
                    + "\r\nConnection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int split = response.indexOf("\r\n\r\n");
            String[] lines = response.substring(0, split).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(), lines[i].substring(colon + 1).strip());
            }
            String payload = response.substring(split + 4);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                payload = dechunk(payload);
            }
            return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers.getOrDefault("content-type", ""),
                    payload);
        }
    }

    private static String dechunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (true) {
            int eol = chunked.indexOf("\r\n", i);
            int size = Integer.parseInt(chunked.substring(i, eol).strip(), 16);
            if (size == 0) {
                return out.toString();
            }
            out.append(chunked, eol + 2, eol + 2 + size);
            i = eol + 2 + size + 2;
        }
    }
}
