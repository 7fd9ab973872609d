package org.bulwark.tally.rcv;

/** A way to split a count's figures by where ballots came from, as RCTab's tabulate-by options do. */
public enum Slice {
    PRECINCT("precinct", "no precinct id"),
    BATCH("batch", "no batch id");

    private final String word;
    private final String missing;

    Slice(String word, String missing) {
        this.word = word;
        this.missing = missing;
    }

    /** The slice's name in RCTab's reports and file names ("precinct"). */
    public String word() {
        return word;
    }

    /** The slice RCTab puts ballots in whose source names none ("no precinct id"). */
    public String missing() {
        return missing;
    }
}
