package org.bulwark.rctab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bulwark.formats.vendor.VendorCvrs;
import org.bulwark.model.BadInputException;
import org.bulwark.tally.rcv.RcvOutcome;
import org.bulwark.tally.rcv.TieOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RctabTabulationTest {
    static final Path GENERIC = ConformanceTest.CASES.resolve("generic_csv_test");

    @TempDir
    Path tmp;

    @Test
    void aBallotRankingSomeoneWhoIsNotACandidateIsRefusedNamingFileAndBallot() throws IOException {
        // the same contest with one candidate column renamed: its rankings name nobody the configuration knows
        Files.writeString(tmp.resolve("generic_csv_test_cvr.csv"),
                Files.readString(GENERIC.resolve("generic_csv_test_cvr.csv")).replaceFirst("Broccoli", "Kale"));
        Path config = Files.writeString(tmp.resolve("config.json"),
                Files.readString(GENERIC.resolve("generic_csv_test_config.json")));
        RctabConfig contest = RctabTabulation.readConfig(config);
        Path out = tmp.resolve("out");
        assertThatThrownBy(() -> RctabTabulation.run(contest, VendorCvrs::read, TieOperator.none(), out, "test",
                ConformanceTest.CLOCK)).isInstanceOfSatisfying(BadInputException.class, e -> {
                    assertThat(e.file()).endsWith("generic_csv_test_cvr.csv");
                    assertThat(e.place()).startsWith("ballot ");
                    assertThat(e.problem()).contains("\"Kale\"", "is not a candidate of this contest");
                });
        assertThat(out).doesNotExist();
    }

    @Test
    void aCountStoppedEarlyByTheRulesStillReportsItsRounds() throws IOException {
        Path source = ConformanceTest.CASES.resolve("2015_portland_mayor/2015_portland_mayor_config.json");
        String text = Files.readString(source).replace("\"stopTabulationEarlyAfterRound\" : \"\"",
                "\"stopTabulationEarlyAfterRound\" : \"2\"");
        RctabConfig contest = ConfigReaderTest.readAs(source, text);
        RctabTabulation.Report report = RctabTabulation.run(contest, VendorCvrs::read, TieOperator.none(), tmp, "test",
                ConformanceTest.CLOCK);
        var pass = ((RcvOutcome.Tabulated) report.outcome()).passes().get(0);
        assertThat(pass.rounds()).hasSize(2);
        assertThat(pass.winners()).isEmpty();
        assertThat(Files.readAllLines(tmp.resolve("detailed_report.csv"))).contains("Winner(s),")
                .anyMatch(line -> line.contains("Round 2 Votes")).noneMatch(line -> line.contains("Round 3 Votes"));
    }
}
