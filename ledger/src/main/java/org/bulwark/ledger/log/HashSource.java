package org.bulwark.ledger.log;

/**
 * Where proof generation reads the hashes of complete subtrees: {@code node(level, index)} is the
 * root of the perfect subtree over leaves {@code [index * 2^level, (index + 1) * 2^level)}; level 0
 * is the leaf hashes. Callers only ask for subtrees that are complete in the tree being proved.
 */
@FunctionalInterface
public interface HashSource {
    Hash node(int level, long index);
}
