package vn.ledger.archive.tree;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import vn.ledger.core.proof.Hashes;
import vn.ledger.core.proof.MerkleTree;
import vn.ledger.core.proof.SubtreeHashes;

/**
 * The complete subtrees of an RFC 6962 tree over leaf hashes, kept on disk, not in the heap: the leaf hashes are
 * appended to a file as the log is read, then each level of complete subtrees is written after it, and the files
 * are mapped. {@link MerkleTree} reads them for the root and proofs (O(log n) nodes a proof); about 2 × 32 bytes a
 * leaf on disk, deleted on close. An export builds one when the store keeps no tree of its own.
 */
public final class ProofTree implements SubtreeHashes, AutoCloseable {

    public static final int HASH = Hashes.SIZE;

    private final Path dir;
    private final long size;
    private final List<MappedByteBuffer> levels;
    private final List<FileChannel> channels;

    private ProofTree(Path dir, long size, List<MappedByteBuffer> levels, List<FileChannel> channels) {
        this.dir = dir;
        this.size = size;
        this.levels = levels;
        this.channels = channels;
    }

    public static Builder builder(Path tempDir) throws IOException {
        return new Builder(Files.createTempDirectory(tempDir, "tree-"));
    }

    public long size() {
        return size;
    }

    public byte[] leaf(long index) {
        return hash(0, index);
    }

    /** MTH(D[0:n]). */
    public byte[] root() {
        return MerkleTree.root(size, this);
    }

    /** The audit path of leaf {@code m} in the whole tree (RFC 6962 2.1.1), leaf side first. */
    public List<byte[]> inclusion(long m) {
        return MerkleTree.inclusionProof(m, size, this);
    }

    @Override
    public byte[] hash(int level, long index) {
        byte[] out = new byte[HASH];
        levels.get(level).get(Math.toIntExact(index * HASH), out);
        return out;
    }

    /** The incomplete ranges ending at the tree's size, by start: O(log n) of them, each asked for by many proofs. */
    private final java.util.Map<Long, byte[]> rightEdge = new java.util.HashMap<>();

    @Override
    public byte[] remembered(long from, long to) {
        return to == size ? rightEdge.get(from) : null;
    }

    @Override
    public void remember(long from, long to, byte[] hash) {
        if (to == size) {
            rightEdge.put(from, hash);
        }
    }

    @Override
    public void close() throws IOException {
        for (FileChannel c : channels) {
            c.close();
        }
        levels.clear(); // the mappings go with the buffers; the files may stay open on some systems until then
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }

    /** Collects leaf hashes in log order, then writes the levels above them. */
    public static final class Builder implements AutoCloseable {
        private final Path dir;
        private final OutputStream leaves;
        private long size;

        private Builder(Path dir) throws IOException {
            this.dir = dir;
            this.leaves = new BufferedOutputStream(Files.newOutputStream(dir.resolve("level-0")), 1 << 16);
        }

        public void add(byte[] leafHash) {
            try {
                leaves.write(leafHash, 0, HASH);
                size++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public long size() {
            return size;
        }

        public ProofTree build() throws IOException {
            leaves.close();
            long count = size;
            int level = 0;
            while (count > 1) {
                Path below = dir.resolve("level-" + level);
                Path above = dir.resolve("level-" + (level + 1));
                try (var in = new java.io.BufferedInputStream(Files.newInputStream(below), 1 << 16);
                     var out = new BufferedOutputStream(Files.newOutputStream(above), 1 << 16)) {
                    byte[] left = new byte[HASH];
                    byte[] right = new byte[HASH];
                    for (long i = 0; i < count / 2; i++) {
                        in.readNBytes(left, 0, HASH);
                        in.readNBytes(right, 0, HASH);
                        out.write(Hashes.node(left, right));
                    }
                }
                count /= 2;
                level++;
            }
            List<MappedByteBuffer> maps = new ArrayList<>();
            List<FileChannel> channels = new ArrayList<>();
            for (int l = 0; l <= level && size > 0; l++) {
                FileChannel channel = FileChannel.open(dir.resolve("level-" + l), StandardOpenOption.READ);
                channels.add(channel);
                maps.add(channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size()));
            }
            return new ProofTree(dir, size, maps, channels);
        }

        @Override
        public void close() throws IOException {
            leaves.close();
        }
    }
}
