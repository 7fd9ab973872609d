package org.bulwark.model;

/** Typed id: the string that election files and reports use for this thing. */
public record GpUnitId(String value) {
    public GpUnitId {
        Ids.check(value, "geopolitical unit id");
    }

    @Override
    public String toString() {
        return value;
    }
}
