package vn.ledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.Filters;
import org.junit.jupiter.api.Test;
import vn.ledger.api.demo.DemoDataLoader;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rebuilding read models from the events: a new generation beside the live one, the API answering from the old one
 * until the switch, the rebuilt generation equal to the live one document by document.
 */
class ReadModelRebuildApiTest extends ApiTestSupport {

    private static final String MODELS = "/api/admin/read-models";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final List<String> ALL = List.of("directive", "task", "chain", "dashboard", "audit", "search",
            "bodies");

    private Map<String, JsonNode> models() throws Exception {
        Response r = get(ADMIN, MODELS);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        Map<String, JsonNode> out = new HashMap<>();
        r.body().get("models").forEach(m -> out.put(m.get("name").asText(), m));
        return out;
    }

    private JsonNode chainOfA() throws Exception {
        Response r = get(INSPECTOR, "/api/directives/" + DemoDataLoader.A + "/chain?depth=3");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    /** Waits until every model's processors have handled everything stored so far. */
    private void awaitQuiet() {
        await().atMost(PATIENCE).untilAsserted(() -> {
            for (JsonNode m : models().values()) {
                assertThat(m.at("/active/lag").asLong()).as(m.get("name").asText()).isZero();
                if (!m.get("rebuild").isNull()) {
                    assertThat(m.at("/rebuild/lag").asLong()).isZero();
                }
            }
        });
    }

    @Test
    void onlyAdminsSeeAndRebuildReadModels() throws Exception {
        assertProblem(get(INSPECTOR, MODELS), 403, "auth.role");
        assertProblem(post(INSPECTOR, MODELS + "/chain/rebuild", null), 403, "auth.role");
        assertProblem(post("tuc", MODELS + "/all/rebuild", null), 403, "auth.role");
        assertProblem(post(ADMIN, MODELS + "/nonsense/rebuild", null), 404, "read-model.not-found");
        assertProblem(get(ADMIN, MODELS + "/chain/compare"), 404, "read-model.generation.not-found");

        Map<String, JsonNode> models = models();
        assertThat(models.keySet()).containsExactlyInAnyOrderElementsOf(ALL);
        JsonNode chain = models.get("chain");
        assertThat(chain.at("/active/state").asText()).isEqualTo("ACTIVE");
        assertThat(chain.at("/active/prefix").asText()).startsWith("rm_chain_g");
        assertThat(chain.at("/active/processor").asText()).startsWith("rm-chain-g");
        assertThat(chain.get("collections").toString()).contains("chain_nodes");
    }

    @Test
    void aRebuildEqualsTheLiveModelAndTheApiAnswersFromTheOldGenerationUntilItIsActivated() throws Exception {
        awaitQuiet();
        JsonNode before = chainOfA();
        Map<String, Long> live = new HashMap<>();
        models().forEach((name, m) -> live.put(name, m.at("/active/generation").asLong()));

        Response started = post(ADMIN, MODELS + "/all/rebuild?activate=false", null);
        assertThat(started.status()).as(started.raw()).isEqualTo(202);
        assertThat(started.body()).hasSize(ALL.size());
        for (JsonNode m : started.body()) {
            assertThat(m.at("/rebuild/generation").asLong()).isEqualTo(live.get(m.get("name").asText()) + 1);
        }
        // while the rebuild runs and waits, the API answers from the live generations
        JsonNode during = chainOfA();
        assertThat(during.get("generations").get("chain").asLong()).isEqualTo(live.get("chain"));
        assertThat(during.get("data")).isEqualTo(before.get("data"));
        assertProblem(post(ADMIN, MODELS + "/all/rebuild", null), 409, "read-model.rebuild-running");
        // activating the generation that is already active changes nothing
        assertThat(post(ADMIN, MODELS + "/chain/generations/" + live.get("chain") + "/activate", null).status())
                .isEqualTo(200);

        await().atMost(PATIENCE).untilAsserted(() -> {
            for (JsonNode m : models().values()) {
                assertThat(m.at("/rebuild/state").asText()).as(m.get("name").asText()).isEqualTo("READY");
                assertThat(m.at("/rebuild/progress/percent").asDouble()).isEqualTo(100.0);
                assertThat(m.at("/rebuild/mode").asText()).isEqualTo("DIRECT");
            }
        });
        // rebuilt = live, document by document, in every collection of every model
        for (String name : ALL) {
            await().atMost(PATIENCE).untilAsserted(() -> {
                Response cmp = get(ADMIN, MODELS + "/" + name + "/compare");
                assertThat(cmp.status()).as(cmp.raw()).isEqualTo(200);
                assertThat(cmp.body().get("inSync").asBoolean()).as(cmp.raw()).isTrue();
                assertThat(cmp.body().get("differences").asLong()).as(cmp.raw()).isZero();
                assertThat(cmp.body().get("generation").asLong()).isEqualTo(live.get(name) + 1);
                long documents = StreamSupport.stream(cmp.body().get("collections").spliterator(), false)
                        .mapToLong(c -> c.get("liveDocuments").asLong()).sum();
                assertThat(documents).as(name).isPositive();
            });
        }
        assertThat(chainOfA().get("generations").get("chain").asLong()).isEqualTo(live.get("chain"));

        for (String name : ALL) {
            long next = live.get(name) + 1;
            Response activated = post(ADMIN, MODELS + "/" + name + "/generations/" + next + "/activate", null);
            assertThat(activated.status()).as(activated.raw()).isEqualTo(200);
            assertThat(activated.body().at("/active/generation").asLong()).isEqualTo(next);
            assertThat(activated.body().get("rebuild").isNull()).isTrue();
        }
        JsonNode after = chainOfA();
        assertThat(after.get("generations").get("chain").asLong()).isEqualTo(live.get("chain") + 1);
        assertThat(after.get("data")).isEqualTo(before.get("data"));

        // the replaced generations are retired: collections dropped, tokens deleted
        String oldPrefix = "rm_chain_g" + live.get("chain") + "_";
        String oldProcessor = "rm-chain-g" + live.get("chain");
        await().atMost(PATIENCE).untilAsserted(() -> {
            List<String> names = database.listCollectionNames().into(new ArrayList<>());
            assertThat(names).noneMatch(n -> n.startsWith(oldPrefix));
            assertThat(names).anyMatch(n -> n.startsWith("rm_chain_g" + (live.get("chain") + 1) + "_"));
            assertThat(database.getCollection("trackingtokens").countDocuments(Filters.eq("processorName",
                    oldProcessor))).isZero();
        });
    }

    @Test
    void anAutomaticRebuildSwitchesOnceCaughtUpAndTheApiAnswersThroughout() throws Exception {
        awaitQuiet();
        long generation = models().get("chain").at("/active/generation").asLong();
        ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> generationsSeen = new ConcurrentLinkedQueue<>();
        AtomicBoolean reading = new AtomicBoolean(true);
        Thread reader = new Thread(() -> {
            while (reading.get()) {
                try {
                    Response r = get(INSPECTOR, "/api/directives/" + DemoDataLoader.A + "/chain?depth=2");
                    statuses.add(r.status());
                    generationsSeen.add(r.body().get("generations").get("chain").asLong());
                    statuses.add(get(INSPECTOR, "/api/bodies/TU-DIENBIEN/dashboard?subtree=true").status());
                } catch (Exception e) {
                    statuses.add(-1);
                }
            }
        });
        reader.start();
        try {
            await().atMost(PATIENCE).until(() -> !generationsSeen.isEmpty());
            Response started = post(ADMIN, MODELS + "/chain/rebuild", null);
            assertThat(started.status()).as(started.raw()).isEqualTo(202);
            assertThat(started.body().get(0).at("/rebuild/generation").asLong()).isEqualTo(generation + 1);
            await().atMost(PATIENCE).untilAsserted(() -> {
                JsonNode chain = models().get("chain");
                assertThat(chain.at("/active/generation").asLong()).isEqualTo(generation + 1);
                assertThat(chain.get("rebuild").isNull()).isTrue();
                assertThat(chain.at("/lastRebuild/generation").asLong()).isEqualTo(generation + 1);
                assertThat(chain.at("/lastRebuild/replaced").asLong()).isEqualTo(generation);
            });
            await().atMost(PATIENCE).until(() -> generationsSeen.contains(generation + 1));
        } finally {
            reading.set(false);
            reader.join(10_000);
        }
        assertThat(statuses).isNotEmpty().containsOnly(200);
        assertThat(generationsSeen).contains(generation, generation + 1);
    }
}
