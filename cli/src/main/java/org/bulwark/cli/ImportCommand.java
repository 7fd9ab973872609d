package org.bulwark.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.bulwark.formats.cvr.CvrFileSummary;
import org.bulwark.formats.cvr.CvrReadOptions;
import org.bulwark.model.CountingGroup;
import org.bulwark.model.ElectionIndex;
import org.bulwark.store.ElectionRef;
import org.bulwark.store.HashingCvrSource;
import org.bulwark.store.ImportedFile;
import org.bulwark.store.StoredElection;
import org.bulwark.store.Workspace;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bulwark import ...}: bring election definitions and CVR files into a workspace. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = "Import an election definition or CVR files into a workspace (a SQLite file, ./bulwark.db by default, or PostgreSQL).",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {ImportCommand.ElectionDefinition.class, ImportCommand.Cvr.class})
final class ImportCommand extends CommandGroup {
    @Command(
            name = "election",
            mixinStandardHelpOptions = true,
            description = {"Import an election definition (Bulwark JSON, NIST SP 1500-100 or SP 1500-20, JSON or XML).",
                "The file is kept as given. A definition with errors, or one already imported (same fingerprint), is refused."})
    static final class ElectionDefinition implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOptions workspace;

        @Parameters(paramLabel = "FILE", description = "The election definition file.")
        Path file;

        @Override
        public Integer call() {
            Io io = Bulwark.of(spec).io();
            byte[] bytes = InputFiles.readAll(file);
            try (Workspace ws = workspace.open()) {
                StoredElection stored = StoredElections.importElection(ws, file.toString(), bytes, io.err());
                io.out().println("Imported " + stored.ref() + ": \"" + stored.title() + "\" (" + stored.date() + "), fingerprint "
                        + stored.fingerprint().substring(0, 7) + ", into " + ws.location().describe());
                io.out().println("Next: ./bulwark import cvr --election " + stored.ref().id() + " FILE...");
            }
            return Bulwark.OK;
        }
    }

    @Command(
            name = "cvr",
            mixinStandardHelpOptions = true,
            description = {"Import NIST SP 1500-103 CVR files (JSON or XML) for an election in the workspace.",
                "Each file is imported whole or not at all, in the order given; a file already imported (same SHA-256) is refused."},
            footer = {"", "Examples:",
                "  bulwark import cvr --election 1 --counting-group election-day --cvr scanners.json --counting-group absentee --cvr absentee-1.json --cvr absentee-2.json",
                "  bulwark import cvr --election 1 --counting-group absentee absentee-1.json absentee-2.json"})
    static final class Cvr implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOptions workspace;

        @Option(names = "--election", required = true, paramLabel = "ID", description = "The election's number in the workspace (as import election printed it).")
        long election;

        @Option(names = "--lenient", description = "Accept the older NIST namespace and the spellings some vendors emit (default: strict schema checks).")
        boolean lenient;

        @Option(names = "--threads", paramLabel = "K",
                description = "Threads that parse a JSON file in strict mode, beside the one that imports it. Default: the number of processors (${DEFAULT-VALUE}).")
        int threads = Runtime.getRuntime().availableProcessors();

        @ArgGroup(exclusive = false, multiplicity = "0..*", heading = CvrFileGroup.HEADING)
        List<CvrFileGroup> cvrs = new ArrayList<>(); // picocli adds to it

        @Parameters(paramLabel = "FILE", arity = "0..*",
                description = "CVR files, all of one counting group (the one --counting-group given, election-day by default); "
                        + "for files of several groups use --counting-group GROUP --cvr FILE instead.")
        List<Path> files = new ArrayList<>(); // picocli adds to it

        @Override
        public Integer call() throws Exception {
            Bulwark root = Bulwark.of(spec);
            Io io = root.io();
            if (threads < 1) {
                throw new ParameterException(spec.commandLine(), "--threads must be at least 1, not " + threads);
            }
            List<CvrInput> inputs = inputs();
            inputs.forEach(CvrInput::requireReadable);
            try (Workspace ws = workspace.open()) {
                StoredElection stored = ws.election(new ElectionRef(election));
                ElectionIndex index = ElectionIndex.of(ws.loadElection(stored.ref()));
                CvrReadOptions.Mode mode = lenient ? CvrReadOptions.Mode.LENIENT : CvrReadOptions.Mode.STRICT;
                try (CvrReadAhead reading = new CvrReadAhead(inputs, index, mode, threads)) {
                    for (int i = 0; i < inputs.size(); i++) {
                        CvrInput input = inputs.get(i);
                        ImportedFile imported = importFile(io, root.progress, ws, stored, input, reading, i);
                        io.out().println("Imported " + Progress.count(imported.cvrCount()) + " CVRs from " + input.file() + " as "
                                + imported.countingGroup().nist() + " (CVR import #" + imported.id() + ")");
                        io.out().flush();
                    }
                }
            }
            return Bulwark.OK;
        }

        /** The files in the order given: {@code --cvr} groups as tabulate takes them, or the older FILE... form. */
        private List<CvrInput> inputs() {
            if (files.isEmpty()) {
                return CvrFileGroup.inputs(spec.commandLine(), cvrs);
            }
            if (cvrs.stream().anyMatch(g -> !g.files().isEmpty())) {
                throw new ParameterException(spec.commandLine(),
                        "Give the CVR files either each with --cvr or all at the end (FILE...), not both: " + files.getFirst() + " has no --cvr");
            }
            if (cvrs.size() > 1) {
                throw new ParameterException(spec.commandLine(), "FILE... takes one --counting-group, not " + cvrs.size()
                        + ": for files of several counting groups give each file with --cvr after its --counting-group");
            }
            CountingGroup group = cvrs.isEmpty() ? CountingGroup.ELECTION_DAY : cvrs.getFirst().countingGroup;
            return files.stream().map(f -> new CvrInput(f, group)).toList();
        }
    }

    /** Imports one CVR file in one workspace transaction, showing progress by bytes. */
    static ImportedFile importFile(Io io, ProgressMode progressMode, Workspace ws, StoredElection stored, ElectionIndex index,
            CvrInput input, CvrReadOptions.Mode mode) throws IOException {
        try (CvrReadAhead reading = new CvrReadAhead(List.of(input), index, mode, 1)) {
            return importFile(io, progressMode, ws, stored, input, reading, 0);
        }
    }

    /** As above, for the i-th file of {@code reading}, hashed as it is read. */
    private static ImportedFile importFile(Io io, ProgressMode progressMode, Workspace ws, StoredElection stored,
            CvrInput input, CvrReadAhead reading, int i) throws IOException {
        long size = Files.size(input.file());
        long[] ballots = {0};
        try (Progress progress = Progress.start(io, progressMode, "Importing " + input.file().getFileName(), size, Progress.Measure.BYTES)) {
            ImportedFile imported = ws.importCvrs(stored.ref(), input.file().toString(), input.countingGroup(), sink -> {
                CvrFileSummary read = reading.pushTo(i, cvr -> {
                    ballots[0]++;
                    sink.accept(cvr);
                }, bytes -> progress.update(bytes, ballots[0]));
                return new HashingCvrSource.ReadFile(HexFormat.of().parseHex(read.sha256().orElseThrow()),
                        "NIST SP 1500-103 " + read.format());
            });
            progress.finish();
            return imported;
        }
    }
}
