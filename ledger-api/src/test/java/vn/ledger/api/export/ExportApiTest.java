package vn.ledger.api.export;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ledger.api.ApiTestSupport;
import vn.ledger.api.demo.DemoDataLoader;
import vn.ledger.core.proof.NoteSigner;
import vn.ledger.core.proof.NoteVerifier;
import vn.ledger.verify.BundleVerifier;
import vn.ledger.verify.LedgerVerify;
import vn.ledger.verify.Problem;
import vn.ledger.verify.Problem.Kind;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An archivist exports the demo cascade through the API; the offline verifier accepts the bundle as exported, and
 * names each tampering: one character edited, a line deleted, two lines swapped, another key.
 */
class ExportApiTest extends ApiTestSupport {

    private static final String ARCHIVIST = "archivist";
    private static Path cascade;
    private String lastJob;
    private static NoteVerifier key;

    @TempDir
    Path dir;

    @org.springframework.beans.factory.annotation.Autowired
    vn.ledger.eventstore.proof.Checkpoints checkpoints;
    @org.springframework.beans.factory.annotation.Autowired
    ExportJobs jobs;

    @Test
    void theCascadeBundleIsWholeAndVerifiesWithThePublishedKey() throws Exception {
        Path bundle = cascadeBundle();
        BundleVerifier.Report report = BundleVerifier.verify(bundle, key);

        assertThat(report.problems()).isEmpty();
        Bundles b = Bundles.read(bundle);
        // the whole downstream cascade: 22-TB, 569-CV/TU forwarding it, 506-CV/ĐU forwarding that, and their tasks
        List<String> documents = b.lines("data/metadata/documents.jsonl");
        assertThat(documents).hasSize(3);
        assertThat(String.join("\n", documents)).contains(DemoDataLoader.A, DemoDataLoader.B, DemoDataLoader.C)
                .doesNotContain(DemoDataLoader.NOTICE_002);
        assertThat(b.text("data/aggregates.jsonl")).contains(DemoDataLoader.A + "/II.1", DemoDataLoader.C + "/");
        assertThat(report.commits()).isEqualTo(b.lines("data/events.jsonl").size())
                .isEqualTo(b.lines("data/proofs.jsonl").size());
        // the bundle's checkpoint is one the log keeps (signed for the export if none of its size was)
        String note = b.text("data/checkpoint.txt");
        long size = Long.parseLong(note.split("\n")[1]);
        assertThat(checkpoints.at(size)).map(kept -> kept.note().split("\n\n")[0])
                .contains(note.split("\n\n")[0]);
        assertThat(b.files.keySet()).anyMatch(n -> n.endsWith("/bagit.txt")).anyMatch(n -> n.endsWith("/bag-info.txt"))
                .anyMatch(n -> n.endsWith("/manifest-sha256.txt")).anyMatch(n -> n.endsWith("/tagmanifest-sha256.txt"));
    }

    @Test
    void eachDocumentCarriesAnnexSixFieldsAndSaysWhatTheLedgerDoesNotKnow() throws Exception {
        Bundles b = Bundles.read(cascadeBundle());
        JsonNode a = json.readTree(b.lines("data/metadata/documents.jsonl").get(0));
        Map<String, JsonNode> fields = new java.util.HashMap<>();
        a.get("fields").forEach(f -> fields.put(f.get("element").asText(), f));

        assertThat(a.get("directiveId").asText()).isEqualTo(DemoDataLoader.A);
        assertThat(fields.get("CodeNumber").get("value").asText()).isEqualTo("22");
        assertThat(fields.get("CodeNotation").get("value").asText()).isEqualTo("TB/CQTTBCĐ");
        assertThat(fields.get("CodeNotation").get("label").asText()).isEqualTo("Ký hiệu của văn bản");
        assertThat(fields.get("TypeName").get("value").asText()).isEqualTo("Thông báo");
        assertThat(fields.get("IssuedDate").get("value").asText()).isEqualTo("2026-03-20");
        assertThat(fields.get("SignerInfo.FullName").get("value").asText()).isEqualTo("Phạm Gia Túc");
        assertThat(fields.get("Priority").get("known").asBoolean()).isFalse();
        assertThat(fields.get("Priority").get("unknownBecause").asText()).isNotBlank();
        assertThat(fields.get("PageAmount").get("known").asBoolean()).isFalse();
        // names and labels as Phụ lục VI, Phần II, Mục I gives them (the organ's id is a part of the FileCode there)
        assertThat(fields.get("FileCode.OrganId").get("label").asText())
                .isEqualTo("Mã định danh của cơ quan, tổ chức lập danh mục hồ sơ");
        assertThat(fields.get("Priority").get("label").asText()).isEqualTo("Mức độ khẩn, độ mật");
        assertThat(fields.get("SignerInfo.Position").get("label").asText()).isEqualTo("Chức vụ của người ký văn bản");
        JsonNode file = json.readTree(b.text("data/metadata/file.json"));
        assertThat(file.toString()).contains("\"DocTotal\"", "\"Maintenance\"", "\"Rights\"", "\"FileCode\"");
    }

    @Test
    void theReportPrintsTheCascadeInVietnameseWithTasksAndTheirSixClearGaps() throws Exception {
        Bundles b = Bundles.read(cascadeBundle());
        byte[] pdf = b.files.get(b.name("data/report/report-001.pdf"));
        String text;
        List<String> fonts = new java.util.ArrayList<>();
        try (var doc = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(doc);
            var resources = doc.getPage(0).getResources();
            for (var name : resources.getFontNames()) {
                var font = resources.getFont(name);
                fonts.add(font.getName() + (font.isEmbedded() ? " embedded" : " not embedded"));
            }
        }
        assertThat(fonts).isNotEmpty().allMatch(f -> f.contains("DejaVuSans") && f.endsWith(" embedded"));
        text = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC);

        assertThat(text).contains("Số: 22-TB/CQTTBCĐ", "Số: 569-CV/TU", "Số: 506-CV/ĐU", "THÔNG BÁO",
                "ngày 20 tháng 3 năm 2026", "Phạm Gia Túc", "Nhiệm vụ II.1", "Chủ trì:",
                "Thời hạn (như văn bản ghi):", "Trạng thái:", "Báo cáo tiến độ");
        assertThat(text.indexOf("22-TB/CQTTBCĐ")).isLessThan(text.indexOf("569-CV/TU"));
        assertThat(text.indexOf("Số: 569-CV/TU")).isLessThan(text.indexOf("Số: 506-CV/ĐU"));
    }

    @Test
    void oneCharacterEditedIsNamedByFileAndLineEvenWithTheManifestsRedone() throws Exception {
        Bundles b = Bundles.read(cascadeBundle());
        List<String> lines = b.lines("data/events.jsonl");
        lines.set(2, lines.get(2).replaceFirst("\"sequence\":(\\d)", "\"sequence\":9$1"));
        b.lines("data/events.jsonl", lines);

        List<Problem> stale = verify(b);
        List<Problem> forged = verify(b.rebag());

        assertThat(stale).anyMatch(p -> p.kind() == Kind.STALE_MANIFEST && p.file().equals("data/events.jsonl"));
        assertThat(forged).noneMatch(p -> p.kind() == Kind.STALE_MANIFEST)
                .anyMatch(p -> p.kind() == Kind.EDITED && p.file().equals("data/events.jsonl") && p.line() == 3);
    }

    @Test
    void aDeletedLineIsNamed() throws Exception {
        Bundles b = Bundles.read(cascadeBundle());
        List<String> lines = b.lines("data/events.jsonl");
        lines.remove(4);
        b.lines("data/events.jsonl", lines);

        assertThat(verify(b.rebag())).anyMatch(p -> p.kind() == Kind.MISSING && p.file().equals("data/events.jsonl")
                && p.line() == 5);
    }

    @Test
    void twoSwappedLinesAreNamed() throws Exception {
        Bundles b = Bundles.read(cascadeBundle());
        List<String> lines = b.lines("data/events.jsonl");
        Collections.swap(lines, 5, 6);
        b.lines("data/events.jsonl", lines);

        assertThat(verify(b.rebag())).anyMatch(p -> p.kind() == Kind.REORDERED && p.file().equals("data/events.jsonl")
                && p.line() == 7);
    }

    @Test
    void anotherKeyIsRefusedEitherWay() throws Exception {
        Bundles b = Bundles.read(cascadeBundle());
        NoteSigner forger = NoteSigner.generate(key.name());
        String body = b.text("data/checkpoint.txt").split("\n\n")[0] + "\n";
        b.text("data/checkpoint.txt", forger.sign(body).format());

        // the checkpoint re-signed by another key, verified with the log's key
        assertThat(verify(b.rebag())).anyMatch(p -> p.kind() == Kind.WRONG_KEY && p.file().equals("data/checkpoint.txt"));
        // the bundle as exported, verified with another key
        assertThat(BundleVerifier.verify(cascadeBundle(), forger.verifier()).problems())
                .anyMatch(p -> p.kind() == Kind.WRONG_KEY);
    }

    @Test
    void theCommandLineExitsZeroOnTheBundleAndOneOnATamperedCopy() throws Exception {
        cascadeBundle();
        Path keyFile = Files.writeString(dir.resolve("log.pub"), key.verifierKey() + "\n");
        Bundles b = Bundles.read(cascadeBundle());
        List<String> lines = b.lines("data/events.jsonl");
        lines.remove(1);
        b.lines("data/events.jsonl", lines);
        Path tampered = b.write(dir.resolve("tampered.zip"));

        StringWriter good = new StringWriter();
        StringWriter bad = new StringWriter();
        int ok = LedgerVerify.run(new String[]{"bundle", cascadeBundle().toString(), "--key", keyFile.toString()},
                new PrintWriter(good), new PrintWriter(new StringWriter()));
        int failed = LedgerVerify.run(new String[]{"bundle", tampered.toString(), "--key", keyFile.toString()},
                new PrintWriter(bad), new PrintWriter(new StringWriter()));

        assertThat(ok).as(good.toString()).isZero();
        assertThat(good.toString()).contains("OK");
        assertThat(failed).isEqualTo(1);
        assertThat(bad.toString()).contains("data/events.jsonl:2: MISSING", "STALE_MANIFEST", "FAILED");
    }

    @Test
    void aBodysRecordsAndATimeRangeExportVerifyToo() throws Exception {
        Path body = export(Map.of("kind", "body", "bodyCode", "BKHCN", "from", "2025-01-01", "to", "2030-12-31"),
                ARCHIVIST);
        Path range = export(Map.of("kind", "range", "from", "2000-01-01", "to", "2100-01-01"), ARCHIVIST);

        assertThat(BundleVerifier.verify(body, key).problems()).isEmpty();
        BundleVerifier.Report all = BundleVerifier.verify(range, key);
        assertThat(all.problems()).isEmpty();
        assertThat(all.commits()).isGreaterThan(BundleVerifier.verify(body, key).commits());
        assertThat(Bundles.read(body).text("data/metadata/documents.jsonl")).contains(DemoDataLoader.NOTICE_002);
    }

    @Test
    void aDoneExportWhoseFileIsNoLongerThereSaysSoInsteadOfServingNothing() throws Exception {
        // given a done export whose bundle file was taken out of the export directory
        export(Map.of("kind", "range", "from", "2026-03-20", "to", "2026-03-20"), ARCHIVIST);
        ExportJob job = jobs.find(lastJob).orElseThrow();
        Files.delete(jobs.file(job));

        // when it is asked for
        Response missing = get(ARCHIVIST, "/api/exports/" + job.id() + "/bundle");

        // then the job is still DONE, and the download names what is missing
        assertThat(get(ARCHIVIST, "/api/exports/" + job.id()).text("state")).isEqualTo("DONE");
        assertProblem(missing, 404, "export.bundle-missing");
    }

    @Test
    void onlyInspectorsAndArchivistsMayExport() throws Exception {
        Response officer = post("most.officer", "/api/exports", Map.of("kind", "cascade", "directiveId",
                DemoDataLoader.A));
        Response unknownKind = post(ARCHIVIST, "/api/exports", Map.of("kind", "everything"));

        assertThat(officer.status()).isEqualTo(403);
        assertProblem(unknownKind, 400, "export.kind");
    }

    private List<Problem> verify(Bundles b) throws Exception {
        return BundleVerifier.verify(b.write(Files.createTempFile(dir, "bundle", ".zip")), key).problems();
    }

    private synchronized Path cascadeBundle() throws Exception {
        if (cascade == null) {
            cascade = export(Map.of("kind", "cascade", "directiveId", DemoDataLoader.A), ARCHIVIST);
        }
        return cascade;
    }

    private Path export(Map<String, String> request, String user) throws Exception {
        if (key == null) {
            key = NoteVerifier.parse(new String(raw(user, "/api/exports/verifier-key"),
                    java.nio.charset.StandardCharsets.UTF_8).trim());
        }
        Response started = post(user, "/api/exports", request);
        assertThat(started.status()).as(started.raw()).isEqualTo(202);
        lastJob = started.text("id");
        String location = started.header("Location");
        assertThat(location).isEqualTo("/api/exports/" + started.text("id"));
        JsonNode job = started.body();
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!job.get("state").asText().equals("DONE")) {
            assertThat(job.get("state").asText()).as(job.toString()).isNotEqualTo("FAILED");
            assertThat(System.nanoTime()).as("export still running: " + job).isLessThan(until);
            Thread.sleep(50);
            job = get(user, location).body();
        }
        assertThat(job.at("/progress/percent").asDouble()).isEqualTo(100.0);
        // the proofs phase reported its own progress: one proof per exported commit, all written
        assertThat(job.at("/progress/proofsWritten").asLong()).isEqualTo(job.at("/progress/proofsTotal").asLong())
                .isEqualTo(job.at("/summary/commits").asLong());
        Path file = Files.createTempFile("ledger-export-test-", ".zip");
        file.toFile().deleteOnExit();
        byte[] bundle = raw(user, job.get("bundle").asText());
        Files.write(file, bundle);
        // the job names its bundle's file, size and digest, for whoever fetches it later
        assertThat(job.at("/bundleFile/size").asLong()).isEqualTo(bundle.length);
        assertThat(job.at("/bundleFile/sha256").asText()).isEqualTo(vn.ledger.core.proof.Hashes.hex(
                java.security.MessageDigest.getInstance("SHA-256").digest(bundle)));
        return file;
    }

    /** A GET whose answer is not JSON (a key, a zip). */
    private byte[] raw(String user, String path) throws Exception {
        var response = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                        .httpBasic(user, "ledger"))).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsByteArray();
    }
}
