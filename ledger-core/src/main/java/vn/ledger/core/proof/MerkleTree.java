package vn.ledger.core.proof;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Tree heads and proofs of an append-only log as RFC 6962 §2.1 defines them ({@code MTH}, {@code PATH},
 * {@code PROOF}), and their verification as RFC 9162 §2.1.3.2 and §2.1.4.2 give it. Leaves are numbered from 0; a
 * tree of size n holds leaves 0..n-1.
 *
 * <p>Generation reads complete subtrees from a {@link SubtreeHashes}: the recursion of the RFC splits a range at the
 * largest power of two below its size, so every left part it meets is complete, and a right part is split again.
 */
public final class MerkleTree {

    private MerkleTree() {
    }

    /** {@code MTH(D[0:size])}. */
    public static byte[] root(long size, SubtreeHashes hashes) {
        if (size < 0) {
            throw new IllegalArgumentException("negative tree size " + size);
        }
        return size == 0 ? Hashes.emptyRoot() : range(0, size, hashes);
    }

    /** {@code MTH(D[from:to])} for a range the RFC's recursion produces (its start aligned to its largest part). */
    static byte[] range(long from, long to, SubtreeHashes hashes) {
        long size = to - from;
        if (Long.bitCount(size) == 1 && from % size == 0) {
            return hashes.hash(Long.numberOfTrailingZeros(size), from / size);
        }
        byte[] known = hashes.remembered(from, to);
        if (known != null) {
            return known;
        }
        long k = largestPowerOfTwoBelow(size);
        byte[] hash = Hashes.node(range(from, from + k, hashes), range(from + k, to, hashes));
        hashes.remember(from, to, hash);
        return hash;
    }

    /** The audit path of leaf {@code index} in the tree of {@code size} leaves (RFC 6962 §2.1.1 {@code PATH}). */
    public static List<byte[]> inclusionProof(long index, long size, SubtreeHashes hashes) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
        }
        List<byte[]> proof = new ArrayList<>();
        path(index, 0, size, hashes, proof);
        return proof;
    }

    private static void path(long index, long from, long to, SubtreeHashes hashes, List<byte[]> out) {
        long size = to - from;
        if (size == 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(size);
        if (index < from + k) {
            path(index, from, from + k, hashes, out);
            out.add(range(from + k, to, hashes));
        } else {
            path(index, from + k, to, hashes, out);
            out.add(range(from, from + k, hashes));
        }
    }

    /**
     * The proof that the tree of {@code second} leaves extends the one of {@code first} (RFC 6962 §2.1.2
     * {@code PROOF}); empty when {@code first} is 0 or equals {@code second}.
     */
    public static List<byte[]> consistencyProof(long first, long second, SubtreeHashes hashes) {
        if (first < 0 || first > second) {
            throw new IllegalArgumentException("no consistency proof from " + first + " to " + second);
        }
        if (first == 0 || first == second) {
            return List.of();
        }
        List<byte[]> proof = new ArrayList<>();
        subproof(first, 0, second, true, hashes, proof);
        return proof;
    }

    private static void subproof(long m, long from, long to, boolean whole, SubtreeHashes hashes, List<byte[]> out) {
        long size = to - from;
        if (m == size) {
            if (!whole) {
                out.add(range(from, to, hashes));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(size);
        if (m <= k) {
            subproof(m, from, from + k, whole, hashes, out);
            out.add(range(from + k, to, hashes));
        } else {
            subproof(m - k, from + k, to, false, hashes, out);
            out.add(range(from, from + k, hashes));
        }
    }

    /** The root an inclusion proof leads to (RFC 9162 §2.1.3.2), or null when the proof has the wrong shape. */
    public static byte[] rootFromInclusion(long index, long size, byte[] leafHash, List<byte[]> proof) {
        if (index < 0 || index >= size || leafHash == null || leafHash.length != Hashes.SIZE) {
            return null;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0 || p == null || p.length != Hashes.SIZE) {
                return null;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = Hashes.node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = Hashes.node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 ? r : null;
    }

    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        byte[] computed = rootFromInclusion(index, size, leafHash, proof);
        return computed != null && root != null && MessageDigest.isEqual(computed, root);
    }

    /**
     * Whether {@code secondRoot} (of {@code second} leaves) extends {@code firstRoot} (of {@code first}), by RFC 9162
     * §2.1.4.2. Equal sizes need equal roots and an empty proof; size 0 is extended by every tree, with an empty
     * proof.
     */
    public static boolean verifyConsistency(long first, long second, List<byte[]> proof,
                                            byte[] firstRoot, byte[] secondRoot) {
        if (first < 0 || second < first || firstRoot == null || secondRoot == null) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
        }
        if (first == 0) {
            return proof.isEmpty();
        }
        if (proof.isEmpty()) {
            return false;
        }
        for (byte[] p : proof) {
            if (p == null || p.length != Hashes.SIZE) {
                return false;
            }
        }
        List<byte[]> path = proof;
        if (Long.bitCount(first) == 1) {
            path = new ArrayList<>(proof.size() + 1);
            path.add(firstRoot);
            path.addAll(proof);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = Hashes.node(c, fr);
                sr = Hashes.node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = Hashes.node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot);
    }

    /** The largest power of two strictly below {@code n} (n ≥ 2), the split point of RFC 6962. */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }
}
