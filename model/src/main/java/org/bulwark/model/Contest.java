package org.bulwark.model;

import java.util.List;

/**
 * A contest on the ballot (NIST Contest). Every contest is held in a district and lists the
 * selections a voter can mark; {@link #votesAllowed()} is the vote-for-N limit beyond which the
 * contest is overvoted.
 */
public sealed interface Contest {
    ContestId id();

    String name();

    GpUnitId district();

    List<ContestSelection> selections();

    int votesAllowed();

    /**
     * An office with candidates: vote-for-N, with write-in positions among its selections. In a
     * primary, {@code primaryParties} names the parties whose voters may vote in it (empty: everyone).
     *
     * @param ranks 0 for a plurality contest; the number of ranks for a ranked-choice contest
     */
    record CandidateContest(
            ContestId id,
            String name,
            GpUnitId district,
            int votesAllowed,
            List<ContestSelection> selections,
            List<PartyId> primaryParties,
            int ranks)
            implements Contest {
        public CandidateContest {
            selections = List.copyOf(selections);
            primaryParties = List.copyOf(primaryParties);
        }

        public boolean isRankedChoice() {
            return ranks > 0;
        }
    }

    /** A question put to the voters, answered yes or no (or with the selections given). */
    record BallotMeasureContest(
            ContestId id, String name, GpUnitId district, String fullText, List<ContestSelection> selections)
            implements Contest {
        public BallotMeasureContest {
            selections = List.copyOf(selections);
        }

        @Override
        public int votesAllowed() {
            return 1;
        }
    }

    /** A straight-party contest: one mark selects a party's candidates in partisan contests. */
    record PartyContest(ContestId id, String name, GpUnitId district, List<ContestSelection> selections)
            implements Contest {
        public PartyContest {
            selections = List.copyOf(selections);
        }

        @Override
        public int votesAllowed() {
            return 1;
        }
    }
}
