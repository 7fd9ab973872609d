package org.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.bulwark.model.BadInputException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class BulwarkTest {
    @Test
    void versionComesFromTheBuild() {
        Run run = Run.of("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).matches("bulwark \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @Test
    void helpListsTheExitCodes() {
        Run run = Run.of("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: bulwark", "--verbose", "--progress", "2   bad input");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void unknownOptionIsBadInputWithUsageOnStderr() {
        Run run = Run.of("--no-such-option");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option: '--no-such-option'", "Usage: bulwark");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void badProgressModeNamesTheValidOnes() {
        Run run = Run.of("--progress", "sometimes");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'sometimes' is not a progress mode: use auto, bar, lines or none");
    }

    @Test
    void argumentsThatNameACommandBuildOnlyThatCommand() {
        assertThat(Bulwark.commandsFor("tabulate", "--election", "e.json")).containsExactly(TabulateCommand.class);
        assertThat(Bulwark.commandsFor("--verbose", "--progress", "none", "import", "cvr")).containsExactly(ImportCommand.class);
        assertThat(Bulwark.commandsFor("--progress=lines", "audit")).containsExactly(AuditCommand.class);
        // A value that happens to be a command's name is still the option's value.
        assertThat(Bulwark.commandsFor("--progress", "tabulate", "results")).containsExactly(ResultsCommand.class);
    }

    @Test
    void argumentsThatNameNoCommandBuildThemAll() {
        int all = Bulwark.commandLine(new Io(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), false, Clock.systemUTC()))
                .getSubcommands().size();
        assertThat(all).isGreaterThan(20);
        assertThat(Bulwark.commandsFor()).hasSize(all);
        assertThat(Bulwark.commandsFor("--help")).hasSize(all);
        assertThat(Bulwark.commandsFor("tabluate")).hasSize(all);
        assertThat(Bulwark.commandsFor("--verbose")).hasSize(all);
    }

    @Test
    void aMisspeltCommandIsBadInputWithTheCommandsToChooseFrom() {
        Run run = Run.of("tabluate");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unmatched argument at index 0: 'tabluate'", "tabulate");
    }

    @Test
    void badInputIsExitCode2WithThePreciseMessageAndNoStackTrace() {
        Run run = runWith(() -> {
            throw new BadInputException("cvr-01.json", "byte 1024", "the file ends in the middle of a CVR");
        });
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("bulwark: cvr-01.json: byte 1024: the file ends in the middle of a CVR" + System.lineSeparator());
    }

    @Test
    void unexpectedErrorIsExitCode1WithOneLineAndAStackTraceOnlyWhenVerbose() {
        Callable<Integer> failing = () -> {
            throw new IllegalStateException("disk on fire");
        };
        Run quiet = runWith(failing);
        assertThat(quiet.exitCode()).isEqualTo(1);
        assertThat(quiet.err()).isEqualTo("bulwark: unexpected error: IllegalStateException: disk on fire"
                + " (run again with --verbose to see where it happened)" + System.lineSeparator());
        Run verbose = runWith(failing, "--verbose");
        assertThat(verbose.exitCode()).isEqualTo(1);
        assertThat(verbose.err()).contains("\tat org.bulwark.cli");
    }

    @Command(name = "explode")
    static final class Exploding implements Callable<Integer> {
        final Callable<Integer> body;

        Exploding(Callable<Integer> body) {
            this.body = body;
        }

        @Override
        public Integer call() throws Exception {
            return body.call();
        }
    }

    /** Runs a command that does what {@code body} does, under the real exception handling. */
    private static Run runWith(Callable<Integer> body, String... options) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Bulwark.commandLine(new Io(new PrintWriter(out, true), new PrintWriter(err, true), false, Clock.systemUTC()));
        cl.addSubcommand(new Exploding(body));
        String[] args = new String[options.length + 1];
        System.arraycopy(options, 0, args, 0, options.length);
        args[options.length] = "explode";
        return Run.of(cl, out, err, args);
    }
}
