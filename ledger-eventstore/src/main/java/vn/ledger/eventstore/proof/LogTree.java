package vn.ledger.eventstore.proof;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ledger.core.proof.CommitLeaf;
import vn.ledger.core.proof.CompactRange;
import vn.ledger.core.proof.Hashes;
import vn.ledger.core.proof.MerkleTree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * The Merkle tree (RFC 6962) over the global commit log: leaf i is the commit (or tombstone) at position i + 1, hashed
 * from its stored content ({@link StoredLeaves}). The tree only ever covers a prefix with no open gap: {@link #extend}
 * stops at the first empty position, which a commit still in flight will fill, or a reader's gap timeout will close
 * with a tombstone (itself a leaf); the next call goes on from there. Its nodes are kept ({@link TreeStore}), so a tree
 * head or a proof reads O(log n) of them; {@link LogVerifier} recomputes the leaves instead of trusting them.
 */
public final class LogTree {

    private static final Logger log = LoggerFactory.getLogger(LogTree.class);
    private static final int WINDOW = 512;
    private static final int FLUSH_LEAVES = 16_384;

    private final MongoCollection<Document> commits;
    private final TreeStore store;
    private CompactRange edge;

    public LogTree(MongoDatabase database, String prefix) {
        this.commits = database.getCollection(prefix + "events");
        this.store = new TreeStore(database.getCollection(prefix + "log_tree"));
    }

    public LogTree(MongoDatabase database) {
        this(database, "");
    }

    /** Leaves the kept tree covers (= the last position it covers). */
    public long size() {
        return store.size();
    }

    /** Takes in every commit after the tree's end up to the first empty position; returns the new size. */
    public long extend() {
        return extend(position -> { });
    }

    /** As {@link #extend()}, telling each position taken in (at the end of each window). */
    public synchronized long extend(LongConsumer progress) {
        long size = store.size();
        if (edge == null || edge.size() != size) {
            edge = CompactRange.of(size, store);
        }
        Map<Long, Strip> pending = new LinkedHashMap<>();
        long unflushed = 0;
        boolean open = true;
        while (open) {
            long from = CommitLeaf.positionOfLeaf(edge.size());
            List<Long> ids = new ArrayList<>(WINDOW);
            for (long p = from; p < from + WINDOW; p++) {
                ids.add(p);
            }
            Map<Long, Document> found = new HashMap<>();
            for (Document commit : commits.find(Filters.in("_id", ids))) {
                found.put(((Number) commit.get("_id")).longValue(), commit);
            }
            for (long p = from; p < from + WINDOW; p++) {
                Document commit = found.get(p);
                if (commit == null) {
                    open = false;
                    break;
                }
                edge.append(StoredLeaves.of(commit).leafHash(), (level, index, hash) -> pending
                        .computeIfAbsent(TreeStore.stripId(level, index), id -> Strip.of(store.strip(id)))
                        .put(TreeStore.offset(index), hash));
                unflushed++;
            }
            if (unflushed >= FLUSH_LEAVES || !open) {
                flush(pending);
                unflushed = 0;
                progress.accept(edge.size());
            }
        }
        if (edge.size() > size) {
            log.debug("log tree extended from {} to {} leaves", size, edge.size());
        }
        return edge.size();
    }

    private void flush(Map<Long, Strip> pending) {
        if (pending.isEmpty()) {
            return;
        }
        Map<Long, byte[]> strips = new LinkedHashMap<>();
        pending.forEach((id, strip) -> strips.put(id, strip.bytes()));
        store.write(strips, edge.size());
        pending.clear();
    }

    /** Forgets the kept tree and builds it again from the stored commits; returns its size. */
    public synchronized long rebuild(LongConsumer progress) {
        store.clear();
        edge = null;
        return extend(progress);
    }

    /** The head of the tree of {@code size} leaves (at most {@link #size()}). */
    public byte[] root(long size) {
        check(size);
        return MerkleTree.root(size, store);
    }

    /** The leaf hash kept for a position. */
    public byte[] leafHash(long position) {
        check(position);
        return store.hash(0, position - CommitLeaf.FIRST_POSITION);
    }

    /** The kept leaf hash of a position the caller knows the tree covers: no round trip for the size. */
    byte[] keptLeafHash(long position) {
        return store.hash(0, position - CommitLeaf.FIRST_POSITION);
    }

    public List<byte[]> inclusionProof(long position, long size) {
        check(size);
        return MerkleTree.inclusionProof(position - CommitLeaf.FIRST_POSITION, size, store);
    }

    public List<byte[]> consistencyProof(long first, long second) {
        check(second);
        return MerkleTree.consistencyProof(first, second, store);
    }

    private void check(long size) {
        long kept = store.size();
        if (size < 0 || size > kept) {
            throw new IllegalArgumentException("the tree covers " + kept + " positions, not " + size);
        }
    }

    /** A strip being appended to: a full-size buffer and the length used. */
    private static final class Strip {
        private final byte[] bytes = new byte[TreeStore.STRIP * Hashes.SIZE];
        private int length;

        static Strip of(byte[] stored) {
            Strip strip = new Strip();
            if (stored != null) {
                System.arraycopy(stored, 0, strip.bytes, 0, stored.length);
                strip.length = stored.length;
            }
            return strip;
        }

        void put(int offset, byte[] hash) {
            System.arraycopy(hash, 0, bytes, offset, hash.length);
            length = Math.max(length, offset + hash.length);
        }

        byte[] bytes() {
            return Arrays.copyOf(bytes, length);
        }
    }
}
