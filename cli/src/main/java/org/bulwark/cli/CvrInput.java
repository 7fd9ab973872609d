package org.bulwark.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bulwark.model.BadInputException;
import org.bulwark.model.CountingGroup;

/**
 * A CVR file named on the command line, with the counting group its ballots were cast in (a NIST
 * CVR report does not record it, so the person running the command says).
 */
record CvrInput(Path file, CountingGroup countingGroup) {
    /** Refuses a file that is not there before any work starts, in the words the readers use. */
    void requireReadable() {
        if (!Files.exists(file)) {
            throw new BadInputException(file.toString(), "file", "the file does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file.toString(), "file", "this is a folder, not a CVR file");
        }
        if (!Files.isReadable(file)) {
            throw new BadInputException(file.toString(), "file", "the file cannot be read (permission denied)");
        }
    }
}
