package vn.ledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.Filters;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import vn.ledger.api.demo.DemoDataLoader;
import vn.ledger.core.proof.Checkpoint;
import vn.ledger.core.proof.MerkleTree;
import vn.ledger.core.proof.NoteVerifier;
import vn.ledger.core.proof.SignedNote;
import vn.ledger.eventstore.proof.StoredLeaves;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/** The verifiable log through the API: checkpoints, key, proofs checked as an outsider would, verification. */
class ProofApiTest extends ApiTestSupport {

    private record Text(int status, String contentType, String body) {
    }

    private Text text(String user, String method, String path) throws Exception {
        var request = method.equals("POST") ? MockMvcRequestBuilders.post(path) : MockMvcRequestBuilders.get(path);
        MvcResult result = mvc.perform(request.with(httpBasic(user, password(user)))).andReturn();
        return new Text(result.getResponse().getStatus(), result.getResponse().getContentType(),
                result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> out = new ArrayList<>();
        array.forEach(h -> out.add(Base64.getDecoder().decode(h.asText())));
        return out;
    }

    @Test
    void an_inspector_gets_a_checkpoint_signed_by_the_published_key() throws Exception {
        Text key = text(INSPECTOR, "GET", "/api/proof/key");
        Text note = text(INSPECTOR, "GET", "/api/proof/checkpoint");

        assertThat(key.status()).isEqualTo(200);
        assertThat(note.contentType()).startsWith("text/plain");
        NoteVerifier verifier = NoteVerifier.parse(key.body().trim());
        SignedNote signed = SignedNote.parse(note.body());
        assertThat(verifier.verifies(signed)).isTrue();
        Checkpoint checkpoint = Checkpoint.parse(signed.text());
        assertThat(checkpoint.origin()).isEqualTo("directive-ledger.local/log");
        assertThat(checkpoint.size()).isPositive();
        assertThat(text(INSPECTOR, "GET", "/api/proof/checkpoints/" + checkpoint.size()).body()).isEqualTo(note.body());
    }

    @Test
    void only_inspectors_and_admins_may_ask() throws Exception {
        assertThat(text("tu.officer", "GET", "/api/proof/key").status()).isEqualTo(403);
        assertThat(text(ADMIN, "GET", "/api/proof/key").status()).isEqualTo(200);
    }

    @Test
    void an_event_found_by_aggregate_and_sequence_is_proven_in_the_signed_tree() throws Exception {
        Response r = get(INSPECTOR, "/api/proof/inclusion?aggregate=" + DemoDataLoader.A + "&sequence=0");

        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        long position = r.body().get("position").asLong();
        // the leaf recomputed here from the stored document, not taken from the answer
        byte[] leaf = StoredLeaves.of(database.getCollection("events").find(Filters.eq("_id", position)).first())
                .leafHash();
        assertThat(Base64.getEncoder().encodeToString(leaf)).isEqualTo(r.text("leafHash"));
        Checkpoint checkpoint = Checkpoint.parse(SignedNote.parse(r.text("checkpoint")).text());
        assertThat(MerkleTree.verifyInclusion(r.body().get("leafIndex").asLong(), checkpoint.size(), leaf,
                hashes(r.body().get("proof")), checkpoint.rootHash())).isTrue();
        Response byPosition = get(INSPECTOR, "/api/proof/inclusion?position=" + position + "&size=" + checkpoint.size());
        assertThat(byPosition.body().get("proof")).isEqualTo(r.body().get("proof"));
    }

    @Test
    void a_later_checkpoint_is_proven_to_extend_an_earlier_one() throws Exception {
        Checkpoint first = Checkpoint.parse(SignedNote.parse(text(ADMIN, "POST", "/api/proof/checkpoints").body()).text());
        registerBody("PRF", null, "PROVINCE");
        Checkpoint second = Checkpoint.parse(SignedNote.parse(text(ADMIN, "POST", "/api/proof/checkpoints").body()).text());

        Response r = get(INSPECTOR, "/api/proof/consistency?from=" + first.size() + "&to=" + second.size());

        assertThat(second.size()).isGreaterThan(first.size());
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(MerkleTree.verifyConsistency(first.size(), second.size(), hashes(r.body().get("proof")),
                first.rootHash(), second.rootHash())).isTrue();
        JsonNode all = get(INSPECTOR, "/api/proof/checkpoints").body();
        assertThat(all.findValuesAsText("size")).contains(String.valueOf(first.size()), String.valueOf(second.size()));
    }

    @Test
    void verifying_the_store_shows_progress_then_a_report_with_no_problem() throws Exception {
        text(ADMIN, "POST", "/api/proof/checkpoints");
        Response started = post(INSPECTOR, "/api/proof/verify", null);
        assertThat(started.status()).as(started.raw()).isEqualTo(202);
        assertThat(started.body().has("percent")).isTrue();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(get(INSPECTOR, "/api/proof/verify").text("state")).isEqualTo("DONE"));

        JsonNode report = get(INSPECTOR, "/api/proof/verify").body().get("report");
        assertThat(report.get("firstProblem").isNull()).as(report.toString()).isTrue();
        assertThat(report.get("checked").asLong()).isPositive();
        assertThat(report.get("checkpoints")).isNotEmpty().allSatisfy(c -> {
            assertThat(c.get("signatureValid").asBoolean()).isTrue();
            assertThat(c.get("rootMatches").asBoolean()).isTrue();
            assertThat(c.get("consistent").asBoolean()).isTrue();
        });
        assertThat(get(INSPECTOR, "/api/proof/verify").body().get("ok").asBoolean()).isTrue();
    }
}
