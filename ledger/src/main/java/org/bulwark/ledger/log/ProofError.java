package org.bulwark.ledger.log;

/** Why a Merkle proof was refused; {@link #message()} says it in words for the person checking. */
public sealed interface ProofError extends ProofCheck, RootComputation {
    String message();

    /** The leaf index is not inside the tree. */
    record IndexOutOfRange(long index, long treeSize) implements ProofError {
        public String message() {
            return "leaf index " + index + " is not inside a tree of " + treeSize + " entries";
        }
    }

    /** A size is negative, or the earlier tree is larger than the later one. */
    record BadSizes(long size1, long size2) implements ProofError {
        public String message() {
            return "tree sizes " + size1 + " and " + size2 + " cannot be proved consistent: the first must be between 0 and the second";
        }
    }

    /** The proof has the wrong number of hashes for its index and sizes (RFC 9162 fixes it exactly). */
    record WrongProofLength(int expected, int actual) implements ProofError {
        public String message() {
            return "the proof has " + actual + " hashes where " + expected + " are required";
        }
    }

    /** The proof's hashes lead to a different root than the one it should prove. */
    record RootMismatch(Hash expected, Hash computed) implements ProofError {
        public String message() {
            return "root mismatch: expected " + expected.hex() + " but the proof leads to " + computed.hex();
        }
    }

    /** Two roots of the same tree size differ, or an empty tree has a root other than the empty hash. */
    record DifferentRoots(long size, Hash first, Hash second) implements ProofError {
        public String message() {
            return "two roots for the same tree size " + size + ": " + first.hex() + " and " + second.hex();
        }
    }
}
