package org.bulwark.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    static ParameterException missingCvr(CommandLine command, String why) {
        return new ParameterException(command, "Missing required argument(s): --cvr=FILE (" + why + ")");
    }
}
