package org.bulwark.model.results;

import java.util.Objects;
import org.bulwark.model.ContestId;

/** The counts of one contest, for the election scope and broken down. */
public record ContestResult(ContestId contest, int votesAllowed, Breakdown<ContestCounts> counts) {
    public ContestResult {
        Objects.requireNonNull(contest, "contest");
        Objects.requireNonNull(counts, "counts");
        if (votesAllowed < 1) {
            throw new IllegalArgumentException("contest " + contest + " allows " + votesAllowed + " votes");
        }
    }
}
