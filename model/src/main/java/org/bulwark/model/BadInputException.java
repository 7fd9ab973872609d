package org.bulwark.model;

/**
 * An input file that cannot be used: malformed, truncated, of another election, too large. Thrown
 * at the boundary where a file is read, before anything is written; the message names the file,
 * the place in it and the problem, and the command line turns it into exit code 2.
 *
 * @see #file() the file, as the user named it
 * @see #place() where in the file: "line 12, column 4", "byte 1048576", "CVR[17].CVRSnapshot[0]"
 */
public final class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final String place;
    private final String problem;

    public BadInputException(String file, String place, String problem) {
        super(file + ": " + place + ": " + problem);
        this.file = file;
        this.place = place;
        this.problem = problem;
    }

    public BadInputException(String file, String place, String problem, Throwable cause) {
        super(file + ": " + place + ": " + problem, cause);
        this.file = file;
        this.place = place;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    public String place() {
        return place;
    }

    public String problem() {
        return problem;
    }
}
