package org.bulwark.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.bulwark.generate.StatewideGenerator;
import org.bulwark.model.BadInputException;
import org.bulwark.model.CountingGroup;
import org.bulwark.model.Election;
import org.bulwark.model.GpUnitType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bulwark generate}: a synthetic statewide election and its CVRs, for demonstrations, tests and benchmarks. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Generate a synthetic statewide general election shaped like Missouri's (counties and two independent cities, "
                + "precincts and splits, congressional, legislative, county, municipal and school districts) and its ballots.",
            "Writes DIR/election.json (Bulwark JSON) and NIST SP 1500-103 JSON CVR files, one per chunk of authorities and counting group. "
                    + "The same settings and seed always give byte-identical files. Every name in it is invented."},
        footer = {"", "Example:", "  bulwark generate --ballots 1000000 --seed 7 --out statewide"})
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--authorities", paramLabel = "N", description = "Local election authorities (Missouri: 116). Default: ${DEFAULT-VALUE}.")
    int authorities = 116;

    @Option(names = "--precincts", paramLabel = "N", description = "Precincts in all (Missouri: about 3,500). Default: ${DEFAULT-VALUE}.")
    int precincts = 3500;

    @Option(names = "--ballots", paramLabel = "N", description = "Ballots cast in all. Default: ${DEFAULT-VALUE}.")
    long ballots = 100_000;

    @Option(names = "--seed", paramLabel = "S", description = "The random seed. Default: ${DEFAULT-VALUE}.")
    long seed = 1;

    @Option(names = "--ballots-per-file", paramLabel = "N",
            description = "A chunk of CVR files holds whole authorities up to about this many ballots. Default: ${DEFAULT-VALUE}.")
    long ballotsPerFile = StatewideGenerator.DEFAULT_BALLOTS_PER_FILE;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write to (created if needed).")
    Path out;

    @Override
    public Integer call() throws Exception {
        Bulwark root = Bulwark.of(spec);
        StatewideGenerator.Settings settings;
        try {
            settings = new StatewideGenerator.Settings(authorities, precincts, ballots, seed, ballotsPerFile);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        requireEmpty(out);
        Generated g = generate(root.io(), root.progress, settings, out);
        printSummary(root.io(), g);
        root.io().out().println();
        root.io().out().println("Tabulate them with:");
        root.io().out().println("  " + tabulateCommand(g));
        return Bulwark.OK;
    }

    /** Files of an earlier run with other settings would sit beside the new ones and be mistaken for them. */
    static void requireEmpty(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            try (Stream<Path> entries = Files.list(folder)) {
                if (entries.findAny().isPresent()) {
                    throw new BadInputException(folder.toString(), "output folder",
                            "the folder is not empty; generate into a new or empty folder, so that its files are all of one election");
                }
            }
        }
    }

    /** What was generated and where it now is. */
    record Generated(StatewideGenerator generator, Path election, List<StatewideGenerator.CvrOutput> cvrFiles, Path folder) {}

    /** Generates into {@code target} through a staging folder, so a failure leaves it as it was. */
    static Generated generate(Io io, ProgressMode mode, StatewideGenerator.Settings settings, Path target) throws Exception {
        StatewideGenerator generator = StatewideGenerator.create(settings);
        try (OutputFolder folder = OutputFolder.create(target);
                Progress progress = Progress.start(io, mode, "Generating", settings.ballots(), Progress.Measure.BALLOTS)) {
            StatewideGenerator.Output written = generator.writeTo(folder.staging(), n -> progress.update(n, n));
            progress.finish();
            folder.commit();
            List<StatewideGenerator.CvrOutput> moved = new ArrayList<>();
            for (StatewideGenerator.CvrOutput f : written.cvrFiles()) {
                moved.add(new StatewideGenerator.CvrOutput(folder.target().resolve(f.file().getFileName()), f.countingGroup(), f.ballots()));
            }
            return new Generated(generator, folder.target().resolve(StatewideGenerator.ELECTION_FILE), moved, folder.target());
        }
    }

    static void printSummary(Io io, Generated g) {
        Election e = g.generator().election();
        long splits = e.gpUnits().stream().filter(u -> u.type() == GpUnitType.SPLIT_PRECINCT).count();
        StatewideGenerator.Settings s = g.generator().settings();
        io.out().println("Generated \"" + e.title() + "\" in " + g.folder() + ":");
        io.out().println("  " + s.authorities() + " authorities, " + Progress.count(s.precincts()) + " precincts (" + Progress.count(splits)
                + " split), " + e.contests().size() + " contests, " + e.ballotStyles().size() + " ballot styles");
        io.out().println("  " + g.election().getFileName() + " and " + g.cvrFiles().size() + " CVR files with "
                + Progress.count(s.ballots()) + " ballots");
        io.out().flush();
    }

    /** The tabulate command line for what was generated, files grouped by counting group. */
    static String tabulateCommand(Generated g) {
        StringBuilder cmd = new StringBuilder("./bulwark tabulate --election " + g.election());
        for (CountingGroup group : CountingGroup.values()) {
            List<Path> files = g.cvrFiles().stream().filter(f -> f.countingGroup() == group).map(StatewideGenerator.CvrOutput::file).toList();
            if (!files.isEmpty()) {
                cmd.append(" --counting-group ").append(group.nist());
                files.forEach(f -> cmd.append(" --cvr ").append(f));
            }
        }
        return cmd.append(" --out ").append(g.folder().resolve("results")).toString();
    }
}
