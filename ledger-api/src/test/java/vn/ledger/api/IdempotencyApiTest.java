package vn.ledger.api;

import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ledger.api.idempotency.CommandDispatcher;
import vn.ledger.api.idempotency.IdempotencyStore;
import vn.ledger.core.body.BodyLevel;
import vn.ledger.core.body.RegisterBody;
import vn.ledger.core.shared.Actor;
import vn.ledger.core.task.ReportProgress;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyApiTest extends ApiTestSupport {

    @Autowired
    CommandDispatcher dispatcher;
    @Autowired
    IdempotencyStore store;

    private String newTaskPath() throws Exception {
        Response r = post("tuc", "/api/directives", DirectiveApiTest.directive(DirectiveApiTest.symbol()));
        return "/api/tasks/" + r.text("id") + "/1";
    }

    @Test
    void retryWithTheSameKeyReplaysTheAnswerAndAppendsNothing() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = DirectiveApiTest.directive(DirectiveApiTest.symbol());
        Response first = post("tuc", "/api/directives", body, key);
        assertThat(first.status()).isEqualTo(201);
        long commits = commitCount();

        Response again = post("tuc", "/api/directives", body, key);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.raw()).isEqualTo(first.raw());        // same directive id, not a second directive
        assertThat(again.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(commitCount()).isEqualTo(commits);

        // the key travels into the events' metadata, scoped to the user
        String id = first.text("id");
        assertThat(get(INSPECTOR, "/api/directives/" + id + "/history").body()
                .at("/events/0/metaData/idempotencyKey").asText()).isEqualTo("tuc:" + key);
        assertThat(get(INSPECTOR, "/api/tasks/" + id + "/1/history").body()
                .at("/events/0/metaData/idempotencyKey").asText()).isEqualTo("tuc:" + key);
    }

    @Test
    void reusingAKeyForAnotherRequestIs422() throws Exception {
        String task = newTaskPath();
        String key = UUID.randomUUID().toString();
        assertThat(post("most.officer", task + "/reports", Map.of("text", "một"), key).status()).isEqualTo(201);
        int events = eventCount(task.substring(11));
        Response reused = post("most.officer", task + "/reports", Map.of("text", "hai"), key);
        assertProblem(reused, 422, "idempotency.key-reused");
        assertThat(reused.field()).isEqualTo("Idempotency-Key");
        assertThat(eventCount(task.substring(11))).isEqualTo(events);
        // keys are per user: another user may use the same key
        assertThat(post("mof.officer", task + "/reports", Map.of("text", "hai"), key).status()).isEqualTo(201);
    }

    @Test
    void refusalsAreStoredAndReplayedToo() throws Exception {
        String task = newTaskPath();
        String key = UUID.randomUUID().toString();
        Response refused = post("du.officer", task + "/acknowledge", null, key);
        assertProblem(refused, 403, "auth.not-assignee");
        Response replay = post("du.officer", task + "/acknowledge", null, key);
        assertThat(replay.status()).isEqualTo(403);
        assertThat(replay.raw()).isEqualTo(refused.raw());
        assertThat(replay.header("Idempotency-Replayed")).isEqualTo("true");

        Response invalid = post("most.officer", task + "/reports", Map.of("text", ""), "v-" + key);
        assertProblem(invalid, 400, "validation.failed");
        assertThat(post("most.officer", task + "/reports", Map.of("text", ""), "v-" + key).header(
                "Idempotency-Replayed")).isEqualTo("true");
        assertProblem(post("most.officer", task + "/reports", Map.of("text", "x"), "bad key with spaces"), 400,
                "idempotency.key-invalid");
    }

    @Test
    void aRequestStillInProgressIs409() throws Exception {
        String task = newTaskPath();
        String key = UUID.randomUUID().toString();
        String path = task + "/reports";
        byte[] body = json.writeValueAsBytes(Map.of("text", "song song"));
        store.begin("most.officer", key, hash("POST", path, body), "POST", path); // another request holds the key
        long commits = commitCount();
        Response r = post("most.officer", path, new String(body, StandardCharsets.UTF_8), key);
        assertProblem(r, 409, "idempotency.in-progress");
        assertThat(commitCount()).isEqualTo(commits);
    }

    @Test
    void aKeyLeftPendingByAnEarlierStartIsTakenOverAtOnce() throws Exception {
        String task = newTaskPath();
        String key = UUID.randomUUID().toString();
        String path = task + "/reports";
        byte[] body = json.writeValueAsBytes(Map.of("text", "sau khi khởi động lại"));
        // a request of the process killed a moment ago: pending, recent, its instance not this one
        store.begin("most.officer", key, hash("POST", path, body), "POST", path);
        database.getCollection(IdempotencyStore.COLLECTION).updateOne(Filters.eq("_id", "most.officer:" + key),
                new Document("$set", new Document("instance", "killed-" + UUID.randomUUID())));
        int events = eventCount(task.substring(11));

        Response retry = post("most.officer", path, new String(body, StandardCharsets.UTF_8), key);
        assertThat(retry.status()).as(retry.raw()).isEqualTo(201);
        assertThat(eventCount(task.substring(11))).isEqualTo(events + 1);
        assertThat(store.find("most.officer:" + key).getString("state")).isEqualTo("COMPLETED");
    }

    @Test
    void aRetryOfARegistrationStoredByAKilledProcessIsAnsweredFromTheStoredCommitNotRefused() throws Exception {
        String code = uniqueCode("KILLED");
        String key = UUID.randomUUID().toString();
        String body = "{\"code\":\"" + code + "\",\"name\":\"Cơ quan " + code + "\",\"level\":\"UNIT\"}";
        // the killed process: pending record inserted, the body's events stored, no answer given
        store.begin(ADMIN, key, hash("POST", "/api/bodies", body.getBytes(StandardCharsets.UTF_8)), "POST",
                "/api/bodies");
        database.getCollection(IdempotencyStore.COLLECTION).updateOne(Filters.eq("_id", ADMIN + ":" + key),
                new Document("$set", new Document("instance", "killed-" + UUID.randomUUID())));
        dispatcher.send(new RegisterBody(code, "Cơ quan " + code, null, BodyLevel.UNIT, null,
                new Actor(ADMIN, "Quản trị hệ thống", "Quản trị viên", "VPTW")), code, ADMIN + ":" + key);
        long commits = commitCount();

        // registering it again would break body.code.taken: the stored commit answers instead
        Response retry = post(ADMIN, "/api/bodies", body, key);
        assertThat(retry.status()).as(retry.raw()).isEqualTo(200);
        assertThat(retry.text("id")).isEqualTo(code);
        assertThat(retry.text("note")).contains("Already recorded");
        assertThat(commitCount()).isEqualTo(commits);
        assertThat(eventCount(code)).isEqualTo(1);
        // a new key for the same registration is refused by the rule, as before
        assertProblem(post(ADMIN, "/api/bodies", body, UUID.randomUUID().toString()), 422, "body.code.taken");
    }

    @Test
    void afterACrashBetweenAppendAndAnswerTheRetryIsAnsweredFromTheStoredCommit() throws Exception {
        String task = newTaskPath();
        String taskId = task.substring("/api/tasks/".length());
        String key = UUID.randomUUID().toString();
        String path = task + "/reports";
        Map<String, Object> request = Map.of("text", "Báo cáo trước sự cố");
        byte[] body = json.writeValueAsBytes(request);

        // the first attempt: pending record inserted, events stored, then the process died before answering
        store.begin("most.officer", key, hash("POST", path, body), "POST", path);
        database.getCollection(IdempotencyStore.COLLECTION).updateOne(Filters.eq("_id", "most.officer:" + key),
                new Document("$set", new Document("createdAt", Date.from(Instant.now().minusSeconds(3600)))));
        dispatcher.send(new ReportProgress(taskId, "Báo cáo trước sự cố", null, null, null, List.of(),
                new Actor("most.officer", "Chuyên viên", "Chuyên viên", "BKHCN")), taskId, "most.officer:" + key);
        int events = eventCount(taskId);
        long realCommits = database.getCollection("events").countDocuments(Filters.ne("tomb", true));

        Response retry = post("most.officer", path, new String(body, StandardCharsets.UTF_8), key);
        assertThat(retry.status()).as(retry.raw()).isEqualTo(200);
        assertThat(retry.text("id")).isEqualTo(taskId);
        assertThat(retry.body().get("commitPosition").asLong()).isPositive();
        assertThat(retry.text("note")).contains("Already recorded");
        assertThat(eventCount(taskId)).isEqualTo(events);
        // nothing appended (the refused position is closed with an empty tombstone commit)
        assertThat(database.getCollection("events").countDocuments(Filters.ne("tomb", true))).isEqualTo(realCommits);
        assertThat(store.find("most.officer:" + key).getString("state")).isEqualTo("COMPLETED");
        // and from now on it is an ordinary replay
        Response replay = post("most.officer", path, new String(body, StandardCharsets.UTF_8), key);
        assertThat(replay.raw()).isEqualTo(retry.raw());
    }

    static String hash(String method, String path, byte[] body) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
        digest.update(body);
        return HexFormat.of().formatHex(digest.digest());
    }
}
