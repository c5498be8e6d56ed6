package vn.ledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class TaskApiTest extends ApiTestSupport {

    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    /** Issues a directive (by tuc, Standing Body) with task 1 led by MoST and returns the task's path. */
    private String newTask() throws Exception {
        Response r = post("tuc", "/api/directives", DirectiveApiTest.directive(DirectiveApiTest.symbol()));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return "/api/tasks/" + r.text("id") + "/1";
    }

    private static String id(String taskPath) {
        return taskPath.substring("/api/tasks/".length());
    }

    @Test
    void fullLifeOfATaskInOrder() throws Exception {
        String task = newTask();
        assertThat(post("most.officer", task + "/acknowledge", null).status()).isEqualTo(200);
        assertThat(post("mof.officer", task + "/acknowledge", null).status()).isEqualTo(200); // cooperating body

        Response report = post("most.officer", task + "/reports", Map.of("text", "Đã hoàn thành 60%", "percent", 60,
                "reportedOn", "25/3/2026", "attachments", List.of(Map.of("name", "baocao.pdf", "sha256", SHA))));
        assertThat(report.status()).as(report.raw()).isEqualTo(201);

        assertThat(post("tuc", task + "/urge", Map.of("message", "Đề nghị khẩn trương")).status()).isEqualTo(200);

        Response ext = post("most.officer", task + "/extensions",
                Map.of("requestedDeadline", "trong tháng 5/2026", "reason", "Chờ ý kiến các bộ"));
        assertThat(ext.status()).as(ext.raw()).isEqualTo(201);
        assertThat(ext.text("requestId")).isEqualTo(id(task) + "#ext1");
        assertThat(ext.body().get("requestNo").asInt()).isEqualTo(1);
        assertProblem(post("most.officer", task + "/extensions/1/grant", null), 403, "auth.role");
        assertThat(post("tuc", task + "/extensions/1/grant", null).status()).isEqualTo(200);
        assertProblem(post("tuc", task + "/extensions/1/grant", null), 422, "task.extension.not-pending");

        Response ext2 = post("most.officer", task + "/extensions",
                Map.of("requestedDeadline", "trong tháng 9/2026", "reason", "Thêm thời gian"));
        assertThat(ext2.body().get("requestNo").asInt()).isEqualTo(2);
        assertThat(post("tuc", task + "/extensions/ext2/refuse", Map.of("reason", "Không đồng ý")).status())
                .isEqualTo(200);

        assertThat(post("tuc", task + "/reassign", Map.of("newLeadBodies", List.of("BKHCN", "BTC"),
                "newCooperatingBodies", List.of(), "reason", "Bổ sung Bộ Tài chính")).status()).isEqualTo(200);

        Response complete = post("most.officer", task + "/complete", Map.of("productDescription", "Danh mục đã trình",
                "evidence", List.of(Map.of("name", "danhmuc.pdf", "sha256", SHA)), "completedOn", "2026-05-20"));
        assertThat(complete.status()).as(complete.raw()).isEqualTo(200);
        assertThat(post("tuc", task + "/reject", Map.of("reason", "Thiếu phụ lục")).status()).isEqualTo(200);
        assertThat(post("most.officer", task + "/complete", Map.of("productDescription", "Danh mục có phụ lục"))
                .status()).isEqualTo(200);
        assertThat(post("tuc", task + "/accept", null).status()).isEqualTo(200);

        Response history = get(INSPECTOR, task + "/history");
        assertThat(history.body().get("events").findValuesAsText("type")).containsExactly(
                "TaskAssigned", "TaskAcknowledged", "TaskAcknowledged", "ProgressReported", "TaskUrged",
                "ExtensionRequested", "ExtensionGranted", "ExtensionRequested", "ExtensionRefused", "TaskReassigned",
                "TaskCompleted", "CompletionRejected", "TaskCompleted", "CompletionAccepted");
        JsonNode events = history.body().get("events");
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).get("sequence").asLong()).isEqualTo(i);
            if (i > 0) {
                assertThat(events.get(i).get("position").asLong()).isGreaterThan(events.get(i - 1).get("position").asLong());
            }
        }
        // the report keeps its own date (25/3) besides the recording instant
        JsonNode reported = events.get(3);
        assertThat(reported.at("/payload/reportedOn").asText()).isEqualTo("2026-03-25");
        assertThat(reported.at("/payload/attachments/0/sha256").asText()).isEqualTo(SHA);
        assertThat(reported.get("timestamp").asText()).endsWith("+07:00");
        assertThat(reported.get("instant").asText()).endsWith("Z");
        assertThat(events.get(6).at("/payload/newDeadline/dueDate").asText()).isEqualTo("2026-05-31");
        assertThat(events.get(6).at("/payload/oldDeadline/dueDate").asText()).isEqualTo("2026-04-04");
    }

    @Test
    void onlyAssigneesAndAssignersActAndNothingIsAppendedOnRefusal() throws Exception {
        String task = newTask();
        int before = eventCount(id(task));
        assertProblem(post("du.officer", task + "/acknowledge", null), 403, "auth.not-assignee");
        assertProblem(post("mof.officer", task + "/complete", Map.of("productDescription", "x")), 403, "auth.not-lead");
        assertProblem(post("do", task + "/cancel", Map.of("reason", "x")), 403, "auth.not-assigner");
        assertProblem(post("most.officer", task + "/cancel", Map.of("reason", "x")), 403, "auth.role");
        assertProblem(post(INSPECTOR, task + "/reports", Map.of("text", "x")), 403, "auth.role");
        assertProblem(post("tuc", task + "/accept", null), 422, "task.completion.not-pending");
        Response r = post("most.officer", task + "/reports", Map.of("text", "x", "reportedOn", "2099-01-01"));
        assertProblem(r, 422, "date.in-future");
        assertThat(r.field()).isEqualTo("reportedOn");
        assertThat(eventCount(id(task))).isEqualTo(before);
    }

    @Test
    void validationNamesTheField() throws Exception {
        String task = newTask();
        long before = commitCount();
        Response r = post("most.officer", task + "/reports", Map.of("text", "", "percent", 120,
                "attachments", List.of(Map.of("name", "a.pdf", "sha256", "NOT-A-HASH"))));
        assertProblem(r, 400, "validation.failed");
        assertThat(r.body().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("text", "percent", "attachments[0].sha256");
        r = post("most.officer", task + "/reports", Map.of("text", "x", "period", "13/2026"));
        assertProblem(r, 400, "json.invalid-value");
        assertThat(r.field()).isEqualTo("period");
        r = post("tuc", task + "/extensions/abc/grant", null);
        assertProblem(r, 400, "task.extension.request-no");
        r = post("most.leader", task + "/delegations", Map.of("leadBodies", List.of()));
        assertProblem(r, 400, "validation.failed");
        assertThat(r.body().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("number", "leadBodies");
        assertThat(commitCount()).isEqualTo(before);
    }

    @Test
    void recurringTasksNeedThePeriodOfEachReport() throws Exception {
        String task = newTask().replaceAll("/1$", "/2");
        Response refused = post("most.officer", task + "/reports", Map.of("text", "Báo cáo tháng"));
        assertProblem(refused, 422, "task.report.period.required");
        assertThat(refused.field()).isEqualTo("period");
        Response ok = post("most.officer", task + "/reports", Map.of("text", "Báo cáo tháng 4", "period", "4/2026"));
        assertThat(ok.status()).as(ok.raw()).isEqualTo(201);
        assertThat(get(INSPECTOR, task + "/history").body().at("/events/1/payload/period").asText()).isEqualTo("2026-04");
    }

    @Test
    void delegationToSubordinatesAtAnyDepthWithDeadlinesNoLaterThanTheParent() throws Exception {
        String unit = registerBody("U", "BKHCN", "UNIT");
        String task = newTask();
        int before = eventCount(id(task));
        Response late = post("most.leader", task + "/delegations", Map.of("number", 1, "work", "Phần việc",
                "leadBodies", List.of(unit), "deadline", "trong tháng 6/2026"));
        assertProblem(late, 422, "task.deadline.after-parent");
        assertThat(late.field()).isEqualTo("spec.deadline");
        Response notBelow = post("most.leader", task + "/delegations", Map.of("number", 1, "work", "Phần việc",
                "leadBodies", List.of("BTC"), "deadline", "ngày 01/4/2026"));
        assertProblem(notBelow, 422, "task.delegate.not-subordinate");
        assertProblem(post("tuc", task + "/delegations", Map.of("number", 1, "leadBodies", List.of(unit))), 403,
                "auth.not-lead");
        assertThat(eventCount(id(task))).isEqualTo(before);
        assertThat(eventCount(id(task) + ".1")).isZero();

        Response child = post("most.leader", task + "/delegations", Map.of("number", 1, "work", "Phần việc",
                "leadBodies", List.of(unit), "deadline", "ngày 01/4/2026", "product", "Báo cáo"));
        assertThat(child.status()).as(child.raw()).isEqualTo(201);
        assertThat(child.text("id")).isEqualTo(id(task) + ".1");
        JsonNode assigned = get(INSPECTOR, task + ".1/history").body().at("/events/0/payload");
        assertThat(assigned.get("parentTaskId").asText()).isEqualTo(id(task));
        assertThat(assigned.get("assignerBodyCode").asText()).isEqualTo("BKHCN");
        assertThat(get(INSPECTOR, task + "/history").body().get("events").findValuesAsText("type"))
                .endsWith("TaskDelegated");
    }

    @Test
    void cancelledTasksAcceptNothingMore() throws Exception {
        String task = newTask();
        assertThat(post("tuc", task + "/cancel", Map.of("reason", "Không còn phù hợp")).status()).isEqualTo(200);
        int before = eventCount(id(task));
        assertProblem(post("most.officer", task + "/reports", Map.of("text", "x")), 422, "task.cancelled");
        assertProblem(post("tuc", task + "/urge", Map.of("message", "x")), 422, "task.cancelled");
        assertThat(eventCount(id(task))).isEqualTo(before);
        assertProblem(post("most.officer", "/api/tasks/no-such-directive/1/acknowledge", null), 404,
                "aggregate.not-found");
    }

    @Test
    void concurrentReportsOnOneTaskDoNotConflict() throws Exception {
        String task = newTask();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String user = i % 2 == 0 ? "most.officer" : "mof.officer";
                int n = i;
                calls.add(() -> post(user, task + "/reports", Map.of("text", "Báo cáo " + n)).status());
            }
            for (Future<Integer> f : pool.invokeAll(calls)) {
                assertThat(f.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(eventCount(id(task))).isEqualTo(13);
    }
}
