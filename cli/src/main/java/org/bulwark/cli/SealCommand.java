package org.bulwark.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.bulwark.report.CustodyReports;
import org.bulwark.custody.AssetTag;
import org.bulwark.custody.AuthorityId;
import org.bulwark.custody.CustodyAction;
import org.bulwark.custody.SealStock;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bulwark seal ...}: numbered tamper-evident seals (15 CSR 30-10.060), each action witnessed by a bipartisan pair. */
@Command(
        name = "seal",
        mixinStandardHelpOptions = true,
        description = {"Tamper-evident seals: issue numbered stock, apply, verify, break and replace seals; print a device's seal log sheet.",
            "A mismatch, a seal found broken with no recorded break, a reused or unissued number each open an incident."},
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {SealCommand.Issue.class, SealCommand.Apply.class, SealCommand.Verify.class, SealCommand.Break.class,
            SealCommand.Replace.class, SealCommand.Sheet.class})
final class SealCommand extends CommandGroup {
    /** The options of every witnessed seal action. */
    static final class Witnessed {
        @Option(names = "--tag", required = true, description = "The asset's tag.")
        String tag;

        @Option(names = "--point", required = true, description = "The seal point (case, memory-card-door, ...).")
        String point;

        @Option(names = "--witness", required = true, paramLabel = "NAME:PARTY",
                description = "One of the two signers, of different major parties. Give it twice.")
        List<String> witnesses = new ArrayList<>();

        @Option(names = "--at", paramLabel = "TIME", description = "When, as a UTC time like 2028-11-07T05:30:00Z (default: now).")
        Optional<String> at;
    }

    @Command(name = "issue", mixinStandardHelpOptions = true, description = "Issue a range of numbered seals to an election authority.")
    static final class Issue implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOptions workspace;

        @Option(names = "--authority", required = true)
        String authority;

        @Option(names = "--first", required = true, description = "The first seal number.")
        long first;

        @Option(names = "--last", required = true, description = "The last seal number (inclusive).")
        long last;

        @Override
        public Integer call() {
            SealStock stock = CustodyCli.arguments(spec, () -> new SealStock(new AuthorityId(authority), first, last));
            return CustodyCli.record(workspace, Bulwark.of(spec).io(), new CustodyAction.IssueSeals(stock));
        }
    }

    @Command(name = "apply", mixinStandardHelpOptions = true, description = "Apply a numbered seal to a seal point.")
    static final class Apply implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOptions workspace;

        @ArgGroup(exclusive = false, multiplicity = "1")
        Witnessed w;

        @Option(names = "--number", required = true, description = "The number printed on the seal.")
        long number;

        @Override
        public Integer call() {
            Io io = Bulwark.of(spec).io();
            CustodyAction a = CustodyCli.arguments(spec, () -> new CustodyAction.ApplySeal(new AssetTag(w.tag), w.point, number,
                    CustodyCli.pair(spec, w.witnesses), CustodyCli.at(spec, w.at, io)));
            return CustodyCli.record(workspace, io, a);
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Verify the seal on a point: the number observed against the one recorded, and whether it is intact.")
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOptions workspace;

        @ArgGroup(exclusive = false, multiplicity = "1")
        Witnessed w;

        @Option(names = "--number", required = true, description = "The number read off the seal.")
        long number;

        @Option(names = "--broken", description = "The seal is not intact.")
        boolean broken;

        @Option(names = "--place", required = true, description = "Where the check is made.")
        String place;

        @Option(names = "--polling-place", description = "The check is the one at the polling place before polls open.")
        boolean pollingPlace;

        @Override
        public Integer call() {
            Io io = Bulwark.of(spec).io();
            CustodyAction a = CustodyCli.arguments(spec, () -> new CustodyAction.VerifySeal(new AssetTag(w.tag), w.point, number, !broken, place,
                    pollingPlace, CustodyCli.pair(spec, w.witnesses), CustodyCli.at(spec, w.at, io)));
            return CustodyCli.record(workspace, io, a);
        }
    }

    @Command(name = "break", mixinStandardHelpOptions = true, description = "Record that the seal on a point was broken on purpose, and why.")
    static final class Break implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOptions workspace;

        @ArgGroup(exclusive = false, multiplicity = "1")
        Witnessed w;

        @Option(names = "--reason", required = true)
        String reason;

        @Override
        public Integer call() {
            Io io = Bulwark.of(spec).io();
            CustodyAction a = CustodyCli.arguments(spec, () -> new CustodyAction.BreakSeal(new AssetTag(w.tag), w.point, reason,
                    CustodyCli.pair(spec, w.witnesses), CustodyCli.at(spec, w.at, io)));
            return CustodyCli.record(workspace, io, a);
        }
    }

    @Command(name = "replace", mixinStandardHelpOptions = true, description = "Break the seal on a point and apply a new one, as one record.")
    static final class Replace implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOptions workspace;

        @ArgGroup(exclusive = false, multiplicity = "1")
        Witnessed w;

        @Option(names = "--number", required = true, description = "The new seal's number.")
        long number;

        @Option(names = "--reason", required = true, description = "Why the old seal was broken.")
        String reason;

        @Override
        public Integer call() {
            Io io = Bulwark.of(spec).io();
            CustodyAction a = CustodyCli.arguments(spec, () -> new CustodyAction.ReplaceSeal(new AssetTag(w.tag), w.point, number, reason,
                    CustodyCli.pair(spec, w.witnesses), CustodyCli.at(spec, w.at, io)));
            return CustodyCli.record(workspace, io, a);
        }
    }

    @Command(name = "sheet", mixinStandardHelpOptions = true, description = "Print the seal log sheet of a device: PDF with signature lines, and/or CSV.")
    static final class Sheet implements Callable<Integer> {
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
            return CustodyCommand.report(spec, workspace, tag, files, CustodyReports::sealSheet);
        }
    }
}
