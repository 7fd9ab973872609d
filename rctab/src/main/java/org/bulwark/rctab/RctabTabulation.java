package org.bulwark.rctab;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.bulwark.formats.vendor.VendorSource;
import org.bulwark.model.BadInputException;
import org.bulwark.model.ranked.RankedBallot;
import org.bulwark.model.ranked.RankedBallot.Choice;
import org.bulwark.model.ranked.RankedBallot.RankedChoice;
import org.bulwark.tally.rcv.RcvBallots;
import org.bulwark.tally.rcv.RcvOutcome;
import org.bulwark.tally.rcv.RcvPass;
import org.bulwark.tally.rcv.RcvTabulator;
import org.bulwark.tally.rcv.Slice;
import org.bulwark.tally.rcv.TieOperator;

/**
 * Tabulates a contest the way RCTab would, from RCTab's own contest configuration: reads and checks the
 * configuration, reads every cast vote record source it names, tabulates, and writes RCTab's detailed
 * report (detailed_report.json and .csv) and NIST SP 1500-100 v2 results with every round
 * (results_err.json and .xml). Multi-pass IRV writes one report per seat (detailed_report_1.json, ...). With
 * tabulateByPrecinct or tabulateByBatch, each precinct or batch gets a CSV report of its own
 * (p1_precinct_detailed_report.csv, ...).
 *
 * <pre>{@code
 * RctabConfig config = RctabTabulation.readConfig(Path.of("contest_config.json"));
 * RctabTabulation.Report report = RctabTabulation.run(config, VendorCvrs::read, TieOperator.none(),
 *         outputFolder, "Bulwark 0.1.0", Clock.systemUTC());
 * }</pre>
 */
public final class RctabTabulation {
    private RctabTabulation() {}

    /** Reads a source's cast vote records as ranked ballots, in file order. */
    @FunctionalInterface
    public interface CvrReader {
        void read(VendorSource source, Consumer<RankedBallot> ballots) throws IOException;
    }

    /** What came of a run: the outcome, and the files written (none when the tabulation stopped). */
    public record Report(RcvOutcome outcome, List<Path> files, int ballots) {
        public Report {
            files = List.copyOf(files);
        }
    }

    /** Reads and checks a configuration; BadInputException lists every problem with its place. */
    public static RctabConfig readConfig(Path config) throws IOException {
        return ConfigReader.read(config);
    }

    public static Report run(RctabConfig config, CvrReader reader, TieOperator operator, Path outputFolder,
            String generatedBy, Clock clock) throws IOException {
        RcvBallots ballots = readBallots(config, reader);
        Set<Slice> slices = EnumSet.noneOf(Slice.class);
        if (config.output().tabulateByPrecinct()) {
            slices.add(Slice.PRECINCT);
        }
        if (config.output().tabulateByBatch()) {
            slices.add(Slice.BATCH);
        }
        RcvOutcome outcome = RcvTabulator.tabulate(config.contest(), ballots, operator, slices);
        List<Path> files = new ArrayList<>();
        if (outcome instanceof RcvOutcome.Tabulated tabulated) {
            Files.createDirectories(outputFolder);
            boolean several = tabulated.passes().size() > 1;
            for (RcvPass pass : tabulated.passes()) {
                String suffix = several ? "_" + pass.seat() : "";
                DetailedReport report = new DetailedReport(config, pass, generatedBy);
                files.add(write(outputFolder.resolve("detailed_report" + suffix + ".json"), report::writeJson));
                files.add(write(outputFolder.resolve("detailed_report" + suffix + ".csv"), report::writeCsv));
                for (var kind : pass.slices().entrySet()) {
                    Set<String> used = new HashSet<>();
                    for (String name : kind.getValue().keySet()) {
                        DetailedReport part = new DetailedReport(config, pass, generatedBy,
                                new DetailedReport.SliceId(kind.getKey(), name));
                        String file = unique(sanitize(name) + "_" + kind.getKey().word(), used)
                                + "_detailed_report" + suffix + ".csv";
                        files.add(write(outputFolder.resolve(file), part::writeCsv));
                    }
                }
            }
            RoundResults results = new RoundResults(config, tabulated.passes(), generatedBy, clock);
            files.add(write(outputFolder.resolve("results_err.json"), results::writeJson));
            files.add(write(outputFolder.resolve("results_err.xml"), results::writeXml));
        }
        return new Report(outcome, files, ballots.size());
    }

    static RcvBallots readBallots(RctabConfig config, CvrReader reader) throws IOException {
        RcvBallots.Builder builder = RcvBallots.builder(config.contest());
        for (VendorSource source : config.sources()) {
            reader.read(source, ballot -> builder.add(relabel(source, ballot)).ifPresent(problem -> {
                throw new BadInputException(source.path().toString(), "ballot " + ballot.ballotId(), problem);
            }));
        }
        return builder.build();
    }

    /** A choice spelled as the source's overvote or write-in label means that, whatever the reader made of it. */
    private static RankedBallot relabel(VendorSource source, RankedBallot ballot) {
        var labels = source.labels();
        List<RankedChoice> choices = new ArrayList<>(ballot.choices().size());
        boolean changed = false;
        for (RankedChoice rc : ballot.choices()) {
            RankedChoice mapped = rc;
            if (rc.choice() instanceof Choice.Candidate c) {
                if (labels.undeclaredWriteInLabel().filter(c.nameOrCode()::equals).isPresent()) {
                    mapped = new RankedChoice(rc.rank(), new Choice.UndeclaredWriteIn());
                } else if (labels.overvoteLabel().filter(c.nameOrCode()::equals).isPresent()) {
                    mapped = new RankedChoice(rc.rank(), new Choice.Overvote());
                }
            }
            changed |= mapped != rc;
            choices.add(mapped);
        }
        return changed ? new RankedBallot(ballot.ballotId(), ballot.precinct(), ballot.batch(), choices) : ballot;
    }

    /** A precinct or batch name as part of a file name: RCTab's rule, anything unusual becomes "_". */
    static String sanitize(String name) {
        return name.replaceAll("[^a-zA-Z0-9_\\-.]", "_");
    }

    private static String unique(String stem, Set<String> used) {
        String name = stem;
        for (int n = 2; !used.add(name); n++) {
            name = stem + "_" + n;
        }
        return name;
    }

    @FunctionalInterface
    private interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static Path write(Path file, Content content) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            content.writeTo(out);
        }
        return file;
    }
}
