package org.bulwark.tally.rcv;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The election official who decides a tie when the rules say to stop counting and ask. Returning empty
 * stops the tabulation.
 */
@FunctionalInterface
public interface TieOperator {
    Optional<String> choose(Tie tie);

    /** An operator who is not there: every tie that needs one stops the tabulation. */
    static TieOperator none() {
        return tie -> Optional.empty();
    }

    /**
     * @param selectingWinner true when one of the tied candidates is to be elected, false when one is to be eliminated
     * @param candidates the tied candidates, sorted by name
     */
    record Tie(int round, boolean selectingWinner, List<String> candidates, BigDecimal votes) {
        public Tie {
            candidates = List.copyOf(candidates);
        }
    }
}
