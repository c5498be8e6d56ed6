package vn.ledger.archive.tree;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ledger.core.proof.Hashes;
import vn.ledger.core.proof.InMemoryTree;
import vn.ledger.core.proof.MerkleTree;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The export's tree on disk gives the roots and audit paths of the primitives' tree in memory, and cleans up. */
class ProofTreeTest {

    @TempDir
    Path temp;

    @Test
    void everySizeAndLeafGivesTheSameRootAndPathAsTheTreeInMemory() throws Exception {
        for (int size = 1; size <= 33; size++) {
            List<byte[]> leaves = new ArrayList<>();
            ProofTree.Builder builder = ProofTree.builder(temp);
            for (int i = 0; i < size; i++) {
                byte[] leaf = Hashes.leaf(("commit " + i).getBytes(StandardCharsets.UTF_8));
                leaves.add(leaf);
                builder.add(leaf);
            }
            InMemoryTree expected = InMemoryTree.ofLeafHashes(leaves);
            try (ProofTree tree = builder.build()) {
                assertThat(tree.root()).as("root of %d", size).isEqualTo(expected.root());
                for (int m = 0; m < size; m++) {
                    List<byte[]> path = tree.inclusion(m);
                    assertThat(path).as("path of %d in %d", m, size)
                            .containsExactlyElementsOf(expected.inclusionProof(m, size));
                    assertThat(MerkleTree.verifyInclusion(m, size, leaves.get(m), path, tree.root())).isTrue();
                }
            }
        }
        try (var left = Files.list(temp)) {
            assertThat(left).as("the tree's files are deleted on close").isEmpty();
        }
    }
}
