package org.bulwark.ledger.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The fast Merkle code against {@link ReferenceTree}, over random trees. */
class MerklePropertiesTest {
    record Tree(List<byte[]> entries, int size1, int index) {
        ReferenceTree reference() {
            return new ReferenceTree(entries);
        }

        int size() {
            return entries.size();
        }
    }

    @Provide
    Arbitrary<Tree> trees() {
        Arbitrary<List<byte[]>> entries = Arbitraries.bytes().array(byte[].class).ofMaxSize(6).list().ofMinSize(1).ofMaxSize(70);
        return entries.flatMap(e -> Combinators.combine(Arbitraries.integers().between(0, e.size()),
                Arbitraries.integers().between(0, e.size() - 1)).as((s1, i) -> new Tree(e, s1, i)));
    }

    @Property
    void rootsAndProofsMatchTheReference(@ForAll("trees") Tree t) {
        ReferenceTree ref = t.reference();
        HashSource source = ref.source();
        assertThat(Merkle.rootOf(t.entries().stream().map(Merkle::leafHash).toList())).isEqualTo(ref.root(t.size()));
        assertThat(Merkle.root(t.size(), source)).isEqualTo(ref.root(t.size()));
        assertThat(Merkle.inclusionProof(t.index(), t.size(), source)).isEqualTo(ref.path(t.index(), 0, t.size()));
        assertThat(Merkle.consistencyProof(t.size1(), t.size(), source)).isEqualTo(ref.consistency(t.size1(), t.size()));
    }

    @Property
    void consistencyProofsBetweenAnyTwoSizesVerify(@ForAll("trees") Tree t) {
        ReferenceTree ref = t.reference();
        List<Hash> proof = Merkle.consistencyProof(t.size1(), t.size(), ref.source());
        assertThat(Merkle.verifyConsistency(t.size1(), t.size(), ref.root(t.size1()), ref.root(t.size()), proof))
                .isEqualTo(ProofCheck.VALID);
    }

    @Property
    void inclusionProofsOfEveryLeafVerify(@ForAll("trees") Tree t) {
        ReferenceTree ref = t.reference();
        List<Hash> proof = Merkle.inclusionProof(t.index(), t.size(), ref.source());
        Hash leaf = Merkle.leafHash(t.entries().get(t.index()));
        assertThat(Merkle.verifyInclusion(t.index(), t.size(), leaf, proof, ref.root(t.size()))).isEqualTo(ProofCheck.VALID);
    }

    @Property
    void anyChangedProofHashFails(@ForAll("trees") Tree t, @ForAll @IntRange(min = 0, max = 255) int bit) {
        ReferenceTree ref = t.reference();
        List<Hash> inclusion = Merkle.inclusionProof(t.index(), t.size(), ref.source());
        Hash leaf = Merkle.leafHash(t.entries().get(t.index()));
        for (int i = 0; i < inclusion.size(); i++) {
            assertThat(Merkle.verifyInclusion(t.index(), t.size(), leaf, flip(inclusion, i, bit), ref.root(t.size())))
                    .isInstanceOf(ProofError.RootMismatch.class);
        }
        List<Hash> consistency = Merkle.consistencyProof(t.size1(), t.size(), ref.source());
        for (int i = 0; i < consistency.size(); i++) {
            assertThat(Merkle.verifyConsistency(t.size1(), t.size(), ref.root(t.size1()), ref.root(t.size()), flip(consistency, i, bit)))
                    .isInstanceOf(ProofError.RootMismatch.class);
        }
    }

    @Property
    void removedOrAddedProofHashesFailOnShape(@ForAll("trees") Tree t) {
        ReferenceTree ref = t.reference();
        List<Hash> inclusion = new ArrayList<>(Merkle.inclusionProof(t.index(), t.size(), ref.source()));
        Hash leaf = Merkle.leafHash(t.entries().get(t.index()));
        List<Hash> longer = new ArrayList<>(inclusion);
        longer.add(leaf);
        assertThat(Merkle.verifyInclusion(t.index(), t.size(), leaf, longer, ref.root(t.size()))).isInstanceOf(ProofError.WrongProofLength.class);
        if (!inclusion.isEmpty()) {
            assertThat(Merkle.verifyInclusion(t.index(), t.size(), leaf, inclusion.subList(1, inclusion.size()), ref.root(t.size())))
                    .isInstanceOf(ProofError.WrongProofLength.class);
        }
    }

    /** An entry changed, removed or swapped with its neighbour gives another root at every later size. */
    @Property
    void alteredRemovedOrReorderedEntriesChangeTheRoot(@ForAll("trees") Tree t) {
        ReferenceTree ref = t.reference();
        Hash root = ref.root(t.size());
        int i = t.index();
        List<byte[]> changed = new ArrayList<>(t.entries());
        byte[] e = changed.get(i).clone();
        changed.set(i, e.length == 0 ? new byte[] {0} : flipFirst(e));
        assertThat(Merkle.rootOf(changed.stream().map(Merkle::leafHash).toList())).isNotEqualTo(root);

        List<byte[]> removed = new ArrayList<>(t.entries());
        removed.remove(i);
        assertThat(Merkle.rootOf(removed.stream().map(Merkle::leafHash).toList())).isNotEqualTo(root);

        if (i + 1 < t.size() && !java.util.Arrays.equals(t.entries().get(i), t.entries().get(i + 1))) {
            List<byte[]> swapped = new ArrayList<>(t.entries());
            swapped.set(i, t.entries().get(i + 1));
            swapped.set(i + 1, t.entries().get(i));
            Hash swappedRoot = Merkle.rootOf(swapped.stream().map(Merkle::leafHash).toList());
            assertThat(swappedRoot).isNotEqualTo(root);
            // And a consistency proof from the honest prefix to the reordered tree does not verify.
            if (i > 0) {
                List<Hash> proof = Merkle.consistencyProof(i + 1, t.size(), ref.source());
                assertThat(Merkle.verifyConsistency(i + 1, t.size(), ref.root(i + 1), swappedRoot, proof))
                        .isInstanceOf(ProofError.class);
            }
        }
    }

    private static byte[] flipFirst(byte[] e) {
        e[0] ^= 1;
        return e;
    }

    private static List<Hash> flip(List<Hash> proof, int i, int bit) {
        List<Hash> out = new ArrayList<>(proof);
        byte[] b = proof.get(i).bytes();
        b[bit / 8] ^= (byte) (1 << (bit % 8));
        out.set(i, Hash.of(b).orElseThrow());
        return out;
    }
}
