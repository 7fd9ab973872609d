package org.bulwark.model;

/** Typed id: the string that election files and reports use for this thing. */
public record BallotStyleId(String value) {
    public BallotStyleId {
        Ids.check(value, "ballot style id");
    }

    @Override
    public String toString() {
        return value;
    }
}
