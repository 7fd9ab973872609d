package org.bulwark.model;

/** Typed id: the string that election files and reports use for this thing. */
public record PartyId(String value) {
    public PartyId {
        Ids.check(value, "party id");
    }

    @Override
    public String toString() {
        return value;
    }
}
