package org.bulwark.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.bulwark.custody.ApprovalStatus;
import org.bulwark.custody.Component;
import org.bulwark.custody.CustodyAction;
import org.bulwark.custody.RegistryEntry;
import org.bulwark.store.Workspace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bulwark registry ...}: the state's certification registry of voting-system versions (15 CSR 30-10.130(3)). */
@Command(
        name = "registry",
        mixinStandardHelpOptions = true,
        description = "The state's certification registry: voting-system versions, their approval and approved fingerprints; every change is logged.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {RegistryCommand.Add.class, RegistryCommand.Withdraw.class, RegistryCommand.ListEntries.class})
final class RegistryCommand extends CommandGroup {
    @Command(name = "add", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Record a voting-system version (or a new entry for one already recorded: the newest entry holds).",
                "Example: bulwark registry add --model DS200 --version 2.17 --vendor 'ES&S' --eac ESS-EVS-6021 --approved-on 2028-01-15 "
                    + "--component scanner=software:sha256:HEX --seal-point case --seal-point memory-card-door"})
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOptions workspace;

        @Option(names = "--model", required = true, description = "The model, as on the equipment.")
        String model;

        @Option(names = "--system-version", required = true, description = "The system version, as the EAC certified it.")
        String version;

        @Option(names = "--vendor", required = true, description = "Who makes it.")
        String vendor;

        @Option(names = "--eac", required = true, paramLabel = "NUMBER", description = "The EAC certification number.")
        String eac;

        @Option(names = "--approved-on", required = true, paramLabel = "DATE", description = "The state's approval date, YYYY-MM-DD.")
        String approvedOn;

        @Option(names = "--conditions", paramLabel = "TEXT", defaultValue = "", description = "Conditions of the approval, if any.")
        String conditions;

        @Option(names = "--status", paramLabel = "STATUS", defaultValue = "approved", description = "approved, conditional or withdrawn. Default: ${DEFAULT-VALUE}.")
        String status;

        @Option(names = "--component", paramLabel = "NAME=KIND:sha256:HEX", description = "A component and its approved fingerprint; KIND is software or firmware. Repeat.")
        List<String> components = new ArrayList<>();

        @Option(names = "--seal-point", paramLabel = "POINT", description = "A point where the model takes a seal (case, memory-card-door, ...). Repeat.")
        List<String> sealPoints = new ArrayList<>();

        @Override
        public Integer call() {
            Io io = Bulwark.of(spec).io();
            ApprovalStatus approval = ApprovalStatus.parse(status).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                    "--status '" + status + "' is not one of " + ApprovalStatus.words()));
            LocalDate date;
            try {
                date = LocalDate.parse(approvedOn);
            } catch (DateTimeParseException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--approved-on '" + approvedOn + "' is not a date like 2028-01-15");
            }
            List<Component> parts = new ArrayList<>();
            for (String c : components) {
                parts.add(Component.parse(c).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                        "--component '" + c + "' must be NAME=KIND:sha256:HEX with KIND software or firmware and 64 lowercase hex digits")));
            }
            RegistryEntry entry = CustodyCli.arguments(spec, () -> new RegistryEntry(model, version, vendor, eac, date, conditions, approval, parts,
                    sealPoints));
            return CustodyCli.record(workspace, io, new CustodyAction.RecordRegistryEntry(entry));
        }
    }

    @Command(name = "withdraw", mixinStandardHelpOptions = true,
            description = "Withdraw the approval of a version: every device of that version is flagged not ready.")
    static final class Withdraw implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOptions workspace;

        @Option(names = "--model", required = true)
        String model;

        @Option(names = "--system-version", required = true, description = "The system version.")
        String version;

        @Option(names = "--reason", required = true, description = "Why, as the withdrawal's conditions.")
        String reason;

        @Override
        public Integer call() {
            Io io = Bulwark.of(spec).io();
            try (Workspace w = CustodyCli.open(workspace, io)) {
                Optional<RegistryEntry> entry = w.custody().registry().stream()
                        .filter(e -> e.model().equals(model) && e.version().equals(version)).findFirst();
                if (entry.isEmpty()) {
                    io.err().println("bulwark: refused: " + model + " " + version + " is not in the certification registry. Nothing was recorded.");
                    return Bulwark.BAD_INPUT;
                }
                return CustodyCli.report(io, w.custody().record(new CustodyAction.RecordRegistryEntry(
                        entry.get().withStatus(ApprovalStatus.WITHDRAWN, reason))));
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the registry as it stands.")
    static final class ListEntries implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOptions workspace;

        @Override
        public Integer call() {
            Io io = Bulwark.of(spec).io();
            try (Workspace w = CustodyCli.open(workspace, io)) {
                List<RegistryEntry> all = w.custody().registry();
                if (all.isEmpty()) {
                    io.out().println("The certification registry is empty.");
                }
                for (RegistryEntry e : all) {
                    io.out().println(e.model() + " " + e.version() + " (" + e.vendor() + "), EAC " + e.eacCertification() + ": " + e.status().word()
                            + " since " + e.approvedOn() + (e.conditions().isEmpty() ? "" : " - " + e.conditions()));
                    e.components().forEach(c -> io.out().println("  " + c.kind().word() + " " + c.name() + ": " + c.fingerprint()));
                    io.out().println("  seal points: " + (e.sealPoints().isEmpty() ? "none" : String.join(", ", e.sealPoints())));
                }
            }
            return Bulwark.OK;
        }
    }
}
