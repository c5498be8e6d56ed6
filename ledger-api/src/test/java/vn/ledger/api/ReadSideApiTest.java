package vn.ledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import vn.ledger.api.demo.DemoDataLoader;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * The read side through HTTP: the seed cascade answered end to end on a fixed clock (10/4/2026 10:00 in Vietnam),
 * directive and task state, a body's dashboard, the audit trail with cursor paging, search with and without
 * diacritics, and as-of answers computed from the events that differ from now where they should.
 */
class ReadSideApiTest extends ApiTestSupport {

    private static final String A = DemoDataLoader.A;
    private static final String B = DemoDataLoader.B;
    private static final String C = DemoDataLoader.C;
    private static final Duration PATIENCE = Duration.ofSeconds(30);



    private static JsonNode child(JsonNode node, String label) {
        return list(node.get("children")).stream().filter(c -> label.equals(c.get("label").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no child " + label + " under " + node.get("label")));
    }

    private static Map<String, String> taskStatuses(JsonNode directiveNode) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode c : list(directiveNode.get("children"))) {
            if ("TASK".equals(c.get("kind").asText())) {
                out.put(c.get("label").asText(), c.get("status").asText());
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ the seed cascade

    @Test
    void theChainOf22TbShowsTheProvinceAndTheCommuneWithTheirTasksAndStatuses() throws Exception {
        JsonNode answer = eventually(INSPECTOR, "/api/directives/" + A + "/chain?depth=3", a -> {
            JsonNode province = child(a.at("/data/root"), "569-CV/TU");
            assertThat(taskStatuses(child(province, "506-CV/ĐU"))).hasSize(3);
        });
        assertThat(answer.get("source").asText()).isEqualTo("read-model");
        assertThat(answer.get("at").asText()).isEqualTo("2026-04-10T10:00:00+07:00");
        assertThat(answer.get("atUtc").asText()).isEqualTo("2026-04-10T03:00:00Z");

        JsonNode root = answer.at("/data/root");
        assertThat(root.get("label").asText()).isEqualTo("22-TB/CQTTBCĐ");
        assertThat(root.get("kind").asText()).isEqualTo("DIRECTIVE");
        assertThat(taskStatuses(root)).containsEntry("II.1", "IN_PROGRESS_ON_TIME") // acknowledged, reported, due 30/4
                .containsEntry("II.3", "NOT_STARTED")
                .containsEntry("App.1", "OVERDUE_NOT_DONE"); // due before 5/4

        JsonNode province = child(root, "569-CV/TU");
        assertThat(province.get("kind").asText()).isEqualTo("DIRECTIVE");
        assertThat(province.get("issuer").asText()).isEqualTo("TU-DIENBIEN");
        assertThat(province.get("depth").asInt()).isEqualTo(1);
        assertThat(taskStatuses(province)).containsExactly(Map.entry("1", "NOT_STARTED"),
                Map.entry("2", "NOT_STARTED"), Map.entry("3", "IN_PROGRESS_ON_TIME")); // 3 was reported on 25/3

        JsonNode commune = child(province, "506-CV/ĐU");
        assertThat(commune.get("issuer").asText()).isEqualTo("DU-SINHBINH");
        assertThat(commune.get("depth").asInt()).isEqualTo(2);
        assertThat(list(commune.get("alsoImplements"))).extracting(JsonNode::asText).contains(A);
        assertThat(taskStatuses(commune)).containsExactly(Map.entry("1", "IN_PROGRESS_ON_TIME"),
                Map.entry("2", "NOT_STARTED"), Map.entry("3", "NOT_STARTED"));
        // the commune received 569-CV/TU on 24/3, the day after its issue, and acted (506-CV/ĐU) on 25/3
        JsonNode du = list(province.get("recipients")).stream()
                .filter(r -> "DU-SINHBINH".equals(r.get("body").asText())).findFirst().orElseThrow();
        assertThat(du.get("receivedOn").asText()).isEqualTo("2026-03-24");
        assertThat(du.get("daysToReceive").asInt()).isEqualTo(1);
        assertThat(list(du.get("forwardedAs"))).extracting(JsonNode::asText).containsExactly(C);

        // roll-up of the whole tree: 7 + 3 + 3 tasks, one overdue at least, the latest deadline end of June
        JsonNode rollup = root.get("rollup");
        assertThat(rollup.get("tasks").asLong()).isGreaterThanOrEqualTo(13);
        assertThat(rollup.get("directives").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(rollup.get("overdue").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(rollup.get("latestDeadline").asText()).isEqualTo("2026-06-30");
        assertThat(province.at("/rollup/tasks").asLong()).isEqualTo(6);

        // depth 0: the node alone, still with the roll-up of everything below
        JsonNode shallow = get(INSPECTOR, "/api/directives/" + A + "/chain?depth=0").body().at("/data/root");
        assertThat(shallow.get("children")).isEmpty();
        assertThat(shallow.get("childCount").asInt()).isEqualTo(root.get("childCount").asInt());
        assertThat(shallow.at("/rollup/tasks").asLong()).isEqualTo(rollup.get("tasks").asLong());

        // pages of the root's children
        JsonNode page1 = get(INSPECTOR, "/api/directives/" + A + "/chain?depth=1&size=3&page=1").body()
                .at("/data/root");
        assertThat(page1.get("children")).hasSize(3);
        assertThat(page1.get("children").get(0).get("label").asText())
                .isEqualTo(root.get("children").get(3).get("label").asText());

        // the chain of a task (two path segments)
        Response task = get(INSPECTOR, "/api/tasks/" + B + "/3/chain");
        assertThat(task.status()).as(task.raw()).isEqualTo(200);
        assertThat(task.body().at("/data/root/kind").asText()).isEqualTo("TASK");
        assertThat(task.body().at("/data/root/status").asText()).isEqualTo("IN_PROGRESS_ON_TIME");

        assertProblem(get(INSPECTOR, "/api/directives/no-such-directive/chain"), 404, "directive.not-found");
        assertProblem(get(INSPECTOR, "/api/tasks/" + A + "/II.99/chain"), 404, "task.not-found");
        assertProblem(get(INSPECTOR, "/api/directives/" + A + "/chain?depth=-1"), 400, "validation.failed");
        assertProblem(get(null, "/api/directives/" + A + "/chain"), 401, "auth.unauthenticated");
    }

    @Test
    void stallsAndCoverageOfTheCascade() throws Exception {
        JsonNode stalls = eventually(INSPECTOR, "/api/directives/" + A + "/stalls?afterDays=7",
                a -> assertThat(a.at("/data/deepestLevel").asInt()).isGreaterThanOrEqualTo(2)).get("data");
        // on 10/4: recipients that received more than 7 days ago and did nothing, silent ones, tasks nobody started
        assertThat(stalls.get("afterDays").asInt()).isEqualTo(7);
        assertThat(stalls.get("cutoff").asText()).isEqualTo("2026-04-03");
        assertThat(stalls.get("receivedNotActed").asLong()).isPositive();
        assertThat(stalls.get("tasksNotStarted").asLong()).isPositive();
        assertThat(list(stalls.get("items"))).extracting(i -> i.get("reason").asText())
                .contains("RECEIVED_NOT_ACTED", "TASK_NOT_STARTED");

        JsonNode coverage = get(INSPECTOR, "/api/directives/" + A + "/coverage").body().get("data");
        assertThat(coverage.get("gaps").asLong()).isPositive();
        assertThat(coverage.get("rule").asText()).isEqualTo("chain-coverage/2");
        assertThat(coverage.get("previousRule").asText()).isEqualTo("chain-coverage/1");
        // 506-CV/ĐU cites 569-CV/TU but links its task 2 to 22-TB's II.1–II.6: it passed 569's task 1 on
        // without a concrete task of Sính Bình for it
        assertThat(list(coverage.get("items"))).filteredOn(i -> i.get("taskId").asText().equals(B + "/1")
                        && i.get("leadBody").asText().equals("DU-SINHBINH")).singleElement()
                .satisfies(i -> {
                    assertThat(i.get("reason").asText()).isEqualTo("PASSED_ON_WITHOUT_CONCRETE_TASKS");
                    assertThat(list(i.get("passedOnIn"))).extracting(JsonNode::asText).containsExactly(C);
                });
        assertThat(list(coverage.get("byLead"))).filteredOn(l -> l.get("leadBody").asText().equals("DU-SINHBINH"))
                .singleElement().satisfies(l -> assertThat(list(l.get("taskIds"))).extracting(JsonNode::asText)
                        .contains(B + "/1"));
        assertThat(get(INSPECTOR, "/api/tasks/" + A + "/II.1/stalls").status()).isEqualTo(200);
        assertThat(get(INSPECTOR, "/api/tasks/" + A + "/II.1/coverage").status()).isEqualTo(200);
    }

    // ------------------------------------------------------------------ state

    @Test
    void directiveStateAndTaskStateOnTheFixedClock() throws Exception {
        JsonNode a = eventually(INSPECTOR, "/api/directives/" + A + "/state", s -> assertThat(
                list(s.at("/data/implementedBy")).stream().map(l -> l.get("directiveId").asText()).toList())
                .contains(B, C)).get("data");
        assertThat(a.get("symbol").asText()).isEqualTo("22-TB/CQTTBCĐ");
        assertThat(list(a.get("aliases"))).extracting(x -> x.get("alias").asText())
                .contains("22-TB/VPTW", "22-TB/CQTTCĐ");
        // every instant twice: Vietnam's legal time with its offset, and UTC
        JsonNode alias = a.get("aliases").get(0);
        assertThat(alias.get("recordedAt").asText()).endsWith("+07:00");
        assertThat(alias.get("recordedAtUtc").asText()).endsWith("Z");
        assertThat(Instant.parse(alias.get("recordedAtUtc").asText()))
                .isEqualTo(java.time.OffsetDateTime.parse(alias.get("recordedAt").asText()).toInstant());
        JsonNode most = list(a.get("recipients")).stream()
                .filter(r -> "BKHCN".equals(r.get("bodyCode").asText())).findFirst().orElseThrow();
        assertThat(most.get("receivedOn").asText()).isEqualTo("2026-03-20");
        assertThat(most.get("role").asText()).isEqualTo("ACTION");
        Map<String, String> tasks = new LinkedHashMap<>();
        list(a.get("tasks")).forEach(t -> tasks.put(t.get("code").asText(), t.get("timeliness").asText()));
        assertThat(tasks).containsEntry("II.1", "IN_PROGRESS_ON_TIME").containsEntry("App.1", "OVERDUE_NOT_DONE");
        assertThat(a.get("ruleVersion").asText()).isEqualTo("vn-task-timeliness/2");

        // C cites A as 22-TB/VPTW: resolved to A, with A's symbol
        JsonNode c = get(INSPECTOR, "/api/directives/" + C + "/state").body().get("data");
        assertThat(list(c.get("implementsDirectives"))).anySatisfy(l -> {
            assertThat(l.get("asWritten").asText()).isEqualTo("22-TB/VPTW");
            assertThat(l.get("directiveId").asText()).isEqualTo(A);
            assertThat(l.get("currentSymbol").asText()).isEqualTo("22-TB/CQTTBCĐ");
        });

        // a monthly duty assigned in March: March's report missed, April's received
        JsonNode ii2 = eventually(INSPECTOR, "/api/tasks/" + A + "/II.2/state",
                t -> assertThat(t.at("/data/reports")).isNotEmpty()).get("data");
        assertThat(ii2.get("timeliness").asText()).isEqualTo("IN_PROGRESS_ON_TIME");
        assertThat(ii2.get("ruleVersion").asText()).isEqualTo("vn-task-timeliness/2");
        assertThat(ii2.at("/schedule/missed").asInt()).isEqualTo(1);
        assertThat(list(ii2.at("/schedule/missedPeriods"))).extracting(JsonNode::asText).containsExactly("2026-03");
        assertThat(list(ii2.at("/schedule/periods"))).anySatisfy(p -> {
            assertThat(p.get("period").asText()).isEqualTo("2026-04");
            assertThat(p.get("state").asText()).isEqualTo("RECEIVED");
        });
        JsonNode app1 = get(INSPECTOR, "/api/tasks/" + A + "/App.1/state").body().get("data");
        assertThat(app1.get("timeliness").asText()).isEqualTo("OVERDUE_NOT_DONE");
        assertThat(app1.at("/deadlineInForce/dueDate").asText()).isEqualTo("2026-04-04");

        assertProblem(get(INSPECTOR, "/api/directives/nothing-here/state"), 404, "directive.not-found");
        assertProblem(get(INSPECTOR, "/api/tasks/" + A + "/II.42/state"), 404, "task.not-found");
        assertProblem(get(INSPECTOR, "/api/directives/" + A + "/state?asOf=yesterday"), 400, "request.instant");
    }

    // ------------------------------------------------------------------ dashboard

    @Test
    void dashboardOfACommuneAndItsSubtree() throws Exception {
        // Sính Bình leads task 1 of 569-CV/TU; its units lead the tasks of 506-CV/ĐU (task 1 by two of them)
        JsonNode tree = eventually(INSPECTOR, "/api/bodies/DU-SINHBINH/dashboard?subtree=true",
                d -> assertThat(d.at("/data/assigned").asLong()).isEqualTo(5)).get("data");
        assertThat(tree.get("name").asText()).isEqualTo("Đảng ủy xã Sính Bình");
        assertThat(tree.get("level").asText()).isEqualTo("COMMUNE");
        assertThat(tree.get("subtree").asBoolean()).isTrue();
        assertThat(tree.get("today").asText()).isEqualTo("2026-04-10");
        assertThat(tree.get("open").asLong()).isEqualTo(5);
        assertThat(tree.get("openWithoutDueDate").asLong()).isEqualTo(5); // none of these tasks has a deadline
        assertThat(tree.get("overdue").asLong()).isZero();
        assertThat(tree.get("ruleVersion").asText()).isEqualTo("vn-task-timeliness/2");
        assertThat(list(tree.get("trends"))).anySatisfy(m -> {
            assertThat(m.get("month").asText()).isEqualTo("2026-03");
            assertThat(m.get("assigned").asLong()).isEqualTo(5);
        });
        JsonNode self = get(INSPECTOR, "/api/bodies/DU-SINHBINH/dashboard").body().get("data");
        assertThat(self.get("assigned").asLong()).isEqualTo(1);

        // the ministry's: App.1 (due before 5/4) is overdue on 10/4, II.1 (end of April) due within 30 days
        JsonNode most = get(INSPECTOR, "/api/bodies/BKHCN/dashboard?dueWithinDays=30").body().get("data");
        assertThat(most.get("overdue").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(most.get("dueSoon").asLong()).isGreaterThanOrEqualTo(1);
        assertProblem(get(INSPECTOR, "/api/bodies/NO-SUCH-BODY/dashboard"), 404, "body.not-found");
    }

    // ------------------------------------------------------------------ audit

    @Test
    void auditTrailOfOneActorPagedWithACursor() throws Exception {
        // bxdd.officer (Sính Bình) received 506-CV/ĐU, acknowledged and reported on its task 1
        String path = "/api/audit?actor=bxdd.officer&size=2";
        eventually(INSPECTOR, "/api/audit?actor=bxdd.officer", a -> assertThat(a.at("/data/count").asInt()).isEqualTo(3));
        Response first = get(INSPECTOR, path);
        JsonNode page1 = first.body().get("data");
        assertThat(page1.get("entries")).hasSize(2);
        assertThat(page1.get("nextCursor").isNull()).isFalse();
        assertThat(page1.get("next").asText()).startsWith("/api/audit?").contains("cursor=");
        JsonNode page2 = get(INSPECTOR, page1.get("next").asText()).body().get("data");
        assertThat(page2.get("entries")).hasSize(1);
        assertThat(page2.get("nextCursor").isNull()).isTrue();

        List<JsonNode> all = new ArrayList<>(list(page1.get("entries")));
        all.addAll(list(page2.get("entries")));
        assertThat(all).extracting(e -> e.at("/actor/username").asText()).containsOnly("bxdd.officer");
        assertThat(all).extracting(e -> e.get("eventType").asText())
                .containsExactly("DirectiveReceived", "TaskAcknowledged", "ProgressReported");
        assertThat(all).extracting(e -> e.get("id").asText()).isSorted();
        JsonNode received = all.get(0);
        assertThat(received.get("entityId").asText()).isEqualTo(C);
        assertThat(received.get("businessDate").asText()).isEqualTo("2026-03-26");
        assertThat(received.get("authorityBodyCode").asText()).isEqualTo("DU-SINHBINH");
        assertThat(received.at("/actor/fullName").asText()).isEqualTo("Chuyên viên Ban Xây dựng Đảng xã");
        assertThat(received.get("recordedAt").asText()).endsWith("+07:00");

        // combined filters: the same actor on one entity, and by event type
        JsonNode onTask = get(INSPECTOR, "/api/audit?actor=bxdd.officer&entity=" + C + "/1").body().get("data");
        assertThat(list(onTask.get("entries"))).extracting(e -> e.get("eventType").asText())
                .containsExactly("TaskAcknowledged", "ProgressReported");
        JsonNode reports = get(INSPECTOR, "/api/audit?actor=bxdd.officer&type=ProgressReported").body().get("data");
        assertThat(reports.get("count").asInt()).isEqualTo(1);
        // nothing recorded before the demo was loaded
        JsonNode before = get(INSPECTOR, "/api/audit?actor=bxdd.officer&to=2020-01-01").body().get("data");
        assertThat(before.get("count").asInt()).isZero();
        assertProblem(get(INSPECTOR, "/api/audit?from=2026-05-01&to=2026-04-01"), 400, "request.range");
    }

    // ------------------------------------------------------------------ search

    @Test
    void searchFindsTrienKhaiWithAndWithoutDiacritics() throws Exception {
        JsonNode plain = eventually(INSPECTOR, "/api/search/directives?q=" + "trien khai",
                s -> assertThat(symbols(s)).contains("569-CV/TU", "506-CV/ĐU")).get("data");
        assertThat(plain.get("query").asText()).isEqualTo("trien khai");
        assertThat(plain.get("allWordsMatched").asBoolean()).isTrue();
        JsonNode accented = get(INSPECTOR, "/api/search/directives?q=" + "triển khai").body();
        assertThat(accented.at("/data/query").asText()).isEqualTo("triển khai");
        assertThat(accented.at("/data/allWordsMatched").asBoolean()).isTrue();
        assertThat(symbols(accented)).contains("569-CV/TU", "506-CV/ĐU");
        // by an alias, and by the issuer's name without diacritics
        assertThat(symbols(get(INSPECTOR, "/api/search/directives?q=" + "22-TB/VPTW").body()))
                .contains("22-TB/CQTTBCĐ");
        assertThat(symbols(get(INSPECTOR, "/api/search/directives?q=" + "sinh binh").body()))
                .contains("506-CV/ĐU");
        assertProblem(get(INSPECTOR, "/api/search/directives?q="), 400, "request.query");
    }

    private static List<String> symbols(JsonNode answer) {
        return list(answer.at("/data/hits")).stream().map(h -> h.get("symbol").asText()).toList();
    }

    // ------------------------------------------------------------------ as of

    @Test
    void asOfBeforeAReceiptAndACompletionDiffersFromNow() throws Exception {
        String symbol = DirectiveApiTest.symbol();
        Response issued = post("tuc", "/api/directives", DirectiveApiTest.directive(symbol));
        assertThat(issued.status()).as(issued.raw()).isEqualTo(201);
        String id = issued.text("id");
        eventually(INSPECTOR, "/api/directives/" + id + "/state", s -> { });
        Instant beforeAll = Instant.now();
        Thread.sleep(5);

        Response receipt = post("mof.officer", "/api/directives/" + id + "/receipts", Map.of("receivedOn", "22/3/2026"));
        assertThat(receipt.status()).as(receipt.raw()).isBetween(200, 201);
        Thread.sleep(5);
        Instant afterReceipt = Instant.now();
        Thread.sleep(5);
        Response done = post("most.officer", "/api/tasks/" + id + "/1/complete",
                Map.of("productDescription", "Danh mục đã trình", "completedOn", "3/4/2026"));
        assertThat(done.status()).as(done.raw()).isBetween(200, 201);
        Thread.sleep(5);
        Instant afterCompletion = Instant.now();

        // now (read model, fixed clock): received by BTC, task 1 done on time (3/4, due 4/4)
        JsonNode now = eventually(INSPECTOR, "/api/directives/" + id + "/state",
                s -> assertThat(taskLine(s.get("data"), "1").get("timeliness").asText()).isEqualTo("DONE_ON_TIME"))
                .get("data");
        assertThat(recipient(now, "BTC").get("receivedOn").asText()).isEqualTo("2026-03-22");

        // as of before the receipt: computed from the events, BTC has not received it, the task is not done
        Response then = get(INSPECTOR, "/api/directives/" + id + "/state?asOf=" + beforeAll);
        assertThat(then.status()).as(then.raw()).isEqualTo(200);
        assertThat(then.text("source")).isEqualTo("events");
        assertThat(then.text("atUtc")).isEqualTo(beforeAll.toString());
        assertThat(then.body().at("/replay/aggregatesLoaded").asInt()).isGreaterThanOrEqualTo(3);
        JsonNode early = then.body().get("data");
        assertThat(recipient(early, "BTC").get("receivedOn").isNull()).isTrue();
        // judged at that instant (after 4/4): overdue
        assertThat(taskLine(early, "1").get("timeliness").asText()).isEqualTo("OVERDUE_NOT_DONE");

        // between the receipt and the completion
        JsonNode middle = get(INSPECTOR, "/api/directives/" + id + "/state?asOf=" + afterReceipt).body().get("data");
        assertThat(recipient(middle, "BTC").get("receivedOn").asText()).isEqualTo("2026-03-22");
        assertThat(taskLine(middle, "1").get("timeliness").asText()).isEqualTo("OVERDUE_NOT_DONE");

        // the task itself, and a local date-time in Vietnam as the instant
        String local = afterReceipt.atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toLocalDateTime().toString();
        JsonNode taskThen = get(INSPECTOR, "/api/tasks/" + id + "/1/state?asOf=" + local).body().get("data");
        assertThat(taskThen.get("completion").isNull()).isTrue();
        JsonNode taskLater = get(INSPECTOR, "/api/tasks/" + id + "/1/state?asOf=" + afterCompletion).body()
                .get("data");
        assertThat(taskLater.at("/completion/completedOn").asText()).isEqualTo("2026-04-03");
        assertThat(taskLater.get("timeliness").asText()).isEqualTo("DONE_ON_TIME");

        // the chain: the task node's status before and after
        JsonNode chainThen = get(INSPECTOR, "/api/directives/" + id + "/chain?asOf=" + afterReceipt).body();
        assertThat(chainThen.get("source").asText()).isEqualTo("events");
        assertThat(taskStatuses(chainThen.at("/data/root"))).containsEntry("1", "OVERDUE_NOT_DONE");
        JsonNode chainNow = get(INSPECTOR, "/api/directives/" + id + "/chain?asOf=" + afterCompletion).body();
        assertThat(taskStatuses(chainNow.at("/data/root"))).containsEntry("1", "DONE_ON_TIME");

        // the ministry's dashboard: one more task done on time after the completion than before it
        JsonNode dashThen = get(INSPECTOR, "/api/bodies/BKHCN/dashboard?asOf=" + afterReceipt).body().get("data");
        JsonNode dashLater = get(INSPECTOR, "/api/bodies/BKHCN/dashboard?asOf=" + afterCompletion).body()
                .get("data");
        assertThat(dashLater.get("doneOnTime").asLong()).isEqualTo(dashThen.get("doneOnTime").asLong() + 1);
        JsonNode dashNow = eventually(INSPECTOR, "/api/bodies/BKHCN/dashboard", d -> assertThat(
                d.at("/data/doneOnTime").asLong()).isEqualTo(dashLater.get("doneOnTime").asLong())).get("data");
        assertThat(dashNow.get("assigned").asLong()).isEqualTo(dashLater.get("assigned").asLong());

        // before the directive existed: 404
        assertProblem(get(INSPECTOR, "/api/directives/" + id + "/state?asOf=2026-01-01"), 404,
                "directive.not-found");
        // the task's audit trail as it stood after the receipt: its assignment only; now also its completion
        JsonNode auditThen = get(INSPECTOR, "/api/audit?entity=" + id + "/1&asOf=" + afterReceipt).body();
        assertThat(auditThen.get("atUtc").asText()).isEqualTo(afterReceipt.toString());
        assertThat(list(auditThen.at("/data/entries"))).extracting(e -> e.get("eventType").asText())
                .containsExactly("TaskAssigned");
        JsonNode auditNow = eventually(INSPECTOR, "/api/audit?entity=" + id + "/1",
                x -> assertThat(x.at("/data/count").asInt()).isEqualTo(2)).get("data");
        assertThat(list(auditNow.get("entries"))).extracting(e -> e.get("eventType").asText())
                .containsExactly("TaskAssigned", "TaskCompleted");
        // search as of an instant before the directive: not found then, found now
        JsonNode searchThen = get(INSPECTOR, "/api/search/directives?q=" + symbol + "&asOf=2026-01-01").body();
        assertThat(searchThen.get("source").asText()).isEqualTo("events");
        assertThat(symbols(searchThen)).doesNotContain(symbol);
        assertThat(symbols(eventually(INSPECTOR, "/api/search/directives?q=" + symbol,
                s -> assertThat(symbols(s)).contains(symbol)))).contains(symbol);
    }

    private static JsonNode recipient(JsonNode directive, String body) {
        return list(directive.get("recipients")).stream().filter(r -> body.equals(r.get("bodyCode").asText()))
                .findFirst().orElseThrow();
    }

    private static JsonNode taskLine(JsonNode directive, String code) {
        Optional<JsonNode> line = list(directive.get("tasks")).stream()
                .filter(t -> code.equals(t.get("code").asText())).findFirst();
        return line.orElseThrow(() -> new AssertionError("no task " + code));
    }

    // ------------------------------------------------------------------ documentation and pictures

    @Test
    void readEndpointsAreDocumentedInOpenApi() throws Exception {
        JsonNode paths = get(null, "/v3/api-docs").body().get("paths");
        assertThat(paths.has("/api/directives/{id}/state")).isTrue();
        assertThat(paths.has("/api/tasks/{directiveId}/{code}/state")).isTrue();
        assertThat(paths.has("/api/directives/{id}/chain")).isTrue();
        assertThat(paths.has("/api/tasks/{directiveId}/{code}/chain")).isTrue();
        assertThat(paths.has("/api/directives/{id}/stalls")).isTrue();
        assertThat(paths.has("/api/directives/{id}/coverage")).isTrue();
        assertThat(paths.has("/api/bodies/{code}/dashboard")).isTrue();
        assertThat(paths.has("/api/audit")).isTrue();
        assertThat(paths.has("/api/search/directives")).isTrue();
        assertThat(paths.has("/api/admin/read-models")).isTrue();
        assertThat(paths.has("/api/admin/read-models/{name}/rebuild")).isTrue();
        assertThat(paths.has("/api/admin/read-models/{name}/compare")).isTrue();
        assertThat(paths.at("/~1api~1directives~1{id}~1state/get/parameters").findValuesAsText("name"))
                .contains("asOf");
    }

    @Test
    void thePicturesPageIsServedBehindTheLogin() throws Exception {
        assertThat(get(null, "/ui/").status()).isEqualTo(401);
        MvcResult page = mvc.perform(MockMvcRequestBuilders.get("/ui/").with(httpBasic(INSPECTOR, "inspector")))
                .andReturn();
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        assertThat(page.getResponse().getForwardedUrl()).isEqualTo("/ui/index.html");
        MvcResult html = mvc.perform(MockMvcRequestBuilders.get("/ui/index.html")
                .with(httpBasic(INSPECTOR, "inspector"))).andReturn();
        assertThat(html.getResponse().getStatus()).isEqualTo(200);
        assertThat(html.getResponse().getContentType()).startsWith("text/html");
        assertThat(html.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("app.js");
        MvcResult js = mvc.perform(MockMvcRequestBuilders.get("/ui/app.js")
                .with(httpBasic(INSPECTOR, "inspector"))).andReturn();
        assertThat(js.getResponse().getStatus()).isEqualTo(200);
    }
}
