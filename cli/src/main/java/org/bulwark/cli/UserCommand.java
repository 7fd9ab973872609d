package org.bulwark.cli;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.bulwark.server.PortalUsers;
import org.bulwark.server.Role;
import org.bulwark.store.Workspace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bulwark user ...}: portal accounts from the command line (the first administrator). */
@Command(
        name = "user",
        mixinStandardHelpOptions = true,
        description = "Web portal accounts. Create the first state administrator here; administrators then create the others in the portal.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {UserCommand.Add.class})
final class UserCommand extends CommandGroup {
    static final String PASSWORD_VARIABLE = "BULWARK_USER_PASSWORD";

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = {"Create a portal account and print its two-factor (TOTP) secret and otpauth URI, shown this once: "
                    + "enter it in an authenticator app. Administrators must give its code at every sign-in.",
                "The password comes from --password-file (first line) or the " + PASSWORD_VARIABLE + " variable, never the command line."})
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--username", required = true, paramLabel = "NAME", description = "Lower-case letters, digits, '.', '-', '_'.")
        String username;

        @Option(names = "--name", required = true, paramLabel = "TEXT", description = "The person's full name, as pages show it.")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "state-admin, state-staff, authority-admin, authority-staff, audit-board or bipartisan-team.")
        String role;

        @Option(names = "--authority", paramLabel = "GPUNIT", description = "The local election authority's GpUnit id (for the authority roles).")
        Optional<String> authority;

        @Option(names = "--password-file", paramLabel = "FILE", description = "A file whose first line is the initial password.")
        Optional<Path> passwordFile;

        @Mixin
        WorkspaceOptions workspace;

        Function<String, String> environment = System::getenv;

        @Override
        public Integer call() throws Exception {
            Io io = Bulwark.of(spec).io();
            Role r = Role.ofAccount(role).orElseThrow(() ->
                    new CommandLine.ParameterException(spec.commandLine(), "'" + role + "' is not a role: use state-admin, state-staff, "
                            + "authority-admin, authority-staff, audit-board or bipartisan-team"));
            String password = new String(Passphrases.read(passwordFile, environment, PASSWORD_VARIABLE, "password"));
            try (Workspace ws = LedgerWorkspaceCommands.open(workspace, io)) {
                return switch (PortalUsers.create(ws, new PortalUsers.NewUser(username, name, r, authority, password),
                        System.getProperty("user.name", "unknown user") + " (bulwark)", new SecureRandom())) {
                    case PortalUsers.Creation.Refused refused -> {
                        io.err().println("bulwark: user add: " + refused.problem() + "; no account was created");
                        yield Bulwark.BAD_INPUT;
                    }
                    case PortalUsers.Creation.Created c -> {
                        io.out().println("Created " + c.account().username() + " (" + c.account().role()
                                + c.account().authority().map(a -> ", " + a).orElse("") + ") in " + ws.location().describe() + ".");
                        io.out().println("Two-factor secret (enter it in an authenticator app; it is not shown again): " + c.totpSecret());
                        io.out().println("otpauth URI: " + c.otpauthUri());
                        if (!r.administrator()) {
                            io.out().println("(" + Character.toUpperCase(r.aRole().charAt(0)) + r.aRole().substring(1) + " signs in with the password alone; administrators also give the code.)");
                        }
                        yield Bulwark.OK;
                    }
                };
            }
        }
    }
}
