package org.bulwark.model.results;

/**
 * How many ballots were counted.
 *
 * @param counted every ballot (CVR) tabulated
 * @param blank ballots without a single mark that counts as a vote, in any contest
 * @param partyUndetermined primary ballots whose party could not be determined (no party on the CVR
 *     or its style, and votes in no party's contests or in several parties'): their partisan
 *     contests were not counted; their nonpartisan contests were
 */
public record BallotCounts(long counted, long blank, long partyUndetermined) {
    public BallotCounts {
        Ordered.notNegative(counted, "ballots counted");
        Ordered.notNegative(blank, "blank ballots");
        Ordered.notNegative(partyUndetermined, "ballots of undetermined party");
    }
}
