package org.bulwark.rctab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.bulwark.formats.vendor.VendorCvrs;
import org.bulwark.tally.rcv.RcvOutcome;
import org.bulwark.tally.rcv.TieOperator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RCTab's sample cases: the same configuration and ballots give RCTab's detailed report, line for line. */
class ConformanceTest {
    static final Path CASES = Path.of("..", "testdata", "rctab");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-03T20:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path out;

    @ParameterizedTest
    @ValueSource(strings = {"tiebreak_seed_test", "2013_minneapolis_park", "2015_portland_mayor", "generic_csv_test",
            "test_set_0_skipped_first_choice", "test_set_1_exhaust_at_overvote", "test_set_2_overvote_skip_to_next",
            "clear_ballot_kansas_primary", "dominion_alaska", "hart_cedar_park_school_board"})
    void matchesRctabsDetailedReport(String name) throws IOException {
        Path folder = CASES.resolve(name);
        RctabConfig config = RctabTabulation.readConfig(folder.resolve(name + "_config.json"));
        RctabTabulation.Report report = RctabTabulation.run(config, VendorCvrs::read, TieOperator.none(),
                out, "Bulwark test", CLOCK);
        assertThat(report.outcome()).isInstanceOf(RcvOutcome.Tabulated.class);
        ReportComparison.assertCsvMatches(out.resolve("detailed_report.csv"),
                folder.resolve(name + "_expected_detailed_report.csv"));
        ReportComparison.assertJsonMatches(out.resolve("detailed_report.json"),
                folder.resolve(name + "_expected_detailed_report.json"));
    }
}
