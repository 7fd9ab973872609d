package org.bulwark.ledger.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The archive, signature and manifest readers, fed mutated packages, return a verdict (or an
 * inspection) and never throw. The seed (in PackageFuzzTestInputs) is a valid package signed by
 * the fixture's scanner key, which the trust registry here knows, so mutants get deep. Jazzer runs
 * the seed under plain {@code mvn verify} and fuzzes with JAZZER_FUZZ=1; the jqwik property mutates
 * fresh packages on every build.
 */
class PackageFuzzTest {
    static final Path DIR = PackagePropertyTest.DIR;

    @FuzzTest
    void verifyAndInspectNeverThrow(byte[] data) throws IOException {
        check(data);
    }

    private static void check(byte[] data) throws IOException {
        Path p = Files.createTempFile(DIR, "fuzz", ".zip");
        try {
            Files.write(p, data);
            Verification v = Fixture.verify(p);
            assertThat(v).isNotNull();
            if (v instanceof Verification.Failed f) {
                assertThat(f.message()).startsWith(p.getFileName() + ": " + f.check().words() + ": ");
            }
            assertThat(Packages.inspect(p)).isNotNull();
        } finally {
            Files.delete(p);
        }
    }

    @Property(tries = 300)
    void mutatedPackagesGetAVerdict(@ForAll Random random) throws IOException {
        byte[] data = PackagePropertyTest.A_BYTES;
        int mutations = 1 + random.nextInt(4);
        for (int i = 0; i < mutations; i++) {
            data = mutate(data, random);
        }
        check(data);
    }

    /** Flip a bit, truncate, insert junk, duplicate a range, delete a range, or set a header-sized field to an extreme. */
    static byte[] mutate(byte[] data, Random random) {
        if (data.length == 0) {
            return new byte[] {0x50, 0x4b, 5, 6};
        }
        int at = random.nextInt(data.length);
        switch (random.nextInt(6)) {
            case 0 -> {
                byte[] copy = data.clone();
                copy[at] ^= (byte) (1 << random.nextInt(8));
                return copy;
            }
            case 1 -> {
                return Arrays.copyOf(data, at);
            }
            case 2 -> {
                byte[] junk = new byte[1 + random.nextInt(8)];
                random.nextBytes(junk);
                return splice(data, at, at, junk);
            }
            case 3 -> {
                int end = Math.min(data.length, at + 1 + random.nextInt(200));
                return splice(data, at, at, Arrays.copyOfRange(data, at, end));
            }
            case 4 -> {
                int end = Math.min(data.length, at + 1 + random.nextInt(50));
                return splice(data, at, end, new byte[0]);
            }
            default -> {
                byte[] copy = data.clone();
                byte fill = random.nextBoolean() ? (byte) 0xFF : 0;
                for (int i = at; i < Math.min(copy.length, at + 4); i++) {
                    copy[i] = fill;
                }
                return copy;
            }
        }
    }

    private static byte[] splice(byte[] data, int from, int to, byte[] insert) {
        byte[] out = new byte[data.length - (to - from) + insert.length];
        System.arraycopy(data, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(data, to, out, from + insert.length, data.length - to);
        return out;
    }

    static {
        if (!Files.isDirectory(DIR)) {
            throw new UncheckedIOException(new IOException("no temporary folder"));
        }
    }
}
