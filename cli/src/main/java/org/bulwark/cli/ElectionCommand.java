package org.bulwark.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.bulwark.formats.election.ElectionFiles;
import org.bulwark.formats.election.LoadedElection;
import org.bulwark.model.Election;
import org.bulwark.model.ElectionFingerprint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bulwark election ...}: check an election definition file. */
@Command(
        name = "election",
        mixinStandardHelpOptions = true,
        description = "Check an election definition: Bulwark JSON, or a NIST SP 1500-100 election report or SP 1500-20 ballot definition (JSON or XML).",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {ElectionCommand.Validate.class, ElectionCommand.Fingerprint.class})
final class ElectionCommand extends CommandGroup {
    @Command(
            name = "validate",
            mixinStandardHelpOptions = true,
            description = {"Read an election definition and list every problem in it, with where it is.",
                "Exit code 2 if any problem is an error; warnings alone exit 0."})
    static final class Validate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The election definition file.")
        Path file;

        @Override
        public Integer call() {
            Io io = Bulwark.of(spec).io();
            LoadedElection loaded = ElectionFiles.read(file);
            Election e = loaded.election();
            io.out().println(file + ": " + loaded.format().description() + ": \"" + e.title() + "\" (" + e.id() + ", " + e.date() + ")");
            io.out().println("  " + e.contests().size() + " contests, " + e.ballotStyles().size() + " ballot styles, "
                    + e.gpUnits().size() + " geopolitical units, " + e.candidates().size() + " candidates");
            long errors = loaded.errors().size();
            long warnings = loaded.issues().size() - errors;
            if (loaded.issues().isEmpty()) {
                io.out().println("No problems found. Fingerprint " + ElectionFingerprint.of(e).shortForm() + ".");
                return Bulwark.OK;
            }
            Elections.printIssues(file.toString(), loaded.issues(), io.out());
            io.out().println(count(errors, "error") + ", " + count(warnings, "warning") + ".");
            io.out().flush();
            if (errors > 0) {
                io.err().println("bulwark: " + file + ": " + count(errors, "error") + ": the definition cannot be used until they are fixed");
                return Bulwark.BAD_INPUT;
            }
            return Bulwark.OK;
        }
    }

    @Command(
            name = "fingerprint",
            mixinStandardHelpOptions = true,
            description = {"Print the fingerprint of an election definition: the SHA-256 of its canonical form, "
                    + "short (7 digits, as every screen, report and paper record shows it) and in full.",
                "The same election has the same fingerprint whatever the file format it came in."})
    static final class Fingerprint implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The election definition file.")
        Path file;

        @Override
        public Integer call() {
            Io io = Bulwark.of(spec).io();
            LoadedElection loaded = Elections.usable(ElectionFiles.read(file), file.toString(), io.err());
            ElectionFingerprint f = ElectionFingerprint.of(loaded.election());
            io.out().println("short: " + f.shortForm());
            io.out().println("full:  " + f.sha256());
            return Bulwark.OK;
        }
    }

    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
