package org.bulwark.cli;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.bulwark.formats.vendor.VendorCvrs;
import org.bulwark.rctab.RctabConfig;
import org.bulwark.rctab.RctabTabulation;
import org.bulwark.tally.rcv.RcvOutcome;
import org.bulwark.tally.rcv.RcvPass;
import org.bulwark.tally.rcv.RcvRound;
import org.bulwark.tally.rcv.TieOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bulwark rcv}: ranked-choice contests. */
@Command(name = "rcv", mixinStandardHelpOptions = true,
        description = "Ranked-choice contests, tabulated with RCTab's rules.",
        subcommands = {RcvCommand.Tabulate.class})
final class RcvCommand extends CommandGroup {

    /** {@code bulwark rcv tabulate}: an RCTab contest configuration in, RCTab's detailed report out. */
    @Command(name = "tabulate", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Tabulate a ranked-choice contest described by an RCTab contest configuration (the cast vote "
                    + "record files it names are read from paths relative to it) and write RCTab's detailed report "
                    + "(detailed_report.json, detailed_report.csv; one pair per seat for multi-pass IRV) and the "
                    + "results with every round as NIST SP 1500-100 v2 (results_err.json, results_err.xml).",
                "Nothing is written unless every file is good and the count completes: a bad file stops the command "
                        + "with exit code 2, a tie the rules leave to an official and no --tie-decision for it with "
                        + "exit code 1."},
            footer = {"", "Example:", "  bulwark rcv tabulate --rctab-config portland_config.json --out results"})
    static final class Tabulate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--rctab-config", required = true, paramLabel = "CONFIG.json",
                description = "The RCTab contest configuration.")
        Path config;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write the reports to (created if needed).")
        Path out;

        @Option(names = "--tie-decision", paramLabel = "CANDIDATE",
                description = "For tiebreakMode stopCountingAndAsk (or previousRoundCountsThenAsk): the candidate an "
                        + "election official chose, one option per tie in the order the ties arise.")
        List<String> tieDecisions = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            Bulwark root = Bulwark.of(spec);
            Io io = root.io();
            RctabConfig contest = RctabTabulation.readConfig(config);
            Deque<String> decisions = new ArrayDeque<>(tieDecisions);
            TieOperator operator = tie -> {
                String choice = decisions.poll();
                if (choice != null) {
                    io.err().println("Round " + tie.round() + ": tie between " + String.join(", ", tie.candidates())
                            + " decided for " + choice + " (--tie-decision)");
                }
                return Optional.ofNullable(choice);
            };
            RctabTabulation.Report report;
            try (OutputFolder folder = OutputFolder.create(out)) {
                report = RctabTabulation.run(contest, VendorCvrs::read, operator, folder.staging(),
                        "Bulwark " + SoftwareVersion.get(), io.clock());
                if (report.outcome() instanceof RcvOutcome.Stopped stopped) {
                    io.err().println("bulwark: " + contest.output().contestName() + ": tabulation stopped: "
                            + stopped.reason() + "; nothing was written (give the official's choice with --tie-decision)");
                    return Bulwark.FAILURE;
                }
                folder.commit();
            }
            print(io, contest, report);
            return Bulwark.OK;
        }

        private void print(Io io, RctabConfig contest, RctabTabulation.Report report) {
            io.out().println(contest.output().contestName() + ": " + report.ballots() + " ballots");
            List<RcvPass> passes = ((RcvOutcome.Tabulated) report.outcome()).passes();
            for (RcvPass pass : passes) {
                RcvRound last = pass.rounds().get(pass.rounds().size() - 1);
                io.out().println((passes.size() > 1 ? "Seat " + pass.seat() + ": " : "") + "elected " + String.join(", ", pass.winners())
                        + " after " + pass.rounds().size() + " round" + (pass.rounds().size() == 1 ? "" : "s")
                        + " (final threshold " + last.threshold() + ")");
            }
            io.out().println("Reports:");
            for (Path file : report.files()) {
                io.out().println("  " + out.resolve(file.getFileName()));
            }
        }
    }
}
