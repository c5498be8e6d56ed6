package vn.ledger.archive.bag;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderedBagTest {

    @TempDir
    Path temp;

    private static final byte[] PDF = "%PDF-1.4 already compressed".getBytes(StandardCharsets.US_ASCII);

    /** A file of many chunks: lines of varied text, long enough to cross the streamed file's chunks. */
    private static byte[] lines() {
        StringBuilder s = new StringBuilder();
        Random random = new Random(7);
        for (int i = 0; i < 40_000; i++) {
            s.append("{\"line\":").append(i).append(",\"v\":").append(random.nextLong()).append("}\n");
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void filesHandedToTheBagsThreadAreTheFilesOfWritingThemInTurnInTheSameOrder() throws Exception {
        // given the same files written into one bag directly and into another through its thread
        byte[] events = lines();
        Path direct = temp.resolve("direct.zip");
        Path ordered = temp.resolve("ordered.zip");
        try (OutputStream out = Files.newOutputStream(direct); BagWriter bag = new BagWriter(out, "b")) {
            bag.payload("events.jsonl", events);
            bag.payload("proofs.jsonl", "proofs\n".getBytes(StandardCharsets.UTF_8));
            bag.payload("meta.json", "{}".getBytes(StandardCharsets.UTF_8));
            bag.stored("report-001.pdf", () -> PDF);
            bag.finish(Map.of("External-Identifier", "x"));
        }

        // when they are handed over: streamed in chunks, run there, spooled, rendered there
        try (OutputStream out = Files.newOutputStream(ordered); BagWriter bag = new BagWriter(out, "b")) {
            try (OrderedBag queue = new OrderedBag(bag, temp, 1)) {
                try (OutputStream e = queue.streamed("events.jsonl")) {
                    for (int i = 0; i < events.length; i += 1000) {
                        e.write(events, i, Math.min(1000, events.length - i));
                    }
                }
                queue.run(b -> b.payload("proofs.jsonl", "proofs\n".getBytes(StandardCharsets.UTF_8)));
                queue.payload("meta.json", "{}".getBytes(StandardCharsets.UTF_8));
                queue.stored("report-001.pdf", () -> PDF);
                queue.finish();
            }
            bag.finish(Map.of("External-Identifier", "x"));
        }

        // then both zips hold the same files in the same order, with the same manifests; the PDF is stored as it is
        Map<String, byte[]> a = read(direct);
        Map<String, byte[]> b = read(ordered);
        assertThat(b.keySet()).containsExactlyElementsOf(a.keySet());
        a.forEach((name, bytes) -> assertThat(b.get(name)).as(name).isEqualTo(bytes));
        assertThat(new String(b.get("b/manifest-sha256.txt"), StandardCharsets.UTF_8)).contains("data/events.jsonl");
        try (ZipFile zip = new ZipFile(ordered.toFile())) {
            assertThat(zip.getEntry("b/data/report-001.pdf").getMethod()).isEqualTo(ZipEntry.STORED);
            assertThat(zip.getEntry("b/data/events.jsonl").getMethod()).isEqualTo(ZipEntry.DEFLATED);
        }
        try (var left = Files.list(temp)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("direct.zip",
                    "ordered.zip");
        }
    }

    @Test
    void aFailureOnTheBagsThreadFailsTheExportsThreadAndRefusesWhatComesAfter() throws Exception {
        // given a bag whose thread fails rendering a volume
        try (BagWriter bag = new BagWriter(new ByteArrayOutputStream(), "b");
             OrderedBag queue = new OrderedBag(bag, temp, 1)) {
            queue.stored("report-001.pdf", () -> {
                throw new IOException("disk full");
            });

            // when the export waits for the bag, then it fails with the bag thread's failure
            assertThatThrownBy(queue::finish).isInstanceOf(IOException.class).hasMessageContaining("disk full");
            // and a file handed after the failure is refused at once
            assertThatThrownBy(() -> queue.payload("more.json")).isInstanceOf(IOException.class);
        }
        try (var left = Files.list(temp)) {
            assertThat(left).isEmpty();
        }
    }

    private static Map<String, byte[]> read(Path zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (var e = z.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                out.put(entry.getName(), z.getInputStream(entry).readAllBytes());
            }
        }
        return out;
    }
}
