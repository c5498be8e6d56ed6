package vn.ledger.archive.spill;

import vn.ledger.eventstore.StoredEvent;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;

/**
 * One exported event of an aggregate the export is about, as the tallies and the report need it, filed under its
 * document ({@code docKey}: the directive itself, or the directive a task's id starts with; empty for other
 * aggregates). Sorted by document, aggregate, sequence, so a document's histories lie together on disk. The payload
 * is kept as its UTF-8 bytes, as written and read back: the merge copies it and the facts parse it without ever
 * decoding it into a string.
 */
public record SpilledEvent(String docKey, String aggregateId, long sequence, long position, String aggregateType,
                           String payloadType, String payloadRevision, Instant timestamp, byte[] payload) {

    /** With the payload given as text (null: none kept). */
    public SpilledEvent(String docKey, String aggregateId, long sequence, long position, String aggregateType,
                        String payloadType, String payloadRevision, Instant timestamp, String payloadJson) {
        this(docKey, aggregateId, sequence, position, aggregateType, payloadType, payloadRevision, timestamp,
                payloadJson == null ? null : payloadJson.getBytes(StandardCharsets.UTF_8));
    }

    /** Document, then aggregate, then sequence. */
    public static final Comparator<SpilledEvent> ORDER = (a, b) -> {
        int c = a.docKey.compareTo(b.docKey);
        if (c == 0) {
            c = a.aggregateId.compareTo(b.aggregateId);
        }
        return c != 0 ? c : Long.compare(a.sequence, b.sequence);
    };

    /** The event filed under its document; the payload is kept only when {@code withPayload}. */
    public static SpilledEvent of(String docKey, StoredEvent e, boolean withPayload) {
        return of(docKey, e, withPayload ? e.payloadJson().getBytes(StandardCharsets.UTF_8) : null);
    }

    /** The event filed under its document, with its payload already encoded (null: none kept). */
    public static SpilledEvent of(String docKey, StoredEvent e, byte[] payloadUtf8) {
        return new SpilledEvent(docKey, e.aggregateId(), e.sequenceNumber(), e.commitPosition(), e.aggregateType(),
                e.payloadType(), e.payloadRevision(), e.timestamp(), payloadUtf8);
    }

    /** The payload as text (null when none was kept). */
    public String payloadJson() {
        return payload == null ? null : new String(payload, StandardCharsets.UTF_8);
    }

    /** A rough count of the heap the record holds, for the size of a sorted run. */
    long heapBytes() {
        return 160 + 2L * (docKey.length() + aggregateId.length() + length(aggregateType) + length(payloadType)
                + length(payloadRevision)) + (payload == null ? 0 : 16 + payload.length);
    }

    /** Equal when every field is, the payload by its bytes. */
    @Override
    public boolean equals(Object o) {
        return o instanceof SpilledEvent e && sequence == e.sequence && position == e.position
                && docKey.equals(e.docKey) && aggregateId.equals(e.aggregateId)
                && Objects.equals(aggregateType, e.aggregateType) && Objects.equals(payloadType, e.payloadType)
                && Objects.equals(payloadRevision, e.payloadRevision) && Objects.equals(timestamp, e.timestamp)
                && Arrays.equals(payload, e.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(docKey, aggregateId, sequence, position) * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "SpilledEvent[" + docKey + " " + aggregateId + "#" + sequence + " @" + position + " " + payloadType
                + " " + payloadJson() + "]";
    }

    void write(DataOutput out) throws IOException {
        string(out, docKey);
        string(out, aggregateId);
        out.writeLong(sequence);
        out.writeLong(position);
        string(out, aggregateType);
        string(out, payloadType);
        string(out, payloadRevision);
        out.writeLong(timestamp.getEpochSecond());
        out.writeInt(timestamp.getNano());
        bytes(out, payload);
    }

    static SpilledEvent read(DataInput in) throws IOException {
        return readUnless(in, null);
    }

    /**
     * Reads one record; when {@code onlyAggregate} is given and the record is of another aggregate, its payload is
     * skipped, not decoded (null).
     */
    static SpilledEvent readUnless(DataInput in, String onlyAggregate) throws IOException {
        String docKey = string(in);
        String aggregateId = string(in);
        long sequence = in.readLong();
        long position = in.readLong();
        String aggregateType = string(in);
        String payloadType = string(in);
        String revision = string(in);
        Instant at = Instant.ofEpochSecond(in.readLong(), in.readInt());
        byte[] payload;
        if (onlyAggregate != null && !onlyAggregate.equals(aggregateId)) {
            int n = in.readInt();
            for (int left = Math.max(0, n); left > 0; ) {
                int skipped = in.skipBytes(left);
                if (skipped <= 0) {
                    in.readByte(); // skipBytes may stop short of a buffer's end; one byte read moves on or fails at EOF
                    skipped = 1;
                }
                left -= skipped;
            }
            payload = null;
        } else {
            payload = bytes(in);
        }
        return new SpilledEvent(docKey, aggregateId, sequence, position, aggregateType, payloadType, revision, at,
                payload);
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    private static void string(DataOutput out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static void bytes(DataOutput out, byte[] b) throws IOException {
        if (b == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(b.length);
        out.write(b);
    }

    private static byte[] bytes(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }

    private static String string(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        byte[] bytes = new byte[n];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
