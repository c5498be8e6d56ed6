package vn.ledger.eventstore.proof;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.ledger.core.proof.Checkpoint;
import vn.ledger.core.proof.CommitLeaf;
import vn.ledger.core.proof.Hashes;
import vn.ledger.core.proof.InMemoryTree;
import vn.ledger.core.proof.MerkleTree;
import vn.ledger.core.proof.NoteSigner;
import vn.ledger.eventstore.CanonicalJson;
import vn.ledger.eventstore.EmbeddedMongo;
import vn.ledger.eventstore.MongoEventStorageEngine;
import vn.ledger.eventstore.proof.VerifyReport.Kind;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The log's tree, its signed checkpoints, and verification of the stored commits, edited through the driver. */
@DisplayName("A verifiable log")
class LogProofTest {

    private static final Instant T0 = Instant.parse("2026-04-01T08:00:00Z");
    private static final NoteSigner KEY = NoteSigner.generate("ledger.test/log");

    private static EmbeddedMongo server;
    private static MongoClient client;

    private MongoDatabase database;
    private MongoEventStorageEngine engine;
    private Checkpoints checkpoints;

    @BeforeAll
    static void start() {
        server = EmbeddedMongo.inMemory();
        client = MongoClients.create(server.connectionString());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @BeforeEach
    void freshStore() {
        database = client.getDatabase("proof_" + UUID.randomUUID().toString().substring(0, 8));
        engine = MongoEventStorageEngine.builder().database(database).serializer(CanonicalJson.serializer()).build();
        engine.ensureIndexes();
        checkpoints = new Checkpoints(database, "", new LogTree(database), KEY, Clock.fixed(T0, ZoneOffset.UTC));
    }

    @AfterEach
    void drop() {
        database.drop();
    }

    private MongoCollection<Document> commits() {
        return database.getCollection("events");
    }

    /** Commits 1..n: one event each, of aggregates A, B, C in turn; the fourth holds two events. */
    private void commit(int n) {
        long first = engine.readEvents(null, false).count();
        for (int i = 0; i < n; i++) {
            String aggregate = String.valueOf((char) ('A' + (first + i) % 3));
            long seq = engine.lastSequenceNumberFor(aggregate).map(s -> s + 1).orElse(0L);
            var event = new GenericDomainEventMessage<>("Note", aggregate, seq, "note " + aggregate + "#" + seq,
                    MetaData.with("n", i), UUID.randomUUID().toString(), T0.plusSeconds(i));
            if (i == 3) {
                engine.appendEvents(event, new GenericDomainEventMessage<>("Note", aggregate, seq + 1, "and more",
                        MetaData.emptyInstance(), UUID.randomUUID().toString(), T0.plusSeconds(i)));
            } else {
                engine.appendEvents(event);
            }
        }
    }

    private LogVerifier verifier(NoteSigner key) {
        return new LogVerifier(database, "", checkpoints, key.verifier(),
                () -> ((GapAwareTrackingToken) engine.createHeadToken()).getIndex(), Clock.systemUTC());
    }

    private VerifyReport verify() {
        return verifier(KEY).verify((position, end) -> { });
    }

    private List<byte[]> storedLeafHashes() {
        List<byte[]> leaves = new ArrayList<>();
        for (Document commit : commits().find().sort(new Document("_id", 1))) {
            leaves.add(StoredLeaves.of(commit).leafHash());
        }
        return leaves;
    }

    @Nested
    class The_tree {

        @Test
        void given_commits_and_a_tombstone_then_every_position_is_a_leaf_and_each_proves_its_inclusion() {
            commit(4);
            commits().insertOne(new Document("_id", 5L).append("at", new Date()).append("k", "@5")
                    .append("starts", List.of("@5")).append("tomb", true).append("ev", List.of()));
            commit(3);

            long size = checkpoints.tree().extend();

            assertThat(size).isEqualTo(8);
            InMemoryTree expected = InMemoryTree.ofLeafHashes(storedLeafHashes());
            assertThat(checkpoints.tree().root(size)).isEqualTo(expected.root());
            assertThat(checkpoints.tree().leafHash(5)).isEqualTo(CommitLeaf.tombstoneAt(5).leafHash());
            for (long position = 1; position <= size; position++) {
                assertThat(MerkleTree.verifyInclusion(position - 1, size, checkpoints.tree().leafHash(position),
                        checkpoints.tree().inclusionProof(position, size), expected.root())).isTrue();
            }
        }

        @Test
        void given_an_open_gap_then_the_tree_stops_below_it_until_a_tombstone_closes_it() {
            commit(3);
            commits().insertOne(new Document("_id", 5L).append("at", new Date()).append("k", "@5")
                    .append("starts", List.of("@5")).append("tomb", true).append("ev", List.of()));

            assertThat(checkpoints.tree().extend()).isEqualTo(3);

            commits().insertOne(new Document("_id", 4L).append("at", new Date()).append("k", "@4")
                    .append("starts", List.of("@4")).append("tomb", true).append("ev", List.of()));
            assertThat(checkpoints.tree().extend()).isEqualTo(5);
        }

        @Test
        void built_in_steps_or_from_scratch_it_is_the_same_tree() {
            commit(300);
            checkpoints.tree().extend();
            commit(400);
            long size = checkpoints.tree().extend();
            byte[] grown = checkpoints.tree().root(size);

            assertThat(checkpoints.tree().rebuild(p -> { })).isEqualTo(size);

            assertThat(checkpoints.tree().root(size)).isEqualTo(grown)
                    .isEqualTo(InMemoryTree.ofLeafHashes(storedLeafHashes()).root());
        }
    }

    @Nested
    class Checkpoints_ {

        @Test
        void a_checkpoint_is_a_signed_note_of_origin_size_and_root_and_each_one_is_kept() {
            commit(5);
            StoredCheckpoint first = checkpoints.make();
            assertThat(checkpoints.make()).as("nothing new: the same one").isEqualTo(first);
            commit(6);
            StoredCheckpoint second = checkpoints.make();

            assertThat(KEY.verifier().verifies(first.signed())).isTrue();
            assertThat(first.body()).isEqualTo(new Checkpoint("ledger.test/log", 5, checkpoints.tree().root(5)));
            assertThat(second.size()).isEqualTo(11);
            assertThat(checkpoints.all()).containsExactly(first, second);
            assertThat(MerkleTree.verifyConsistency(5, 11, checkpoints.tree().consistencyProof(5, 11),
                    first.body().rootHash(), second.body().rootHash())).isTrue();
        }
    }

    @Nested
    class Verification {

        /** 20 positions, checkpoints at 10 and 20. */
        @BeforeEach
        void twoCheckpoints() {
            commit(10);
            assertThat(checkpoints.make().size()).isEqualTo(10);
            commit(10);
            assertThat(checkpoints.make().size()).isEqualTo(20);
        }

        @Test
        void an_untouched_store_verifies_and_every_checkpoint_with_it() {
            VerifyReport report = verify();

            assertThat(report.firstProblem()).isNull();
            assertThat(report.checked()).isEqualTo(20);
            assertThat(report.checkpoints()).extracting(VerifyReport.CheckpointCheck::size).containsExactly(10L, 20L);
            assertThat(report.ok()).isTrue();
        }

        @Test
        void one_byte_of_one_payload_changed_is_reported_at_its_position() {
            Document commit = commits().find(Filters.eq("_id", 7L)).first();
            String payload = commit.getList("ev", Document.class).get(0).getString("p");
            commits().updateOne(Filters.eq("_id", 7L), Updates.set("ev.0.p", payload.replace("note", "nota")));

            VerifyReport report = verify();

            assertThat(report.firstProblem().position()).isEqualTo(7);
            assertThat(report.firstProblem().kind()).isEqualTo(Kind.CONTENT);
            assertThat(report.checkpoints()).allSatisfy(c -> {
                assertThat(c.rootMatches()).isFalse();
                assertThat(c.problem()).contains("position 7");
            });
        }

        @Test
        void a_deleted_commit_is_reported_at_its_position() {
            commits().deleteOne(Filters.eq("_id", 7L));

            VerifyReport report = verify();

            assertThat(report.firstProblem().position()).isEqualTo(7);
            assertThat(report.firstProblem().kind()).isEqualTo(Kind.MISSING);
            assertThat(report.ok()).isFalse();
        }

        @Test
        void two_commits_with_their_contents_swapped_are_reported_at_the_first() {
            Document five = commits().find(Filters.eq("_id", 5L)).first();
            Document twelve = commits().find(Filters.eq("_id", 12L)).first();
            commits().deleteMany(Filters.in("_id", 5L, 12L));
            commits().insertOne(new Document(twelve).append("_id", 5L));
            commits().insertOne(new Document(five).append("_id", 12L));

            VerifyReport report = verify();

            assertThat(report.firstProblem().position()).isEqualTo(5);
            assertThat(report.firstProblem().kind()).isEqualTo(Kind.CONTENT);
            assertThat(report.problems()).isGreaterThanOrEqualTo(2);
        }

        @Test
        void a_truncated_log_is_reported_where_it_now_ends() {
            commits().deleteMany(Filters.gte("_id", 15L));

            VerifyReport report = verify();

            assertThat(report.firstProblem().position()).isEqualTo(15);
            assertThat(report.firstProblem().kind()).isEqualTo(Kind.TRUNCATED);
            assertThat(report.checkpoints()).filteredOn(c -> c.size() == 20).singleElement()
                    .satisfies(c -> assertThat(c.problem()).contains("no longer reach position 20"));
            assertThat(report.checkpoints()).filteredOn(c -> c.size() == 10).singleElement()
                    .satisfies(c -> assertThat(c.rootMatches()).isTrue());
        }

        @Test
        void a_checkpoint_signed_by_another_key_is_reported_by_its_size() {
            NoteSigner other = NoteSigner.generate("ledger.test/log");
            Checkpoint body = checkpoints.at(10).orElseThrow().body();
            database.getCollection("checkpoints").updateOne(Filters.eq("_id", 10L),
                    Updates.set("note", other.sign(body.text()).format()));

            VerifyReport report = verify();

            assertThat(report.firstProblem()).isNull();
            assertThat(report.checkpoints()).filteredOn(c -> !c.ok()).singleElement().satisfies(c -> {
                assertThat(c.size()).isEqualTo(10);
                assertThat(c.signatureValid()).isFalse();
                assertThat(c.problem()).contains("not signed by " + KEY.verifier().verifierKey());
            });
        }

        @Test
        void a_checkpoint_whose_root_no_longer_matches_is_reported_by_its_size() {
            Checkpoint forged = new Checkpoint("ledger.test/log", 20, Hashes.leaf(new byte[]{1}));
            database.getCollection("checkpoints").updateOne(Filters.eq("_id", 20L),
                    Updates.set("note", KEY.sign(forged.text()).format()));

            VerifyReport report = verify();

            assertThat(report.firstProblem()).isNull();
            assertThat(report.checkpoints()).filteredOn(c -> !c.ok()).singleElement().satisfies(c -> {
                assertThat(c.size()).isEqualTo(20);
                assertThat(c.signatureValid()).isTrue();
                assertThat(c.rootMatches()).isFalse();
                assertThat(c.consistent()).isFalse();
                assertThat(c.problem()).contains("root is not the root recomputed").contains("size 20");
            });
        }

        @Test
        void an_event_out_of_its_aggregates_order_is_reported_at_its_position() {
            // position 2 holds B#0; make it claim B#1, as if an event of B were dropped before it
            commits().updateOne(Filters.eq("_id", 2L), Updates.set("ev.0.seq", 1L));

            VerifyReport report = verify();

            assertThat(report.firstProblem().position()).isEqualTo(2);
            assertThat(report.problems()).isGreaterThanOrEqualTo(2); // its content and its order
        }

        @Test
        void progress_is_told_as_the_scan_goes() {
            List<Map.Entry<Long, Long>> told = new ArrayList<>();
            verifier(KEY).verify((position, end) -> told.add(Map.entry(position, end)));

            assertThat(told).isNotEmpty();
            assertThat(told.get(0).getValue()).isGreaterThanOrEqualTo(20);
        }
    }
}
