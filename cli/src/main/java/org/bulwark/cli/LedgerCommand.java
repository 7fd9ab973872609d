package org.bulwark.cli;

import picocli.CommandLine.Command;

/**
 * {@code bulwark ledger ...}: the transparency log. Each subcommand lives in its own class and is
 * listed here once, so that the engineers adding subcommands touch only this list.
 */
@Command(
        name = "ledger",
        mixinStandardHelpOptions = true,
        description = "The tamper-evident public log: publish, sign, cosign, prove, check and export the workspace's log; verify a published log or an inclusion proof with nothing but the files.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {LedgerVerifyCommand.Verify.class, LedgerVerifyCommand.VerifyProof.class,
            LedgerWorkspaceCommands.Export.class, LedgerWorkspaceCommands.ImportEel.class,
            LedgerLogCommands.Sign.class, LedgerLogCommands.Prove.class, LedgerLogCommands.Publish.class,
            LedgerLogCommands.Cosign.class, LedgerCosignatureCommands.AddCosigned.class, LedgerCosignatureCommands.Check.class})
final class LedgerCommand extends CommandGroup {}
