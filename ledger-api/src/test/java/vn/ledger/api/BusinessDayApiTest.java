package vn.ledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import vn.ledger.api.demo.DemoDataLoader;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The two time axes of every read: {@code asOf}, what the ledger said at a recorded instant; {@code onDay}, the state
 * of affairs on a business day as known now; both, the day as known at the instant. The queries' clock is fixed on
 * 10/4/2026 ({@link FixedClockConfiguration}); events are recorded at the real time, so a department's work of
 * October 2025 entered by this test is entered long after the fact.
 */
class BusinessDayApiTest extends ApiTestSupport {

    private record October(String directive, String task, Instant beforeTheReports) {
    }

    /**
     * Given a notice of 1/10/2025 whose task 1 (MoST, "trong tháng 11/2025") is received on 1/10, delegated to a
     * department on 6/10, reported on at 40% on 20/10 and completed on 20/11, all entered now; {@code
     * beforeTheReports} is an instant after the delegation was recorded and before the report was.
     */
    private October octoberWorkEnteredNow() throws Exception {
        String unit = registerBody("U", "BKHCN", "UNIT");
        Map<String, Object> notice = new LinkedHashMap<>(DirectiveApiTest.directive(DirectiveApiTest.symbol()));
        notice.put("issuedOn", "1/10/2025");
        notice.put("tasks", List.of(Map.of("code", "1", "work", "Rà soát danh mục", "leadBodies", List.of("BKHCN"),
                "deadline", "trong tháng 11/2025", "product", "Danh mục")));
        Response issued = post("tuc", "/api/directives", notice);
        assertThat(issued.status()).as(issued.raw()).isEqualTo(201);
        String id = issued.text("id");
        String task = "/api/tasks/" + id + "/1";
        assertThat(post("most.officer", "/api/directives/" + id + "/receipts", Map.of("receivedOn", "1/10/2025"))
                .status()).isEqualTo(201);
        Response child = post("most.leader", task + "/delegations", Map.of("number", 1, "work", "Phần việc",
                "leadBodies", List.of(unit), "deadline", "ngày 20/11/2025", "delegatedOn", "6/10/2025"));
        assertThat(child.status()).as(child.raw()).isEqualTo(201);
        Thread.sleep(5);
        Instant between = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Thread.sleep(5);
        Response report = post("most.officer", task + "/reports", Map.of("text", "Đã rà soát 40%", "percent", 40,
                "reportedOn", "20/10/2025"));
        assertThat(report.status()).as(report.raw()).isEqualTo(201);
        Response done = post("most.officer", task + "/complete", Map.of("productDescription", "Danh mục đã trình",
                "completedOn", "20/11/2025"));
        assertThat(done.status()).as(done.raw()).isEqualTo(200);
        // the live chain lists the delegated child: the business-day reads find the aggregates involved there
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(get(INSPECTOR, "/api/directives/" + id + "/chain?depth=2").body()
                        .at("/data/root/rollup/tasks").asLong()).isEqualTo(2));
        return new October(id, task, between);
    }

    @Test
    void on_31_october_the_task_is_in_progress_with_its_report_and_on_30_november_it_is_done() throws Exception {
        October o = octoberWorkEnteredNow();

        // when the task is read on 31/10/2025 and on 30/11/2025, as known now
        Response october = get(INSPECTOR, o.task() + "/state?onDay=31/10/2025");
        Response november = get(INSPECTOR, o.task() + "/state?onDay=2025-11-30");

        // then on 31/10 it is in progress at 40%, on 30/11 done on time; the answers name the axis and its clock
        assertThat(october.status()).as(october.raw()).isEqualTo(200);
        assertThat(october.text("onDay")).isEqualTo("2025-10-31");
        assertThat(october.body().get("asOf").isNull()).as("as known now").isTrue();
        assertThat(october.text("source")).isEqualTo("events");
        assertThat(october.text("at")).startsWith("2025-10-31T23:59:59.999");
        assertThat(october.body().at("/data/timeliness").asText()).isEqualTo("IN_PROGRESS_ON_TIME");
        assertThat(october.body().at("/data/lastPercent").asInt()).isEqualTo(40);
        assertThat(october.body().at("/data/completion").isMissingNode()
                || october.body().at("/data/completion").isNull()).isTrue();
        assertThat(november.body().at("/data/timeliness").asText()).isEqualTo("DONE_ON_TIME");
        // and the directive says the same of its task on each day
        Response directiveOct = get(INSPECTOR, "/api/directives/" + o.directive() + "/state?onDay=2025-10-31");
        Response directiveNov = get(INSPECTOR, "/api/directives/" + o.directive() + "/state?onDay=30/11/2025");
        assertThat(directiveOct.body().at("/data/tasks/0/timeliness").asText()).isEqualTo("IN_PROGRESS_ON_TIME");
        assertThat(directiveNov.body().at("/data/tasks/0/timeliness").asText()).isEqualTo("DONE_ON_TIME");
        // while today's model (10/4/2026) and the day before the notice
        assertThat(get(INSPECTOR, o.task() + "/state").body().at("/data/timeliness").asText())
                .isEqualTo("DONE_ON_TIME");
        assertProblem(get(INSPECTOR, o.task() + "/state?onDay=30/9/2025"), 404, "task.not-found");
    }

    @Test
    void the_chain_on_a_business_day_measures_the_hop_in_business_days() throws Exception {
        October o = octoberWorkEnteredNow();

        // when the chain is read on 31/10/2025
        Response chain = get(INSPECTOR, "/api/directives/" + o.directive() + "/chain?depth=2&onDay=2025-10-31");

        // then MoST received on 1/10 and acted (delegated) on 6/10: 5 days, not the 14 months until it was entered
        assertThat(chain.status()).as(chain.raw()).isEqualTo(200);
        JsonNode root = chain.body().at("/data/root");
        JsonNode most = null;
        for (JsonNode r : root.get("recipients")) {
            most = "BKHCN".equals(r.get("body").asText()) ? r : most;
        }
        assertThat(most).as(root.toString()).isNotNull();
        assertThat(most.get("daysToAct").asLong()).isEqualTo(5);
        assertThat(root.at("/rollup/levels/1/avgDaysToDelegate").asDouble()).isEqualTo(5.0);
        JsonNode task = root.at("/children/0");
        assertThat(task.get("status").asText()).isEqualTo("IN_PROGRESS_ON_TIME");
        assertThat(task.get("lastReportedPercent").asInt()).isEqualTo(40);
        // and on 30/11 the task is done; its department's part, due 20/11, is overdue
        JsonNode november = get(INSPECTOR, "/api/directives/" + o.directive() + "/chain?depth=2&onDay=30/11/2025")
                .body().at("/data/root/children/0");
        assertThat(november.get("status").asText()).isEqualTo("DONE_ON_TIME");
        assertThat(november.at("/children/0/status").asText()).isEqualTo("OVERDUE_NOT_DONE");
        // the stalls and the coverage answer on the same axis
        Response stalls = get(INSPECTOR, "/api/directives/" + o.directive() + "/stalls?onDay=2025-10-31");
        assertThat(stalls.status()).as(stalls.raw()).isEqualTo(200);
        assertThat(stalls.text("onDay")).isEqualTo("2025-10-31");
        assertThat(get(INSPECTOR, "/api/directives/" + o.directive() + "/coverage?onDay=2025-10-31").status())
                .isEqualTo(200);
    }

    @Test
    void both_axes_together_are_the_day_as_known_at_the_instant() throws Exception {
        October o = octoberWorkEnteredNow();
        String asOf = o.beforeTheReports().toString();

        // when the task is read on 30/11/2025 as known when only the receipt and the delegation were entered
        Response then = get(INSPECTOR, o.task() + "/state?asOf=" + asOf + "&onDay=2025-11-30");

        // then it is neither reported on nor done: that was entered later
        assertThat(then.status()).as(then.raw()).isEqualTo(200);
        assertThat(then.text("asOfUtc")).isEqualTo(asOf);
        assertThat(then.text("onDay")).isEqualTo("2025-11-30");
        assertThat(then.body().at("/data/timeliness").asText()).isNotIn("DONE_ON_TIME", "DONE_LATE");
        assertThat(then.body().at("/data/lastPercent").isNull()
                || then.body().at("/data/lastPercent").isMissingNode()).isTrue();
        assertThat(then.body().at("/data/childTaskIds")).hasSize(1);
        // the audit trail of that day as known now lists what had happened by 31/10, in log order
        JsonNode entries = get(INSPECTOR, "/api/audit?entity=" + o.directive() + "/1&onDay=31/10/2025").body()
                .at("/data/entries");
        assertThat(entries.findValuesAsText("eventType")).containsExactly("TaskAssigned", "TaskDelegated",
                "ProgressReported");
        assertThat(entries.findValuesAsText("businessDate")).allMatch(d -> d.compareTo("2025-10-31") <= 0);
        JsonNode known = get(INSPECTOR, "/api/audit?entity=" + o.directive() + "/1&onDay=31/10/2025&asOf=" + asOf)
                .body();
        assertThat(known.get("onDay").asText()).isEqualTo("2025-10-31");
        assertThat(known.at("/data/entries").findValuesAsText("eventType")).containsExactly("TaskAssigned",
                "TaskDelegated");
    }

    @Test
    void an_unreadable_or_future_business_day_is_refused_naming_the_parameter_and_the_rule() throws Exception {
        String a = "/api/directives/" + DemoDataLoader.A;

        Response unreadable = get(INSPECTOR, a + "/state?onDay=31-10-2025");
        assertProblem(unreadable, 400, "request.day");
        assertThat(unreadable.field()).isEqualTo("onDay");
        assertThat(unreadable.raw()).contains("2025-10-31", "31/10/2025");
        // the ledger's today is 10/4/2026
        Response future = get(INSPECTOR, a + "/chain?onDay=2026-04-11");
        assertProblem(future, 400, "request.on-day.in-future");
        assertThat(future.field()).isEqualTo("onDay");
        assertProblem(get(INSPECTOR, "/api/audit?onDay=2026-04-11"), 400, "request.on-day.in-future");
        assertProblem(get(INSPECTOR, a + "/state?asOf=2026-01-01&onDay=2026-02-01"), 400,
                "request.on-day.in-future");
        assertProblem(get(INSPECTOR, "/api/bodies/BKHCN/dashboard?onDay=32/3/2026"), 400, "request.day");
    }

    @Test
    void the_search_on_a_business_day_finds_only_what_had_been_issued_by_then() throws Exception {
        // given the demo's 506-CV/ĐU, issued on 25/3/2026 (recorded when the application started)
        String search = "/api/search/directives?q=" + "506-CV";

        // when it is searched for on 24/3 and on 26/3, as known now
        Response march24 = get(INSPECTOR, search + "&onDay=2026-03-24");
        Response march26 = get(INSPECTOR, search + "&onDay=26/3/2026");

        // then the day before its issue it is not found, the day after it is; both answers name the axis
        assertThat(march24.status()).as(march24.raw()).isEqualTo(200);
        assertThat(march24.text("source")).isEqualTo("events");
        assertThat(march24.text("onDay")).isEqualTo("2026-03-24");
        assertThat(march24.body().get("asOf").isNull()).as("as known now").isTrue();
        assertThat(march24.body().at("/data/hits").findValuesAsText("symbol")).doesNotContain("506-CV/ĐU");
        assertThat(march26.text("onDay")).isEqualTo("2026-03-26");
        assertThat(march26.body().at("/data/hits").findValuesAsText("symbol")).contains("506-CV/ĐU");
        // as the other reads: a day that has not come, or an unreadable one, is refused naming the parameter
        Response future = get(INSPECTOR, search + "&onDay=2026-04-11");
        assertProblem(future, 400, "request.on-day.in-future");
        assertThat(future.field()).isEqualTo("onDay");
        assertProblem(get(INSPECTOR, search + "&onDay=26-3-2026"), 400, "request.day");
        assertProblem(get(INSPECTOR, search + "&asOf=2026-01-01&onDay=2026-02-01"), 400,
                "request.on-day.in-future");
    }

    @Test
    void every_read_documents_both_axes_in_openapi() throws Exception {
        JsonNode paths = get(null, "/v3/api-docs").body().get("paths");
        for (String path : List.of("/api/directives/{id}/state", "/api/tasks/{directiveId}/{code}/state",
                "/api/directives/{id}/chain", "/api/tasks/{directiveId}/{code}/chain", "/api/directives/{id}/stalls",
                "/api/tasks/{directiveId}/{code}/stalls", "/api/directives/{id}/coverage",
                "/api/tasks/{directiveId}/{code}/coverage", "/api/bodies/{code}/dashboard", "/api/audit",
                "/api/search/directives")) {
            JsonNode parameters = paths.get(path).get("get").get("parameters");
            String asOf = null;
            String onDay = null;
            for (JsonNode p : parameters) {
                asOf = "asOf".equals(p.get("name").asText()) ? p.get("description").asText() : asOf;
                onDay = "onDay".equals(p.get("name").asText()) ? p.get("description").asText() : onDay;
            }
            assertThat(asOf).as(path).startsWith("Axis 1, as recorded");
            assertThat(onDay).as(path).startsWith("Axis 2, as happened").contains("business day", "2026-03-24");
        }
    }

    @Test
    void the_demo_on_24_march_2026_shows_22_tb_passed_on_by_the_province_not_yet_by_the_commune() throws Exception {
        // the README's examples: the demo's cascade on business days of March 2026, as known now
        assertThat(DemoDataLoader.A).as("the id the README gives").isEqualTo("21fc5745-b370-3e18-b428-3827c4635e5c");
        Response march24 = get(INSPECTOR, "/api/directives/" + DemoDataLoader.A + "/chain?onDay=2026-03-24");
        assertThat(march24.status()).as(march24.raw()).isEqualTo(200);
        JsonNode root = march24.body().at("/data/root");
        assertThat(root.at("/rollup/directives").asLong()).as("22-TB and 569-CV/TU of 23/3").isEqualTo(2);
        assertThat(root.get("children").findValuesAsText("id")).contains(DemoDataLoader.B)
                .doesNotContain(DemoDataLoader.C);
        JsonNode march26 = get(INSPECTOR, "/api/directives/" + DemoDataLoader.A + "/chain?onDay=26/3/2026").body()
                .at("/data/root");
        assertThat(march26.at("/rollup/directives").asLong()).as("and 506-CV/ĐU of 25/3").isEqualTo(3);
        assertProblem(get(INSPECTOR, "/api/directives/" + DemoDataLoader.A + "/state?onDay=2026-03-19"), 404,
                "directive.not-found");
        Response dashboard = get(INSPECTOR, "/api/bodies/TU-DIENBIEN/dashboard?subtree=true&onDay=26/3/2026");
        assertThat(dashboard.status()).as(dashboard.raw()).isEqualTo(200);
        assertThat(dashboard.body().at("/data/assigned").asLong()).as("569-CV/TU's and 506-CV/ĐU's tasks")
                .isPositive();
        JsonNode trail = get(INSPECTOR, "/api/audit?body=TU-DIENBIEN&onDay=2026-03-24").body().at("/data/entries");
        assertThat(trail.findValuesAsText("businessDate")).isNotEmpty()
                .allMatch(d -> d.compareTo("2026-03-24") <= 0);
        assertThat(trail.findValuesAsText("eventType")).contains("DirectiveIssued", "DirectiveReceived");
        // what the ledger said on 24/3 (asOf): the demo was recorded when the application started, long after
        assertProblem(get(INSPECTOR, "/api/directives/" + DemoDataLoader.A + "/chain?asOf=2026-03-24"), 404,
                "directive.not-found");
        Response audit = get(INSPECTOR, "/api/audit?entity=" + DemoDataLoader.B + "/3&onDay=2026-03-24");
        assertThat(audit.body().at("/data/entries").findValuesAsText("eventType"))
                .as("the report of 25/3 had not been made").containsExactly("TaskAssigned");
    }
}
