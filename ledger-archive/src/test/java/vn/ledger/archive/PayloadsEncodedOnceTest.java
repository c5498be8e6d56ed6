package vn.ledger.archive;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.junit.jupiter.api.Test;
import vn.ledger.core.proof.CommitLeaf;
import vn.ledger.eventstore.StoredCommit;
import vn.ledger.eventstore.StoredEvent;
import vn.ledger.verify.BundleFormat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The log pass encodes each payload once: the leaf hash and the line come out as when each encoded its own. */
class PayloadsEncodedOnceTest {

    private static final Instant AT = Instant.parse("2026-03-20T02:00:00.123456789Z");

    @Test
    void theLeafHashAndTheLineAreTheSameWithThePayloadsEncodedOnce() throws IOException {
        // given a commit whose payloads hold Vietnamese text, quotes, backslashes, control characters, a character
        // beyond the basic plane and the line separators JSON leaves as they are
        List<String> payloads = List.of(
                "{\"subject\":\"Về phát triển công nghệ chiến lược — Ủy ban MTTQ xã Sính Bình\"}",
                "{\"text\":\"\\\"trích\\\" C:\\\\dữ liệu\",\"raw\":\"tab\there\\nnew\"}",
                "{\"odd\":\"\u0001\u001f\u007f\u2028\u2029 😀 </script>\"}",
                "{\"lone\":\"\uD83D? hỏi?\"}",
                "{\"q\":\"Có đúng hạn không?\"}",
                "{}");
        List<StoredEvent> events = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            events.add(new StoredEvent(7, i, "e-" + i, "Directive", "A-22-TB", i + 1, AT,
                    "vn.ledger.core.directive.DirectiveIssued", i == 0 ? null : "1", payloads.get(i),
                    i == 1 ? "{}" : "{\"correlationId\":\"c\"}"));
        }
        StoredCommit commit = new StoredCommit(7, AT, false, events);

        // when it is hashed and written with each payload encoded once
        byte[][] utf8 = Exporter.utf8Payloads(commit);
        CommitLeaf leaf = Exporter.leafOf(commit);

        // then the hash and the line are those of encoding each payload where it is used
        assertThat(leaf.leafHash(utf8)).isEqualTo(leaf.leafHash());
        assertThat(line(leaf, utf8)).isEqualTo(line(leaf, null));
        // and, without characters beyond the basic plane (which a UTF-8 generator escapes and a writer does not),
        // the line is the one a generator writing every string through its characters writes
        StoredCommit plain = new StoredCommit(7, AT, false, List.of(events.get(0), events.get(1), events.get(4)));
        CommitLeaf plainLeaf = Exporter.leafOf(plain);
        assertThat(line(plainLeaf, Exporter.utf8Payloads(plain))).isEqualTo(lineThroughAWriter(plainLeaf));
        // and a proof's line is the one a generator writing strings writes
        List<byte[]> path = List.of(leaf.leafHash(), new byte[32], Exporter.leafOf(commit).leafHash());
        ByteArrayOutputStream proof = new ByteArrayOutputStream();
        try (JsonGenerator json = new JsonFactory().createGenerator(proof, JsonEncoding.UTF8)) {
            BundleFormat.writeProof(json, 6, 9, path);
        }
        java.io.StringWriter reference = new java.io.StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(reference)) {
            BundleFormat.writeProof(json, 6, 9, path);
        }
        assertThat(proof.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(reference.toString())
                .contains(vn.ledger.core.proof.Hashes.hex(leaf.leafHash()));
        // and a tombstone has neither payloads nor events
        StoredCommit tombstone = new StoredCommit(8, AT, true, List.of());
        CommitLeaf dead = Exporter.leafOf(tombstone);
        assertThat(dead.leafHash(Exporter.utf8Payloads(tombstone))).isEqualTo(dead.leafHash());
    }

    /** The line as a generator writing characters writes it: every string through its characters. */
    private static String lineThroughAWriter(CommitLeaf leaf) throws IOException {
        java.io.StringWriter out = new java.io.StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            BundleFormat.writeCommit(json, leaf, leaf.leafHash(), null);
        }
        return out.toString();
    }

    private static String line(CommitLeaf leaf, byte[][] utf8) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            BundleFormat.writeCommit(json, leaf, leaf.leafHash(), utf8);
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
