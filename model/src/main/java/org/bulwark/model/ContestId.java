package org.bulwark.model;

/** Typed id: the string that election files and reports use for this thing. */
public record ContestId(String value) {
    public ContestId {
        Ids.check(value, "contest id");
    }

    @Override
    public String toString() {
        return value;
    }
}
