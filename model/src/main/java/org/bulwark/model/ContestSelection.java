package org.bulwark.model;

import java.util.List;

/** One choice a voter can mark in a contest (NIST ContestSelection). */
public sealed interface ContestSelection {
    SelectionId id();

    /** A candidate (or a ticket, such as president and vice president) printed on the ballot. */
    record CandidateSelection(SelectionId id, List<CandidateId> candidates) implements ContestSelection {
        public CandidateSelection {
            candidates = List.copyOf(candidates);
            if (candidates.isEmpty()) {
                throw new IllegalArgumentException("candidate selection " + id + " names no candidate");
            }
        }
    }

    /** A write-in position: the voter writes a name; unresolved names are kept with the vote. */
    record WriteIn(SelectionId id) implements ContestSelection {}

    /** A response to a ballot measure, such as "Yes" or "No". */
    record BallotMeasureSelection(SelectionId id, String text) implements ContestSelection {}

    /** A party, in a straight-party contest. */
    record PartySelection(SelectionId id, List<PartyId> parties) implements ContestSelection {
        public PartySelection {
            parties = List.copyOf(parties);
        }
    }
}
