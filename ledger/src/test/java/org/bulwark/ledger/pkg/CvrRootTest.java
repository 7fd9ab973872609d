package org.bulwark.ledger.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.bulwark.ledger.pkg.Verification.Check;
import org.bulwark.ledger.trust.PackageType;
import org.bulwark.model.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a CVR reader, verify recomputes each CVR file's count and Merkle root after the hashes pass. */
class CvrRootTest {
    @TempDir
    Path dir;

    /** A stand-in for the NIST readers: one ballot id per line; "!" is unreadable. */
    static final CvrReader LINES = (in, name, sink) -> {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int n = 0;
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            n++;
            if (line.equals("!")) {
                throw new BadInputException(name, "line " + n, "not a CVR");
            }
            sink.accept(CvrMerkleTest.cvr(line, 1));
        }
    };

    private Path pkg(String content, List<String> claimed) throws Exception {
        Path file = Files.writeString(dir.resolve("cvrs.txt"), content);
        CvrMerkle m = new CvrMerkle();
        claimed.forEach(id -> m.add(CvrMerkleTest.cvr(id, 1)));
        Path out = dir.resolve("p" + System.nanoTime() + ".zip");
        Packages.create(new Packages.Request(new PackageType.Results(), Optional.empty(), Mode.TEST,
                List.of(new PackageFile("cvrs.txt", file, Optional.of(m.summary())))), Fixture.SCANNER.key(), out, Fixture.CLOCK);
        return out;
    }

    private static Verification verify(Path pkg) throws Exception {
        return Packages.verify(pkg, Fixture.registry(), Packages.Expectations.none().withCvrs(LINES));
    }

    @Test
    void matchingRootsPass() throws Exception {
        Verification v = verify(pkg("b-1\nb-2\nb-3\n", List.of("b-1", "b-2", "b-3")));
        assertThat(v).isInstanceOf(Verification.Valid.class);
        assertThat(((Verification.Valid) v).cvrRootsChecked()).isTrue();
    }

    @Test
    void aSignedRootThatDoesNotMatchTheCvrsFails() throws Exception {
        Verification v = verify(pkg("b-1\nb-2\nb-3\n", List.of("b-1", "b-3", "b-2")));
        Verification.Failed f = (Verification.Failed) v;
        assertThat(f.check()).isEqualTo(Check.CVR_ROOT);
        assertThat(f.message()).contains("CVR Merkle root: 'cvrs.txt' holds 3 CVRs with Merkle root");
        Verification fewer = verify(pkg("b-1\nb-2\n", List.of("b-1", "b-2", "b-3")));
        assertThat(((Verification.Failed) fewer).message()).contains("holds 2 CVRs", "the manifest says 3");
    }

    @Test
    void unreadableCvrsFailWithTheReadersMessage() throws Exception {
        Verification.Failed f = (Verification.Failed) verify(pkg("b-1\n!\n", List.of("b-1")));
        assertThat(f.check()).isEqualTo(Check.CVR_ROOT);
        assertThat(f.message()).contains("'cvrs.txt' cannot be read as CVRs: ", "!cvrs.txt: line 2: not a CVR");
    }

    @Test
    void withoutAReaderRootsAreNotRecomputed() throws Exception {
        Verification v = Packages.verify(pkg("b-1\n", List.of("zzz")), Fixture.registry(), Packages.Expectations.none());
        assertThat(((Verification.Valid) v).cvrRootsChecked()).isFalse();
    }
}
