package vn.ledger.eventstore.proof;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.bson.types.Binary;
import vn.ledger.core.proof.Hashes;
import vn.ledger.core.proof.SubtreeHashes;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The complete subtrees of the log's tree, kept in one collection as strips: a document per level and run of
 * {@value #STRIP} consecutive nodes of that level, their hashes concatenated in one binary ({@code _id} = level ×
 * 2^48 + strip number). A national log of a million commits is some 8,000 documents instead of two million. The
 * document {@code _id: -1} says how many leaves the stored nodes cover ({@code size}); it is written after the
 * nodes, so it never covers a node that is not stored.
 */
final class TreeStore implements SubtreeHashes {

    static final int STRIP = 256;
    private static final long META_ID = -1;
    private static final int CACHED_STRIPS = 4_096;

    private final MongoCollection<Document> nodes;
    /** Full strips never change: kept once read (up to a bound). */
    private final Map<Long, byte[]> fullStrips = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
            return size() > CACHED_STRIPS;
        }
    };

    TreeStore(MongoCollection<Document> nodes) {
        this.nodes = nodes;
    }

    static long stripId(int level, long index) {
        return ((long) level << 48) | (index / STRIP);
    }

    static int offset(long index) {
        return (int) (index % STRIP) * Hashes.SIZE;
    }

    /** Leaves covered by the stored nodes. */
    long size() {
        Document meta = nodes.find(Filters.eq("_id", META_ID)).first();
        return meta == null ? 0 : ((Number) meta.get("size")).longValue();
    }

    @Override
    public byte[] hash(int level, long index) {
        byte[] strip = strip(stripId(level, index));
        int at = offset(index);
        if (strip == null || strip.length < at + Hashes.SIZE) {
            throw new IllegalStateException("the tree store holds no node at level " + level + ", index " + index);
        }
        return Arrays.copyOfRange(strip, at, at + Hashes.SIZE);
    }

    /** A strip's bytes as stored, or null. */
    synchronized byte[] strip(long id) {
        byte[] cached = fullStrips.get(id);
        if (cached != null) {
            return cached;
        }
        Document doc = nodes.find(Filters.eq("_id", id)).first();
        if (doc == null) {
            return null;
        }
        byte[] bytes = doc.get("h", Binary.class).getData();
        if (bytes.length == STRIP * Hashes.SIZE) {
            fullStrips.put(id, bytes);
        }
        return bytes;
    }

    /** Writes the changed strips, then the size they cover. */
    void write(Map<Long, byte[]> strips, long size) {
        ReplaceOptions upsert = new ReplaceOptions().upsert(true);
        strips.forEach((id, bytes) -> nodes.replaceOne(Filters.eq("_id", id),
                new Document("_id", id).append("h", new Binary(bytes)), upsert));
        nodes.replaceOne(Filters.eq("_id", META_ID), new Document("_id", META_ID).append("size", size), upsert);
    }

    /** Forgets every node (a rebuild from scratch). */
    synchronized void clear() {
        nodes.deleteMany(new Document());
        fullStrips.clear();
    }
}
