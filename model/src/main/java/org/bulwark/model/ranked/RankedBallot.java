package org.bulwark.model.ranked;

import java.util.List;
import java.util.Optional;

/**
 * One ballot's rankings in one ranked-choice contest, as a vendor's export records them, before any
 * tabulation rule is applied: skipped ranks, overvotes and duplicate rankings are kept as read, since
 * what they mean depends on the contest's rules (RCTab's overvote rule, skipped-rank limit, ...).
 *
 * @param ballotId the ballot's id in its source (a record id, or file name and position when it has none)
 * @param precinct the precinct the source names for the ballot, when it names one
 * @param batch the batch or tabulator batch the source names, when it names one
 * @param choices every choice on the ballot in rank order (rank 1 first); several at one rank is an overvote
 */
public record RankedBallot(String ballotId, Optional<String> precinct, Optional<String> batch,
        List<RankedChoice> choices) {
    public RankedBallot {
        choices = List.copyOf(choices);
        for (int i = 1; i < choices.size(); i++) {
            if (choices.get(i).rank() < choices.get(i - 1).rank()) {
                throw new IllegalArgumentException("choices of ballot " + ballotId + " are not in rank order");
            }
        }
    }

    /** A choice at a rank (1 = first choice). */
    public record RankedChoice(int rank, Choice choice) {
        public RankedChoice {
            if (rank < 1) {
                throw new IllegalArgumentException("rank " + rank + " is below 1");
            }
        }
    }

    /** What a voter marked at one rank. */
    public sealed interface Choice {
        /** A candidate, by the name or code the source uses for it (mapped to names by the contest's settings). */
        record Candidate(String nameOrCode) implements Choice {}

        /** The source's own overvote marker: several marks at this rank, candidates not named. */
        record Overvote() implements Choice {}

        /** A write-in for someone who is not a declared candidate. */
        record UndeclaredWriteIn() implements Choice {}
    }
}
