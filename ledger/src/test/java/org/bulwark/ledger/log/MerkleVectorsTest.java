package org.bulwark.ledger.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The RFC 6962 reference values used by Certificate Transparency implementations, copied from
 * transparency-dev/merkle: testonly/constants.go (LeafInputs, RootHashes, EmptyRootHash) and
 * proof/verify_test.go (inclusionProofs, consistencyProofs; there the leaf numbers are 1-based,
 * here they are 0-based leaf indexes).
 */
class MerkleVectorsTest {
    static final List<byte[]> LEAVES = List.of(h(""), h("00"), h("10"), h("2021"), h("3031"), h("40414243"),
            h("5051525354555657"), h("606162636465666768696a6b6c6d6e6f"));

    /** Roots for tree sizes 0..8. */
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

    record Inclusion(long index, long size, List<String> proof) {}

    static final List<Inclusion> INCLUSION = List.of(
            new Inclusion(0, 1, List.of()),
            new Inclusion(0, 8, List.of(
                    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
            new Inclusion(5, 8, List.of(
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
            new Inclusion(2, 3, List.of("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")),
            new Inclusion(1, 5, List.of(
                    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")));

    record Consistency(long size1, long size2, List<String> proof) {}

    static final List<Consistency> CONSISTENCY = List.of(
            new Consistency(1, 1, List.of()),
            new Consistency(1, 8, List.of(
                    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
            new Consistency(6, 8, List.of(
                    "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
            new Consistency(2, 5, List.of(
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
            new Consistency(6, 7, List.of(
                    "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")));

    static byte[] h(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    static Hash hash(String hex) {
        return Hash.fromHex(hex).orElseThrow();
    }

    static List<Hash> hashes(List<String> hex) {
        return hex.stream().map(MerkleVectorsTest::hash).toList();
    }

    static List<Hash> leafHashes(int size) {
        return LEAVES.subList(0, size).stream().map(Merkle::leafHash).toList();
    }

    static HashSource source(int size) {
        return new ReferenceTree(LEAVES.subList(0, size)).source();
    }

    @Test
    void emptyTreeHashIsSha256OfNothing() {
        assertThat(Merkle.emptyRoot().hex()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(Merkle.rootOf(List.of())).isEqualTo(Merkle.emptyRoot());
    }

    @Test
    void rootsOfEverySizeMatchTheReferenceValues() {
        for (int size = 0; size <= 8; size++) {
            assertThat(Merkle.rootOf(leafHashes(size)).hex()).as("size %d", size).isEqualTo(ROOTS.get(size));
            assertThat(Merkle.root(size, source(size)).hex()).as("size %d from subtrees", size).isEqualTo(ROOTS.get(size));
        }
    }

    @Test
    void inclusionProofsMatchAndVerify() {
        for (Inclusion v : INCLUSION) {
            List<Hash> expected = hashes(v.proof());
            assertThat(Merkle.inclusionProof(v.index(), v.size(), source((int) v.size()))).as("%s", v).isEqualTo(expected);
            Hash leaf = Merkle.leafHash(LEAVES.get((int) v.index()));
            Hash root = hash(ROOTS.get((int) v.size()));
            assertThat(Merkle.verifyInclusion(v.index(), v.size(), leaf, expected, root)).as("%s", v).isEqualTo(ProofCheck.VALID);
        }
    }

    @Test
    void consistencyProofsMatchAndVerify() {
        for (Consistency v : CONSISTENCY) {
            List<Hash> expected = hashes(v.proof());
            assertThat(Merkle.consistencyProof(v.size1(), v.size2(), source((int) v.size2()))).as("%s", v).isEqualTo(expected);
            assertThat(Merkle.verifyConsistency(v.size1(), v.size2(), hash(ROOTS.get((int) v.size1())),
                    hash(ROOTS.get((int) v.size2())), expected)).as("%s", v).isEqualTo(ProofCheck.VALID);
        }
    }

    @Test
    void wrongLeafIsARootMismatchCarryingBothRoots() {
        Inclusion v = INCLUSION.get(2);
        Hash root = hash(ROOTS.get(8));
        ProofCheck check = Merkle.verifyInclusion(5, 8, Merkle.leafHash(h("ff")), hashes(v.proof()), root);
        assertThat(check).isInstanceOfSatisfying(ProofError.RootMismatch.class, m -> {
            assertThat(m.expected()).isEqualTo(root);
            assertThat(m.computed()).isNotEqualTo(root);
            assertThat(m.message()).startsWith("root mismatch: expected 5dc9da79");
        });
    }

    @Test
    void shapeIsCheckedBeforeHashing() {
        Hash leaf = Merkle.leafHash(LEAVES.get(0));
        Hash root = hash(ROOTS.get(8));
        List<Hash> proof = hashes(INCLUSION.get(1).proof());
        assertThat(Merkle.verifyInclusion(8, 8, leaf, proof, root)).isEqualTo(new ProofError.IndexOutOfRange(8, 8));
        assertThat(Merkle.verifyInclusion(-1, 8, leaf, proof, root)).isEqualTo(new ProofError.IndexOutOfRange(-1, 8));
        assertThat(Merkle.verifyInclusion(0, 8, leaf, proof.subList(0, 2), root)).isEqualTo(new ProofError.WrongProofLength(3, 2));
        assertThat(((ProofError) Merkle.verifyInclusion(0, 0, leaf, List.of(), root)).message())
                .isEqualTo("leaf index 0 is not inside a tree of 0 entries");
        assertThat(Merkle.verifyConsistency(5, 4, root, root, List.of())).isEqualTo(new ProofError.BadSizes(5, 4));
        assertThat(Merkle.verifyConsistency(1, 2, root, root, List.of())).isEqualTo(new ProofError.WrongProofLength(1, 0));
        assertThat(Merkle.verifyConsistency(3, 3, root, leaf, List.of())).isEqualTo(new ProofError.DifferentRoots(3, root, leaf));
        assertThat(Merkle.verifyConsistency(0, 3, Merkle.emptyRoot(), root, List.of())).isEqualTo(ProofCheck.VALID);
    }

    @Test
    void hashesOfTheWrongLengthAreRefusedWhereTheyEnter() {
        assertThat(Hash.of(new byte[31])).isEmpty();
        assertThat(Hash.of(new byte[33])).isEmpty();
        assertThat(Hash.fromHex("e3b0")).isEmpty();
        assertThat(Hash.fromBase64("not base64!")).isEmpty();
        assertThat(Hash.fromBase64(Merkle.emptyRoot().base64())).contains(Merkle.emptyRoot());
    }
}
