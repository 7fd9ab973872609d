package org.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HelpTest {
    @Test
    void everyCommandHasHelp() {
        CommandLine root = Bulwark.commandLine(new Io(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), false, Clock.systemUTC()));
        List<List<String>> commands = new ArrayList<>();
        collect(root, new ArrayList<>(), commands);
        assertThat(commands).extracting(c -> String.join(" ", c)).contains("election validate", "election fingerprint", "tabulate",
                "import election", "import cvr", "results", "generate", "demo");
        for (List<String> command : commands) {
            List<String> args = new ArrayList<>(command);
            args.add("--help");
            Run run = Run.of(args.toArray(String[]::new));
            assertThat(run.exitCode()).as(String.join(" ", args)).isZero();
            assertThat(run.out()).startsWith("Usage: bulwark " + String.join(" ", command));
        }
    }

    @Test
    void groupCommandsWithoutASubcommandShowTheirUsage() {
        Run run = Run.of("import");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: bulwark import", "election", "cvr");
    }

    private static void collect(CommandLine cl, List<String> path, List<List<String>> out) {
        for (var e : cl.getSubcommands().entrySet()) {
            List<String> p = new ArrayList<>(path);
            p.add(e.getKey());
            out.add(p);
            collect(e.getValue(), p, out);
        }
    }
}
