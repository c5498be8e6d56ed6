package vn.ledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.StreamSupport;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * One Spring context for all API tests: the embedded server in memory, the demo seed cascade loaded, MockMvc
 * with the real filter chain (security, idempotency), the queries' clock fixed ({@link FixedClockConfiguration}),
 * and Tomcat on a random port for what only the servlet container does (its error reports, {@code /error}).
 * Tests create their own bodies and directives with unique
 * codes so that they do not depend on each other's order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"ledger.embedded.in-memory=true",
        // read models: check rebuilds often, retire replaced generations soon
        "ledger.read-models.monitor-interval=PT0.2S", "ledger.read-models.retire-grace=PT0.5S"})
@AutoConfigureMockMvc
@ActiveProfiles("demo")
@Import(FixedClockConfiguration.class)
public abstract class ApiTestSupport {

    /** Demo users (ledger.users in application-demo.yml); every non-admin demo password is "ledger". */
    protected static final String ADMIN = "admin";
    protected static final String INSPECTOR = "inspector";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected ObjectMapper json;
    @Autowired
    protected MongoDatabase database;

    protected static String password(String user) {
        return switch (user) {
            case ADMIN -> "admin";
            case INSPECTOR -> "inspector";
            default -> "ledger";
        };
    }

    /** A code no other test uses, e.g. T7-AB12. */
    protected static String uniqueCode(String prefix) {
        return prefix + COUNTER.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
    }

    protected record Response(int status, String contentType, JsonNode body, String raw, MvcResult result) {
        public String rule() {
            return body == null || body.get("rule") == null ? null : body.get("rule").asText();
        }

        public String field() {
            return body == null || body.get("field") == null ? null : body.get("field").asText();
        }

        public String text(String name) {
            return body.get(name) == null ? null : body.get(name).asText();
        }

        public String header(String name) {
            return result.getResponse().getHeader(name);
        }
    }

    protected Response post(String user, String path, Object body) throws Exception {
        return post(user, path, body, null);
    }

    protected Response post(String user, String path, Object body, String idempotencyKey) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(path).contentType(MediaType.APPLICATION_JSON);
        if (body != null) {
            request.content(body instanceof String s ? s : json.writeValueAsString(body));
        }
        if (user != null) {
            request.with(httpBasic(user, password(user)));
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return perform(request);
    }

    protected Response get(String user, String path) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.get(path);
        if (user != null) {
            request.with(httpBasic(user, password(user)));
        }
        return perform(request);
    }

    protected Response delete(String user, String path) throws Exception {
        return perform(MockMvcRequestBuilders.delete(path).with(httpBasic(user, password(user))));
    }

    private Response perform(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        String raw = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode body = raw.isBlank() ? null : json.readTree(raw);
        return new Response(result.getResponse().getStatus(), result.getResponse().getContentType(), body, raw,
                result);
    }

    /** Number of stored events of an aggregate (0 when none). */
    /** GET that the tracking processors may not have caught up with yet: retried until {@code check} holds. */
    protected JsonNode eventually(String user, String path, Consumer<JsonNode> check) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            Response r = get(user, path);
            assertThat(r.status()).as(r.raw()).isEqualTo(200);
            check.accept(r.body());
            last.set(r.body());
        });
        return last.get();
    }

    /** {@link #eventually(String, String, Consumer)} as the inspector. */
    protected JsonNode eventually(String path, Consumer<JsonNode> check) {
        return eventually(INSPECTOR, path, check);
    }

    /** The items of a JSON array (none for a missing one). */
    protected static List<JsonNode> list(JsonNode array) {
        return array == null ? List.of() : StreamSupport.stream(array.spliterator(), false).toList();
    }

    /** The items of a JSON array as text (none for a missing one). */
    protected static List<String> texts(JsonNode array) {
        return list(array).stream().map(JsonNode::asText).toList();
    }

    protected int eventCount(String aggregateId) throws Exception {
        Response r = get(INSPECTOR, "/api/history/" + aggregateId);
        if (r.status() == 404) {
            return 0;
        }
        assertThat(r.status()).isEqualTo(200);
        return r.body().get("count").asInt();
    }

    /** Number of commits in the store: a request that appends nothing leaves it unchanged. */
    protected long commitCount() {
        return database.getCollection("events").countDocuments();
    }

    /** The highest commit position taken (tombstones included): a refused request takes none. */
    protected long headPosition() {
        org.bson.Document last = database.getCollection("events").find()
                .sort(com.mongodb.client.model.Sorts.descending("_id")).limit(1).first();
        return last == null ? -1 : ((Number) last.get("_id")).longValue();
    }

    protected static void assertProblem(Response r, int status, String rule) {
        assertThat(r.status()).as(r.raw()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.rule()).as(r.raw()).isEqualTo(rule);
    }

    /** Registers a body as admin and returns its code. */
    protected String registerBody(String prefix, String parent, String level) throws Exception {
        String code = uniqueCode(prefix);
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("code", code);
        body.put("name", "Cơ quan thử " + code);
        body.put("parentCode", parent);
        body.put("level", level);
        Response r = post(ADMIN, "/api/bodies", body);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return code;
    }
}
