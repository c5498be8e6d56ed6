package vn.ledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DirectiveApiTest extends ApiTestSupport {

    /** A directive issued by the Standing Body (user tuc) with two tasks led by MoST (BKHCN). */
    static Map<String, Object> directive(String symbol) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("symbol", symbol);
        d.put("kind", "THONG_BAO");
        d.put("signer", Map.of("name", "Phạm Gia Túc", "position", "Chánh Văn phòng", "capacity", "NONE"));
        d.put("issuedOn", "20/3/2026");
        d.put("subject", "Thông báo thử nghiệm " + symbol);
        d.put("recipientsForAction", List.of("BKHCN", "BTC"));
        d.put("recipientsForInformation", List.of("VPTW"));
        d.put("orientations", List.of("Định hướng một", "Định hướng hai"));
        d.put("tasks", List.of(
                Map.of("code", "1", "work", "Rà soát danh mục", "leadBodies", List.of("BKHCN"),
                        "cooperatingBodies", List.of("BTC"), "deadline", "trước ngày 05/4/2026",
                        "product", "Danh mục", "responsible", Map.of("name", "Nguyễn Văn A", "position", "Thứ trưởng")),
                Map.of("code", "2", "work", "Báo cáo định kỳ", "leadBodies", List.of("BKHCN"),
                        "deadline", "định kỳ hằng tháng báo cáo")));
        return d;
    }

    static String symbol() {
        return UUID.randomUUID().toString().substring(0, 6) + "-TB/THU";
    }

    @Test
    void issuesADirectiveWithItsTasksInOneCommit() throws Exception {
        String symbol = symbol();
        Response r = post("tuc", "/api/directives", directive(symbol));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        String id = r.text("id");
        assertThat(r.body().get("taskIds").findValuesAsText("taskIds")).isEmpty();
        assertThat(r.body().get("taskIds")).hasSize(2);
        assertThat(r.body().get("taskIds").get(0).asText()).isEqualTo(id + "/1");

        Response history = get(INSPECTOR, "/api/directives/" + id + "/history");
        JsonNode issued = history.body().at("/events/0");
        assertThat(issued.get("type").asText()).isEqualTo("DirectiveIssued");
        assertThat(issued.at("/payload/orientations")).hasSize(2);
        assertThat(issued.at("/payload/actor/username").asText()).isEqualTo("tuc");
        assertThat(issued.at("/payload/actor/bodyCode").asText()).isEqualTo("CQTT-BCDTW");

        Response task = get(INSPECTOR, "/api/tasks/" + id + "/1/history");
        assertThat(task.status()).isEqualTo(200);
        JsonNode assigned = task.body().at("/events/0");
        assertThat(assigned.get("type").asText()).isEqualTo("TaskAssigned");
        // one commit: the directive's and the tasks' first events share the commit position
        assertThat(assigned.get("position").asLong()).isEqualTo(issued.get("position").asLong());
        assertThat(assigned.at("/payload/deadline/kind").asText()).isEqualTo("BEFORE_DATE");
        assertThat(assigned.at("/payload/deadline/wording").asText()).isEqualTo("trước ngày 05/4/2026");
        assertThat(assigned.at("/payload/deadline/dueDate").asText()).isEqualTo("2026-04-04");
        assertThat(assigned.at("/payload/missing")).isEmpty();
        JsonNode recurring = get(INSPECTOR, "/api/history/" + id + "/2").body().at("/events/0/payload");
        assertThat(recurring.at("/deadline/kind").asText()).isEqualTo("RECURRING_MONTHLY");
        assertThat(recurring.get("missing").findValuesAsText("missing")).isEmpty();
        assertThat(recurring.get("missing").toString()).contains("NGUOI", "SAN_PHAM").doesNotContain("THOI_GIAN");
    }

    @Test
    void citationsResolveThroughSymbolsAndAliasesNormalised() throws Exception {
        String symbol = symbol();
        String a = post("tuc", "/api/directives", directive(symbol)).text("id");
        String alias = symbol.replace("/THU", "/VPTW");
        Response aliasResponse = post("tuc", "/api/directives/" + a + "/aliases", Map.of("alias", alias));
        assertThat(aliasResponse.status()).as(aliasResponse.raw()).isEqualTo(200);

        Map<String, Object> b = directive(symbol());
        // cited as written, in lower case with spaces: still resolves
        b.put("implementsDirectives", List.of(Map.of("asWritten", " " + alias.toLowerCase().replace("-", " - "))));
        Response issued = post("tuc", "/api/directives", b);
        assertThat(issued.status()).as(issued.raw()).isEqualTo(201);
        JsonNode citation = get(INSPECTOR, "/api/directives/" + issued.text("id") + "/history").body()
                .at("/events/0/payload/implementsDirectives/0");
        assertThat(citation.get("directiveId").asText()).isEqualTo(a);
        assertThat(citation.get("asWritten").asText()).contains(alias.toLowerCase().substring(0, 6));

        Map<String, Object> c = directive(symbol());
        c.put("implementsDirectives", List.of(Map.of("asWritten", "999-XX/UNKNOWN")));
        long before = commitCount();
        Response refused = post("tuc", "/api/directives", c);
        assertProblem(refused, 422, "citation.unresolved");
        assertThat(refused.field()).isEqualTo("implementsDirectives[0]");
        assertThat(commitCount()).isEqualTo(before);
    }

    @Test
    void receiptsRecallReplaceAndCorrections() throws Exception {
        String id = post("tuc", "/api/directives", directive(symbol())).text("id");

        Response receipt = post("most.officer", "/api/directives/" + id + "/receipts", Map.of("receivedOn", "21/3/2026"));
        assertThat(receipt.status()).as(receipt.raw()).isEqualTo(201);
        // a second receipt by the same body records nothing
        assertThat(post("most.officer", "/api/directives/" + id + "/receipts", null).status()).isEqualTo(201);
        // a LEADER may do what an OFFICER does
        assertThat(post("most.leader", "/api/directives/" + id + "/receipts", null).status()).isEqualTo(201);
        // not a recipient: refused as an authorisation rule (403) and nothing appended
        int before = eventCount(id);
        Response notRecipient = post("du.officer", "/api/directives/" + id + "/receipts", null);
        assertProblem(notRecipient, 403, "auth.not-a-recipient");
        assertThat(eventCount(id)).isEqualTo(before);

        Response corrected = post("tuc", "/api/directives/" + id + "/corrections",
                Map.of("field", "SUBJECT", "newValue", "Tiêu đề đã sửa", "reason", "nhập sai"));
        assertThat(corrected.status()).as(corrected.raw()).isEqualTo(200);
        // only the issuing body may correct
        assertProblem(post("do", "/api/directives/" + id + "/corrections",
                Map.of("field", "SUBJECT", "newValue", "x", "reason", "y")), 403, "auth.not-issuing-body");

        String replacement = post("tuc", "/api/directives", directive(symbol())).text("id");
        Response replaced = post("tuc", "/api/directives/" + id + "/replace",
                Map.of("replacementDirectiveId", replacement, "reason", "thay thế"));
        assertThat(replaced.status()).as(replaced.raw()).isEqualTo(200);
        // nothing happens to a replaced directive, nor to its tasks
        assertProblem(post("tuc", "/api/directives/" + id + "/recall", Map.of("reason", "x")), 422, "directive.replaced");
        assertProblem(post("most.officer", "/api/tasks/" + id + "/1/acknowledge", null), 422, "directive.replaced");

        Response recalled = post("tuc", "/api/directives/" + replacement + "/recall", Map.of("reason", "thu hồi"));
        assertThat(recalled.status()).isEqualTo(200);
        assertProblem(post("most.officer", "/api/directives/" + replacement + "/receipts", null), 422,
                "directive.recalled");

        List<String> types = get(INSPECTOR, "/api/directives/" + id + "/history").body().get("events")
                .findValuesAsText("type");
        assertThat(types).containsExactly("DirectiveIssued", "DirectiveReceived", "DirectiveCorrected",
                "DirectiveReplaced");
    }

    @Test
    void correctedSymbolResolvesAndOldOneNoLonger() throws Exception {
        String old = symbol();
        String id = post("tuc", "/api/directives", directive(old)).text("id");
        String fixed = symbol();
        assertThat(post("tuc", "/api/directives/" + id + "/corrections",
                Map.of("field", "SYMBOL", "newValue", fixed, "reason", "sai số")).status()).isEqualTo(200);
        Map<String, Object> citing = directive(symbol());
        citing.put("implementsDirectives", List.of(Map.of("asWritten", fixed)));
        assertThat(post("tuc", "/api/directives", citing).status()).isEqualTo(201);
        citing = directive(symbol());
        citing.put("implementsDirectives", List.of(Map.of("asWritten", old)));
        assertProblem(post("tuc", "/api/directives", citing), 422, "citation.unresolved");
    }

    @Test
    void rolesValidationAndDeadlineRefusals() throws Exception {
        Map<String, Object> d = directive(symbol());
        assertProblem(post("most.officer", "/api/directives", d), 403, "auth.role");
        assertProblem(post(INSPECTOR, "/api/directives", d), 403, "auth.role");
        assertProblem(post(null, "/api/directives", d), 401, "auth.unauthenticated");

        long before = commitCount();
        Map<String, Object> invalid = directive(" ");
        invalid.remove("issuedOn");
        Response r = post("tuc", "/api/directives", invalid);
        assertProblem(r, 400, "validation.failed");
        assertThat(r.body().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("symbol", "issuedOn");

        Map<String, Object> badTask = directive(symbol());
        badTask.put("tasks", List.of(Map.of("code", "a/b", "leadBodies", List.of("BKHCN"))));
        r = post("tuc", "/api/directives", badTask);
        assertProblem(r, 400, "validation.failed");
        assertThat(r.field()).isEqualTo("tasks[0].code");

        Map<String, Object> badDate = directive(symbol());
        badDate.put("issuedOn", "31/2/2026");
        r = post("tuc", "/api/directives", badDate);
        assertProblem(r, 400, "json.invalid-value");
        assertThat(r.field()).isEqualTo("issuedOn");

        Map<String, Object> badDeadline = directive(symbol());
        badDeadline.put("tasks", List.of(Map.of("code", "1", "leadBodies", List.of("BKHCN"), "deadline", "khi có điều kiện")));
        r = post("tuc", "/api/directives", badDeadline);
        assertProblem(r, 422, "deadline.unrecognised");
        assertThat(r.field()).isEqualTo("tasks[0].deadline");

        Map<String, Object> unknownBody = directive(symbol());
        unknownBody.put("recipientsForAction", List.of("NO-SUCH-BODY"));
        r = post("tuc", "/api/directives", unknownBody);
        assertProblem(r, 404, "body.not-found");
        assertThat(r.field()).isEqualTo("recipientsForAction[0]");

        Map<String, Object> otherBody = directive(symbol());
        otherBody.put("issuingBodyCode", "TU-DIENBIEN");
        assertProblem(post("tuc", "/api/directives", otherBody), 403, "auth.not-issuing-body");
        assertThat(commitCount()).isEqualTo(before);

        assertProblem(post("tuc", "/api/directives/" + UUID.randomUUID() + "/recall", Map.of("reason", "x")), 404,
                "aggregate.not-found");
    }

    @Test
    void callerChosenIdIsKeptAndCannotBeReused() throws Exception {
        String id = UUID.randomUUID().toString();
        Map<String, Object> d = directive(symbol());
        d.put("directiveId", id);
        String firstKey = UUID.randomUUID().toString();
        Map<String, Object> firstBody = new LinkedHashMap<>(d);
        Response first = post("tuc", "/api/directives", firstBody, firstKey);
        assertThat(first.text("id")).isEqualTo(id);
        long commits = commitCount();
        long head = headPosition();

        d.put("symbol", symbol());
        assertProblem(post("tuc", "/api/directives", d), 409, "directive.id.taken");
        // under a new Idempotency-Key too, refused before dispatch: no commit position is taken (none shows as lag)
        Response again = post("tuc", "/api/directives", d, UUID.randomUUID().toString());
        assertProblem(again, 409, "directive.id.taken");
        assertThat(again.field()).isEqualTo("directiveId");
        assertThat(commitCount()).isEqualTo(commits);
        assertThat(headPosition()).isEqualTo(head);

        // the first request retried under its own key is answered as before, from the stored answer
        Response replay = post("tuc", "/api/directives", firstBody, firstKey);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(commitCount()).isEqualTo(commits);
    }

    @Test
    void requestsRacingForANewIdGetOneDirectiveAndNamedRefusals() throws Exception {
        String id = UUID.randomUUID().toString();
        int writers = 4;
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        try {
            List<java.util.concurrent.Future<Response>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < writers; i++) {
                Map<String, Object> d = directive(symbol());
                d.put("directiveId", id);
                answers.add(pool.submit(() -> {
                    start.await();
                    return post("tuc", "/api/directives", d, UUID.randomUUID().toString());
                }));
            }
            start.countDown();
            int created = 0;
            for (java.util.concurrent.Future<Response> answer : answers) {
                Response r = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
                if (r.status() == 201) {
                    created++;
                } else {
                    assertProblem(r, 409, "directive.id.taken");
                }
            }
            assertThat(created).isEqualTo(1);
            assertThat(eventCount(id)).isEqualTo(1); // DirectiveIssued, once (its tasks are streams of their own)
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void addsATaskLater() throws Exception {
        String id = post("tuc", "/api/directives", directive(symbol())).text("id");
        Response r = post("tuc", "/api/directives/" + id + "/tasks",
                Map.of("code", "3", "work", "Việc bổ sung", "leadBodies", List.of("BTC"), "deadline", "2026-06-30"));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        assertThat(r.text("id")).isEqualTo(id + "/3");
        assertThat(get(INSPECTOR, "/api/tasks/" + id + "/3/history").body().at("/events/0/payload/deadline/kind")
                .asText()).isEqualTo("EXACT_DATE");
        assertProblem(post("tuc", "/api/directives/" + id + "/tasks",
                Map.of("code", "3", "leadBodies", List.of("BTC"))), 422, "task.code.taken");
    }
}
