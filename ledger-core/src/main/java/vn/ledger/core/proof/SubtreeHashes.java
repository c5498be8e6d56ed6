package vn.ledger.core.proof;

/**
 * Where the tree's hashes come from: the hash of the complete subtree of {@code 2^level} leaves that starts at leaf
 * {@code index * 2^level}. Level 0 is a leaf hash. A store keeps these, so that any tree head or proof needs only
 * O(log n) of them (see {@link MerkleTree}); only complete subtrees are ever asked for, so a stored node never changes
 * when the log grows.
 */
@FunctionalInterface
public interface SubtreeHashes {

    byte[] hash(int level, long index);

    /**
     * The hash of leaves [from, to) when it is not a complete subtree and this store remembers it (a store serving
     * many proofs of one tree keeps its incomplete right edge, which every proof of a leaf left of it needs); null
     * when it must be computed.
     */
    default byte[] remembered(long from, long to) {
        return null;
    }

    /** Offers the computed hash of the incomplete range [from, to) for {@link #remembered}. */
    default void remember(long from, long to, byte[] hash) {
    }
}
