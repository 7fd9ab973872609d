package org.bulwark.cli;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.bulwark.ledger.keys.KeyRole;
import org.bulwark.ledger.keys.Keys;
import org.bulwark.ledger.keys.Validity;
import org.bulwark.model.BadInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bulwark keys ...}: Ed25519 key pairs for the state, local election authorities and devices. */
@Command(
        name = "keys",
        mixinStandardHelpOptions = true,
        description = "Signing keys for the state, local election authorities' workstations and devices.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {KeysCommand.Generate.class})
final class KeysCommand extends CommandGroup {
    @Command(
            name = "generate",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = {"Generate an Ed25519 key pair: DIR/ID.key (the private key, encrypted with a passphrase) and DIR/ID.pub "
                    + "(the public key with its role, id, jurisdiction and validity, for the trust registry).",
                "The passphrase is read from --passphrase-file or the BULWARK_PASSPHRASE variable and never printed. "
                    + "Existing key files are never overwritten."})
    static final class Generate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "state, authority (a local election authority's workstation) or device.")
        String role;

        @Option(names = "--id", required = true, paramLabel = "ID", description = "The key's owner: e.g. mo-sos, boone-clerk, or a device serial number.")
        String id;

        @Option(names = "--jurisdiction", paramLabel = "J", description = "The local election authority the key belongs to (required for authority and device keys).")
        String jurisdiction;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write ID.key and ID.pub to (created if needed).")
        Path out;

        @Option(names = "--passphrase-file", paramLabel = "FILE", description = "A file whose first line is the passphrase (default: the BULWARK_PASSPHRASE variable).")
        Path passphraseFile;

        @Option(names = "--not-before", paramLabel = "TIME", description = "First moment the key may sign, in UTC, e.g. 2028-01-01T00:00:00Z.")
        String notBefore;

        @Option(names = "--not-after", paramLabel = "TIME", description = "Last moment the key may sign, in UTC.")
        String notAfter;

        /** The process environment; tests put their own in. */
        Function<String, String> environment = System::getenv;

        @Override
        public Integer call() throws Exception {
            Io io = Bulwark.of(spec).io();
            KeyRole keyRole = KeyRole.parse(role).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                    "'" + role + "' is not a role: use state, authority or device"));
            Keys.Request request;
            try {
                request = new Keys.Request(keyRole, id, Optional.ofNullable(jurisdiction),
                        new Validity(time(notBefore, "--not-before"), time(notAfter, "--not-after")));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            char[] passphrase = Passphrases.read(Optional.ofNullable(passphraseFile), environment);
            try {
                Keys.Generated g = Keys.generate(request, out, passphrase, new SecureRandom());
                io.out().println("Wrote " + g.privateFile() + " (private key, encrypted with your passphrase: keep it and the passphrase safe)");
                io.out().println("Wrote " + g.publicFile() + " (public key: give it to whoever admits it to the trust registry)");
                io.out().println("  " + g.info().describe());
                io.out().println("  fingerprint " + g.info().fingerprint());
                return Bulwark.OK;
            } finally {
                Arrays.fill(passphrase, '\0');
            }
        }

        private Optional<Instant> time(String text, String option) {
            if (text == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(Instant.parse(text));
            } catch (DateTimeParseException e) {
                throw new BadInputException(option, "value", "'" + text + "' is not a UTC time like 2028-01-01T00:00:00Z");
            }
        }
    }
}
