package org.bulwark.tally.rcv;

import java.util.List;

/**
 * One complete tabulation: the whole contest, or one seat of a multi-pass IRV contest.
 *
 * @param seat 1 for the first (or only) pass
 * @param numberOfWinners seats this pass fills (1 for each pass of multi-pass IRV)
 * @param candidateCount candidates taking part: declared, plus undeclared write-ins, less excluded ones
 * @param candidateNameCount every name the contest knows, excluded ones and undeclared write-ins included
 * @param winners in the order they were elected
 */
public record RcvPass(int seat, int numberOfWinners, int candidateCount, int candidateNameCount, List<String> winners,
        List<RcvRound> rounds) {
    public RcvPass {
        winners = List.copyOf(winners);
        rounds = List.copyOf(rounds);
    }
}
