package org.bulwark.model;

/** Typed id: the string that election files and reports use for this thing. */
public record SelectionId(String value) {
    public SelectionId {
        Ids.check(value, "contest selection id");
    }

    @Override
    public String toString() {
        return value;
    }
}
