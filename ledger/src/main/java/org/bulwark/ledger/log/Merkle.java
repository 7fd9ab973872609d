package org.bulwark.ledger.log;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 9162 (Certificate Transparency 2.0, section 2.1) Merkle tree hashing and proofs, as pure
 * functions. Leaf hash SHA-256(0x00 || entry), node hash SHA-256(0x01 || left || right), the tree
 * head MTH of n leaves splits at the largest power of two below n. Every verification checks the
 * shape of the proof (index inside the tree, exact number of hashes) before hashing anything.
 */
public final class Merkle {
    /** Domain separation prefix of a leaf hash (RFC 9162 2.1.1). */
    public static final byte LEAF_PREFIX = 0x00;
    /** Domain separation prefix of an interior node hash (RFC 9162 2.1.1). */
    public static final byte NODE_PREFIX = 0x01;

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(Merkle::newDigest);

    private Merkle() {}

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** MTH({}) = SHA-256 of nothing. */
    public static Hash emptyRoot() {
        return Hash.wrap(SHA256.get().digest());
    }

    public static Hash leafHash(byte[] entry) {
        return leafHash(entry, 0, entry.length);
    }

    static Hash leafHash(byte[] data, int offset, int length) {
        MessageDigest md = SHA256.get();
        md.update(LEAF_PREFIX);
        md.update(data, offset, length);
        return Hash.wrap(md.digest());
    }

    public static Hash nodeHash(Hash left, Hash right) {
        MessageDigest md = SHA256.get();
        md.update(NODE_PREFIX);
        md.update(left.unsafeBytes());
        md.update(right.unsafeBytes());
        return Hash.wrap(md.digest());
    }

    /** MTH over the given leaf hashes (already leaf-hashed), for any number of leaves. */
    public static Hash rootOf(List<Hash> leafHashes) {
        if (leafHashes.isEmpty()) {
            return emptyRoot();
        }
        return rangeRoot(0, leafHashes.size(), (level, index) -> {
            if (level != 0) {
                throw new IllegalStateException("rangeRoot asks only for what it was given");
            }
            return leafHashes.get((int) index);
        }, true);
    }

    /** MTH of the first {@code size} leaves, reading O(log size) complete subtrees from {@code source}. */
    public static Hash root(long size, HashSource source) {
        if (size < 0) {
            throw new IllegalArgumentException("negative tree size " + size);
        }
        return size == 0 ? emptyRoot() : rangeRoot(0, size, source, false);
    }

    /**
     * MTH over leaves {@code [begin, end)} where begin is aligned to the largest power of two below
     * the range's size (always so for the ranges the RFC's recursion produces). With
     * {@code leavesOnly} the source only knows leaves, and every subtree is hashed from them.
     */
    private static Hash rangeRoot(long begin, long end, HashSource source, boolean leavesOnly) {
        long n = end - begin;
        if (n == 1) {
            return source.node(0, begin);
        }
        if (!leavesOnly && Long.bitCount(n) == 1 && begin % n == 0) {
            int level = Long.numberOfTrailingZeros(n);
            return source.node(level, begin >>> level);
        }
        long k = largestPowerOfTwoBelow(n);
        return nodeHash(rangeRoot(begin, begin + k, source, leavesOnly), rangeRoot(begin + k, end, source, leavesOnly));
    }

    /** The largest power of two strictly less than n (n at least 2), the RFC's split point k. */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    // ---------------------------------------------------------------- inclusion

    /** RFC 9162 2.1.3.1 PATH(index, D[0:size]): the audit path of leaf {@code index}, leaf-most hash first. */
    public static List<Hash> inclusionProof(long index, long size, HashSource source) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf index " + index + " is not inside a tree of " + size);
        }
        List<Hash> path = new ArrayList<>();
        path(index, 0, size, source, path);
        return List.copyOf(path);
    }

    private static void path(long m, long begin, long end, HashSource source, List<Hash> out) {
        long n = end - begin;
        if (n == 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m - begin < k) {
            path(m, begin, begin + k, source, out);
            out.add(rangeRoot(begin + k, end, source, false));
        } else {
            path(m, begin + k, end, source, out);
            out.add(rangeRoot(begin, begin + k, source, false));
        }
    }

    /** How many hashes the inclusion proof of {@code index} in a tree of {@code size} has (0 <= index < size). */
    static int inclusionProofLength(long index, long size) {
        int inner = innerLength(index, size);
        return inner + Long.bitCount(index >>> inner);
    }

    /** Levels on which the path to {@code index} and the path to the last leaf still differ. */
    private static int innerLength(long index, long size) {
        return 64 - Long.numberOfLeadingZeros(index ^ (size - 1));
    }

    /** RFC 9162 2.1.3.2: the root the audit path leads to from {@code leafHash}, after checking its shape. */
    public static RootComputation rootFromInclusionProof(long index, long size, Hash leafHash, List<Hash> proof) {
        if (index < 0 || index >= size) {
            return new ProofError.IndexOutOfRange(index, size);
        }
        int expected = inclusionProofLength(index, size);
        if (proof.size() != expected) {
            return new ProofError.WrongProofLength(expected, proof.size());
        }
        long fn = index;
        long sn = size - 1;
        Hash r = leafHash;
        for (Hash p : proof) {
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return new RootComputation.Root(r);
    }

    public static ProofCheck verifyInclusion(long index, long size, Hash leafHash, List<Hash> proof, Hash root) {
        return switch (rootFromInclusionProof(index, size, leafHash, proof)) {
            case RootComputation.Root(Hash computed) ->
                computed.equals(root) ? ProofCheck.VALID : new ProofError.RootMismatch(root, computed);
            case ProofError e -> e;
        };
    }

    // ---------------------------------------------------------------- consistency

    /** RFC 9162 2.1.4.1 PROOF(size1, D[0:size2]): proves the first size1 leaves are unchanged in size2. */
    public static List<Hash> consistencyProof(long size1, long size2, HashSource source) {
        if (size1 < 0 || size1 > size2) {
            throw new IllegalArgumentException("cannot prove size " + size1 + " consistent with size " + size2);
        }
        List<Hash> proof = new ArrayList<>();
        if (size1 > 0 && size1 < size2) {
            subproof(size1, 0, size2, true, source, proof);
        }
        return List.copyOf(proof);
    }

    private static void subproof(long m, long begin, long end, boolean startsAtOldRoot, HashSource source, List<Hash> out) {
        long n = end - begin;
        if (m == n) {
            if (!startsAtOldRoot) {
                out.add(rangeRoot(begin, end, source, false));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(m, begin, begin + k, startsAtOldRoot, source, out);
            out.add(rangeRoot(begin + k, end, source, false));
        } else {
            subproof(m - k, begin + k, end, false, source, out);
            out.add(rangeRoot(begin, begin + k, source, false));
        }
    }

    /** How many hashes the consistency proof between 0 < size1 < size2 has. */
    static int consistencyProofLength(long size1, long size2) {
        int inner = innerLength(size1 - 1, size2);
        int border = Long.bitCount((size1 - 1) >>> inner);
        int shift = Long.numberOfTrailingZeros(size1);
        // When size1 is a power of two its root is the first hash and the proof leaves it out.
        int seed = Long.bitCount(size1) == 1 ? 0 : 1;
        return seed + (inner - shift) + border;
    }

    /** RFC 9162 2.1.4.2: checks that {@code root2} of size2 extends {@code root1} of size1. */
    public static ProofCheck verifyConsistency(long size1, long size2, Hash root1, Hash root2, List<Hash> proof) {
        if (size1 < 0 || size1 > size2) {
            return new ProofError.BadSizes(size1, size2);
        }
        if (size1 == size2 || size1 == 0) {
            if (!proof.isEmpty()) {
                return new ProofError.WrongProofLength(0, proof.size());
            }
            if (size1 == size2 && !root1.equals(root2)) {
                return new ProofError.DifferentRoots(size1, root1, root2);
            }
            if (size1 == 0 && !root1.equals(emptyRoot())) {
                return new ProofError.RootMismatch(emptyRoot(), root1);
            }
            return ProofCheck.VALID;
        }
        int expected = consistencyProofLength(size1, size2);
        if (proof.size() != expected) {
            return new ProofError.WrongProofLength(expected, proof.size());
        }
        List<Hash> path = proof;
        if (Long.bitCount(size1) == 1) {
            path = new ArrayList<>(proof.size() + 1);
            path.add(root1);
            path.addAll(proof);
        }
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        Hash fr = path.get(0);
        Hash sr = path.get(0);
        for (Hash c : path.subList(1, path.size())) {
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (!fr.equals(root1)) {
            return new ProofError.RootMismatch(root1, fr);
        }
        if (!sr.equals(root2)) {
            return new ProofError.RootMismatch(root2, sr);
        }
        return ProofCheck.VALID;
    }
}
