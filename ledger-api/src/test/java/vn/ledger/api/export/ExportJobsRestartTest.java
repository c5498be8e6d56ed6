package vn.ledger.api.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import vn.ledger.api.LedgerApplication;
import vn.ledger.api.demo.DemoDataLoader;
import vn.ledger.archive.CheckpointSigning;
import vn.ledger.archive.ExportProgress;
import vn.ledger.archive.Exporter;
import vn.ledger.core.proof.Checkpoint;
import vn.ledger.core.proof.Hashes;
import vn.ledger.core.proof.SignedNote;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Export jobs outlive the process: stop the service and start it again on the same data directory, and a done
 * export is still there and its bundle downloadable byte for byte; the one running at the stop, and one a killed
 * process left running, are reported INTERRUPTED with the reason; the retention deletes a bundle and says so.
 */
class ExportJobsRestartTest {

    private static final String ARCHIVIST = "archivist";
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    /** Holds an export at its signing, after the log is read, while {@link #hold} is set: a job still RUNNING. */
    static class HeldSigning {
        static volatile boolean hold;
        static final CountDownLatch held = new CountDownLatch(1);
        static final CountDownLatch never = new CountDownLatch(1);

        @Bean
        @Primary
        CheckpointSigning heldSigning(@Qualifier("checkpointSigning") CheckpointSigning signing) {
            return new CheckpointSigning() {
                public String origin() {
                    return signing.origin();
                }

                public SignedNote sign(Checkpoint checkpoint) {
                    if (hold) {
                        held.countDown();
                        try {
                            never.await(); // until the stop interrupts the export
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IllegalStateException("interrupted while held", e);
                        }
                    }
                    return signing.sign(checkpoint);
                }

                public String verifierKey() {
                    return signing.verifierKey();
                }
            };
        }
    }

    private ConfigurableApplicationContext start(Class<?>... more) {
        Class<?>[] sources = new Class<?>[more.length + 1];
        sources[0] = LedgerApplication.class;
        System.arraycopy(more, 0, sources, 1, more.length);
        return new SpringApplicationBuilder(sources).profiles("demo")
                .run("--ledger.data-dir=" + dataDir, "--server.port=0", "--spring.main.banner-mode=off",
                        "--ledger.export.retention=P30D");
    }

    @Test
    void aDoneExportStaysDownloadableAndUnfinishedOnesAreReportedInterrupted() throws Exception {
        String done;
        byte[] bundle;
        String stopped;
        String killed = "killed-" + java.util.UUID.randomUUID();
        Path exports = dataDir.resolve("exports");
        // given an export done and downloaded, one running when the service stops, and one a killed process left
        try (ConfigurableApplicationContext first = start(HeldSigning.class)) {
            String base = base(first);
            done = post(base, "{\"kind\":\"cascade\",\"directiveId\":\"" + DemoDataLoader.A + "\"}");
            JsonNode job = awaitState(base, done, "DONE");
            bundle = download(base, done).body();
            assertThat(job.at("/bundleFile/sha256").asText()).isEqualTo(sha256(bundle));
            assertThat(job.at("/bundleFile/size").asLong()).isEqualTo(bundle.length);

            HeldSigning.hold = true;
            stopped = post(base, "{\"kind\":\"range\",\"from\":\"2000-01-01\",\"to\":\"2100-01-01\"}");
            assertThat(HeldSigning.held.await(60, TimeUnit.SECONDS)).isTrue();
            assertThat(status(base, stopped).get("state").asText()).isEqualTo("RUNNING");

            // as a process killed in the middle of an export leaves its job and its partial file
            Instant at = Instant.now();
            first.getBean(ExportJobStore.class).insert(new ExportJob(killed, "cascade", "a cascade",
                    new Exporter.Requester(ARCHIVIST, "Lưu trữ viên", "Lưu trữ viên", "VPTW"), at, at, null,
                    ExportJob.State.RUNNING, "an-instance-killed-with-sigkill",
                    new ExportProgress("reading the log", 10, 40, 25, 13.8, 100, Duration.ofSeconds(3), 0, 0),
                    null, null, null));
            Files.writeString(exports.resolve(killed + ".zip.part"), "half a zip");
        } finally {
            HeldSigning.hold = false;
        }

        // when the service starts again on the same data directory
        try (ConfigurableApplicationContext second = start()) {
            String base = base(second);

            // then the done export is there, its bundle downloadable byte for byte
            JsonNode kept = status(base, done);
            assertThat(kept.get("state").asText()).isEqualTo("DONE");
            assertThat(kept.at("/progress/percent").asDouble()).isEqualTo(100.0);
            assertThat(kept.at("/requester/username").asText()).isEqualTo(ARCHIVIST);
            assertThat(kept.get("finishedAt").asText()).isNotEmpty();
            assertThat(download(base, done).body()).isEqualTo(bundle);

            // the one running at the stop is INTERRUPTED, with the reason and how far it had come
            JsonNode interrupted = status(base, stopped);
            assertThat(interrupted.get("state").asText()).isEqualTo("INTERRUPTED");
            assertThat(interrupted.get("reason").asText()).contains("service stopped");
            assertThat(interrupted.at("/progress/percent").asDouble()).isGreaterThan(0);
            assertThat(download(base, stopped).statusCode()).isEqualTo(404);
            assertThat(exports.resolve(stopped + ".zip.part")).doesNotExist();

            // the one a killed process left RUNNING is INTERRUPTED by this start, its partial file deleted
            JsonNode leftRunning = status(base, killed);
            assertThat(leftRunning.get("state").asText()).isEqualTo("INTERRUPTED");
            assertThat(leftRunning.get("reason").asText()).contains("gone", "an-instance-killed-with-sigkill");
            assertThat(leftRunning.at("/progress/percent").asDouble()).isEqualTo(13.8);
            assertThat(exports.resolve(killed + ".zip.part")).doesNotExist();

            // the rules are those of before: inspectors and archivists see every export, an officer none
            assertThat(send(base, "inspector", "inspector", "/api/exports/" + done).statusCode()).isEqualTo(200);
            assertThat(send(base, "most.officer", "ledger", "/api/exports/" + done).statusCode()).isEqualTo(403);
            assertThat(send(base, "most.officer", "ledger", "/api/exports/" + done + "/bundle").statusCode())
                    .isEqualTo(403);
            JsonNode recent = json.readTree(send(base, ARCHIVIST, "ledger", "/api/exports").body());
            assertThat(recent.findValuesAsText("id")).contains(done, stopped, killed);

            // and once the retention (30 days) has passed, the bundle is deleted and the job says so
            second.getBean(ExportJobs.class).expire(Instant.now().plus(Duration.ofDays(31)));
            JsonNode expired = status(base, done);
            assertThat(expired.get("state").asText()).isEqualTo("EXPIRED");
            assertThat(expired.get("reason").asText()).contains("retention");
            assertThat(expired.at("/bundleFile/deletedAt").asText()).isNotEmpty();
            assertThat(exports.resolve(done + ".zip")).doesNotExist();
            HttpResponse<byte[]> gone = download(base, done);
            assertThat(gone.statusCode()).isEqualTo(410);
            assertThat(json.readTree(gone.body()).get("rule").asText()).isEqualTo("export.expired");
        }
    }

    private static String base(ConfigurableApplicationContext context) {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    private String post(String base, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/exports"))
                .header("Authorization", basic(ARCHIVIST, "ledger")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return json.readTree(r.body()).get("id").asText();
    }

    private JsonNode status(String base, String id) throws Exception {
        HttpResponse<byte[]> r = send(base, ARCHIVIST, "ledger", "/api/exports/" + id);
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return json.readTree(r.body());
    }

    private JsonNode awaitState(String base, String id, String state) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode job = status(base, id);
        while (!job.get("state").asText().equals(state)) {
            assertThat(System.nanoTime()).as("export not " + state + ": " + job).isLessThan(until);
            Thread.sleep(50);
            job = status(base, id);
        }
        return job;
    }

    private HttpResponse<byte[]> download(String base, String id) throws Exception {
        return send(base, ARCHIVIST, "ledger", "/api/exports/" + id + "/bundle");
    }

    private HttpResponse<byte[]> send(String base, String user, String password, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", basic(user, password))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return Hashes.hex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
