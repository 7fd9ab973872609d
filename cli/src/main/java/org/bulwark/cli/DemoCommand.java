package org.bulwark.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.bulwark.formats.cvr.CvrReadOptions;
import org.bulwark.generate.StatewideGenerator;
import org.bulwark.model.ElectionIndex;
import org.bulwark.store.ElectionRef;
import org.bulwark.store.StoredElection;
import org.bulwark.store.Workspace;
import org.bulwark.store.WorkspaceException;
import org.bulwark.store.WorkspaceLocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bulwark demo}: the whole path, from election definition to results reports, on a small synthetic election. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {"Show Bulwark end to end on a small synthetic statewide election: generate it (116 authorities, 600 precincts, "
                + "20,000 ballots), import it into a demo workspace, tabulate it and write the reports.",
            "Running it again regenerates the same files and reuses what the demo workspace already holds."})
final class DemoCommand implements Callable<Integer> {
    static final StatewideGenerator.Settings SETTINGS = new StatewideGenerator.Settings(116, 600, 20_000, 2028);
    static final String WORKSPACE_FILE = "demo-workspace.db";

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", description = "Where to put the demo's files and workspace. Default: ${DEFAULT-VALUE}.")
    Path dir = Path.of("bulwark-demo");

    @Override
    public Integer call() throws Exception {
        Bulwark root = Bulwark.of(spec);
        Io io = root.io();
        io.out().println("1. Generating a synthetic statewide election");
        GenerateCommand.Generated g = GenerateCommand.generate(io, root.progress, SETTINGS, dir);
        GenerateCommand.printSummary(io, g);

        Path workspaceFile = g.folder().resolve(WORKSPACE_FILE);
        io.out().println();
        io.out().println("2. Importing it into the demo workspace " + workspaceFile);
        try (Workspace ws = Workspace.open(new WorkspaceLocation.SqliteFile(workspaceFile))) {
            StoredElection stored = importElection(io, ws, g.election());
            ElectionIndex index = ElectionIndex.of(ws.loadElection(stored.ref()));
            long imported = 0;
            long reused = 0;
            for (StatewideGenerator.CvrOutput f : g.cvrFiles()) {
                try {
                    ImportCommand.importFile(io, root.progress, ws, stored, index, new CvrInput(f.file(), f.countingGroup()),
                            CvrReadOptions.Mode.STRICT);
                    imported++;
                } catch (WorkspaceException.DuplicateImport e) {
                    reused++;
                }
            }
            io.out().println("  CVR files: " + imported + " imported" + (reused == 0 ? "" : ", " + reused + " already there from an earlier run"));

            io.out().println();
            io.out().println("3. Tabulating");
            ResultsCommand.run(io, root.progress, ws, stored, Optional.of(g.folder().resolve("results")), Runtime.getRuntime().availableProcessors());
        }
        io.out().println();
        io.out().println("Next, try:");
        io.out().println("  ./bulwark election validate " + g.election());
        io.out().println("  ./bulwark results --workspace " + workspaceFile);
        io.out().println("  " + GenerateCommand.tabulateCommand(g));
        return Bulwark.OK;
    }

    /** Imports the definition, or finds it from an earlier run by its fingerprint. */
    private static StoredElection importElection(Io io, Workspace ws, Path file) {
        try {
            StoredElection stored = StoredElections.importElection(ws, file.toString(), InputFiles.readAll(file), io.err());
            io.out().println("  Election definition imported as " + stored.ref());
            return stored;
        } catch (WorkspaceException.DuplicateImport e) {
            StoredElection earlier = ws.election(new ElectionRef(e.earlierId()));
            io.out().println("  Election definition already imported by an earlier run, as " + earlier.ref() + ": reusing it");
            return earlier;
        }
    }
}
