package org.bulwark.cli;

import picocli.CommandLine.Command;

/**
 * {@code bulwark audit ...}: post-election audits in the workspace, and the audit calculator.
 * Each subcommand lives in its own class and is listed here once.
 */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = "Post-election audits: ballot manifests, the public seed, samples and retrieval lists, Missouri's 5%% hand count, "
                + "risk-limiting audits, reports; and a calculator (sample, risk, sample-size) like the public audit tools.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {AuditWorkspaceCommands.Create.class, AuditWorkspaceCommands.Manifest.class, AuditWorkspaceCommands.Seed.class,
            AuditWorkspaceCommands.Draw.class, AuditWorkspaceCommands.HandCount.class, AuditWorkspaceCommands.Enter.class,
            AuditWorkspaceCommands.CloseRound.class, AuditWorkspaceCommands.Resolve.class, AuditWorkspaceCommands.Status.class,
            AuditWorkspaceCommands.Report.class, AuditSimulateCommand.class, AuditCalculatorCommands.Sample.class, AuditCalculatorCommands.Risk.class,
            AuditCalculatorCommands.SampleSize.class})
final class AuditCommand extends CommandGroup {}
