package org.bulwark.cli;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.bulwark.report.CustodyReports;
import org.bulwark.custody.AuthorityId;
import org.bulwark.custody.CustodyAction;
import org.bulwark.custody.Incident;
import org.bulwark.custody.IncidentDraft;
import org.bulwark.custody.IncidentKind;
import org.bulwark.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bulwark incident ...}: custody incidents; an unresolved one blocks certification of its authority's results. */
@Command(
        name = "incident",
        mixinStandardHelpOptions = true,
        description = {"Custody incidents: opened by the seal and custody rules or by a person; assigned; resolved with a note.",
            "An unresolved incident blocks certification of its authority's results."},
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {IncidentCommand.Open.class, IncidentCommand.Assign.class, IncidentCommand.Resolve.class, IncidentCommand.ListIncidents.class,
            IncidentCommand.Blockers.class})
final class IncidentCommand extends CommandGroup {
    @Command(name = "open", mixinStandardHelpOptions = true, description = "Report an incident by hand.")
    static final class Open implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOptions workspace;

        @Option(names = "--authority", required = true)
        String authority;

        @Option(names = "--tag", description = "The asset concerned, if any.")
        Optional<String> tag;

        @Option(names = "--description", required = true)
        String description;

        @Override
        public Integer call() {
            Io io = Bulwark.of(spec).io();
            IncidentDraft draft = CustodyCli.arguments(spec, () -> new IncidentDraft(IncidentKind.REPORTED, new AuthorityId(authority),
                    CustodyCli.tag(spec, tag), description));
            return CustodyCli.record(workspace, io, new CustodyAction.OpenIncident(draft));
        }
    }

    @Command(name = "assign", mixinStandardHelpOptions = true, description = "Assign an incident to a person.")
    static final class Assign implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOptions workspace;

        @Option(names = "--id", required = true)
        long id;

        @Option(names = "--to", required = true, description = "Who investigates it.")
        String to;

        @Override
        public Integer call() {
            CustodyAction a = CustodyCli.arguments(spec, () -> new CustodyAction.AssignIncident(id, to));
            return CustodyCli.record(workspace, Bulwark.of(spec).io(), a);
        }
    }

    @Command(name = "resolve", mixinStandardHelpOptions = true, description = "Resolve an incident with a note saying what was found and done.")
    static final class Resolve implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOptions workspace;

        @Option(names = "--id", required = true)
        long id;

        @Option(names = "--by", required = true)
        String by;

        @Option(names = "--note", required = true)
        String note;

        @Override
        public Integer call() {
            CustodyAction a = CustodyCli.arguments(spec, () -> new CustodyAction.ResolveIncident(id, by, note));
            return CustodyCli.record(workspace, Bulwark.of(spec).io(), a);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List incidents; write the incident report as PDF and/or CSV.")
    static final class ListIncidents implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOptions workspace;

        @Option(names = "--authority")
        Optional<String> authority;

        @Option(names = "--open", description = "Only those not resolved.")
        boolean openOnly;

        @Mixin
        ReportFiles files;

        @Override
        public Integer call() {
            Io io = Bulwark.of(spec).io();
            Optional<AuthorityId> of = authority.map(a -> CustodyCli.arguments(spec, () -> new AuthorityId(a)));
            try (Workspace w = CustodyCli.open(workspace, io)) {
                List<Incident> all = w.custody().incidents(of, openOnly);
                for (Incident i : all) {
                    io.out().println("#" + i.id() + " " + i.status() + " " + i.kind().word() + " (" + i.authority() + i.asset().map(t -> ", " + t).orElse("")
                            + "): " + i.description());
                }
                io.out().println(all.size() + (all.size() == 1 ? " incident" : " incidents"));
                files.write(CustodyReports.incidents(all, of.map(AuthorityId::value).orElse("statewide")), io);
            }
            return Bulwark.OK;
        }
    }

    @Command(name = "blockers", mixinStandardHelpOptions = true,
            description = "Whether custody incidents block certification of an authority's results (exit 0 either way; the output says).")
    static final class Blockers implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOptions workspace;

        @Option(names = "--authority", required = true)
        String authority;

        @Override
        public Integer call() {
            Io io = Bulwark.of(spec).io();
            AuthorityId a = CustodyCli.arguments(spec, () -> new AuthorityId(authority));
            try (Workspace w = CustodyCli.open(workspace, io)) {
                List<Incident> open = w.custody().certificationBlockers(a);
                if (open.isEmpty()) {
                    io.out().println("No open custody incidents: custody does not block certification of " + a + "'s results.");
                } else {
                    io.out().println("Certification of " + a + "'s results is BLOCKED by " + open.size() + " open custody "
                            + (open.size() == 1 ? "incident: #" : "incidents: #") + String.join(", #", open.stream().map(i -> Long.toString(i.id())).toList()));
                }
            }
            return Bulwark.OK;
        }
    }
}
