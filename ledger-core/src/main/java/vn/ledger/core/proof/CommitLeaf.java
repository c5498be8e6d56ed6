package vn.ledger.core.proof;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One leaf of the log's tree: the commit at a position, or the tombstone that closed a position no commit took.
 * Positions start at 1 and every position is a leaf (a gap is closed by a tombstone), so leaf index = position - 1.
 *
 * <p>{@link #bytes()}, the input of the leaf hash, is (all integers big-endian):
 * <pre>
 *   0x01                      format version
 *   'C' (0x43) | 'T' (0x54)   a commit, or a tombstone
 *   int64   position
 *   int32   number of events (0 for a tombstone, and no events follow)
 *   per event, in commit order:
 *     str eventId, str aggregateType, str aggregateId, int64 sequence,
 *     str payloadType, str payloadRevision, str timestamp, str payload, str metadata
 *   str = int32 length of its UTF-8 bytes, then those bytes; null = int32 -1 (0xFFFFFFFF), no bytes
 * </pre>
 * Every field is length-prefixed, so no two different commits give the same bytes. The commit's storage bookkeeping
 * (when the document was written, its index keys) is not content and is left out; the idempotency key travels in the
 * metadata and is covered there.
 */
public record CommitLeaf(long position, boolean tombstone, List<LeafEvent> events) {

    public static final long FIRST_POSITION = 1;
    static final byte VERSION = 0x01;
    static final byte COMMIT = 'C';
    static final byte TOMBSTONE = 'T';

    public CommitLeaf {
        if (position < FIRST_POSITION) {
            throw new IllegalArgumentException("positions start at " + FIRST_POSITION + ", not " + position);
        }
        events = List.copyOf(events);
        if (tombstone && !events.isEmpty()) {
            throw new IllegalArgumentException("a tombstone holds no events (position " + position + ")");
        }
    }

    public static CommitLeaf commit(long position, List<LeafEvent> events) {
        return new CommitLeaf(position, false, events);
    }

    public static CommitLeaf tombstoneAt(long position) {
        return new CommitLeaf(position, true, List.of());
    }

    public long leafIndex() {
        return position - FIRST_POSITION;
    }

    public static long positionOfLeaf(long leafIndex) {
        return leafIndex + FIRST_POSITION;
    }

    public byte[] bytes() {
        return bytes(null);
    }

    /**
     * The same bytes, each event's payload given already encoded in UTF-8 ({@code payloadsUtf8[i]} for event i, null
     * where it is to be encoded here): an exporter encodes each payload once for the hash, the line and its spill.
     */
    public byte[] bytes(byte[][] payloadsUtf8) {
        Out out = new Out();
        out.write(VERSION);
        out.write(tombstone ? TOMBSTONE : COMMIT);
        out.int64(position);
        out.int32(events.size());
        for (int i = 0; i < events.size(); i++) {
            LeafEvent e = events.get(i);
            out.str(e.eventId());
            out.str(e.aggregateType());
            out.str(e.aggregateId());
            out.int64(e.sequence());
            out.str(e.payloadType());
            out.str(e.payloadRevision());
            out.str(e.timestamp());
            if (payloadsUtf8 != null && payloadsUtf8[i] != null) {
                out.int32(payloadsUtf8[i].length);
                out.write(payloadsUtf8[i], 0, payloadsUtf8[i].length);
            } else {
                out.str(e.payload());
            }
            out.str(e.metadata());
        }
        return out.toByteArray();
    }

    /** {@code H(0x00 ‖ bytes())}. */
    public byte[] leafHash() {
        return Hashes.leaf(bytes());
    }

    /** {@link #leafHash()}, the payloads given already encoded (see {@link #bytes(byte[][])}). */
    public byte[] leafHash(byte[][] payloadsUtf8) {
        return Hashes.leaf(bytes(payloadsUtf8));
    }

    private static final class Out extends ByteArrayOutputStream {

        Out() {
            super(256);
        }

        void int32(int v) {
            write(v >>> 24);
            write(v >>> 16);
            write(v >>> 8);
            write(v);
        }

        void int64(long v) {
            int32((int) (v >>> 32));
            int32((int) v);
        }

        void str(String s) {
            if (s == null) {
                int32(-1);
                return;
            }
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            int32(utf8.length);
            write(utf8, 0, utf8.length);
        }
    }
}
