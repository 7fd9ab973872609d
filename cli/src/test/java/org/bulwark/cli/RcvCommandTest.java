package org.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RcvCommandTest {
    static final Path CASES = Path.of("..", "testdata", "rctab");
    static final Path TIEBREAK = CASES.resolve("tiebreak_seed_test/tiebreak_seed_test_config.json");

    @TempDir
    Path tmp;

    @Test
    void tabulatesAnRctabCaseIntoRctabsReportsAndNistResults() throws IOException {
        Path out = tmp.resolve("results");
        Run run = Run.of("rcv", "tabulate", "--rctab-config", TIEBREAK.toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(entries(out)).containsExactly("detailed_report.csv", "detailed_report.json", "results_err.json", "results_err.xml");
        assertThat(run.out()).contains("Tiebreak test: 9 ballots", "elected George Gervin after 2 rounds (final threshold 4)",
                out.resolve("detailed_report.csv").toString());
        assertThat(Files.readString(out.resolve("detailed_report.csv")))
                .contains("Eliminated,Yinka Dare*,,,,,", "*Tie resolved in accordance with election law");
        assertThat(Files.readString(out.resolve("results_err.json")))
                .contains("\"Round\" : 2", "ElectionResults.ElectionReport", "\"GeneratedDate\" : \"2028-11-08T02:00:00Z\"");
        assertThat(entries(tmp)).containsExactly("results"); // no staging folder left behind
    }

    @Test
    void aConfigurationWithBadRulesIsExit2NamingEveryProblemAndWritesNothing() throws IOException {
        String config = copyTiebreak(tmp, "\"numberOfWinners\" : \"1\"", "\"numberOfWinners\" : \"seven\"")
                .replace("\"overvoteRule\" : \"alwaysSkipToNextRank\"", "\"overvoteRule\" : \"skipAll\"");
        Path file = Files.writeString(tmp.resolve("bad_config.json"), config);
        Path out = tmp.resolve("out");
        Run run = Run.of("rcv", "tabulate", "--rctab-config", file.toString(), "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(file.toString(), "rules.overvoteRule: \"skipAll\" is not valid",
                "rules.numberOfWinners: \"seven\" is not a whole number from 0 to 3");
        assertThat(out).doesNotExist();
    }

    @Test
    void aTieLeftToAnOfficialStopsWithExit1UnlessTheDecisionIsGiven() throws IOException {
        Path file = Files.writeString(tmp.resolve("ask_config.json"),
                copyTiebreak(tmp, "\"tiebreakMode\" : \"random\"", "\"tiebreakMode\" : \"stopCountingAndAsk\""));
        Path out = tmp.resolve("out");
        Run stopped = Run.of("rcv", "tabulate", "--rctab-config", file.toString(), "--out", out.toString());
        assertThat(stopped.exitCode()).isEqualTo(1);
        assertThat(stopped.err()).contains("round 1: a tie for elimination needs an election official's decision");
        assertThat(out).doesNotExist();

        Run decided = Run.of("rcv", "tabulate", "--rctab-config", file.toString(), "--out", out.toString(),
                "--tie-decision", "Mookie Blaylock", "--tie-decision", "Yinka Dare");
        assertThat(decided.exitCode()).as(decided.err()).isZero();
        assertThat(decided.out()).contains("elected Yinka Dare after 2 rounds");
        assertThat(decided.err()).contains("Round 1: tie between George Gervin, Mookie Blaylock, Yinka Dare decided for Mookie Blaylock");
    }

    /** The tiebreak case's configuration with one text replaced and the CVR path made absolute. */
    private static String copyTiebreak(Path tmp, String from, String to) throws IOException {
        String text = Files.readString(TIEBREAK);
        assertThat(text).contains(from);
        Path cvr = CASES.resolve("_shared/tiebreak_cvr.xlsx").toAbsolutePath().normalize();
        return text.replace(from, to).replace("\"../_shared/tiebreak_cvr.xlsx\"", "\"" + cvr + "\"");
    }

    private static java.util.List<String> entries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
