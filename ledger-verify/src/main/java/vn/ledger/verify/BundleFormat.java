package vn.ledger.verify;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.UTF8JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import vn.ledger.core.proof.CommitLeaf;
import vn.ledger.core.proof.Hashes;
import vn.ledger.core.proof.LeafEvent;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The layout of an archival bundle, shared by the exporter that writes it and the verifier that checks it. A bundle
 * is a zipped BagIt bag (RFC 8493) whose payload holds:
 * <ul>
 *   <li>{@value #EVENTS}: one line per exported commit in log order, the commit as stored (position, and per event
 *   every field the leaf hash covers) with its leaf index and leaf hash (hex);</li>
 *   <li>{@value #PROOFS}: one line per exported commit, same order: leaf index, tree size, audit path (hex);</li>
 *   <li>{@value #CHECKPOINT}: the signed checkpoint (C2SP tlog-checkpoint in a signed note) of that tree;</li>
 *   <li>{@value #AGGREGATES}: per exported aggregate, its event count and first and last sequence;</li>
 *   <li>{@value #DOCUMENTS}, {@value #FILE}: Annex VI metadata; {@code report/}: the PDF report.</li>
 * </ul>
 */
public final class BundleFormat {

    public static final String EVENTS = "data/events.jsonl";
    public static final String PROOFS = "data/proofs.jsonl";
    public static final String CHECKPOINT = "data/checkpoint.txt";
    public static final String AGGREGATES = "data/aggregates.jsonl";
    public static final String DOCUMENTS = "data/metadata/documents.jsonl";
    public static final String FILE = "data/metadata/file.json";

    private BundleFormat() {
    }

    /** Writes the commit as one JSON object (no newline). */
    public static void writeCommit(JsonGenerator json, CommitLeaf leaf, byte[] leafHash) throws IOException {
        writeCommit(json, leaf, leafHash, null);
    }

    /**
     * The same, each event's payload given already encoded in UTF-8 ({@code payloadsUtf8[i]} for event i; null: all
     * encoded here): written as the string it encodes, escaped as the generator escapes a string, byte for byte. A
     * payload with a character beyond the basic plane (or a lone surrogate) is written from its string: the generator
     * escapes those as {@code \}{@code uD83D...} there, not in bytes.
     */
    public static void writeCommit(JsonGenerator json, CommitLeaf leaf, byte[] leafHash, byte[][] payloadsUtf8)
            throws IOException {
        json.writeStartObject();
        json.writeNumberField("leaf", leaf.leafIndex());
        json.writeFieldName("hash");
        writeHex(json, leafHash);
        json.writeNumberField("position", leaf.position());
        json.writeBooleanField("tombstone", leaf.tombstone());
        json.writeArrayFieldStart("events");
        List<LeafEvent> events = leaf.events();
        for (int i = 0; i < events.size(); i++) {
            LeafEvent e = events.get(i);
            json.writeStartObject();
            json.writeStringField("eventId", e.eventId());
            json.writeStringField("aggregateType", e.aggregateType());
            json.writeStringField("aggregateId", e.aggregateId());
            json.writeNumberField("sequence", e.sequence());
            json.writeStringField("payloadType", e.payloadType());
            json.writeStringField("payloadRevision", e.payloadRevision());
            json.writeStringField("timestamp", e.timestamp());
            if (payloadsUtf8 != null && payloadsUtf8[i] != null && json instanceof UTF8JsonGenerator
                    && noSurrogates(payloadsUtf8[i], e.payload())) {
                json.writeFieldName("payload");
                json.writeUTF8String(payloadsUtf8[i], 0, payloadsUtf8[i].length);
            } else {
                json.writeStringField("payload", e.payload());
            }
            json.writeStringField("metadata", e.metadata());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /**
     * Whether the text holds no surrogate: its UTF-8 has no four-byte sequence and no '?' (what a lone surrogate is
     * encoded as); a text with a '?' is looked at whole.
     */
    private static boolean noSurrogates(byte[] utf8, String text) {
        boolean question = false;
        for (byte b : utf8) {
            if ((b & 0xF0) == 0xF0) {
                return false;
            }
            question |= b == '?';
        }
        if (question) {
            for (int i = 0; i < text.length(); i++) {
                if (Character.isSurrogate(text.charAt(i))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The commit a line holds, as the leaf hash covers it (the line's own leaf index and hash are not trusted). */
    public static CommitLeaf readCommit(JsonNode line) {
        long position = required(line, "position").asLong();
        if (line.path("tombstone").asBoolean(false)) {
            return CommitLeaf.tombstoneAt(position);
        }
        List<LeafEvent> events = new ArrayList<>();
        for (JsonNode e : required(line, "events")) {
            events.add(new LeafEvent(text(e, "eventId"), text(e, "aggregateType"), text(e, "aggregateId"),
                    required(e, "sequence").asLong(), text(e, "payloadType"), text(e, "payloadRevision"),
                    text(e, "timestamp"), text(e, "payload"), text(e, "metadata")));
        }
        return CommitLeaf.commit(position, events);
    }

    public static void writeProof(JsonGenerator json, long leaf, long treeSize, List<byte[]> path) throws IOException {
        json.writeStartObject();
        json.writeNumberField("leaf", leaf);
        json.writeNumberField("treeSize", treeSize);
        json.writeArrayFieldStart("path");
        for (byte[] h : path) {
            writeHex(json, h);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /**
     * A hash as a string of lowercase hex, as {@link Hashes#hex} writes it; into a UTF-8 generator as its bytes (hex
     * needs no escaping), not through a string.
     */
    private static void writeHex(JsonGenerator json, byte[] hash) throws IOException {
        if (!(json instanceof UTF8JsonGenerator)) {
            json.writeString(Hashes.hex(hash));
            return;
        }
        byte[] hex = new byte[hash.length * 2];
        for (int i = 0; i < hash.length; i++) {
            hex[2 * i] = HEX_DIGITS[hash[i] >> 4 & 0xf];
            hex[2 * i + 1] = HEX_DIGITS[hash[i] & 0xf];
        }
        json.writeRawUTF8String(hex, 0, hex.length);
    }

    public static List<byte[]> readPath(JsonNode line) {
        List<byte[]> path = new ArrayList<>();
        for (JsonNode h : required(line, "path")) {
            path.add(Hashes.fromHex(h.asText()));
        }
        return path;
    }

    public static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isMissingNode()) {
            throw new IllegalArgumentException("no \"" + field + "\"");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
