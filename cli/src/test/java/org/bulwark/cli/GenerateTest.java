package org.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bulwark.generate.StatewideGenerator;
import org.bulwark.model.ContestId;
import org.bulwark.model.CvrContest;
import org.bulwark.model.ElectionIndex;
import org.bulwark.model.results.ContestCounts;
import org.bulwark.model.results.ContestResult;
import org.bulwark.model.results.ElectionResults;
import org.bulwark.tally.PartialTally;
import org.bulwark.tally.Tabulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateTest {
    @TempDir
    Path tmp;

    @Test
    void generatedElectionTabulatesWithTheCommandItPrints() throws IOException {
        Path dir = tmp.resolve("gen");
        Run gen = Run.of("generate", "--authorities", "8", "--precincts", "40", "--ballots", "900", "--seed", "5",
                "--ballots-per-file", "400", "--out", dir.toString());
        assertThat(gen.exitCode()).as(gen.err()).isZero();
        assertThat(gen.out()).contains("8 authorities, 40 precincts", "900 ballots", "Tabulate them with:");
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()).toList()).contains("election.json", "cvr-01-election-day.json");

        String command = gen.out().lines().filter(l -> l.startsWith("  ./bulwark tabulate")).findFirst().orElseThrow().strip();
        String[] args = command.substring("./bulwark ".length()).split(" ");
        Run tab = Run.of(args);
        assertThat(tab.exitCode()).as(tab.err()).isZero();
        assertThat(tab.out()).contains("Ballots counted: 900 (");
        assertThat(dir.resolve("results/results.pdf")).exists();

        Run validate = Run.of("election", "validate", dir.resolve("election.json").toString());
        assertThat(validate.exitCode()).isZero();
        assertThat(validate.out()).contains("No problems found.");
    }

    /** Files read at once by several threads give, byte for byte, the results of one thread reading them in turn. */
    @Test
    void tabulationGivesTheSameResultsFilesWithAnyNumberOfThreads() throws IOException {
        Path dir = tmp.resolve("gen");
        Run gen = Run.of("generate", "--authorities", "8", "--precincts", "40", "--ballots", "3000", "--seed", "11",
                "--ballots-per-file", "500", "--out", dir.toString());
        assertThat(gen.exitCode()).as(gen.err()).isZero();
        String command = gen.out().lines().filter(l -> l.startsWith("  ./bulwark tabulate")).findFirst().orElseThrow().strip();
        String[] args = command.substring("./bulwark ".length(), command.indexOf(" --out ")).split(" ");
        assertThat(Arrays.stream(args).filter("--cvr"::equals).count()).isGreaterThan(4);

        String[] reports = {"results.json", "results.xml", "results.csv"};
        Map<String, String> expected = new HashMap<>();
        for (int threads : new int[] {1, 2, 3, 16}) {
            Path out = tmp.resolve("results-" + threads);
            List<String> withThreads = new ArrayList<>(Arrays.asList(args));
            withThreads.addAll(List.of("--threads", Integer.toString(threads), "--out", out.toString()));
            Run tab = Run.of(withThreads.toArray(String[]::new));
            assertThat(tab.exitCode()).as(tab.err()).isZero();
            assertThat(tab.out()).contains("Ballots counted: 3,000 (");
            for (String report : reports) {
                String content = Files.readString(out.resolve(report));
                assertThat(content).as("%s with %d threads", report, threads).isEqualTo(expected.computeIfAbsent(report, r -> content));
            }
        }
    }

    @Test
    void generateRefusesAFolderThatHoldsOtherFiles() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("used"));
        Files.writeString(dir.resolve("cvr-09-absentee.json"), "{}");
        Run run = Run.of("generate", "--authorities", "2", "--precincts", "4", "--ballots", "10", "--out", dir.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("bulwark: " + dir + ": output folder: the folder is not empty; generate into a new or empty "
                + "folder, so that its files are all of one election" + System.lineSeparator());
        assertThat(TabulateCommandTest.entries(dir)).containsExactly("cvr-09-absentee.json");
    }

    @Test
    void settingsOutOfRangeAreUsageErrors() {
        Run run = Run.of("generate", "--authorities", "20", "--precincts", "10", "--out", tmp.resolve("g").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("precincts must be between the number of authorities (20) and 100000, not 10");
        assertThat(tmp.resolve("g")).doesNotExist();
    }

    /** The over- and undervotes the generator records on each ballot are what the tabulator counts from its marks. */
    @Test
    void recordedOverAndUndervotesAgreeWithTabulation() {
        StatewideGenerator g = StatewideGenerator.create(new StatewideGenerator.Settings(10, 60, 20_000, 9));
        ElectionIndex index = ElectionIndex.of(g.election());
        PartialTally tally = Tabulator.of(index).newPartial();
        Map<ContestId, long[]> recorded = new HashMap<>();
        g.castVoteRecords(cvr -> {
            tally.add(cvr);
            for (CvrContest c : cvr.contests()) {
                long[] r = recorded.computeIfAbsent(c.contest(), k -> new long[2]);
                r[0] += c.recordedOvervotes().orElseThrow();
                r[1] += c.recordedUndervotes().orElseThrow();
            }
        });
        ElectionResults results = tally.results();
        long overvoted = 0;
        for (ContestResult r : results.contests()) {
            ContestCounts total = r.counts().total();
            assertThat(new long[] {total.overvotes(), total.undervotes()}).as(r.contest().value()).containsExactly(recorded.get(r.contest()));
            overvoted += total.overvotes();
        }
        assertThat(overvoted).isPositive();
        assertThat(results.ballots().total().counted()).isEqualTo(20_000);
    }
}
