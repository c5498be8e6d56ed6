package vn.ledger.core.proof;

import java.util.ArrayList;
import java.util.List;

/** A whole tree in memory, every complete subtree kept: for a verifier that has the leaves, and for tests. */
public final class InMemoryTree implements SubtreeHashes {

    private final List<List<byte[]>> levels = new ArrayList<>();
    private final CompactRange range = new CompactRange();

    public static InMemoryTree ofLeafHashes(List<byte[]> leafHashes) {
        InMemoryTree tree = new InMemoryTree();
        leafHashes.forEach(tree::append);
        return tree;
    }

    public void append(byte[] leafHash) {
        range.append(leafHash, (level, index, hash) -> {
            while (levels.size() <= level) {
                levels.add(new ArrayList<>());
            }
            levels.get(level).add(hash);
        });
    }

    public long size() {
        return range.size();
    }

    /** The head of the whole tree. */
    public byte[] root() {
        return range.root();
    }

    public byte[] root(long size) {
        check(size);
        return MerkleTree.root(size, this);
    }

    public List<byte[]> inclusionProof(long index, long size) {
        check(size);
        return MerkleTree.inclusionProof(index, size, this);
    }

    public List<byte[]> consistencyProof(long first, long second) {
        check(second);
        return MerkleTree.consistencyProof(first, second, this);
    }

    @Override
    public byte[] hash(int level, long index) {
        if (level >= levels.size() || index >= levels.get(level).size()) {
            throw new IllegalArgumentException("no complete subtree at level " + level + ", index " + index);
        }
        return levels.get(level).get((int) index);
    }

    private void check(long size) {
        if (size > size()) {
            throw new IllegalArgumentException("the tree has " + size() + " leaves, not " + size);
        }
    }
}
