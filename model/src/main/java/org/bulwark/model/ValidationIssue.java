package org.bulwark.model;

/**
 * One problem found in an input, with where it is ({@code contests[3].candidates[1].partyId}, or an
 * XML element path) and a message that quotes the bad value and says what would be valid.
 */
public record ValidationIssue(String path, String message) {
    @Override
    public String toString() {
        return path + ": " + message;
    }
}
