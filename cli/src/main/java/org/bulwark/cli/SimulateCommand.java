package org.bulwark.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.bulwark.device.PollingPlaceSimulation;
import org.bulwark.generate.StatewideGenerator;
import org.bulwark.ledger.exchange.LatRecord;
import org.bulwark.model.Election;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bulwark simulate ...}: rehearsals of election-day work with real devices, keys and packages. */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        description = "Rehearse election-day work end to end and keep every report, paper record and package for people to look at.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {SimulateCommand.PollingPlace.class})
final class SimulateCommand extends CommandGroup {
    @Command(name = "polling-place", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Rehearse a polling place's day: election package, device set-up and loading, the public L&A test, readiness "
                    + "clearance, opening (zero report), N random valid ballots with a few overvotes and write-ins, closing (results report) "
                    + "and the signed results packages.",
                "DIR receives reports/, paper/ (every paper record, named by its random ballot id), results/ (signed packages), lat/, deck/, "
                    + "usb/, keys/ (rehearsal keys: the passphrase is in keys/PASSPHRASE.txt) and devices/ (each memory card)."})
    static final class PollingPlace implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--ballots", required = true, paramLabel = "N", description = "Ballots cast in the day, over all devices.")
        int ballots;

        @Option(names = "--devices", defaultValue = "2", paramLabel = "K", description = "Devices at the polling place, alternately scanner and ballot-marking device. Default: ${DEFAULT-VALUE}.")
        int devices;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to leave everything in (must be new or empty).")
        Path out;

        @Option(names = "--election", paramLabel = "FILE", description = "The election; default: a small generated one (one authority, two precincts).")
        Path election;

        @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed of the day's random ballots. Default: ${DEFAULT-VALUE}.")
        long seed;

        @Override
        public Integer call() throws Exception {
            Io io = Bulwark.of(spec).io();
            PollingPlaceSimulation.Settings settings;
            try {
                settings = new PollingPlaceSimulation.Settings(ballots, devices, seed, SoftwareVersion.get());
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            GenerateCommand.requireEmpty(out);
            Election e = election != null ? Elections.loadUsable(election, io.err()).election()
                    : StatewideGenerator.create(new StatewideGenerator.Settings(1, 2, 1, seed)).election();
            PollingPlaceSimulation.Summary s = PollingPlaceSimulation.run(e, out, settings);
            io.out().println("Rehearsed \"" + e.title() + "\" at a polling place with " + devices + " devices in " + out + ":");
            io.out().println("  L&A tests: " + s.latRecords().stream().filter(LatRecord::passed).count() + " of " + s.latRecords().size()
                    + " passed");
            io.out().println("  ballots cast: " + s.ballotsCast() + " (" + s.ballotsReturned() + " overvoted ballots returned to voters and"
                    + " corrected; " + s.writeIns() + " write-ins)");
            io.out().println("  paper records: " + out.resolve("paper") + ", reports: " + out.resolve("reports"));
            s.resultsPackages().forEach(p -> io.out().println("  signed results package: " + p));
            return Bulwark.OK;
        }
    }
}
