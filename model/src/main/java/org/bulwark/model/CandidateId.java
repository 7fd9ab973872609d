package org.bulwark.model;

/** Typed id: the string that election files and reports use for this thing. */
public record CandidateId(String value) {
    public CandidateId {
        Ids.check(value, "candidate id");
    }

    @Override
    public String toString() {
        return value;
    }
}
