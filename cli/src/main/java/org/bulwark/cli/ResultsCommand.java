package org.bulwark.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.bulwark.formats.results.ResultsExport;
import org.bulwark.formats.results.ResultsFormat;
import org.bulwark.model.ElectionIndex;
import org.bulwark.model.results.ElectionResults;
import org.bulwark.store.ImportedFile;
import org.bulwark.store.ResultsSummary;
import org.bulwark.store.StoredElection;
import org.bulwark.store.StoredResults;
import org.bulwark.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bulwark results}: tabulate what a workspace holds for an election, save and report it. */
@Command(
        name = "results",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        subcommands = ResultsCertifyCommand.class,
        description = {"Tabulate every CVR imported for an election, save the results in the workspace and print a summary.",
            "With --out, also write results.json and results.xml (NIST SP 1500-100 v2), results.csv and results.pdf."})
final class ResultsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOptions workspace;

    @Option(names = "--election", paramLabel = "ID", description = "The election's number in the workspace; may be left out when it holds only one.")
    Optional<Long> election;

    @Option(names = "--out", paramLabel = "DIR", description = "A folder to write the results files to (created if needed).")
    Optional<Path> out;

    @Option(names = "--threads", paramLabel = "K", description = "Tally threads. Default: the number of processors (${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() throws Exception {
        Bulwark root = Bulwark.of(spec);
        if (threads < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be at least 1, not " + threads);
        }
        try (Workspace ws = workspace.open()) {
            StoredElection stored = StoredElections.pick(ws, election);
            run(root.io(), root.progress, ws, stored, out, threads);
        }
        return Bulwark.OK;
    }

    /**
     * Tabulates, saves and prints; writes the files when asked. The output folder is checked before
     * anything is counted or saved, so a bad --out changes nothing. Returns where the files went.
     */
    static Optional<Path> run(Io io, ProgressMode progress, Workspace ws, StoredElection stored, Optional<Path> out, int threads)
            throws IOException, InterruptedException {
        Optional<OutputFolder> folder = out.isPresent() ? Optional.of(OutputFolder.create(out.get())) : Optional.empty();
        try {
            ElectionIndex index = ElectionIndex.of(ws.loadElection(stored.ref()));
            var files = ws.importedFiles(stored.ref());
            long expected = files.stream().mapToLong(ImportedFile::cvrCount).sum();
            ElectionResults results = Tabulation.fromWorkspace(io, progress, ws, stored.ref(), index, expected, threads);
            if (folder.isPresent()) {
                Tabulation.writeReports(folder.get(), index, results, io.clock(), threads);
            }
            StoredResults saved = ws.saveResults(stored.ref(), nistJson(index, results, io),
                    new ResultsSummary(results.ballots().total().counted(), files.size(), results.contests().size()));
            if (folder.isPresent()) {
                folder.get().commit();
            }
            ResultsPrinter.print(io.out(), index, results, 3);
            io.out().println();
            io.out().println("From " + files.size() + (files.size() == 1 ? " CVR file" : " CVR files") + " in " + ws.location().describe()
                    + "; saved as results run #" + saved.id() + " of " + stored.ref() + ".");
            folder.ifPresent(f -> Tabulation.printReportPaths(io, f.target()));
            return folder.map(OutputFolder::target);
        } finally {
            folder.ifPresent(OutputFolder::close);
        }
    }

    private static byte[] nistJson(ElectionIndex index, ElectionResults results, Io io) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ResultsExport.write(ResultsFormat.NIST_JSON, index, results, Tabulation.header(index, io.clock()), bytes);
        return bytes.toByteArray();
    }
}
