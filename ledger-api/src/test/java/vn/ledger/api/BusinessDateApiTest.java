package vn.ledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Work done earlier and entered later: every act takes its business date, answers it, and the history shows it
 * beside the recorded instant. Commands answer what they create. An issuer's number names one document a year.
 */
class BusinessDateApiTest extends ApiTestSupport {

    /** Issues a directive of 20/3/2026 (by tuc) with task 1 led by MoST; returns the directive id. */
    private String issue() throws Exception {
        Response r = post("tuc", "/api/directives", DirectiveApiTest.directive(DirectiveApiTest.symbol()));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.text("id");
    }

    private List<String> businessDates(String path) throws Exception {
        return get(INSPECTOR, path + "/history").body().get("events").findValuesAsText("businessDate");
    }

    @Test
    void october_work_entered_later_keeps_its_dates_and_the_history_shows_them() throws Exception {
        String unit = registerBody("U", "BKHCN", "UNIT");
        String task = "/api/tasks/" + issue() + "/1";

        Response ack = post("most.officer", task + "/acknowledge", Map.of("acknowledgedOn", "21/3/2026"));
        assertThat(ack.status()).as(ack.raw()).isEqualTo(200);
        assertThat(ack.text("businessDate")).isEqualTo("2026-03-21");
        Response child = post("most.leader", task + "/delegations", Map.of("number", 1, "work", "Phần việc",
                "leadBodies", List.of(unit), "deadline", "ngày 01/4/2026", "delegatedOn", "22/3/2026"));
        assertThat(child.status()).as(child.raw()).isEqualTo(201);
        assertThat(child.body().get("taskIds").get(0).asText()).isEqualTo(child.text("id"));
        assertThat(post("tuc", task + "/urge", Map.of("message", "Đôn đốc", "urgedOn", "23/3/2026")).status())
                .isEqualTo(200);

        assertThat(businessDates(task)).containsExactly("2026-03-20", "2026-03-21", "2026-03-22", "2026-03-23");
        JsonNode childAssigned = get(INSPECTOR, task + ".1/history").body().at("/events/0");
        assertThat(childAssigned.get("businessDate").asText()).isEqualTo("2026-03-22");
        assertThat(childAssigned.get("timestamp").asText()).doesNotStartWith("2026-03-22"); // recorded now
        assertThat(childAssigned.get("lateEntry").asBoolean()).as("22/3/2026, recorded in December").isTrue();
        assertThat(childAssigned.get("lateEntryDays").asLong()).isGreaterThan(7);
    }

    @Test
    void a_departments_october_work_entered_in_december_reads_its_own_hop_latency_and_is_flagged_late_in_the_audit()
            throws Exception {
        String unit = registerBody("U", "BKHCN", "UNIT");
        Map<String, Object> october = new java.util.LinkedHashMap<>(DirectiveApiTest.directive(DirectiveApiTest.symbol()));
        october.put("issuedOn", "1/10/2025");
        october.put("tasks", List.of(Map.of("code", "1", "work", "Rà soát danh mục", "leadBodies", List.of("BKHCN"),
                "deadline", "trước ngày 31/10/2025", "product", "Danh mục")));
        Response issued = post("tuc", "/api/directives", october);
        assertThat(issued.status()).as(issued.raw()).isEqualTo(201);
        String id = issued.text("id");
        assertThat(post("most.officer", "/api/directives/" + id + "/receipts", Map.of("receivedOn", "1/10/2025"))
                .status()).isEqualTo(201);
        Response child = post("most.leader", "/api/tasks/" + id + "/1/delegations", Map.of("number", 1,
                "work", "Phần việc", "leadBodies", List.of(unit), "deadline", "ngày 20/10/2025",
                "delegatedOn", "6/10/2025"));
        assertThat(child.status()).as(child.raw()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            JsonNode root = get(INSPECTOR, "/api/directives/" + id + "/chain?depth=1").body().at("/data/root");
            JsonNode most = null;
            for (JsonNode r : root.get("recipients")) {
                most = "BKHCN".equals(r.get("body").asText()) ? r : most;
            }
            assertThat(most).as(root.toString()).isNotNull();
            assertThat(most.get("daysToAct").asLong()).as("received 1/10/2025, delegated 6/10/2025").isEqualTo(5);
            assertThat(root.at("/rollup/levels/1/avgDaysToDelegate").asDouble()).isEqualTo(5.0);
        });
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            JsonNode entries = get(INSPECTOR, "/api/audit?entity=" + id + "/1&type=TaskDelegated").body()
                    .at("/data/entries");
            assertThat(entries).hasSize(1);
            assertThat(entries.get(0).get("businessDate").asText()).isEqualTo("2025-10-06");
            assertThat(entries.get(0).get("lateEntry").asBoolean()).isTrue();
            assertThat(entries.get(0).get("lateEntryDays").asLong()).isGreaterThan(400);
        });
    }

    @Test
    void an_act_dated_before_what_it_acts_on_is_refused_and_nothing_is_recorded() throws Exception {
        String id = issue();
        String task = "/api/tasks/" + id + "/1";
        long before = commitCount();

        Response r = post("most.officer", task + "/acknowledge", Map.of("acknowledgedOn", "19/3/2026"));
        assertProblem(r, 422, "date.before-acted-on");
        assertThat(r.field()).isEqualTo("acknowledgedOn");
        assertProblem(post("tuc", "/api/directives/" + id + "/recall", Map.of("reason", "Nhầm",
                "recalledOn", "19/3/2026")), 422, "date.before-acted-on");
        assertProblem(post("tuc", task + "/cancel", Map.of("reason", "Thôi", "cancelledOn", "1/1/2100")), 422,
                "date.in-future");
        assertThat(commitCount()).isEqualTo(before);
    }

    @Test
    void an_extension_request_answers_its_number_and_is_decided_on_its_own_date() throws Exception {
        String task = "/api/tasks/" + issue() + "/1";
        Response ext = post("most.officer", task + "/extensions", Map.of("requestedDeadline", "trong tháng 5/2026",
                "reason", "Chờ ý kiến", "requestedOn", "24/3/2026"));
        assertThat(ext.status()).as(ext.raw()).isEqualTo(201);
        assertThat(ext.body().get("requestNo").asInt()).isEqualTo(1);
        assertThat(ext.text("businessDate")).isEqualTo("2026-03-24");

        assertProblem(post("tuc", task + "/extensions/1/grant", Map.of("grantedOn", "23/3/2026")), 422,
                "date.before-acted-on");
        Response granted = post("tuc", task + "/extensions/1/grant", Map.of("grantedOn", "26/3/2026"));
        assertThat(granted.status()).as(granted.raw()).isEqualTo(200);
        assertThat(businessDates(task)).endsWith("2026-03-24", "2026-03-26");
    }

    @Test
    void the_same_number_of_the_same_issuer_in_the_same_year_is_refused_unless_it_replaces() throws Exception {
        String symbol = DirectiveApiTest.symbol();
        Response first = post("tuc", "/api/directives", DirectiveApiTest.directive(symbol));
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        long before = commitCount();

        Response again = post("tuc", "/api/directives", DirectiveApiTest.directive(symbol.toLowerCase()));
        assertProblem(again, 409, "directive.symbol.taken");
        assertThat(again.text("existingDirectiveId")).isEqualTo(first.text("id"));
        assertThat(again.text("detail")).contains(first.text("id"));
        assertThat(commitCount()).isEqualTo(before);

        Map<String, Object> nextYear = DirectiveApiTest.directive(symbol);
        nextYear.put("issuedOn", "20/3/2025");
        assertThat(post("tuc", "/api/directives", nextYear).status()).isEqualTo(201);

        Map<String, Object> replacement = DirectiveApiTest.directive(symbol);
        replacement.put("replacesDirectiveId", first.text("id"));
        Response replaced = post("tuc", "/api/directives", replacement);
        assertThat(replaced.status()).as(replaced.raw()).isEqualTo(201);
        JsonNode last = get(INSPECTOR, "/api/directives/" + first.text("id") + "/history").body().at("/events/1");
        assertThat(last.get("type").asText()).isEqualTo("DirectiveReplaced");
        assertThat(last.at("/payload/replacementDirectiveId").asText()).isEqualTo(replaced.text("id"));

        Response third = post("tuc", "/api/directives", DirectiveApiTest.directive(symbol));
        assertProblem(third, 409, "directive.symbol.taken");
        assertThat(third.text("existingDirectiveId")).isEqualTo(replaced.text("id"));
    }

    @Test
    void of_two_documents_issued_at_once_under_the_same_number_one_gets_it() throws Exception {
        for (int round = 0; round < 3; round++) {
            String symbol = DirectiveApiTest.symbol();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Response>> both = pool.invokeAll(List.<Callable<Response>>of(
                        () -> post("tuc", "/api/directives", DirectiveApiTest.directive(symbol)),
                        () -> post("tuc", "/api/directives", DirectiveApiTest.directive(symbol))));
                List<Integer> statuses = new ArrayList<>();
                for (Future<Response> f : both) {
                    statuses.add(f.get().status());
                }
                assertThat(statuses).containsExactlyInAnyOrder(201, 409);
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void an_urgent_deadline_is_kept_as_written_without_a_date_and_its_time_is_not_clear() throws Exception {
        Map<String, Object> d = DirectiveApiTest.directive(DirectiveApiTest.symbol());
        d.put("tasks", List.of(Map.of("code", "1", "work", "Báo cáo Thủ tướng việc bổ sung UAV",
                "leadBodies", List.of("BKHCN"), "deadline", "khẩn trương", "product", "Báo cáo",
                "responsible", Map.of("name", "Nguyễn Văn A", "position", "Bộ trưởng"))));
        Response r = post("tuc", "/api/directives", d);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);

        JsonNode assigned = get(INSPECTOR, "/api/tasks/" + r.text("id") + "/1/history").body().at("/events/0/payload");
        assertThat(assigned.at("/deadline/kind").asText()).isEqualTo("URGENT");
        assertThat(assigned.at("/deadline/wording").asText()).isEqualTo("khẩn trương");
        assertThat(assigned.get("missing").toString()).contains("THOI_GIAN");
    }
}
