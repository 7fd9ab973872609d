package org.bulwark.ledger.log;

import java.util.ArrayList;
import java.util.List;

/**
 * The RFC 9162 definitions written as literally as possible over a list of entries: slow, obviously
 * right, and used only to cross-check the fast code.
 */
final class ReferenceTree {
    private final List<byte[]> entries;

    ReferenceTree(List<byte[]> entries) {
        this.entries = List.copyOf(entries);
    }

    Hash mth(int begin, int end) {
        int n = end - begin;
        if (n == 0) {
            return Merkle.emptyRoot();
        }
        if (n == 1) {
            return Merkle.leafHash(entries.get(begin));
        }
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return Merkle.nodeHash(mth(begin, begin + k), mth(begin + k, end));
    }

    Hash root(int size) {
        return mth(0, size);
    }

    List<Hash> path(int m, int begin, int end) {
        int n = end - begin;
        List<Hash> out = new ArrayList<>();
        if (n <= 1) {
            return out;
        }
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        if (m < k) {
            out.addAll(path(m, begin, begin + k));
            out.add(mth(begin + k, end));
        } else {
            out.addAll(path(m - k, begin + k, end));
            out.add(mth(begin, begin + k));
        }
        return out;
    }

    List<Hash> consistency(int m, int size) {
        return m == 0 || m == size ? List.of() : subproof(m, 0, size, true);
    }

    private List<Hash> subproof(int m, int begin, int end, boolean b) {
        int n = end - begin;
        List<Hash> out = new ArrayList<>();
        if (m == n) {
            if (!b) {
                out.add(mth(begin, end));
            }
            return out;
        }
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        if (m <= k) {
            out.addAll(subproof(m, begin, begin + k, b));
            out.add(mth(begin + k, end));
        } else {
            out.addAll(subproof(m - k, begin + k, end, false));
            out.add(mth(begin, begin + k));
        }
        return out;
    }

    /** A source of complete-subtree hashes for the fast code, computed the slow way. */
    HashSource source() {
        return (level, index) -> {
            long width = 1L << level;
            return mth((int) (index * width), (int) ((index + 1) * width));
        };
    }
}
