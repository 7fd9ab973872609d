package org.bulwark.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.bulwark.formats.cvr.CvrReadOptions;
import org.bulwark.formats.election.LoadedElection;
import org.bulwark.model.ElectionIndex;
import org.bulwark.model.results.ElectionResults;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bulwark tabulate}: election definition + CVR files in, results files out; no workspace. */
@Command(
        name = "tabulate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Tabulate CVR files against an election definition and write the results to a folder: "
                + "results.json and results.xml (NIST SP 1500-100 v2), results.csv and results.pdf.",
            "Nothing is written unless every file is good: a bad file stops the command with exit code 2 and leaves the folder as it was."},
        footer = {"", "Example:",
            "  bulwark tabulate --election election.json --counting-group election-day --cvr scanners.json --counting-group absentee --cvr absentee.json --out results"})
final class TabulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--election", required = true, paramLabel = "FILE",
            description = "The election definition: Bulwark JSON, NIST SP 1500-100 election report or SP 1500-20 ballot definition (JSON or XML).")
    Path election;

    @ArgGroup(exclusive = false, multiplicity = "0..*", heading = CvrFileGroup.HEADING)
    List<CvrFileGroup> cvrs = new ArrayList<>(); // picocli adds to it

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write the results to (created if needed).")
    Path out;

    @Option(names = "--threads", paramLabel = "K", description = "Threads that read and count: each takes a CVR file at a time; with fewer files than threads, the spare ones parse pieces of a file (strict JSON). Default: the number of processors (${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--lenient", description = "Accept the older NIST namespace and the spellings some vendors emit (default: strict schema checks).")
    boolean lenient;

    @Override
    public Integer call() throws Exception {
        Bulwark root = Bulwark.of(spec);
        Io io = root.io();
        if (threads < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be at least 1, not " + threads);
        }
        List<CvrInput> inputs = CvrFileGroup.inputs(spec.commandLine(), cvrs);
        LoadedElection loaded = Elections.loadUsable(election, io.err());
        ElectionIndex index = ElectionIndex.of(loaded.election());
        ElectionResults results;
        Path written;
        try (OutputFolder folder = OutputFolder.create(out)) {
            results = Tabulation.fromFiles(io, root.progress, index, inputs,
                    lenient ? CvrReadOptions.Mode.LENIENT : CvrReadOptions.Mode.STRICT, threads);
            Tabulation.writeReports(folder, index, results, io.clock(), threads);
            folder.commit();
            written = folder.target();
        }
        ResultsPrinter.print(io.out(), index, results, 3);
        io.out().println();
        Tabulation.printReportPaths(io, written);
        return Bulwark.OK;
    }
}
