package org.bulwark.model;

import java.util.Optional;

/**
 * One mark on a ballot for one selection: a NIST CVR SelectionPosition together with the
 * ContestSelectionId it belongs to. A mark counts as a vote when it has an indication and is
 * allocable (IsAllocable "yes", or "unknown" left to the contest rules).
 *
 * @param votes NumberVotes, 1 unless the contest allows several votes for one selection
 * @param rank the rank for a ranked-choice contest, 0 otherwise
 * @param writeInName the name written in, when this is a write-in position and a name was read
 * @param generatedByRules true when the mark was derived by a rule (straight-party), not made by hand
 */
public record Mark(
        SelectionId selection,
        int votes,
        Indication hasIndication,
        Indication allocable,
        int rank,
        Optional<String> writeInName,
        boolean generatedByRules) {
    public Mark {
        if (votes < 0) {
            throw new IllegalArgumentException("NumberVotes " + votes + " is negative");
        }
        if (rank < 0) {
            throw new IllegalArgumentException("Rank " + rank + " is negative");
        }
    }

    public boolean countsAsVote() {
        return hasIndication == Indication.YES && allocable != Indication.NO;
    }
}
