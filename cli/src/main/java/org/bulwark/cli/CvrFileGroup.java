package org.bulwark.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bulwark.model.CountingGroup;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * CVR files and the counting group they were cast in, as {@code tabulate} and {@code import cvr} take them:
 * {@code [--counting-group GROUP] --cvr FILE [--cvr FILE]...}, repeated. A command declares a list of these
 * as a non-exclusive {@code @ArgGroup}.
 */
final class CvrFileGroup {
    static final String HEADING = "CVR files (give each --counting-group before the --cvr files it applies to; default election-day):%n";

    @Option(names = "--counting-group", paramLabel = "GROUP", converter = CountingGroupConverter.class,
            description = "How the ballots in these files were cast: election-day (default), absentee, early or provisional.")
    CountingGroup countingGroup = CountingGroup.ELECTION_DAY;

    // Not required here, so that import cvr can still take `--counting-group GROUP FILE...`; inputs() requires it.
    // No initial value: picocli would hand the same list to every group. Read it through files().
    @Option(names = "--cvr", paramLabel = "FILE", description = "A NIST SP 1500-103 CVR file (JSON or XML).")
    private List<Path> files;

    List<Path> files() {
        return files == null ? List.of() : files;
    }

    /** The files in the order given, each with its group's counting group; a group without files is a usage error. */
    static List<CvrInput> inputs(CommandLine command, List<CvrFileGroup> groups) {
        fileBeforeAnyGroup(command).ifPresent(file -> {
            // picocli would put such a file into the group named after it: refused rather than counted in a group not meant.
            throw new ParameterException(command, "--cvr " + file + " comes before any --counting-group, and a --counting-group "
                    + "follows: give each --counting-group before its files (--counting-group absentee --cvr FILE), "
                    + "or put election-day files after --counting-group election-day");
        });
        List<CvrInput> inputs = new ArrayList<>();
        for (CvrFileGroup group : groups) {
            if (group.files().isEmpty()) {
                throw missingCvr(command, "--counting-group " + group.countingGroup.nist() + " is not followed by any --cvr FILE");
            }
            group.files().forEach(f -> inputs.add(new CvrInput(f, group.countingGroup)));
        }
        if (inputs.isEmpty()) {
            throw missingCvr(command, "no CVR file given");
        }
        return inputs;
    }

    /** A --cvr given before the first --counting-group when a --counting-group is given at all. */
    private static Optional<String> fileBeforeAnyGroup(CommandLine command) {
        List<String> args = command.getParseResult() == null ? List.of() : command.getParseResult().originalArgs();
        Optional<String> firstFile = Optional.empty();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--counting-group") || a.startsWith("--counting-group=")) {
                return firstFile;
            }
            if (firstFile.isEmpty() && a.equals("--cvr") && i + 1 < args.size()) {
                firstFile = Optional.of(args.get(i + 1));
            } else if (firstFile.isEmpty() && a.startsWith("--cvr=")) {
                firstFile = Optional.of(a.substring("--cvr=".length()));
            }
        }
        return Optional.empty();
    }

    static ParameterException missingCvr(CommandLine command, String why) {
        return new ParameterException(command, "Missing required argument(s): --cvr=FILE (" + why + ")");
    }
}
