package org.bulwark.tally.rcv;

import java.util.List;

/** What a ranked-choice tabulation came to. */
public sealed interface RcvOutcome {
    /** Every pass ran to its end. */
    record Tabulated(List<RcvPass> passes) implements RcvOutcome {
        public Tabulated {
            passes = List.copyOf(passes);
        }
    }

    /**
     * The rules could not settle the contest (every candidate below the minimum threshold, a tie that
     * needs an operator's decision and got none); {@code completed} holds the passes finished before.
     */
    record Stopped(String reason, List<RcvPass> completed) implements RcvOutcome {
        public Stopped {
            completed = List.copyOf(completed);
        }
    }
}
