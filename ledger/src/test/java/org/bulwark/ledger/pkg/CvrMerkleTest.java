package org.bulwark.ledger.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.bulwark.model.BallotStyleId;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.ContestId;
import org.bulwark.model.CountingGroup;
import org.bulwark.model.CvrContest;
import org.bulwark.model.GpUnitId;
import org.bulwark.model.Indication;
import org.bulwark.model.Mark;
import org.bulwark.model.SelectionId;
import org.junit.jupiter.api.Test;

class CvrMerkleTest {
    static final HexFormat HEX = HexFormat.of();

    /** The RFC 6962 reference inputs (certificate-transparency merkle_tree_test) and the roots of their first n. */
    static final String[] LEAVES = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"};
    static final String[] ROOTS = {
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    };

    @Test
    void rootsMatchTheRfcReferenceValues() {
        for (int n = 0; n <= LEAVES.length; n++) {
            CvrMerkle m = new CvrMerkle();
            for (int i = 0; i < n; i++) {
                m.addHash(HEX.parseHex(LEAVES[i]));
            }
            assertThat(m.summary().merkleRoot()).as("%d leaves", n).isEqualTo(ROOTS[n]);
            assertThat(m.summary().count()).isEqualTo(n);
        }
    }

    @Property(tries = 60)
    void streamingRootEqualsTheRecursiveDefinition(@ForAll @IntRange(min = 0, max = 300) int n) {
        List<byte[]> entries = new ArrayList<>();
        CvrMerkle m = new CvrMerkle();
        for (int i = 0; i < n; i++) {
            byte[] e = ("cvr-" + i).getBytes(StandardCharsets.UTF_8);
            entries.add(e);
            m.addHash(e);
        }
        assertThat(m.summary().merkleRoot()).isEqualTo(HEX.formatHex(reference(entries)));
    }

    /** RFC 9162 2.1.1 as written: split at the largest power of two smaller than n. */
    static byte[] reference(List<byte[]> d) {
        MessageDigest sha = CvrMerkle.sha256();
        if (d.isEmpty()) {
            return sha.digest();
        }
        if (d.size() == 1) {
            sha.update((byte) 0);
            return sha.digest(d.get(0));
        }
        int k = Integer.highestOneBit(d.size() - 1);
        byte[] left = reference(d.subList(0, k));
        byte[] right = reference(d.subList(k, d.size()));
        sha.update((byte) 1);
        sha.update(left);
        return sha.digest(right);
    }

    static CastVoteRecord cvr(String ballot, int votes) {
        return new CastVoteRecord(ballot, new BallotStyleId("bs-1"), new GpUnitId("p-1"), List.of(), Optional.of("scanner-1"), Optional.empty(),
                CountingGroup.ELECTION_DAY, List.of(), List.of(new CvrContest(new ContestId("mayor"),
                        List.of(new Mark(new SelectionId("alice"), votes, Indication.YES, Indication.UNKNOWN, 0, Optional.empty(), false)),
                        OptionalInt.of(0), OptionalInt.empty())));
    }

    @Test
    void canonicalBytesAreTheDocumentedJson() {
        assertThat(new String(CvrMerkle.canonicalBytes(cvr("b-1", 1)), StandardCharsets.UTF_8)).isEqualTo(
                "{\"format\":\"bulwark-cvr-canonical/1\",\"ballotId\":\"b-1\",\"ballotStyle\":\"bs-1\",\"ballotStyleUnit\":\"p-1\","
                + "\"parties\":[],\"creatingDevice\":\"scanner-1\",\"ballotImages\":[],"
                + "\"contests\":[{\"contest\":\"mayor\",\"overvotes\":0,\"marks\":[{\"selection\":\"alice\",\"votes\":1,"
                + "\"hasIndication\":\"yes\",\"allocable\":\"unknown\",\"rank\":0,\"generatedByRules\":false}]}]}");
        assertThat(Arrays.equals(CvrMerkle.canonicalBytes(cvr("b-1", 1)), CvrMerkle.canonicalBytes(cvr("b-1", 2)))).isFalse();
    }

    @Test
    void addingACvrHashesItsCanonicalBytes() {
        CvrMerkle byRecord = new CvrMerkle();
        CvrMerkle byHash = new CvrMerkle();
        for (int i = 0; i < 5; i++) {
            byRecord.add(cvr("b-" + i, 1));
            byHash.addHash(CvrMerkle.sha256().digest(CvrMerkle.canonicalBytes(cvr("b-" + i, 1))));
        }
        assertThat(byRecord.summary()).isEqualTo(byHash.summary());
    }
}
