package vn.ledger.core.proof;

import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of a growing tree: the roots of its complete subtrees, largest first (one per set bit of the size).
 * Appending a leaf merges equal neighbours and names every subtree it completes, so a store can keep each node once;
 * the tree head of the current size is the fold of the edge from the right. Constant memory per level.
 */
public final class CompactRange {

    /** Receives each complete subtree as it is completed: level 0 is the leaf itself. */
    @FunctionalInterface
    public interface NodeSink {
        void completed(int level, long index, byte[] hash);
    }

    private final List<byte[]> edge = new ArrayList<>();
    private long size;

    public CompactRange() {
    }

    /** The edge of the tree of {@code size} leaves, read from the complete subtrees a store keeps. */
    public static CompactRange of(long size, SubtreeHashes hashes) {
        CompactRange range = new CompactRange();
        long start = 0;
        for (int level = 63; level >= 0; level--) {
            long width = 1L << level;
            if ((size & width) != 0) {
                range.edge.add(hashes.hash(level, start >> level));
                start += width;
            }
        }
        range.size = size;
        return range;
    }

    public long size() {
        return size;
    }

    public void append(byte[] leafHash, NodeSink sink) {
        if (leafHash.length != Hashes.SIZE) {
            throw new IllegalArgumentException("a leaf hash has " + Hashes.SIZE + " bytes, not " + leafHash.length);
        }
        long index = size;
        byte[] hash = leafHash;
        int level = 0;
        sink.completed(0, index, hash);
        // every trailing one bit of the old size is a complete subtree of that level just left of the new leaf
        while (((size >> level) & 1) == 1) {
            byte[] left = edge.remove(edge.size() - 1);
            hash = Hashes.node(left, hash);
            level++;
            index >>= 1;
            sink.completed(level, index, hash);
        }
        edge.add(hash);
        size++;
    }

    /** {@code MTH} of the leaves appended so far. */
    public byte[] root() {
        if (edge.isEmpty()) {
            return Hashes.emptyRoot();
        }
        byte[] root = edge.get(edge.size() - 1);
        for (int i = edge.size() - 2; i >= 0; i--) {
            root = Hashes.node(edge.get(i), root);
        }
        return root;
    }
}
