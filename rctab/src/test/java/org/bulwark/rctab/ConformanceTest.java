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

    /** With tabulateByPrecinct and tabulateByBatch, each precinct and batch gets RCTab's report of its own. */
    @ParameterizedTest
    @ValueSource(strings = {"Tabulate by Precinct/generic_csv_test_expected_%s_precinct_detailed_report.csv:p1,p2,no_precinct_id",
            "Tabulate by Batch/generic_csv_test_expected_%s_batch_detailed_report.csv:b1,b2,no_batch_id"})
    void matchesRctabsReportsByPrecinctAndBatch(String spec) throws IOException {
        Path folder = CASES.resolve("generic_csv_test");
        RctabConfig config = RctabTabulation.readConfig(folder.resolve("generic_csv_test_config.json"));
        RctabTabulation.run(config, VendorCvrs::read, TieOperator.none(), out, "Bulwark test", CLOCK);
        String pattern = spec.substring(0, spec.indexOf(':'));
        String kind = pattern.contains("precinct") ? "precinct" : "batch";
        for (String slice : spec.substring(spec.indexOf(':') + 1).split(",")) {
            ReportComparison.assertCsvMatches(out.resolve(slice + "_" + kind + "_detailed_report.csv"),
                    folder.resolve(pattern.formatted(slice)));
        }
    }

    /**
     * More of RCTab's published cases (its repository's test_data, RCTab 2.0.0 reports): the park board
     * contest counted with the Hare quota, bottoms-up, and as multi-pass IRV (one report per seat). Their
     * configurations are the park board's with the one rule changed; RCTab published the CSV reports.
     */
    @ParameterizedTest
    @ValueSource(strings = {"2013_minneapolis_park_hare", "2013_minneapolis_park_bottoms_up",
            "2013_minneapolis_park_sequential"})
    void matchesRctabsPublishedVariantsOfTheParkBoardContest(String name) throws IOException {
        Path folder = CASES.resolve(name);
        RctabConfig config = RctabTabulation.readConfig(folder.resolve(name + "_config.json"));
        RctabTabulation.Report report = RctabTabulation.run(config, VendorCvrs::read, TieOperator.none(), out,
                "Bulwark test", CLOCK);
        assertThat(report.outcome()).isInstanceOf(RcvOutcome.Tabulated.class);
        if (name.endsWith("sequential")) {
            for (int seat = 1; seat <= 3; seat++) {
                ReportComparison.assertCsvMatches(out.resolve("detailed_report_" + seat + ".csv"),
                        folder.resolve(name + "_" + seat + "_expected_detailed_report.csv"));
            }
        } else {
            ReportComparison.assertCsvMatches(out.resolve("detailed_report.csv"),
                    folder.resolve(name + "_expected_detailed_report.csv"));
        }
    }
}
