package org.bulwark.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.bulwark.formats.election.ElectionFiles;
import org.bulwark.formats.election.LoadedElection;
import org.bulwark.model.BadInputException;
import org.bulwark.model.ValidationIssue;

/** Reading election definitions for commands: every issue is shown; errors stop the command. */
final class Elections {
    private Elections() {}

    /** Reads a definition fit for use, or lists its problems on stderr and refuses it (exit code 2). */
    static LoadedElection loadUsable(Path file, PrintWriter err) {
        return usable(ElectionFiles.read(file), file.toString(), err);
    }

    /** Refuses a definition with errors, after listing every issue; warnings are shown and let through. */
    static LoadedElection usable(LoadedElection loaded, String name, PrintWriter err) {
        if (!loaded.issues().isEmpty()) {
            printIssues(name, loaded.issues(), err);
        }
        if (loaded.hasErrors()) {
            int errors = loaded.errors().size();
            throw new BadInputException(name, "election definition",
                    errors + (errors == 1 ? " error" : " errors") + " (listed above) make it unusable; fix the file and try again");
        }
        return loaded;
    }

    /** One line per issue: "error: path: message" or "warning: path: message". */
    static void printIssues(String name, List<ValidationIssue> issues, PrintWriter to) {
        for (ValidationIssue issue : issues) {
            to.println(name + ": " + (issue.isError() ? "error: " : "warning: ") + issue.path() + ": " + issue.message());
        }
        to.flush();
    }
}
