package org.bulwark.tally.rcv;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One round of a ranked-choice tabulation, with every figure RCTab reports for it. Vote values keep the
 * scale RCTab's arithmetic gives them (whole numbers until a surplus is transferred, then
 * decimalPlaces digits), so they print the same.
 *
 * @param tally votes per candidate: the continuing candidates, then (multi-seat) the earlier winners
 * @param inactive inactive ballots by reason, every reason present
 * @param active votes held by continuing candidates
 * @param lockedIn votes held by winners of earlier rounds (multi-seat)
 * @param residualSurplus surplus lost to rounding so far (multi-seat)
 * @param elected candidates elected this round, in the order RCTab lists them
 * @param eliminated candidates eliminated this round, in the order RCTab lists them
 * @param decidedByTie candidates elected or eliminated this round by breaking a tie
 * @param transfers votes moved while this round was counted: source candidate, then target candidate,
 *     "exhausted" or "residual surplus"; they are the effect of the previous round's decisions
 */
public record RcvRound(int number, Map<String, BigDecimal> tally, BigDecimal threshold, Map<Inactive, BigDecimal> inactive,
        BigDecimal active, BigDecimal lockedIn, BigDecimal residualSurplus, List<String> elected,
        List<String> eliminated, Set<String> decidedByTie, Map<String, Map<String, BigDecimal>> transfers) {
    public static final String EXHAUSTED = "exhausted";
    public static final String RESIDUAL_SURPLUS = "residual surplus";

    public RcvRound {
        tally = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tally));
        inactive = java.util.Collections.unmodifiableMap(new EnumMap<>(inactive));
        elected = List.copyOf(elected);
        eliminated = List.copyOf(eliminated);
        decidedByTie = Set.copyOf(decidedByTie);
        Map<String, Map<String, BigDecimal>> copy = new LinkedHashMap<>();
        transfers.forEach((k, v) -> copy.put(k, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        transfers = java.util.Collections.unmodifiableMap(copy);
    }

    /** Active ballots as RCTab's report shows them: continuing, locked in with winners, or final-round surplus. */
    public BigDecimal activeAndLockedIn() {
        return active.add(lockedIn).add(inactive.get(Inactive.FINAL_ROUND_SURPLUS));
    }

    /** Every inactive ballot except the final-round surplus, which RCTab counts as still active. */
    public BigDecimal inactiveTotal() {
        BigDecimal sum = BigDecimal.ZERO;
        for (var e : inactive.entrySet()) {
            if (e.getKey() != Inactive.FINAL_ROUND_SURPLUS) {
                sum = sum.add(e.getValue());
            }
        }
        return sum;
    }
}
