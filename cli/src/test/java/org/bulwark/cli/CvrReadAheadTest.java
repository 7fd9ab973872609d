package org.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bulwark.formats.cvr.CvrFiles;
import org.bulwark.formats.cvr.CvrReadOptions;
import org.bulwark.formats.election.ElectionFiles;
import org.bulwark.model.BadInputException;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.CountingGroup;
import org.bulwark.model.ElectionIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import cvr} reads the next file while the workspace commits the current one; nothing else may change. */
class CvrReadAheadTest {
    @TempDir
    Path tmp;

    private String ws() {
        return tmp.resolve("county.db").toString();
    }

    /** The gen-01 deck with {@code n} spaces added at the end: the same ballots, another SHA-256. */
    private Path copy(String name, int n) throws IOException {
        return copy(tmp, name, n);
    }

    static Path copy(Path dir, String name, int n) throws IOException {
        byte[] deck = Files.readAllBytes(TabulateCommandTest.GEN01_CVR);
        byte[] padded = Arrays.copyOf(deck, deck.length + n);
        Arrays.fill(padded, deck.length, padded.length, (byte) ' ');
        return Files.write(dir.resolve(name), padded);
    }

    private Path truncated() throws IOException {
        return truncated(tmp);
    }

    /** The gen-01 deck cut 200 bytes short of its end: a bad file, found only near its end. */
    static Path truncated(Path dir) throws IOException {
        byte[] deck = Files.readAllBytes(TabulateCommandTest.GEN01_CVR);
        return Files.write(dir.resolve("truncated.json"), Arrays.copyOf(deck, deck.length - 200));
    }

    private ElectionIndex gen01() throws IOException {
        return ElectionIndex.of(ElectionFiles.read(ElectionCommandTest.GEN01_JSON).election());
    }

    private static List<CastVoteRecord> readAlone(Path file) throws IOException {
        List<CastVoteRecord> cvrs = new ArrayList<>();
        CvrFiles.read(file, ElectionIndex.of(ElectionFiles.read(ElectionCommandTest.GEN01_JSON).election()),
                new CvrReadOptions(CvrReadOptions.Mode.STRICT, CountingGroup.ELECTION_DAY, Optional.empty()), cvrs::add);
        return cvrs;
    }

    @Test
    void everyFileGivesTheSameCvrsInTheSameOrderAsReadAloneThoughTheQueueFillsUp() throws IOException {
        List<Path> files = List.of(copy("a.json", 1), copy("b.json", 2), copy("c.json", 3), copy("d.json", 4));
        List<CastVoteRecord> alone = readAlone(files.get(0));
        List<CvrInput> inputs = files.stream().map(f -> new CvrInput(f, CountingGroup.ELECTION_DAY)).toList();
        // Batches of 3 and a queue of 2 batches: 40 CVRs per file make the reading thread wait many times.
        try (CvrReadAhead reading = new CvrReadAhead(inputs, gen01(), CvrReadOptions.Mode.STRICT, 1, 3, 2)) {
            for (int i = 0; i < files.size(); i++) {
                List<CastVoteRecord> got = new ArrayList<>();
                long[] bytes = {0};
                reading.pushTo(i, got::add, b -> bytes[0] = b);
                assertThat(got).as("file %d", i).isEqualTo(alone);
                assertThat(bytes[0]).as("bytes read of file %d", i).isEqualTo(Files.size(files.get(i)));
            }
        }
    }

    @Test
    void aBadFileReadAheadFailsInItsOwnTurnWithTheMessageItWouldHaveHadAlone() throws IOException {
        Path bad = truncated();
        Throwable alone = catchThrowable(() -> readAlone(bad));
        assertThat(alone).isInstanceOf(BadInputException.class);
        List<CvrInput> inputs = List.of(new CvrInput(copy("a.json", 1), CountingGroup.ELECTION_DAY),
                new CvrInput(bad, CountingGroup.ELECTION_DAY));
        try (CvrReadAhead reading = new CvrReadAhead(inputs, gen01(), CvrReadOptions.Mode.STRICT, 1, 3, 2)) {
            List<CastVoteRecord> first = new ArrayList<>();
            reading.pushTo(0, first::add, b -> { });
            assertThat(first).hasSize(40);
            List<CastVoteRecord> second = new ArrayList<>();
            assertThatThrownBy(() -> reading.pushTo(1, second::add, b -> { }))
                    .isInstanceOf(BadInputException.class).hasMessage(alone.getMessage());
        }
    }

    @Test
    void closingStopsAReadingThatWaitsOnAFullQueue() throws Exception {
        List<CvrInput> inputs = List.of(new CvrInput(copy("a.json", 1), CountingGroup.ELECTION_DAY),
                new CvrInput(copy("b.json", 2), CountingGroup.ELECTION_DAY));
        CvrReadAhead reading = new CvrReadAhead(inputs, gen01(), CvrReadOptions.Mode.STRICT, 1, 1, 1);
        reading.pushTo(0, cvr -> { }, b -> { }); // starts reading b.json, which soon waits: 1 CVR queued of 40
        Thread.sleep(50);
        List<Thread> readers = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("bulwark-read-ahead")).toList();
        assertThat(readers).as("b.json is being read ahead").isNotEmpty();
        reading.close(); // returns once the reading has given up (its thread then only returns)
        for (Thread t : readers) {
            t.join(5_000);
            assertThat(t.isAlive()).as("reading thread still alive after close").isFalse();
        }
    }

    @Test
    void importOfSeveralFilesStopsAtTheFirstBadOneHavingImportedThoseBefore() throws IOException {
        Run.of("import", "election", "--workspace", ws(), ElectionCommandTest.GEN01_JSON.toString());
        Path first = copy("first.json", 1);
        Path bad = truncated();
        Path after = copy("after.json", 2);
        Run run = Run.of("import", "cvr", "--progress", "none", "--workspace", ws(), "--election", "1",
                first.toString(), bad.toString(), after.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).contains("Imported 40 CVRs from " + first).doesNotContain(after.toString());
        assertThat(run.err()).startsWith("bulwark: " + bad + ": line ");
        Run results = Run.of("results", "--workspace", ws());
        assertThat(results.out()).contains("Ballots counted: 40", "From 1 CVR file");
    }

    @Test
    void aFileAlreadyImportedIsRefusedAsSuchEvenWhenAFileAfterItIsBad() throws IOException {
        Run.of("import", "election", "--workspace", ws(), ElectionCommandTest.GEN01_JSON.toString());
        Path first = copy("first.json", 1);
        Run run = Run.of("import", "cvr", "--progress", "none", "--workspace", ws(), "--election", "1",
                first.toString(), first.toString(), truncated().toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("bulwark: This CVR file was already imported").doesNotContain("truncated");
        Run results = Run.of("results", "--workspace", ws());
        assertThat(results.out()).contains("Ballots counted: 40", "From 1 CVR file");
    }

    @Test
    void importOfSeveralGoodFilesImportsEachWhole() throws IOException {
        Run.of("import", "election", "--workspace", ws(), ElectionCommandTest.GEN01_JSON.toString());
        List<String> args = new ArrayList<>(List.of("import", "cvr", "--progress", "none", "--workspace", ws(), "--election", "1"));
        for (int i = 1; i <= 4; i++) {
            args.add(copy("f" + i + ".json", i).toString());
        }
        Run run = Run.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("(CVR import #1)", "(CVR import #2)", "(CVR import #3)", "(CVR import #4)");
        Run results = Run.of("results", "--workspace", ws());
        assertThat(results.out()).contains("Ballots counted: 160", "From 4 CVR files");
    }
}
