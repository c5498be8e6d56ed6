package vn.ledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Views name the bodies beside their codes; the finding reads answer as the ledger stood at a recorded instant;
 * the audit and the histories list the late entries alone.
 */
class NamesAndFindingAsOfApiTest extends ApiTestSupport {

    private static final String BKHCN = "Bộ Khoa học và Công nghệ";
    private static final String BTC = "Bộ Tài chính";




    private String issue(String symbol) throws Exception {
        Response r = post("tuc", "/api/directives", DirectiveApiTest.directive(symbol));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.text("id");
    }

    /** A recorded instant strictly between what was recorded before and what is recorded after. */
    private static Instant between() throws InterruptedException {
        Thread.sleep(5);
        Instant t = Instant.now();
        Thread.sleep(5);
        return t;
    }

    @Test
    void givenADirective_whenItsViewsAreRead_thenEveryBodyCodeHasItsNameBesideIt() throws Exception {
        String id = issue(DirectiveApiTest.symbol());
        assertThat(post("most.officer", "/api/tasks/" + id + "/1/acknowledge", Map.of("acknowledgedOn", "21/3/2026"))
                .status()).isEqualTo(200);

        JsonNode directive = eventually("/api/directives/" + id + "/state",
                a -> assertThat(a.at("/data/tasks/0/leadBodies")).isNotEmpty()).get("data");
        assertThat(directive.get("issuingBodyCode").asText()).isEqualTo("CQTT-BCDTW");
        assertThat(directive.get("issuingBodyName").asText()).startsWith("Cơ quan Thường trực Ban Chỉ đạo");
        assertThat(list(directive.get("recipients"))).extracting(r -> r.get("bodyCode").asText() + "="
                + r.get("bodyName").asText()).contains("BKHCN=" + BKHCN, "BTC=" + BTC);
        assertThat(texts(directive.at("/tasks/0/leadBodyNames"))).containsExactly(BKHCN);
        assertThat(texts(directive.at("/tasks/0/cooperatingBodyNames"))).containsExactly(BTC);
        assertThat(directive.at("/issuedBy/bodyName").asText()).as("the actor's body")
                .startsWith("Cơ quan Thường trực");

        JsonNode task = eventually("/api/tasks/" + id + "/1/state",
                a -> assertThat(a.at("/data/acknowledgements")).isNotEmpty()).get("data");
        assertThat(task.get("assignerBodyName").asText()).startsWith("Cơ quan Thường trực");
        assertThat(texts(task.get("leadBodyNames"))).containsExactly(BKHCN);
        assertThat(task.at("/acknowledgements/0/bodyName").asText()).isEqualTo(BKHCN);

        JsonNode root = eventually("/api/directives/" + id + "/chain?depth=1",
                a -> assertThat(a.at("/data/root/children")).isNotEmpty()).at("/data/root");
        assertThat(root.get("issuerName").asText()).startsWith("Cơ quan Thường trực");
        assertThat(list(root.get("recipients"))).extracting(r -> r.get("bodyName").asText()).contains(BKHCN, BTC);
        assertThat(list(root.get("children"))).extracting(c -> texts(c.get("leadNames"))).contains(List.of(BKHCN));

        JsonNode audit = eventually("/api/audit?entity=" + id + "/1&type=TaskAcknowledged",
                a -> assertThat(a.at("/data/entries")).hasSize(1)).at("/data/entries/0");
        assertThat(audit.at("/actor/bodyName").asText()).isEqualTo(BKHCN);
        assertThat(audit.get("authorityBodyName").asText()).startsWith("Cơ quan Thường trực");
        assertThat(texts(audit.get("bodyNames"))).contains(BKHCN);

        JsonNode dashboard = eventually("/api/bodies/BKHCN/dashboard", a -> { }).get("data");
        assertThat(dashboard.get("bodyName").asText()).isEqualTo(BKHCN);
        // as of an instant too (computed from the events)
        JsonNode then = get(INSPECTOR, "/api/directives/" + id + "/state?asOf=" + Instant.now()).body();
        assertThat(then.get("source").asText()).isEqualTo("events");
        assertThat(then.at("/data/issuingBodyName").asText()).startsWith("Cơ quan Thường trực");
    }

    @Test
    void givenARenameAfterAnInstant_whenTheTreeIsReadAsOfIt_thenTheBodyBearsItsNameThenAndLaterBodiesAreAbsent()
            throws Exception {
        String renamed = registerBody("R", "BKHCN", "UNIT");
        Instant t = between();
        String later = registerBody("L", "BKHCN", "UNIT");
        Response rename = post(ADMIN, "/api/bodies/" + renamed + "/rename", Map.of("newName", "Tên mới " + renamed));
        assertThat(rename.status()).as(rename.raw()).isBetween(200, 201);

        JsonNode now = eventually("/api/bodies?root=BKHCN", a -> assertThat(names(a.at("/data/0/children")))
                .contains(renamed + "=Tên mới " + renamed, later + "=Cơ quan thử " + later));
        assertThat(now.get("source").asText()).isEqualTo("read-model");

        JsonNode then = get(INSPECTOR, "/api/bodies?root=BKHCN&asOf=" + t).body();
        assertThat(then.get("source").asText()).isEqualTo("events");
        assertThat(then.at("/replay/aggregatesLoaded").asInt()).isGreaterThan(0);
        List<String> children = names(then.at("/data/0/children"));
        assertThat(children).contains(renamed + "=Cơ quan thử " + renamed);
        assertThat(children).noneMatch(c -> c.startsWith(later + "="));
        assertProblem(get(INSPECTOR, "/api/bodies?root=" + later + "&asOf=" + t), 404, "body.not-found");
        assertProblem(get(INSPECTOR, "/api/bodies?asOf=someday"), 400, "request.instant");
    }

    private static List<String> names(JsonNode nodes) {
        return list(nodes).stream().map(n -> n.get("code").asText() + "=" + n.get("name").asText()).toList();
    }

    @Test
    void givenDirectivesIssuedRecalledAndAliasedAroundAnInstant_whenFoundAsOfIt_thenTheyAreAsTheyStoodThen()
            throws Exception {
        String firstSymbol = DirectiveApiTest.symbol();
        String first = issue(firstSymbol);
        Instant t = between();
        String secondSymbol = DirectiveApiTest.symbol();
        String second = issue(secondSymbol);
        String alias = "AL" + firstSymbol;
        assertThat(post("tuc", "/api/directives/" + first + "/aliases", Map.of("alias", alias)).status())
                .isEqualTo(200);
        String word = "xuanhoa" + Long.toString(System.nanoTime(), 36);
        Response corrected = post("tuc", "/api/directives/" + first + "/corrections", Map.of("field", "SUBJECT",
                "newValue", "Về việc " + word, "reason", "Nhập sai trích yếu", "correctedOn", "24/3/2026"));
        assertThat(corrected.status()).as(corrected.raw()).isEqualTo(200);
        assertThat(post("tuc", "/api/directives/" + first + "/recall", Map.of("reason", "Nhầm",
                "recalledOn", "25/3/2026")).status()).isEqualTo(200);

        String listing = "/api/directives?issuer=CQTT-BCDTW&size=500";
        eventually(listing, a -> assertThat(ids(a)).contains(first, second));
        JsonNode then = get(INSPECTOR, listing + "&asOf=" + t).body();
        assertThat(then.get("source").asText()).as(then.toString()).isEqualTo("events");
        assertThat(ids(then)).contains(first).doesNotContain(second);
        JsonNode firstThen = list(then.at("/data/items")).stream()
                .filter(i -> first.equals(i.get("directiveId").asText())).findFirst().orElseThrow();
        assertThat(firstThen.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(texts(firstThen.get("aliases"))).doesNotContain(alias);
        assertThat(firstThen.get("issuingBodyName").asText()).startsWith("Cơ quan Thường trực");
        assertThat(firstThen.get("subject").asText()).as("before its correction").doesNotContain(word);
        eventually(listing + "&q=" + word, a -> assertThat(ids(a)).containsExactly(first));
        assertThat(ids(get(INSPECTOR, listing + "&q=" + word + "&asOf=" + t).body())).isEmpty();
        assertThat(ids(get(INSPECTOR, listing + "&status=RECALLED&asOf=" + t).body())).doesNotContain(first);
        assertThat(ids(get(INSPECTOR, listing + "&status=RECALLED").body())).contains(first);
        assertThat(ids(get(INSPECTOR, "/api/directives?recipient=BTC&size=500&asOf=" + t).body())).contains(first)
                .doesNotContain(second);

        assertThat(get(INSPECTOR, "/api/directives/by-symbol?symbol=" + firstSymbol + "&asOf=" + t).body()
                .at("/data/directiveIds/0").asText()).isEqualTo(first);
        assertProblem(get(INSPECTOR, "/api/directives/by-symbol?symbol=" + secondSymbol + "&asOf=" + t), 404,
                "directive.not-found");
        assertProblem(get(INSPECTOR, "/api/directives/by-symbol?symbol=" + alias + "&asOf=" + t), 404,
                "directive.not-found");
        eventually("/api/directives/by-symbol?symbol=" + alias,
                a -> assertThat(a.at("/data/directiveIds/0").asText()).isEqualTo(first));
        assertProblem(get(INSPECTOR, "/api/directives?asOf=31/13/2026"), 400, "request.instant");
    }

    private static List<String> ids(JsonNode answer) {
        return list(answer.at("/data/items")).stream().map(i -> i.get("directiveId").asText()).toList();
    }

    @Test
    void givenLateAndTimelyEntries_whenTheAuditAndTheHistoryAskForLateEntries_thenOnlyThoseAreListed()
            throws Exception {
        String body = registerBody("T", "BKHCN", "UNIT"); // registered today: not late
        String id = issue(DirectiveApiTest.symbol()); // issued 20/3/2026, recorded now: late

        JsonNode late = eventually("/api/audit?entity=" + id + "&lateEntry=true",
                a -> assertThat(a.at("/data/entries")).isNotEmpty()).at("/data/entries");
        assertThat(list(late)).allSatisfy(e -> assertThat(e.get("lateEntry").asBoolean()).isTrue());
        assertThat(get(INSPECTOR, "/api/audit?entity=" + id + "&lateEntry=true").body().at("/data/drivenBy").asText())
                .isNotBlank();
        eventually("/api/audit?entity=" + body + "&lateEntry=false",
                a -> assertThat(a.at("/data/entries")).hasSize(1));
        assertThat(get(INSPECTOR, "/api/audit?entity=" + body + "&lateEntry=true").body().at("/data/entries"))
                .isEmpty();
        // paged: every late entry of the issuer's body, no page overlapping the next
        JsonNode page = get(INSPECTOR, "/api/audit?body=CQTT-BCDTW&lateEntry=true&size=2").body().get("data");
        assertThat(page.get("count").asInt()).isEqualTo(2);
        JsonNode next = get(INSPECTOR, page.get("next").asText()).body().get("data");
        assertThat(list(next.get("entries"))).extracting(e -> e.get("id").asText())
                .doesNotContainAnyElementsOf(list(page.get("entries")).stream().map(e -> e.get("id").asText()).toList());
        assertThat(list(next.get("entries"))).allSatisfy(e -> assertThat(e.get("lateEntry").asBoolean()).isTrue());

        JsonNode history = get(INSPECTOR, "/api/directives/" + id + "/history?lateEntry=true").body();
        assertThat(history.get("count").asInt()).isEqualTo(1);
        assertThat(history.at("/bodyNames/BKHCN").asText()).as("named in its recipients").isEqualTo(BKHCN);
        assertThat(history.at("/bodyNames/CQTT-BCDTW").asText()).startsWith("Cơ quan Thường trực");
        assertThat(get(INSPECTOR, "/api/directives/" + id + "/history?lateEntry=false").body().get("count").asInt())
                .isZero();
        assertThat(get(INSPECTOR, "/api/bodies/" + body + "/history?lateEntry=true").body().get("count").asInt())
                .isZero();
        assertThat(get(INSPECTOR, "/api/history/" + body + "?lateEntry=false").body().get("count").asInt())
                .isEqualTo(1);
    }

    @Test
    void theNewParametersAreDocumentedAndTheNameResolverIsNotPartOfTheAnswer() throws Exception {
        JsonNode docs = get(null, "/v3/api-docs").body();
        for (String path : List.of("/api/directives", "/api/directives/by-symbol", "/api/bodies")) {
            assertThat(parameters(docs, path)).as(path).contains("asOf");
        }
        assertThat(parameters(docs, "/api/audit")).contains("lateEntry");
        assertThat(parameters(docs, "/api/directives/{id}/history")).contains("lateEntry");
        List<String> answers = new java.util.ArrayList<>();
        docs.at("/components/schemas").fields().forEachRemaining(schema -> {
            if (schema.getKey().startsWith("ReadAnswer")) {
                answers.add(schema.getKey());
                assertThat(schema.getValue().at("/properties").has("data")).as(schema.getKey()).isTrue();
                assertThat(schema.getValue().at("/properties").has("bodyNames")).as(schema.getKey()).isFalse();
            }
        });
        assertThat(answers).isNotEmpty();
    }

    private static List<String> parameters(JsonNode docs, String path) {
        return list(docs.at("/paths/" + path.replace("/", "~1") + "/get/parameters")).stream()
                .map(p -> p.get("name").asText()).toList();
    }
}
