package org.bulwark.device;

import java.util.List;
import java.util.Optional;
import org.bulwark.model.BallotStyleId;
import org.bulwark.model.ContestId;
import org.bulwark.model.GpUnitId;
import org.bulwark.model.SelectionId;

/**
 * What a voter marked, as the device receives it: a ballot style, the precinct (or split) it is cast
 * in, and for each contest the selections picked. A contest left out, or with no picks, is an
 * undervote; the device checks everything against the election before anything is recorded.
 */
public record Ballot(BallotStyleId style, GpUnitId precinct, List<ContestVote> contests) {
    public Ballot {
        contests = List.copyOf(contests);
    }

    /** The picks in one contest. */
    public record ContestVote(ContestId contest, List<Pick> picks) {
        public ContestVote {
            picks = List.copyOf(picks);
        }
    }

    /**
     * One selection picked.
     *
     * @param rank 0 in a vote-for-N contest; 1 for first choice and so on in a ranked-choice contest
     * @param writeInName the name written in, for a write-in position
     */
    public record Pick(SelectionId selection, int rank, Optional<String> writeInName) {
        public static Pick of(SelectionId selection) {
            return new Pick(selection, 0, Optional.empty());
        }
    }
}
