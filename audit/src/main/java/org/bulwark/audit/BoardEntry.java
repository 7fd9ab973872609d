package org.bulwark.audit;

/**
 * An audit board's entry for one sampled ballot. Two members, of different parties, read the
 * ballot together and both sign the entry: one person's reading is not an audit.
 *
 * @param ballot the sampled ballot's number in the manifest (1..total)
 */
public record BoardEntry(long ballot, String board, String firstMember, String secondMember, PaperReading reading) {
    /** A name longer than this is not a person's or a board's name; the three together fit the log's entry. */
    public static final int MAX_NAME = 300;

    public BoardEntry {
        board = name("the audit board's name", board);
        firstMember = name("the first member's name", firstMember);
        secondMember = name("the second member's name", secondMember);
        if (board.isEmpty()) {
            throw new IllegalArgumentException("the audit board must be named");
        }
        if (firstMember.isBlank() || secondMember.isBlank()) {
            throw new IllegalArgumentException("both members of the audit board must be named");
        }
        if (firstMember.strip().equalsIgnoreCase(secondMember.strip())) {
            throw new IllegalArgumentException("an audit board needs two different members, not " + firstMember + " twice");
        }
    }

    /** Names go into the log with the entry: one line of text, without control characters, of a bounded length. */
    private static String name(String what, String value) {
        String v = value.strip();
        if (v.length() > MAX_NAME) {
            throw new IllegalArgumentException(what + " is " + v.length() + " characters long; at most " + MAX_NAME + " are allowed");
        }
        for (int i = 0; i < v.length(); i++) {
            if (Character.isISOControl(v.charAt(i))) {
                throw new IllegalArgumentException(what + " holds a control character at position " + (i + 1)
                        + " (a tab, line break or other invisible character); type it again");
            }
        }
        return v;
    }
}
