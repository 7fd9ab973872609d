package org.bulwark.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.bulwark.model.BadInputException;
import org.bulwark.store.WorkspaceException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code bulwark} command. Exit codes: 0 success, 1 an unexpected failure, 2 bad input (an
 * unusable file, an invalid election, wrong arguments), each with a message that says what is wrong
 * and where; a stack trace only with {@code --verbose}.
 */
@Command(
        name = "bulwark",
        mixinStandardHelpOptions = true,
        versionProvider = Bulwark.Version.class,
        description = "Election integrity tools: read election definitions and cast vote records, tabulate, report.",
        synopsisSubcommandLabel = "COMMAND",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:unexpected failure (run again with --verbose for details)",
            "2:bad input: an unusable file, an invalid election or wrong arguments"})
public final class Bulwark implements Runnable {
    /** The commands, in the order the help lists them. */
    private static final List<Class<?>> COMMANDS = List.of(ElectionCommand.class, TabulateCommand.class, ImportCommand.class,
            ResultsCommand.class, GenerateCommand.class, DemoCommand.class, LedgerCommand.class, KeysCommand.class, PackageCommand.class,
            TrustCommand.class, RcvCommand.class, RegistryCommand.class, AssetCommand.class, SealCommand.class, CustodyCommand.class,
            ReadinessCommand.class, IncidentCommand.class, AuditCommand.class, ServeCommand.class, UserCommand.class,
            DeviceCommand.class, PaperCommand.class, SimulateCommand.class);

    static final int OK = 0;
    static final int FAILURE = 1;
    static final int BAD_INPUT = 2;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Show stack traces of unexpected errors.")
    boolean verbose;

    @Option(names = "--progress", scope = ScopeType.INHERIT, paramLabel = "MODE", defaultValue = "auto",
            converter = ProgressModeConverter.class,
            description = "Progress on stderr: auto (a bar on a terminal, plain lines otherwise), bar, lines or none. Default: ${DEFAULT-VALUE}.")
    ProgressMode progress;

    @Spec
    CommandSpec spec;

    private final Io io;

    private Bulwark(Io io) {
        this.io = io;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code;
        try {
            code = execute(new Io(out, err, Terminal.stderrIsTerminal(), Clock.systemUTC()), args);
        } catch (OutOfMemoryError e) {
            // Picocli passes errors through; this one the user can fix, so say how instead of a stack trace.
            err.println("bulwark: out of memory (" + Runtime.getRuntime().maxMemory() / (1 << 20)
                    + " MB); give Java more, for example: JAVA_TOOL_OPTIONS=-Xmx8g ./bulwark ...");
            code = FAILURE;
        }
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs the command {@code args} name, writing to {@code io}: what {@code main} and in-process runs do. */
    static int execute(Io io, String... args) {
        return commandLine(io, commandsFor(args)).execute(args);
    }

    /** The command line with every command, writing to {@code io}. */
    static CommandLine commandLine(Io io) {
        return commandLine(io, COMMANDS);
    }

    /**
     * The commands to build for these arguments: only the one they name when they name one, else all
     * (for the overall help and for picocli's "did you mean" on a misspelt name). Picocli builds
     * every option of every command it is given, which for all of them takes longer than a small
     * tabulation; building one spares each run that wait.
     */
    static List<Class<?>> commandsFor(String... args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--progress")) {
                i++; // its value
            } else if (!arg.equals("--verbose") && !arg.startsWith("--progress=")) {
                for (Class<?> command : COMMANDS) {
                    Command c = command.getAnnotation(Command.class);
                    if (c.name().equals(arg) || List.of(c.aliases()).contains(arg)) {
                        return List.of(command);
                    }
                }
                return COMMANDS;
            }
        }
        return COMMANDS;
    }

    private static CommandLine commandLine(Io io, List<Class<?>> commands) {
        Bulwark root = new Bulwark(io);
        CommandLine cl = new CommandLine(root);
        for (Class<?> command : commands) {
            cl.addSubcommand(command);
        }
        cl.setOut(io.out());
        cl.setErr(io.err());
        cl.setExecutionExceptionHandler((e, command, parseResult) -> failed(e, io.err(), root.verbose));
        return cl;
    }

    @Override
    public void run() {
        // "bulwark" alone: say what there is to do.
        spec.commandLine().usage(io.out());
    }

    Io io() {
        return io;
    }

    /** The root command of the command a subcommand belongs to: where io and the global options are. */
    static Bulwark of(CommandSpec spec) {
        return (Bulwark) spec.root().userObject();
    }

    /** Exit code and message for what a command threw. */
    static int failed(Exception e, PrintWriter err, boolean verbose) {
        if (e instanceof BadInputException bad) {
            err.println("bulwark: " + bad.getMessage());
            if (verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return BAD_INPUT;
        }
        if (e instanceof WorkspaceException w) {
            // Refusals (already imported, no such election) are the user's to fix; the rest are failures, said plainly.
            err.println("bulwark: " + w.getMessage());
            if (verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return switch (w) {
                case WorkspaceException.DuplicateImport d -> BAD_INPUT;
                case WorkspaceException.UnknownElection u -> BAD_INPUT;
                case WorkspaceException.WorkspaceUnavailable u -> FAILURE;
                case WorkspaceException.DamagedWorkspace d -> FAILURE;
            };
        }
        if (verbose) {
            err.println("bulwark: unexpected error: " + describe(e));
            e.printStackTrace(err);
        } else {
            err.println("bulwark: unexpected error: " + describe(e) + " (run again with --verbose to see where it happened)");
        }
        err.flush();
        return FAILURE;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        String kind = e.getClass().getSimpleName();
        return message == null || message.isBlank() ? kind : kind + ": " + message;
    }

    /** Reads the version the build wrote into the jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"bulwark " + SoftwareVersion.get()};
        }
    }

    /** Accepts the modes in lower case, as the help shows them. */
    static final class ProgressModeConverter implements CommandLine.ITypeConverter<ProgressMode> {
        @Override
        public ProgressMode convert(String value) {
            for (ProgressMode m : ProgressMode.values()) {
                if (m.name().equalsIgnoreCase(value)) {
                    return m;
                }
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not a progress mode: use auto, bar, lines or none");
        }
    }
}
