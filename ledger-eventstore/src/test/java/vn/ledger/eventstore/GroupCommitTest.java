package vn.ledger.eventstore;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Write commands of the persistent embedded store share durable commits. */
@DisplayName("Group commit of the embedded store")
class GroupCommitTest {

    @Test
    @DisplayName("given 16 concurrent writers, when they insert, then fewer commits than write commands run "
            + "and every acknowledged write is there after a restart")
    void concurrentWritersShareCommits(@TempDir Path dir) throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        EmbeddedMongo.CommitCounts counts;
        try (EmbeddedMongo server = EmbeddedMongo.persistent(dir);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> c = client.getDatabase("gc").getCollection("docs");
            c.insertOne(new Document("_id", "warm-up"));
            acknowledged.add("warm-up");
            EmbeddedMongo.CommitCounts before = server.commitCounts();
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 16; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        String id = writer + "-" + i;
                        if (i % 10 == 9) { // a multi-document write, unordered
                            List<Document> many = List.of(new Document("_id", id), new Document("_id", id + "b"));
                            c.insertMany(many, new InsertManyOptions().ordered(false));
                            acknowledged.add(id + "b");
                        } else {
                            c.insertOne(new Document("_id", id).append("body", "z".repeat(500)));
                        }
                        acknowledged.add(id);
                    }
                    return null;
                }));
            }
            for (Future<?> f : writers) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            EmbeddedMongo.CommitCounts after = server.commitCounts();
            counts = new EmbeddedMongo.CommitCounts(after.commits() - before.commits(),
                    after.writeCommands() - before.writeCommands(), after.fileBytes());
        }
        System.out.printf("%,d file commits for %,d write commands%n", counts.commits(), counts.writeCommands());
        assertThat(counts.writeCommands()).isEqualTo(1_600);
        assertThat(counts.commits()).isLessThan(counts.writeCommands());
        assertThat(readIds(dir)).isEqualTo(acknowledged);
    }

    @Test
    @DisplayName("given a server process killed (SIGKILL) while writers run, when the file is reopened, "
            + "then every write it acknowledged is there once")
    void acknowledgedWritesSurviveKill(@TempDir Path dir) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashingWriters.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Set<String> acknowledged = new HashSet<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged.size() < 1_500 && (line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    acknowledged.add(line.substring(4));
                }
            }
            // SIGKILL mid-load (acknowledgements still in the pipe are not read: the check covers those read)
            child.destroyForcibly();
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(1_500);
        List<String> found = new ArrayList<>();
        try (EmbeddedMongo server = EmbeddedMongo.persistent(dir);
             MongoClient client = MongoClients.create(server.connectionString())) {
            client.getDatabase("crash").getCollection("docs").find().forEach(d -> found.add(d.getString("_id")));
        }
        assertThat(new HashSet<>(found)).hasSameSizeAs(found).containsAll(acknowledged);
    }

    @Test
    @DisplayName("given writes that ask not to wait for the journal (j: false), when they are answered, then they did "
            + "not wait for a commit, and a commit covers them within a second")
    void writesWithoutJournalAreCommittedSoon(@TempDir Path dir) throws Exception {
        try (EmbeddedMongo server = EmbeddedMongo.persistent(dir);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> c = client.getDatabase("gc").getCollection("docs");
            c.insertOne(new Document("_id", "durable"));
            EmbeddedMongo.CommitCounts before = server.commitCounts();
            MongoCollection<Document> unjournaled = c.withWriteConcern(WriteConcern.W1.withJournal(false));
            for (int i = 0; i < 20; i++) {
                unjournaled.insertOne(new Document("_id", "derived-" + i));
            }
            assertThat(server.commitCounts().writeCommands()).as("none waited").isEqualTo(before.writeCommands());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            while (server.commitCounts().commits() == before.commits() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(server.commitCounts().commits()).as("the maintenance committed them")
                    .isGreaterThan(before.commits());
            c.insertOne(new Document("_id", "durable again"));
            assertThat(server.commitCounts().writeCommands()).as("a write without a concern still waits")
                    .isEqualTo(before.writeCommands() + 1);
        }
        assertThat(readIds(dir)).hasSize(22);
    }

    private static Set<String> readIds(Path dir) {
        Set<String> ids = new HashSet<>();
        try (EmbeddedMongo server = EmbeddedMongo.persistent(dir);
             MongoClient client = MongoClients.create(server.connectionString())) {
            client.getDatabase("gc").getCollection("docs").find().forEach(d -> ids.add(d.getString("_id")));
        }
        return ids;
    }
}
