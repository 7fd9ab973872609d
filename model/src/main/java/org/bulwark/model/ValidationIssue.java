package org.bulwark.model;

/**
 * One problem found in an input, with where it is ({@code contests[3].candidates[1].partyId}, or an
 * XML element path) and a message that quotes the bad value and says what would be valid.
 *
 * @param severity ERROR for what makes the definition unusable; WARNING for what is allowed but
 *     probably a mistake (a contest on no ballot)
 */
public record ValidationIssue(String path, String message, Severity severity) {
    /** How serious a problem is: errors block use of the definition, warnings are shown to a person. */
    public enum Severity {
        ERROR,
        WARNING
    }

    public ValidationIssue {
        if (path == null || message == null || severity == null) {
            throw new IllegalArgumentException("validation issue needs a path, a message and a severity");
        }
    }

    /** An error: the most common kind, kept for callers that predate severities. */
    public ValidationIssue(String path, String message) {
        this(path, message, Severity.ERROR);
    }

    public static ValidationIssue warning(String path, String message) {
        return new ValidationIssue(path, message, Severity.WARNING);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return (severity == Severity.WARNING ? "warning: " : "") + path + ": " + message;
    }
}
