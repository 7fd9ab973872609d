package org.bulwark.audit;

/**
 * An audit board's entry for one sampled ballot. Two members, of different parties, read the
 * ballot together and both sign the entry: one person's reading is not an audit.
 *
 * @param ballot the sampled ballot's number in the manifest (1..total)
 */
public record BoardEntry(long ballot, String board, String firstMember, String secondMember, PaperReading reading) {
    public BoardEntry {
        if (firstMember.isBlank() || secondMember.isBlank()) {
            throw new IllegalArgumentException("both members of the audit board must be named");
        }
        if (firstMember.strip().equalsIgnoreCase(secondMember.strip())) {
            throw new IllegalArgumentException("an audit board needs two different members, not " + firstMember + " twice");
        }
    }
}
