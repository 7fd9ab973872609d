package org.bulwark.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.bulwark.report.CustodyReports;
import org.bulwark.custody.AssetHistory;
import org.bulwark.custody.AssetTag;
import org.bulwark.custody.CustodyAction;
import org.bulwark.custody.SealCheck;
import org.bulwark.custody.Transfer;
import org.bulwark.generate.CustodyHistory;
import org.bulwark.ledger.exchange.Fingerprint;
import org.bulwark.store.Workspace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bulwark custody ...}: chain of custody (EAC Chain of Custody Best Practices; 15 CSR 30-10.160). */
@Command(
        name = "custody",
        mixinStandardHelpOptions = true,
        description = {"Chain of custody: transfers of items between people and places, signed by two people of different major parties; "
                + "accesses to memory cards and USB drives; an asset's custody log.",
            "An item handed over where it is not recorded to be, or a seal on arrival that differs from the one at departure, opens an incident."},
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {CustodyCommand.TransferItems.class, CustodyCommand.Memory.class, CustodyCommand.Log.class, CustodyCommand.Generate.class})
final class CustodyCommand extends CommandGroup {
    /** Runs {@code work} with an asset's timeline, or says there is no such asset (exit 2). */
    static int withTimeline(CommandSpec spec, WorkspaceOptions workspace, Io io, String tag, Consumer<AssetHistory> work) {
        AssetTag t = CustodyCli.arguments(spec, () -> new AssetTag(tag));
        try (Workspace w = CustodyCli.open(workspace, io)) {
            Optional<AssetHistory> h = w.custody().timeline(t);
            if (h.isEmpty()) {
                io.err().println("bulwark: there is no asset " + t + " in the inventory.");
                return Bulwark.BAD_INPUT;
            }
            work.accept(h.get());
            return Bulwark.OK;
        }
    }

    /** Writes a report of one asset's timeline to the files given (at least one). */
    static int report(CommandSpec spec, WorkspaceOptions workspace, String tag, ReportFiles files,
            java.util.function.Function<AssetHistory, CustodyReports.Report> report) {
        if (files.none()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --pdf FILE and/or --csv FILE");
        }
        Io io = Bulwark.of(spec).io();
        return withTimeline(spec, workspace, io, tag, h -> files.write(report.apply(h), io));
    }

    @Command(name = "transfer", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Record a custody transfer of one or more items (assets or sealed containers).")
    static final class TransferItems implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOptions workspace;

        @Option(names = "--item", required = true, paramLabel = "TAG", description = "An item moved. Repeat.")
        List<String> items = new ArrayList<>();

        @Option(names = "--from-person", required = true)
        String fromPerson;

        @Option(names = "--from-place", required = true)
        String fromPlace;

        @Option(names = "--to-person", required = true)
        String toPerson;

        @Option(names = "--to-place", required = true)
        String toPlace;

        @Option(names = "--purpose", required = true)
        String purpose;

        @Option(names = "--seal", paramLabel = "TAG:POINT:NUMBER", description = "A seal found on an item on arrival. Repeat.")
        List<String> seals = new ArrayList<>();

        @Option(names = "--condition", required = true, description = "The items' condition on arrival.")
        String condition;

        @Option(names = "--changes", paramLabel = "TEXT",
                description = "What election material was added, subtracted or altered; leave out to state that none was.")
        Optional<String> changes;

        @Option(names = "--witness", required = true, paramLabel = "NAME:PARTY", description = "One of the two signers. Give it twice.")
        List<String> witnesses = new ArrayList<>();

        @Option(names = "--at", paramLabel = "TIME", description = "When, as a UTC time (default: now).")
        Optional<String> at;

        @Override
        public Integer call() {
            Io io = Bulwark.of(spec).io();
            List<SealCheck> found = new ArrayList<>();
            for (String s : seals) {
                String[] f = s.split(":");
                if (f.length != 3 || !f[2].matches("[0-9]{1,12}")) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--seal '" + s + "' must be TAG:POINT:NUMBER, e.g. BC-0001:case:1001");
                }
                found.add(CustodyCli.arguments(spec, () -> new SealCheck(new AssetTag(f[0]), f[1], Long.parseLong(f[2]))));
            }
            CustodyAction action = CustodyCli.arguments(spec, () -> new CustodyAction.TransferCustody(new Transfer(
                    items.stream().map(AssetTag::new).toList(), fromPerson, fromPlace, toPerson, toPlace, purpose, found, condition, changes,
                    CustodyCli.pair(spec, witnesses)), CustodyCli.at(spec, at, io)));
            return CustodyCli.record(workspace, io, action);
        }
    }

    @Command(name = "memory", mixinStandardHelpOptions = true, description = "Log an access to a memory card or USB drive.")
    static final class Memory implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOptions workspace;

        @Option(names = "--tag", required = true, description = "The memory card's or USB drive's tag.")
        String tag;

        @Option(names = "--action", required = true, description = "What was done: read, write, insert, remove, format, ...")
        String action;

        @Option(names = "--person", required = true, description = "Who did it.")
        String person;

        @Option(names = "--purpose", required = true)
        String purpose;

        @Option(names = "--device", paramLabel = "TAG", description = "The device it was used in, if any.")
        Optional<String> device;

        @Option(names = "--at", paramLabel = "TIME", description = "When, as a UTC time (default: now).")
        Optional<String> at;

        @Override
        public Integer call() {
            Io io = Bulwark.of(spec).io();
            CustodyAction a = CustodyCli.arguments(spec, () -> new CustodyAction.AccessMemory(new AssetTag(tag), action, person, purpose,
                    CustodyCli.tag(spec, device), CustodyCli.at(spec, at, io)));
            return CustodyCli.record(workspace, io, a);
        }
    }

    @Command(name = "log", mixinStandardHelpOptions = true, description = "Print an asset's custody log: PDF with signature lines, and/or CSV.")
    static final class Log implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOptions workspace;

        @Option(names = "--tag", required = true)
        String tag;

        @Mixin
        ReportFiles files;

        @Override
        public Integer call() {
            return report(spec, workspace, tag, files, CustodyReports::custodyLog);
        }
    }

    @Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Fill a workspace with a synthetic statewide inventory and custody history (for demonstrations and benchmarks): "
                    + "registry, seal stock, assets, then election cycles of L&A, seals, transfers and checks, recorded through the same rules "
                    + "as by hand. The same settings and seed give the same history."},
            footer = {"", "Example:", "  bulwark custody generate --authorities 116 --assets 30000 --events 1000000 --workspace state.db"})
    static final class Generate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOptions workspace;

        @Option(names = "--authorities", description = "Election authorities. Default: ${DEFAULT-VALUE}.")
        int authorities = 116;

        @Option(names = "--assets", description = "Assets in all. Default: ${DEFAULT-VALUE}.")
        int assets = 30_000;

        @Option(names = "--events", description = "Seal and custody events in all. Default: ${DEFAULT-VALUE}.")
        long events = 1_000_000;

        @Option(names = "--seed", description = "The random seed. Default: ${DEFAULT-VALUE}.")
        long seed = 1;

        @Option(names = "--election-fingerprint", paramLabel = "sha256:HEX",
                description = "The election on whose eve the history ends (default: a made-up one, printed at the end).")
        Optional<String> election;

        @Override
        public Integer call() {
            Io io = Bulwark.of(spec).io();
            Optional<Fingerprint> coming = election.map(e -> ReadinessCommand.fingerprint(spec, e));
            CustodyHistory.Plan plan = CustodyCli.arguments(spec, () -> new CustodyHistory.Plan(authorities, assets, events, seed, coming));
            long started = io.clock().millis();
            try (Workspace w = CustodyCli.open(workspace, io)) {
                Optional<CustodyGeneration.Summary> done = CustodyGeneration.fill(w, plan, n -> io.err().println("  " + n + " actions recorded"));
                if (done.isEmpty()) {
                    io.err().println("bulwark: the workspace already holds assets the generator makes; use a new workspace.");
                    return Bulwark.BAD_INPUT;
                }
                CustodyGeneration.Summary s = done.get();
                io.out().println("Generated " + s.assets() + " assets of " + authorities + " authorities and " + s.actions()
                        + " custody actions (" + s.refused() + " refused, " + s.incidents() + " incidents opened) in "
                        + (io.clock().millis() - started) / 1000 + " s");
                io.out().println("The history ends on the eve of election " + CustodyHistory.comingElection(plan) + " (" + CustodyHistory.ELECTION_DAY
                        + "): see 'bulwark readiness matrix --election-fingerprint " + CustodyHistory.comingElection(plan) + "'");
            }
            return Bulwark.OK;
        }
    }
}
