package org.bulwark.formats.cvr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.CountingGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CvrFiles#readHashing} gives the SHA-256 of the file's bytes, however the file was read; {@code read} gives none. */
class CvrFileHashTest {
    @TempDir
    Path dir;

    @Test
    void theHashIsOfTheWholeFileOnOneThreadOrInPieces() throws IOException {
        // More than a piece (1 MB), so the several-thread read really cuts it; spaces after the report are hashed too.
        List<CastVoteRecord> cvrs = CvrRoundTripTest.cvrs(TestElection.INDEX.election(), CountingGroup.ABSENTEE).list().ofSize(4000).sample();
        byte[] json = CvrRoundTripTest.write(CvrFormat.JSON, TestElection.INDEX.election(), cvrs);
        byte[] padded = new byte[json.length + 3];
        System.arraycopy(json, 0, padded, 0, json.length);
        padded[json.length] = '\n';
        padded[json.length + 1] = ' ';
        padded[json.length + 2] = '\n';
        Path file = Files.write(dir.resolve("cvrs.json"), padded);
        assertThat(padded.length).isGreaterThan(ChunkedJsonCvrReader.PIECE);

        for (int threads : new int[] {1, 3}) {
            List<CastVoteRecord> read = new ArrayList<>();
            CvrFileSummary summary = CvrFiles.readHashing(file, TestElection.INDEX,
                    new CvrReadOptions(CvrReadOptions.Mode.STRICT, CountingGroup.ABSENTEE, Optional.empty(), threads), read::add);

            assertThat(summary.sha256()).as("%d threads", threads).contains(sha256(padded));
            assertThat(summary.bytes()).isEqualTo(padded.length);
            assertThat(read).isEqualTo(cvrs);
        }
    }

    @Test
    void xmlIsHashedAlikeAndAPlainReadDoesNotHash() throws IOException {
        List<CastVoteRecord> cvrs = CvrRoundTripTest.cvrs(TestElection.INDEX.election(), CountingGroup.ABSENTEE).list().ofSize(20).sample();
        byte[] xml = CvrRoundTripTest.write(CvrFormat.XML, TestElection.INDEX.election(), cvrs);
        Path file = Files.write(dir.resolve("cvrs.xml"), xml);
        CvrReadOptions options = CvrReadOptions.strict().withCountingGroup(CountingGroup.ABSENTEE);

        assertThat(CvrFiles.readHashing(file, TestElection.INDEX, options, cvr -> {}).sha256()).contains(sha256(xml));
        assertThat(CvrFiles.read(file, TestElection.INDEX, options, cvr -> {}).sha256()).isEmpty();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
