package org.bulwark.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.bulwark.generate.StatewideGenerator;
import org.bulwark.model.Election;
import org.bulwark.model.GpUnit;
import org.bulwark.server.Portal;
import org.bulwark.store.LogCheck;
import org.bulwark.store.StoredElection;
import org.bulwark.store.Workspace;
import org.bulwark.store.WorkspaceLocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bulwark demo}: the whole story of a statewide election in one workspace, prepared through
 * the same code the other commands use, then the web portal over it with the sign-in details printed.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Show Bulwark end to end on a synthetic statewide election (116 authorities, 600 precincts, 20,000 ballots), "
                + "with data in every stage: keys and trust, voting equipment with seals, custody and incidents, L&A tests, "
                + "signed results packages imported and tabulated, a risk-limiting audit under way. Then start the web portal "
                + "on this machine and print how to sign in; Ctrl-C stops it.",
            "Preparing takes a minute or two. Running it again with the same --dir reuses the prepared demo "
                + "(--fresh prepares it anew)."})
final class DemoCommand implements Callable<Integer> {
    static final StatewideGenerator.Settings SETTINGS = new StatewideGenerator.Settings(116, 600, 20_000, 2028, 1);
    static final String WORKSPACE_FILE = "workspace.db";
    /** Written last: its presence says the demo in the folder is complete, and it holds the sign-in details to show again. */
    static final String SIGN_IN_FILE = "sign-in.txt";
    private static final String HOST = "127.0.0.1";

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", description = "The port the portal listens on, on this machine only (0: any free one). "
            + "Default: ${DEFAULT-VALUE}.")
    int port = 8080;

    @Option(names = "--dir", paramLabel = "DIR", description = "Where the demo's workspace and files go. Default: ${DEFAULT-VALUE}.")
    Path dir = Path.of("demo");

    @Option(names = "--no-serve", description = "Prepare the demo (or find it prepared) and exit without starting the portal.")
    boolean noServe;

    @Option(names = "--fresh", description = "Delete the demo prepared in DIR by an earlier run and prepare it anew.")
    boolean fresh;

    @Override
    public Integer call() throws Exception {
        Bulwark root = Bulwark.of(spec);
        Io io = root.io();
        if (port < 0 || port > 65_535) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--port " + port + " is not a port: use 1 to 65535 (or 0 for any free one)");
        }
        // Checked before the preparation, so that nobody waits two minutes to learn the port is taken.
        Optional<String> busy = noServe ? Optional.empty() : portInUse(port);
        if (busy.isPresent()) {
            io.err().println("bulwark: demo: " + busy.get());
            return Bulwark.BAD_INPUT;
        }
        Path workspace = dir.resolve(WORKSPACE_FILE);
        Path signIn = dir.resolve(SIGN_IN_FILE);
        switch (folderState(dir)) {
            case EMPTY -> prepare(io, root.progress);
            case PREPARED -> {
                if (fresh) {
                    io.out().println("Deleting the demo prepared earlier in " + dir + " (--fresh).");
                    deleteDemo(dir);
                    prepare(io, root.progress);
                } else {
                    io.out().println("The demo in " + dir + " was prepared by an earlier run: reusing it as it is (give --fresh to prepare it anew).");
                }
            }
            case UNFINISHED -> {
                if (!fresh) {
                    io.err().println("bulwark: " + dir + ": demo folder: an earlier run stopped before the demo was prepared (there is no "
                            + SIGN_IN_FILE + "); run again with --fresh to delete it and start over, or choose another --dir");
                    return Bulwark.BAD_INPUT;
                }
                io.out().println("Deleting the unfinished demo in " + dir + " (--fresh).");
                deleteDemo(dir);
                prepare(io, root.progress);
            }
            case OTHER -> {
                io.err().println("bulwark: " + dir + ": demo folder: it is neither a new or empty folder nor a Bulwark demo's; the demo "
                        + "neither uses nor deletes what is there: choose another --dir");
                return Bulwark.BAD_INPUT;
            }
        }
        List<String> accounts = Files.readAllLines(signIn, StandardCharsets.UTF_8);
        io.out().println();
        if (noServe) {
            io.out().println("The demo is ready. Start the portal over it with:");
            io.out().println("  ./bulwark serve --port " + (port == 0 ? 8080 : port) + " --workspace " + workspace);
            io.out().println("and sign in as:");
            accounts.forEach(io.out()::println);
            return Bulwark.OK;
        }
        Portal portal;
        try {
            portal = Portal.start(new Portal.Settings(new WorkspaceLocation.SqliteFile(workspace), HOST, port, Optional.empty(), io.clock()));
        } catch (RuntimeException e) {
            io.err().println("bulwark: demo: the portal could not start on port " + port + " (" + e.getMessage() + "); choose another with --port");
            return Bulwark.FAILURE;
        }
        String base = "http://localhost:" + portal.port();
        ServeCommand.serveUntilStopped(io, portal, () -> {
            io.out().println("The Bulwark portal is running at " + base + "/ over the demo workspace " + workspace + ".");
            io.out().println("  Public page (no sign-in): " + base + "/public");
            io.out().println("  Sign in at " + base + "/signin as:");
            accounts.forEach(io.out()::println);
            io.out().println("Stop it with Ctrl-C.");
        });
        return Bulwark.OK;
    }

    /** What a demo folder holds. */
    enum FolderState {
        /** Nothing yet (or not there): the demo is prepared in it. */
        EMPTY,
        /** A complete demo from an earlier run. */
        PREPARED,
        /** A demo whose preparation stopped part way (stopped, or failed). */
        UNFINISHED,
        /** Files of something else (or a file, not a folder). */
        OTHER
    }

    static FolderState folderState(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return FolderState.EMPTY;
        }
        if (!Files.isDirectory(dir)) {
            return FolderState.OTHER;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            List<String> names = entries.map(p -> p.getFileName().toString()).toList();
            if (names.isEmpty()) {
                return FolderState.EMPTY;
            }
            if (names.contains(SIGN_IN_FILE)) {
                return FolderState.PREPARED;
            }
            return names.contains(WORKSPACE_FILE) ? FolderState.UNFINISHED : FolderState.OTHER;
        }
    }

    /** Deletes a demo folder's contents; called only on a folder {@link #folderState} found to be a demo's. */
    private static void deleteDemo(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dir)).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Why the portal could not listen on the port, if another program holds it. */
    private static Optional<String> portInUse(int port) {
        if (port == 0) {
            return Optional.empty();
        }
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName(HOST))) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("port " + port + " on this machine is in use (by another program, or a demo still running); stop it, or give "
                    + "another with --port, or prepare only with --no-serve");
        }
    }

    /** Work of a known number of steps, which it reports one by one. */
    interface Stepped<T> {
        T run(Runnable step) throws Exception;
    }

    /** Runs {@code work} with a progress bar of its steps. */
    private static <T> T stepped(Io io, ProgressMode mode, String label, long steps, Stepped<T> work) throws Exception {
        try (Progress p = Progress.start(io, mode, label, steps, Progress.Measure.STEPS)) {
            long[] done = {0};
            T result = work.run(() -> p.update(++done[0], 0));
            p.finish();
            return result;
        }
    }

    /** Every stage, in the order they happen in an election; the sign-in file is written last. */
    private void prepare(Io io, ProgressMode progress) throws Exception {
        Files.createDirectories(dir);
        Path workspace = dir.resolve(WORKSPACE_FILE);
        io.out().println("Preparing the Bulwark demo in " + dir + " (a minute or two).");
        io.out().println();
        io.out().println("1. The election: a synthetic statewide general election");
        GenerateCommand.Generated g = GenerateCommand.generate(io, progress, SETTINGS, dir.resolve("election"));
        GenerateCommand.printSummary(io, g);
        Election election = g.generator().election();
        List<GpUnit> authorities = election.gpUnits().stream().filter(GpUnit::authority).toList();
        GpUnit first = authorities.getFirst();
        StoredElection stored;
        try (Workspace ws = Workspace.open(new WorkspaceLocation.SqliteFile(workspace), io.clock(), "bulwark demo")) {
            stored = StoredElections.importElection(ws, g.election().toString(), InputFiles.readAll(g.election()), io.err());
            io.out().println("  Imported into the demo workspace " + workspace + " as " + stored.ref());

            io.out().println();
            io.out().println("2. Keys and trust: the state key, a key per authority and per authority's central-count scanner");
            int keys = DemoTrust.keyCount(authorities);
            DemoTrust trust = stepped(io, progress, "Keys", keys, step -> DemoTrust.create(ws, dir.resolve("keys"), authorities, step));
            io.out().println("  " + keys + " keys in " + dir.resolve("keys") + " (passphrase in " + DemoTrust.PASSPHRASE_FILE + "), each admitted to the "
                    + "workspace's trust registry by the key above it");

            io.out().println();
            io.out().println("3. Equipment before election day: approved versions, inventory, seals, L&A tests, delivery, seal checks");
            DemoCustody.Summary custody = stepped(io, progress, "Devices", authorities.size() * DemoCustody.DEVICES_PER_AUTHORITY,
                    step -> DemoCustody.record(ws, election, dir.resolve("equipment"), trust, step));
            long open = custody.incidents().stream().filter(i -> i.open()).count();
            io.out().println("  " + custody.devices() + " devices of " + authorities.size() + " authorities (" + DemoCustody.DEVICES_PER_AUTHORITY
                    + " each); L&A tests: " + custody.realLatTests() + " run on real devices of " + first.name() + ", the others recorded "
                    + "from the devices' L&A records");
            io.out().println("  " + Progress.count(custody.actions()) + " custody actions recorded (" + custody.refused() + " refused); incidents: "
                    + custody.incidents().size() + " (" + open + " open)");
            io.out().println("  Readiness: " + (custody.devices() - custody.notReady()) + " of " + custody.devices() + " devices ready, "
                    + custody.notReady() + " not (see the portal's readiness page)");

            io.out().println();
            io.out().println("4. Election night: signed results packages verified and imported, then tabulated");
            DemoResults.Summary results;
            long expected = g.cvrFiles().stream().mapToLong(StatewideGenerator.CvrOutput::ballots).sum();
            try (Progress p = Progress.start(io, progress, "Importing results packages", expected, Progress.Measure.BALLOTS)) {
                results = DemoResults.importAll(io, ws, stored, g, trust, dir.resolve("packages"), n -> p.update(n, n));
                p.finish();
            }
            io.out().println("  " + results.authorities() + " of " + authorities.size() + " authorities reported: " + results.packages()
                    + " packages, " + Progress.count(results.ballots()) + " ballots (" + DemoResults.NOT_REPORTED + " authorities still to report)");
            ResultsCommand.run(io, progress, ws, stored, Optional.of(dir.resolve("reports")), Runtime.getRuntime().availableProcessors());
        }

        io.out().println();
        io.out().println("5. A risk-limiting audit under way");
        DemoAudit.Summary audit = stepped(io, progress, "Audit commands", DemoAudit.commands(),
                step -> DemoAudit.run(workspace, stored.ref(), election, first.id().value(), dir.resolve("audit"), step));
        io.out().println("  Audit " + DemoAudit.NAME + " of \"" + audit.contest() + "\": " + audit.drawn() + " ballots drawn in 2 rounds, "
                + audit.entered() + " entered by the audit board, " + audit.discrepancies() + " discrepancies");
        io.out().println("  " + audit.lastRound());

        io.out().println();
        io.out().println("6. Portal accounts");
        try (Workspace ws = Workspace.open(new WorkspaceLocation.SqliteFile(workspace), io.clock(), "bulwark demo")) {
            List<String> accounts = DemoAccounts.create(ws, first.id().value(), first.name());
            io.out().println("  A state administrator, an administrator and an audit board member of " + first.name());
            // The public page shows the latest signed checkpoint: the state signs the log as 'ledger checkpoint' does.
            LedgerLogCommands.signCurrentTree(ws, io, DemoTrust.stateKey(dir.resolve("keys")), LedgerWorkspaceCommands.DEFAULT_ORIGIN);
            switch (ws.verifyLog()) {
                case LogCheck.Intact intact -> io.out().println("  Tamper-evident log: " + Progress.count(intact.entries())
                        + " entries, verified intact");
                case LogCheck.Broken broken -> throw new IllegalStateException("the demo's log does not verify: " + broken.problem());
            }
            Files.write(dir.resolve(SIGN_IN_FILE), accounts, StandardCharsets.UTF_8);
        }
    }
}
