package org.bulwark.formats.election;

import java.util.List;
import org.bulwark.model.Election;
import org.bulwark.model.ValidationIssue;

/**
 * An election definition read from a file: the election, the format it was recognised as, and every
 * problem found, both in the file's structure (with the place in the file) and in the election
 * itself (from {@link org.bulwark.model.ElectionValidator}).
 */
public record LoadedElection(Election election, ElectionFormat format, List<ValidationIssue> issues) {
    public LoadedElection {
        issues = List.copyOf(issues);
    }

    /** True when an error-level issue makes the definition unfit for use. */
    public boolean hasErrors() {
        return issues.stream().anyMatch(ValidationIssue::isError);
    }

    public List<ValidationIssue> errors() {
        return issues.stream().filter(ValidationIssue::isError).toList();
    }
}
