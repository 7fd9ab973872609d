package org.bulwark.ledger.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishedLogTest {
    static final String ORIGIN = "boone.example.gov/log";
    static final NoteSigner COUNTY = CheckpointsTest.COUNTY;
    static final NoteSigner STATE = CheckpointsTest.STATE;
    static final List<NoteVerifierKey> TRUST = List.of(COUNTY.verifierKey());

    static List<byte[]> entries(int from, int to) {
        List<byte[]> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(("{\"event\":\"ballot-scanned\",\"seq\":" + i + "}").getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    static Checkpoint publish(Path dir, List<byte[]> entries) throws IOException {
        return LogPublisher.publish(dir, ORIGIN, entries, cp -> Checkpoints.sign(cp, COUNTY));
    }

    static LogVerification.Failed failed(Path dir) {
        return failed(dir, Optional.empty());
    }

    static LogVerification.Failed failed(Path dir, Optional<Path> since) {
        LogVerification v = PublishedLogVerifier.verify(dir, TRUST, since);
        assertThat(v).isInstanceOf(LogVerification.Failed.class);
        return (LogVerification.Failed) v;
    }

    @Test
    void publishedInStepsVerifiesAndKeepsEveryCheckpoint(@TempDir Path dir) throws IOException {
        publish(dir, entries(0, 300));
        Path since = dir.resolveSibling(dir.getFileName() + "-since");
        Files.copy(dir.resolve("checkpoint"), since);
        publish(dir, entries(300, 700));
        Checkpoint last = publish(dir, entries(700, 1000));
        assertThat(last.size()).isEqualTo(1000);
        assertThat(last.root()).isEqualTo(Merkle.rootOf(entries(0, 1000).stream().map(Merkle::leafHash).toList()));
        assertThat(PublishedLogVerifier.verify(dir, TRUST, Optional.of(since)))
                .isEqualTo(new LogVerification.Verified(last, 5, List.of()));
        assertThat(dir.resolve("tile/0/003.p/232")).exists();
        assertThat(dir.resolve("tile/0/001.p/188")).doesNotExist();
        assertThat(dir.resolve("tile/entries/002.p/188")).doesNotExist();
        assertThat(dir.resolve("checkpoints/300")).exists();
        Files.delete(since);
    }

    /** Over 2 x 65,536 entries the publisher writes full tiles as it goes and must leave no stale partial tile behind. */
    @Test
    void aLargePublicationLeavesOnlyCurrentTiles(@TempDir Path dir) throws IOException {
        List<byte[]> many = new ArrayList<>();
        for (int i = 0; i < 131_100; i++) {
            many.add(new byte[] {(byte) i, (byte) (i >> 8), (byte) (i >> 16)});
        }
        publish(dir, many);
        assertThat(PublishedLogVerifier.verify(dir, TRUST, Optional.empty())).isInstanceOf(LogVerification.Verified.class);
        assertThat(dir.resolve("tile/2/000.p/2")).exists();
        assertThat(dir.resolve("tile/2/000.p/1")).doesNotExist();
        assertThat(dir.resolve("tile/0/512.p/28")).exists();
    }

    @Test
    void anEmptyLogVerifies(@TempDir Path dir) throws IOException {
        Checkpoint cp = publish(dir, List.of());
        assertThat(cp.root()).isEqualTo(Merkle.emptyRoot());
        assertThat(PublishedLogVerifier.verify(dir, TRUST, Optional.empty())).isInstanceOf(LogVerification.Verified.class);
    }

    @Test
    void aCosignedLogNeedsBothSignatures(@TempDir Path dir) throws IOException {
        LogPublisher.publish(dir, ORIGIN, entries(0, 10), cp -> {
            String signed = Checkpoints.sign(cp, COUNTY);
            return ((Checkpoints.Cosigning.Cosigned) Checkpoints.cosign(signed, "new", COUNTY.verifierKey(), STATE,
                    Instant.parse("2028-11-08T02:00:00Z"))).signedCheckpoint();
        });
        LogVerification v = PublishedLogVerifier.verify(dir, List.of(COUNTY.verifierKey(), STATE.verifierKey()), Optional.empty());
        assertThat(v).isInstanceOfSatisfying(LogVerification.Verified.class,
                ok -> assertThat(ok.cosigners()).extracting(CheckpointCheck.Cosigned::name).containsExactly("sos.example.gov"));
        publish(dir, entries(10, 12));
        assertThat(PublishedLogVerifier.verify(dir, List.of(COUNTY.verifierKey(), STATE.verifierKey()), Optional.empty()))
                .isEqualTo(new LogVerification.Failed("checkpoint", "signature",
                        "not signed by the trusted key sos.example.gov (" + STATE.verifierKey().verifierString() + ")"));
    }

    @Test
    void aChangedEntryIsNamedWithItsTile(@TempDir Path dir) throws IOException {
        publish(dir, entries(0, 600));
        Path bundle = dir.resolve("tile/entries/001");
        byte[] b = Files.readAllBytes(bundle);
        int at = indexOf(b, "\"seq\":300}");
        b[at + 6] = '9';
        Files.write(bundle, b);
        assertThat(failed(dir)).isEqualTo(new LogVerification.Failed("tile/0/001", "hash 44",
                "the leaf hash of entry 300 differs from the one computed from the entry bundles"));
    }

    @Test
    void rewrittenTilesAreCaughtByTheCheckpointRoot(@TempDir Path dir) throws IOException {
        publish(dir, entries(0, 20));
        Path other = dir.resolveSibling(dir.getFileName() + "-forged");
        List<byte[]> forged = entries(0, 20);
        forged.set(3, forged.get(4));
        LogPublisher.publish(other, ORIGIN, forged, cp -> Checkpoints.sign(cp, COUNTY));
        // Tiles and bundles recomputed for the forged entries, but the old signed checkpoint kept.
        Files.copy(dir.resolve("checkpoint"), other.resolve("checkpoint"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        // The forged index copy of checkpoint 20 and the genuine one disagree: a split view, both named.
        assertThat(failed(other).message()).startsWith("checkpoints/20: line 3: split view of log " + ORIGIN + ": checkpoint (size 20, root ")
                .endsWith("two different roots signed for the same tree size 20");
        Files.copy(dir.resolve("checkpoint"), other.resolve("checkpoints/20"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(failed(other).message()).startsWith("checkpoint: line 3: the checkpoint's root for tree size 20 is ")
                .endsWith("entries were changed, removed, added or reordered after it was signed");
    }

    @Test
    void aRemovedFileIsNamed(@TempDir Path dir) throws IOException {
        publish(dir, entries(0, 600));
        Files.delete(dir.resolve("tile/entries/001"));
        assertThat(failed(dir)).isEqualTo(new LogVerification.Failed("tile/entries/001", "file", "missing: it should hold entries 256 to 511"));
    }

    @Test
    void anOversizedFileIsRefusedBeforeItIsRead(@TempDir Path dir) throws IOException {
        publish(dir, entries(0, 10));
        Files.write(dir.resolve("tile/0/000.p/10"), new byte[10 * 32 + 1]);
        assertThat(failed(dir)).isEqualTo(new LogVerification.Failed("tile/0/000.p/10", "file", "is 321 bytes, more than 10 hashes can take (320)"));
    }

    @Test
    void aRemovedCheckpointOfTheIndexIsNamed(@TempDir Path dir) throws IOException {
        publish(dir, entries(0, 10));
        publish(dir, entries(10, 20));
        publish(dir, entries(20, 30));
        assertThat(Files.readString(dir.resolve("checkpoint"))).contains("\nbulwark-previous 20\n");
        Files.delete(dir.resolve("checkpoints/10"));
        assertThat(failed(dir)).isEqualTo(new LogVerification.Failed("checkpoints/10", "file",
                "missing: checkpoints/20 names the checkpoint of tree size 10 as the one before it, but it is not in the index"));
        Files.delete(dir.resolve("checkpoints/30"));
        assertThat(failed(dir)).isEqualTo(new LogVerification.Failed("checkpoints/30", "file",
                "missing: the index of checkpoints has no copy of the latest checkpoint"));
    }

    @Test
    void aStrayFileIsNamed(@TempDir Path dir) throws IOException {
        publish(dir, entries(0, 10));
        Files.write(dir.resolve("tile/0/000.p/9"), new byte[9 * 32]);
        assertThat(failed(dir).file()).isEqualTo("tile/0/000.p/9");
    }

    @Test
    void aTruncatedBundleIsNamed(@TempDir Path dir) throws IOException {
        publish(dir, entries(0, 10));
        Path bundle = dir.resolve("tile/entries/000.p/10");
        byte[] b = Files.readAllBytes(bundle);
        Files.write(bundle, java.util.Arrays.copyOf(b, b.length - 3));
        assertThat(failed(dir).message()).startsWith("tile/entries/000.p/10: byte ").contains("entry 9 of the bundle says it is 34 bytes long but only 31 remain");
    }

    @Test
    void aSinceCheckpointOfAnotherHistoryIsASplit(@TempDir Path dir, @TempDir Path fork) throws IOException {
        publish(dir, entries(0, 50));
        List<byte[]> other = entries(0, 40);
        other.set(0, "forked".getBytes(StandardCharsets.UTF_8));
        publish(fork, other);
        assertThat(failed(dir, Optional.of(fork.resolve("checkpoint"))).problem())
                .startsWith("the checkpoint's root for tree size 40 is ");
        // Same size, different root: a split view naming both.
        Path fork50 = fork.resolve("checkpoints/50");
        publish(fork, entries(40, 50));
        LogVerification.Failed f = failed(dir, Optional.of(fork50));
        assertThat(f.problem()).startsWith("split view of log " + ORIGIN + ": checkpoint (size 50, root ")
                .contains(fork50 + " (size 50").endsWith("two different roots signed for the same tree size 50");
    }

    @Test
    void aSinceCheckpointOfAnotherLogIsNamed(@TempDir Path dir, @TempDir Path other) throws IOException {
        publish(dir, entries(0, 5));
        LogPublisher.publish(other, "other.example.gov/log", entries(0, 5), cp -> Checkpoints.sign(cp, COUNTY));
        assertThat(failed(dir, Optional.of(other.resolve("checkpoint"))).problem())
                .isEqualTo("the checkpoint is of the log 'other.example.gov/log', not of the published log '" + ORIGIN + "'");
    }

    @Test
    void aSinceCheckpointBeyondTheLogIsARollback(@TempDir Path dir, @TempDir Path later) throws IOException {
        publish(dir, entries(0, 5));
        publish(later, entries(0, 9));
        assertThat(failed(dir, Optional.of(later.resolve("checkpoint"))).problem())
                .isEqualTo("this checkpoint is of tree size 9 but the published log has only 5 entries: the published log was rolled back or truncated");
    }

    private static int indexOf(byte[] data, String s) {
        byte[] needle = s.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + needle.length <= data.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError(s);
    }
}
