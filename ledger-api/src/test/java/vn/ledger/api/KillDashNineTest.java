package vn.ledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.ledger.api.ChildLedger.Response;
import vn.ledger.api.ChildLedger.User;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A crash under load. The application runs in a child JVM on a data directory; eight clients send commands that
 * append events, each with its own Idempotency-Key, and the child is killed with SIGKILL while requests are in
 * flight. Started again on the same directory, every acknowledged command is stored exactly once, a retry of every
 * key sent before the kill is answered at once (replayed, answered from the stored commit, or run now) and appends
 * nothing for an acknowledged one, and every read model equals a fresh rebuild from the events.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class KillDashNineTest {

    private static final String ADMIN = "kd.admin";
    private static final String LEADER = "kd.leader";
    private static final String ROOT = "KD-ROOT";
    private static final List<String> BODIES = List.of("KD-A", "KD-B");
    private static final List<User> USERS = List.of(
            new User(ADMIN, "admin-secret", ROOT, "ADMIN"),
            new User(LEADER, "leader-secret", ROOT, "LEADER"),
            new User("kd.officer.a", "officer-secret", "KD-A", "OFFICER"),
            new User("kd.officer.b", "officer-secret", "KD-B", "OFFICER"));
    private static final int TASKS = 4;
    private static final int CLIENTS = 8;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 150;
    private static final Duration LOAD_AT_MOST = Duration.ofSeconds(20);
    private static final Duration START_PATIENCE = Duration.ofSeconds(90);
    /** A retry after the restart must be answered within this, not after ledger.idempotency.pending-timeout. */
    private static final Duration PROMPT = Duration.ofSeconds(5);
    private static final List<String> MODELS = List.of("directive", "task", "chain", "dashboard", "audit", "search",
            "bodies");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    /** A command sent under a key; the events it appends carry {@code user:key} in their metadata. */
    record Sent(String key, String user, String path, String json, String aggregateId) {
        String storedKey() {
            return user + ":" + key;
        }
    }

    /** What the client got before the kill: null when no answer came (in flight, or sent as it died). */
    record Outcome(Sent sent, Response response) {
        boolean acknowledged() {
            return response != null && response.ok();
        }
    }

    /** The stored events of the aggregates looked at: per stored key, the commits and the number of events. */
    record Stored(Map<String, Set<Long>> commits, Map<String, Integer> events, int total) {
    }

    @Test
    void everyAcknowledgedCommandSurvivesAKillExactlyOnceAndEveryRetryIsAnsweredAtOnce() throws Exception {
        Path data = Files.createDirectories(temp.resolve("data"));
        List<Outcome> outcomes;
        String directive;
        try (ChildLedger first = ChildLedger.start(data, temp.resolve("first.log"), USERS, START_PATIENCE)) {
            directive = setUp(first);
            outcomes = loadAndKill(first, directive);
        }
        List<Outcome> acknowledged = outcomes.stream().filter(Outcome::acknowledged).toList();
        List<Outcome> unanswered = outcomes.stream().filter(o -> o.response() == null).toList();
        List<Outcome> refused = outcomes.stream().filter(o -> o.response() != null && !o.response().ok()).toList();
        // a refusal under load can only be a conflict that survived the gateway's retries (nothing appended)
        assertThat(refused).allSatisfy(o -> assertThat(o.response().rule()).as(o.response().raw())
                .isEqualTo("concurrency.conflict"));
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(CLIENTS);
        assertThat(unanswered).as("the kill cut requests short").isNotEmpty();

        try (ChildLedger second = ChildLedger.start(data, temp.resolve("second.log"), USERS, START_PATIENCE)) {
            Set<String> aggregates = new LinkedHashSet<>();
            aggregates.add(directive);
            outcomes.forEach(o -> aggregates.add(o.sent().aggregateId()));

            // every acknowledged command is stored, once; no key is stored twice
            Stored afterRestart = stored(second, aggregates);
            assertThat(acknowledged).allSatisfy(o -> assertThat(afterRestart.commits().get(o.sent().storedKey()))
                    .as("commits of acknowledged %s", o.sent().storedKey()).hasSize(1));
            assertStoredOnce(afterRestart);

            // retries, first of what was cut short: answered at once, not 409 until pending-timeout
            Map<String, Integer> retryStatuses = new HashMap<>();
            long slowest = 0;
            List<Outcome> retried = new ArrayList<>(unanswered);
            retried.addAll(refused);
            retried.addAll(acknowledged);
            for (Outcome o : retried) {
                Sent s = o.sent();
                long started = System.nanoTime();
                Response retry = second.post(s.user(), s.path(), s.json(), s.key());
                long millis = (System.nanoTime() - started) / 1_000_000;
                slowest = Math.max(slowest, millis);
                assertThat(retry.ok()).as("retry of %s: %s", s.storedKey(), retry.raw()).isTrue();
                assertThat(millis).as("retry of %s answered in ms", s.storedKey()).isLessThan(PROMPT.toMillis());
                retryStatuses.merge(retry.status() + (retry.replayed() ? " replayed" : ""), 1, Integer::sum);
                if (o.acknowledged()) {
                    assertThat(retry.replayed()).as(s.storedKey()).isTrue();
                    assertThat(retry.raw()).isEqualTo(o.response().raw());
                }
            }

            // the retries appended nothing for what was acknowledged, and each key is now stored once
            Stored afterRetries = stored(second, aggregates);
            assertStoredOnce(afterRetries);
            assertThat(retried).allSatisfy(o -> assertThat(afterRetries.commits().get(o.sent().storedKey()))
                    .as("commits of %s after its retry", o.sent().storedKey()).hasSize(1));
            assertThat(acknowledged).allSatisfy(o -> assertThat(afterRetries.commits().get(o.sent().storedKey()))
                    .isEqualTo(afterRestart.commits().get(o.sent().storedKey())));
            long storedNow = retried.stream().filter(o -> !afterRestart.commits().containsKey(o.sent().storedKey()))
                    .count();
            assertThat(afterRetries.total()).isEqualTo(afterRestart.total() + storedNow);

            int takenOver = count(second.tail(Integer.MAX_VALUE), "was left pending by instance");
            System.out.printf("kill -9 under load: %d commands sent, %d acknowledged, %d unanswered (in flight at the "
                            + "kill), %d conflicts; %d of the unanswered were stored before the kill; after the "
                            + "restart %d pending keys of the killed instance taken over; retries %s, slowest %d ms%n",
                    outcomes.size(), acknowledged.size(), unanswered.size(), refused.size(),
                    unanswered.stream().filter(o -> afterRestart.commits().containsKey(o.sent().storedKey())).count(),
                    takenOver, retryStatuses, slowest);

            assertTheAuditListsEveryStoredEventOnce(second, aggregates);
            assertReadModelsEqualAFreshRebuild(second);
        }
    }

    // ---- the scenario's steps ----

    /** Bodies, and a directive of the leader's body with tasks led by the officers' bodies. */
    private static String setUp(ChildLedger ledger) throws Exception {
        created(ledger.post(ADMIN, "/api/bodies", body(ROOT, null, "CENTRAL"), null));
        for (String code : BODIES) {
            created(ledger.post(ADMIN, "/api/bodies", body(code, ROOT, "MINISTRY"), null));
        }
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (int t = 1; t <= TASKS; t++) {
            tasks.add(Map.of("code", String.valueOf(t), "work", "Nhiệm vụ " + t,
                    "leadBodies", List.of(BODIES.get((t - 1) % BODIES.size())), "deadline", "trước ngày 30/12/2026",
                    "product", "Báo cáo", "responsible", Map.of("name", "Người phụ trách " + t)));
        }
        Map<String, Object> directive = new LinkedHashMap<>();
        directive.put("symbol", "99-TB/KD");
        directive.put("kind", "THONG_BAO");
        directive.put("signer", Map.of("name", "Người ký", "position", "Chánh Văn phòng", "capacity", "NONE"));
        directive.put("issuedOn", "20/3/2026");
        directive.put("subject", "Thông báo thử tải khi tiến trình bị dừng đột ngột");
        directive.put("recipientsForAction", BODIES);
        directive.put("tasks", tasks);
        return created(ledger.post(LEADER, "/api/directives", JSON.writeValueAsString(directive), null))
                .body().get("id").asText();
    }

    /**
     * Eight clients send commands (reports by the lead bodies' officers, urgings by the leader, new bodies by the
     * admin), each with a new key, until the child is killed once enough were acknowledged.
     */
    private static List<Outcome> loadAndKill(ChildLedger ledger, String directive) throws Exception {
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        AtomicBoolean killed = new AtomicBoolean();
        AtomicInteger acknowledged = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.submit(() -> {
                    for (int i = 0; !killed.get(); i++) {
                        Sent sent = command(directive, client, i);
                        try {
                            Response r = ledger.post(sent.user(), sent.path(), sent.json(), sent.key());
                            outcomes.add(new Outcome(sent, r));
                            if (r.ok()) {
                                acknowledged.incrementAndGet();
                            }
                        } catch (IOException cutShort) {
                            outcomes.add(new Outcome(sent, null));
                            return null;
                        }
                    }
                    return null;
                });
            }
            long deadline = System.nanoTime() + LOAD_AT_MOST.toNanos();
            while (acknowledged.get() < ACKNOWLEDGED_BEFORE_KILL && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            ledger.kill();
            killed.set(true);
        } finally {
            killed.set(true);
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).as("clients stopped").isTrue();
        }
        return List.copyOf(outcomes);
    }

    private static Sent command(String directive, int client, int i) {
        String key = "kd-" + client + "-" + i;
        int task = 1 + (client + i) % TASKS;
        String taskPath = "/api/tasks/" + directive + "/" + task;
        String taskId = directive + "/" + task;
        try {
            return switch ((client + i) % 10) {
                case 0 -> {
                    String code = "KD-N" + client + "-" + i;
                    yield new Sent(key, ADMIN, "/api/bodies", body(code, ROOT, "UNIT"), code);
                }
                case 1, 2, 3 -> new Sent(key, LEADER, taskPath + "/urge",
                        JSON.writeValueAsString(Map.of("message", "Đôn đốc " + key)), taskId);
                default -> new Sent(key, officerOf(task), taskPath + "/reports",
                        JSON.writeValueAsString(Map.of("text", "Báo cáo " + key, "percent", i % 101)), taskId);
            };
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String officerOf(int task) {
        String body = BODIES.get((task - 1) % BODIES.size());
        return USERS.stream().filter(u -> u.bodyCode().equals(body)).findFirst().orElseThrow().username();
    }

    private static String body(String code, String parent, String level) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("name", "Cơ quan " + code);
        body.put("parentCode", parent);
        body.put("level", level);
        return JSON.writeValueAsString(body);
    }

    // ---- what is stored ----

    private static Stored stored(ChildLedger ledger, Set<String> aggregates) throws Exception {
        Map<String, Set<Long>> commits = new HashMap<>();
        Map<String, Integer> events = new HashMap<>();
        int total = 0;
        for (String id : aggregates) {
            Response history = ledger.get(ADMIN, "/api/history/" + id);
            if (history.status() == 404) {
                continue; // a body whose registration was cut short before it was stored
            }
            assertThat(history.status()).as(history.raw()).isEqualTo(200);
            for (JsonNode event : history.body().get("events")) {
                total++;
                JsonNode key = event.at("/metaData/idempotencyKey");
                if (!key.isMissingNode() && !key.isNull()) {
                    commits.computeIfAbsent(key.asText(), k -> new TreeSet<>()).add(event.get("position").asLong());
                    events.merge(key.asText(), 1, Integer::sum);
                }
            }
        }
        return new Stored(commits, events, total);
    }

    /** Every command of the load appends one event: a key in two commits, or on two events, is a duplicate. */
    private static void assertStoredOnce(Stored stored) {
        assertThat(stored.commits()).allSatisfy((key, positions) -> assertThat(positions).as(key).hasSize(1));
        assertThat(stored.events()).allSatisfy((key, n) -> assertThat(n).as(key).isEqualTo(1));
    }

    // ---- read models ----

    /** The audit trail of each aggregate lists each of its stored events once, however the kill fell. */
    private static void assertTheAuditListsEveryStoredEventOnce(ChildLedger ledger, Set<String> aggregates)
            throws Exception {
        for (String id : aggregates) {
            Response history = ledger.get(ADMIN, "/api/history/" + id);
            if (history.status() == 404) {
                continue;
            }
            List<String> stored = new ArrayList<>();
            history.body().get("events").forEach(e -> stored.add(e.get("eventId").asText()));
            List<String> audited = new ArrayList<>();
            String[] listed = new String[1];
            await(() -> "the audit of " + id + " to list its " + stored.size() + " events: " + listed[0],
                    Duration.ofSeconds(30), () -> {
                audited.clear();
                String cursor = null;
                do {
                    String path = "/api/audit?size=1000&entity=" + java.net.URLEncoder.encode(id, StandardCharsets.UTF_8)
                            + (cursor == null ? "" : "&cursor=" + java.net.URLEncoder.encode(cursor, StandardCharsets.UTF_8));
                    JsonNode page = ledger.get(ADMIN, path).body().get("data");
                    page.get("entries").forEach(e -> audited.add(e.get("eventId").asText()));
                    cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
                } while (cursor != null);
                listed[0] = audited.size() + " entries, " + new java.util.HashSet<>(audited).size() + " distinct";
                return audited.size() >= stored.size();
            });
            assertThat(audited).as("audit of %s", id).containsExactlyInAnyOrderElementsOf(stored);
        }
    }

    private static void assertReadModelsEqualAFreshRebuild(ChildLedger ledger) throws Exception {
        String[] status = new String[1];
        await(() -> "every model caught up: " + status[0] + "\n" + ledger.tail(), Duration.ofSeconds(60), () -> {
            JsonNode models = ledger.get(ADMIN, "/api/admin/read-models").body();
            status[0] = models.toString();
            for (JsonNode m : models.get("models")) {
                if (m.at("/active/lag").asLong() != 0) {
                    return false;
                }
            }
            return true;
        });
        Response started = ledger.post(ADMIN, "/api/admin/read-models/all/rebuild?activate=false", null, null);
        assertThat(started.status()).as(started.raw()).isEqualTo(202);
        await(() -> "every rebuild ready: " + status[0] + "\n" + ledger.tail(), Duration.ofSeconds(90), () -> {
            JsonNode models = ledger.get(ADMIN, "/api/admin/read-models").body();
            status[0] = models.toString();
            for (JsonNode m : models.get("models")) {
                if (!"READY".equals(m.at("/rebuild/state").asText())) {
                    return false;
                }
            }
            return true;
        });
        Map<String, String> differing = new LinkedHashMap<>();
        for (String model : MODELS) {
            JsonNode last = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline) {
                Response compare = ledger.get(ADMIN, "/api/admin/read-models/" + model + "/compare");
                assertThat(compare.status()).as(compare.raw()).isEqualTo(200);
                last = compare.body();
                if (last.get("inSync").asBoolean() && last.get("differences").asLong() == 0) {
                    break;
                }
                Thread.sleep(200);
            }
            System.out.printf("read model %s against a fresh rebuild: inSync=%s, %d differences%n", model,
                    last.get("inSync"), last.get("differences").asLong());
            if (!last.get("inSync").asBoolean() || last.get("differences").asLong() != 0) {
                differing.put(model, last.get("differences") + " differences, sample " + last.get("sample"));
            }
        }
        assertThat(differing).as("read models that differ from a fresh rebuild").isEmpty();
    }

    // ---- helpers ----

    private static Response created(Response r) {
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r;
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    private static void await(Supplier<String> what, Duration patience, Condition condition) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.holds()) {
            assertThat(System.nanoTime()).as(() -> "waiting for " + what.get()).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
