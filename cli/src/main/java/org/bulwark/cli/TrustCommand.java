package org.bulwark.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.bulwark.ledger.keys.KeyRole;
import org.bulwark.ledger.keys.Keys;
import org.bulwark.ledger.keys.PublicKeyInfo;
import org.bulwark.ledger.trust.Admission;
import org.bulwark.ledger.trust.Change;
import org.bulwark.ledger.trust.TrustEntry;
import org.bulwark.ledger.trust.TrustRegistry;
import org.bulwark.model.BadInputException;
import org.bulwark.store.TrustRequest;
import org.bulwark.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bulwark trust ...}: the workspace's trust registry. Every change is checked against the
 * registry's rules (only the state admits authorities, an authority its devices), recorded for good
 * and logged as an event of the workspace log.
 */
@Command(
        name = "trust",
        mixinStandardHelpOptions = true,
        description = "The workspace's trust registry: which public keys may sign what; every change is logged.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {TrustCommand.Add.class, TrustCommand.Revoke.class, TrustCommand.ListKeys.class})
final class TrustCommand extends CommandGroup {
    private static int refused(Io io, Change change) {
        Change.Refused r = (Change.Refused) change;
        io.err().println("bulwark: refused: " + r.message() + ". Nothing was changed.");
        return Bulwark.BAD_INPUT;
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = {"Admit a public key (a .pub file from 'bulwark keys generate') to the trust registry.",
                "The state key is admitted first, by itself: bulwark trust add state.pub --admitted-by state.key.",
                "Then the state admits authorities' keys, and an authority admits its devices' keys."})
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOptions workspace;

        @Parameters(paramLabel = "PUBFILE", description = "The public key to admit.")
        Path publicKeyFile;

        @Option(names = "--admitted-by", required = true, paramLabel = "KEYFILE",
                description = "The private key of the admitting authority (for the state's own key, that key itself).")
        Path keyFile;

        @Option(names = "--passphrase-file", paramLabel = "FILE",
                description = "A file whose first line is the passphrase (default: the BULWARK_PASSPHRASE variable).")
        Optional<Path> passphraseFile;

        /** The process environment; tests put their own in. */
        Function<String, String> environment = System::getenv;

        @Override
        public Integer call() throws IOException {
            Io io = Bulwark.of(spec).io();
            PublicKeyInfo candidate = Keys.loadPublic(publicKeyFile);
            try (Workspace ws = LedgerWorkspaceCommands.open(workspace, io)) {
                TrustRegistry registry = ws.trustRegistry();
                boolean bootstrap = registry.entries().isEmpty() && candidate.role() == KeyRole.STATE;
                List<PublicKeyInfo> admitters = bootstrap ? List.of(candidate)
                        : registry.entries().stream().filter(e -> e.revocation().isEmpty()).map(TrustEntry::key).toList();
                KeyHolder admitter = KeyHolder.prove(keyFile, passphraseFile, environment, admitters);
                TrustRequest request = bootstrap ? new TrustRequest.Bootstrap(candidate)
                        : new TrustRequest.Admit(candidate, admitter.publicKey().fingerprint());
                Change change = ws.changeTrust(request);
                if (change instanceof Change.Refused) {
                    return refused(io, change);
                }
                io.out().println((bootstrap ? "Made " + candidate.describe() + " the root of trust"
                        : "Admitted " + candidate.describe() + " on the authority of " + admitter.publicKey().describe())
                        + " (fingerprint " + candidate.fingerprint().shortForm() + "); logged as entry "
                        + (ws.logSize() - 1));
            }
            return Bulwark.OK;
        }
    }

    @Command(
            name = "revoke",
            mixinStandardHelpOptions = true,
            description = {"Revoke a key in the trust registry: from now on nothing it signs is trusted.",
                "ID is the key's id or its fingerprint (or the start of it)."})
    static final class Revoke implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOptions workspace;

        @Parameters(paramLabel = "ID", description = "The key to revoke: its id or fingerprint.")
        String id;

        @Option(names = "--reason", required = true, paramLabel = "R", description = "Why, in words (it is logged).")
        String reason;

        @Option(names = "--key", required = true, paramLabel = "KEYFILE", description = "The private key of the revoking authority.")
        Path keyFile;

        @Option(names = "--passphrase-file", paramLabel = "FILE",
                description = "A file whose first line is the passphrase (default: the BULWARK_PASSPHRASE variable).")
        Optional<Path> passphraseFile;

        Function<String, String> environment = System::getenv;

        @Override
        public Integer call() throws IOException {
            Io io = Bulwark.of(spec).io();
            try (Workspace ws = LedgerWorkspaceCommands.open(workspace, io)) {
                TrustRegistry registry = ws.trustRegistry();
                List<TrustEntry> matches = registry.entries().stream()
                        .filter(e -> e.key().id().equals(id) || (id.length() >= 8 && e.fingerprint().sha256().startsWith(id)))
                        .toList();
                if (matches.size() != 1) {
                    throw new BadInputException("ID", "command line", matches.isEmpty()
                            ? "no key \"" + id + "\" in the trust registry (see bulwark trust list)"
                            : matches.size() + " keys match \"" + id + "\"; give the fingerprint instead");
                }
                TrustEntry target = matches.getFirst();
                KeyHolder revoker = KeyHolder.prove(keyFile, passphraseFile, environment,
                        registry.entries().stream().map(TrustEntry::key).toList());
                Change change = ws.changeTrust(new TrustRequest.Revoke(target.fingerprint(), revoker.publicKey().fingerprint(),
                        reason));
                if (change instanceof Change.Refused) {
                    return refused(io, change);
                }
                io.out().println("Revoked " + target.key().describe() + " (fingerprint " + target.fingerprint().shortForm()
                        + "): " + reason + "; logged as entry " + (ws.logSize() - 1));
            }
            return Bulwark.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the keys of the trust registry.")
    static final class ListKeys implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOptions workspace;

        @Override
        public Integer call() {
            Io io = Bulwark.of(spec).io();
            try (Workspace ws = LedgerWorkspaceCommands.open(workspace, io)) {
                TrustRegistry registry = ws.trustRegistry();
                List<TrustEntry> entries = registry.entries();
                if (entries.isEmpty()) {
                    io.out().println("The trust registry is empty. Start with: bulwark trust add state.pub --admitted-by state.key");
                }
                for (TrustEntry e : entries) {
                    String how = switch (e.admission()) {
                        case Admission.Root r -> "root of trust since " + r.at();
                        case Admission.AdmittedBy a -> "admitted by " + a.admitter().shortForm() + " at " + a.at();
                        case Admission.Listed l -> "listed in " + l.file();
                    };
                    io.out().println(e.fingerprint().shortForm() + "  " + e.key().describe() + "  " + how
                            + e.revocation().map(r -> "  REVOKED at " + r.at() + ": " + r.reason())
                                    .or(() -> registry.withdrawal(e.fingerprint()).map(w -> "  NOT TRUSTED from " + w.from() + ": "
                                            + w.describe()))
                                    .orElse(""));
                }
            }
            return Bulwark.OK;
        }
    }
}
