package vn.ledger.core.proof;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.ledger.core.proof.Hashes.fromHex;
import static vn.ledger.core.proof.Hashes.hex;

/**
 * The tree against the published vectors of RFC 6962 (certificate-transparency's 8-leaf tree, as
 * transparency-dev/merkle's proof/verify_test.go gives them), then every shape up to 40 leaves against itself.
 */
@DisplayName("RFC 6962 / 9162 Merkle tree")
class MerkleTreeTest {

    static final List<String> LEAVES = List.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f");
    /** Roots of sizes 0 to 8. */
    static final List<String> ROOTS = List.of(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    static InMemoryTree referenceTree() {
        return InMemoryTree.ofLeafHashes(LEAVES.stream().map(l -> Hashes.leaf(fromHex(l))).toList());
    }

    static List<String> hexes(List<byte[]> hashes) {
        return hashes.stream().map(Hashes::hex).toList();
    }

    static List<byte[]> hashes(String... hex) {
        return java.util.Arrays.stream(hex).map(Hashes::fromHex).toList();
    }

    @Test
    void the_heads_of_every_size_are_the_published_ones() {
        InMemoryTree tree = referenceTree();
        for (int size = 0; size <= 8; size++) {
            assertThat(hex(tree.root(size))).as("size %d", size).isEqualTo(ROOTS.get(size));
        }
        assertThat(hex(tree.root())).isEqualTo(ROOTS.get(8));
    }

    @Nested
    class Inclusion {

        record Vector(long index, long size, List<byte[]> proof) {
        }

        /** transparency-dev's inclusionProofs (their leaf numbers are 1-based). */
        final List<Vector> vectors = List.of(
                new Vector(0, 8, hashes("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
                new Vector(5, 8, hashes("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
                new Vector(2, 3, hashes("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")),
                new Vector(1, 5, hashes("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")));

        @Test
        void given_the_reference_tree_when_proving_a_leaf_then_the_path_is_the_published_one_and_verifies() {
            InMemoryTree tree = referenceTree();
            for (Vector v : vectors) {
                byte[] leaf = Hashes.leaf(fromHex(LEAVES.get((int) v.index())));
                assertThat(hexes(tree.inclusionProof(v.index(), v.size()))).isEqualTo(hexes(v.proof()));
                assertThat(MerkleTree.verifyInclusion(v.index(), v.size(), leaf, v.proof(),
                        fromHex(ROOTS.get((int) v.size())))).isTrue();
            }
        }

        @Test
        void a_proof_with_anything_changed_does_not_verify() {
            for (Vector v : vectors) {
                byte[] leaf = Hashes.leaf(fromHex(LEAVES.get((int) v.index())));
                byte[] root = fromHex(ROOTS.get((int) v.size()));
                List<byte[]> proof = v.proof();
                assertThat(MerkleTree.verifyInclusion(v.index() + 1, v.size(), leaf, proof, root)).isFalse();
                assertThat(MerkleTree.verifyInclusion(v.index() ^ 2, v.size(), leaf, proof, root)).isFalse();
                assertThat(MerkleTree.verifyInclusion(v.index(), v.size() * 2, leaf, proof, root)).isFalse();
                assertThat(MerkleTree.verifyInclusion(v.index(), v.size() / 2, leaf, proof, root)).isFalse();
                assertThat(MerkleTree.verifyInclusion(v.index(), v.size(), Hashes.leaf(new byte[]{9}), proof, root))
                        .isFalse();
                assertThat(MerkleTree.verifyInclusion(v.index(), v.size(), leaf, proof, Hashes.emptyRoot())).isFalse();
                List<byte[]> longer = new ArrayList<>(proof);
                longer.add(root);
                assertThat(MerkleTree.verifyInclusion(v.index(), v.size(), leaf, longer, root)).isFalse();
                assertThat(MerkleTree.verifyInclusion(v.index(), v.size(), leaf, proof.subList(0, proof.size() - 1),
                        root)).isFalse();
                for (int i = 0; i < proof.size(); i++) {
                    List<byte[]> flipped = new ArrayList<>(proof);
                    byte[] changed = proof.get(i).clone();
                    changed[0] ^= 8;
                    flipped.set(i, changed);
                    assertThat(MerkleTree.verifyInclusion(v.index(), v.size(), leaf, flipped, root)).isFalse();
                }
            }
        }

        @Test
        void a_leaf_outside_the_tree_has_no_proof() {
            assertThatThrownBy(() -> referenceTree().inclusionProof(8, 8)).isInstanceOf(IllegalArgumentException.class);
            assertThat(MerkleTree.verifyInclusion(0, 0, Hashes.emptyRoot(), List.of(), Hashes.emptyRoot())).isFalse();
        }
    }

    @Nested
    class Consistency {

        record Vector(long first, long second, List<byte[]> proof) {
        }

        /** transparency-dev's consistencyProofs. */
        final List<Vector> vectors = List.of(
                new Vector(1, 8, hashes("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
                new Vector(6, 8, hashes("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
                new Vector(2, 5, hashes("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
                new Vector(6, 7, hashes("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                        "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
                new Vector(1, 1, List.of()));

        @Test
        void given_the_reference_tree_when_proving_growth_then_the_proof_is_the_published_one_and_verifies() {
            InMemoryTree tree = referenceTree();
            for (Vector v : vectors) {
                byte[] first = fromHex(ROOTS.get((int) v.first()));
                byte[] second = fromHex(ROOTS.get((int) v.second()));
                assertThat(hexes(tree.consistencyProof(v.first(), v.second()))).isEqualTo(hexes(v.proof()));
                assertThat(MerkleTree.verifyConsistency(v.first(), v.second(), v.proof(), first, second)).isTrue();
            }
        }

        @Test
        void a_proof_with_anything_changed_does_not_verify() {
            for (Vector v : vectors.subList(0, 4)) {
                byte[] first = fromHex(ROOTS.get((int) v.first()));
                byte[] second = fromHex(ROOTS.get((int) v.second()));
                List<byte[]> proof = v.proof();
                assertThat(MerkleTree.verifyConsistency(v.first() - 1, v.second(), proof, first, second)).isFalse();
                assertThat(MerkleTree.verifyConsistency(v.first() + 1, v.second(), proof, first, second)).isFalse();
                assertThat(MerkleTree.verifyConsistency(v.first(), v.second() * 2, proof, first, second)).isFalse();
                assertThat(MerkleTree.verifyConsistency(v.first(), v.second(), proof, second, first)).isFalse();
                assertThat(MerkleTree.verifyConsistency(v.first(), v.second(), List.of(), first, second)).isFalse();
                List<byte[]> longer = new ArrayList<>(proof);
                longer.add(second);
                assertThat(MerkleTree.verifyConsistency(v.first(), v.second(), longer, first, second)).isFalse();
                List<byte[]> preceded = new ArrayList<>(proof);
                preceded.add(0, proof.get(0));
                assertThat(MerkleTree.verifyConsistency(v.first(), v.second(), preceded, first, second)).isFalse();
                assertThat(MerkleTree.verifyConsistency(v.first(), v.second(), proof.subList(0, proof.size() - 1),
                        first, second)).isFalse();
                for (int i = 0; i < proof.size(); i++) {
                    List<byte[]> flipped = new ArrayList<>(proof);
                    byte[] changed = proof.get(i).clone();
                    changed[0] ^= 16;
                    flipped.set(i, changed);
                    assertThat(MerkleTree.verifyConsistency(v.first(), v.second(), flipped, first, second)).isFalse();
                }
            }
        }

        @Test
        void the_empty_tree_is_extended_by_every_tree_and_equal_sizes_need_equal_roots() {
            byte[] some = fromHex(ROOTS.get(3));
            assertThat(MerkleTree.verifyConsistency(0, 5, List.of(), Hashes.emptyRoot(), some)).isTrue();
            assertThat(MerkleTree.verifyConsistency(3, 3, List.of(), some, some)).isTrue();
            assertThat(MerkleTree.verifyConsistency(3, 3, List.of(), some, fromHex(ROOTS.get(4)))).isFalse();
            assertThat(MerkleTree.verifyConsistency(4, 3, List.of(), some, some)).isFalse();
        }
    }

    @Test
    void in_every_tree_up_to_40_leaves_every_proof_verifies() {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            leaves.add(Hashes.leaf(new byte[]{(byte) i, (byte) (i * 7)}));
        }
        InMemoryTree tree = InMemoryTree.ofLeafHashes(leaves);
        for (int size = 1; size <= 40; size++) {
            byte[] root = tree.root(size);
            assertThat(root).isEqualTo(naiveRoot(leaves.subList(0, size)));
            for (int index = 0; index < size; index++) {
                assertThat(MerkleTree.verifyInclusion(index, size, leaves.get(index),
                        tree.inclusionProof(index, size), root)).as("leaf %d of %d", index, size).isTrue();
            }
            for (int first = 1; first <= size; first++) {
                assertThat(MerkleTree.verifyConsistency(first, size, tree.consistencyProof(first, size),
                        tree.root(first), root)).as("%d to %d", first, size).isTrue();
            }
        }
    }

    @Test
    void the_edge_read_back_from_stored_subtrees_grows_on_as_if_never_stopped() {
        InMemoryTree tree = referenceTree();
        for (int size = 0; size <= 7; size++) {
            CompactRange range = CompactRange.of(size, tree);
            assertThat(hex(range.root())).isEqualTo(ROOTS.get(size));
            for (int next = size; next < 8; next++) {
                range.append(Hashes.leaf(fromHex(LEAVES.get(next))), (level, index, hash) ->
                        assertThat(hash).isEqualTo(tree.hash(level, index)));
            }
            assertThat(hex(range.root())).isEqualTo(ROOTS.get(8));
        }
    }

    /** MTH straight from RFC 6962's definition. */
    static byte[] naiveRoot(List<byte[]> leaves) {
        if (leaves.isEmpty()) {
            return Hashes.emptyRoot();
        }
        if (leaves.size() == 1) {
            return leaves.get(0);
        }
        int k = Integer.highestOneBit(leaves.size() - 1);
        return Hashes.node(naiveRoot(leaves.subList(0, k)), naiveRoot(leaves.subList(k, leaves.size())));
    }
}
