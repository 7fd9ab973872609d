package org.bulwark.tally.rcv;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One complete tabulation: the whole contest, or one seat of a multi-pass IRV contest.
 *
 * @param seat 1 for the first (or only) pass
 * @param numberOfWinners seats this pass fills (1 for each pass of multi-pass IRV)
 * @param candidateCount candidates taking part: declared, plus undeclared write-ins, less excluded ones
 * @param candidateNameCount every name the contest knows, excluded ones and undeclared write-ins included
 * @param winners in the order they were elected
 * @param slices the rounds' figures for each precinct or batch asked for (by slice kind, then slice name):
 *     the same decisions and thresholds, with the votes, inactive ballots and transfers of that slice
 */
public record RcvPass(int seat, int numberOfWinners, int candidateCount, int candidateNameCount, List<String> winners,
        List<RcvRound> rounds, Map<Slice, Map<String, List<RcvRound>>> slices) {
    public RcvPass {
        winners = List.copyOf(winners);
        rounds = List.copyOf(rounds);
        Map<Slice, Map<String, List<RcvRound>>> copy = new EnumMap<>(Slice.class);
        slices.forEach((kind, bySlice) -> {
            Map<String, List<RcvRound>> inner = new LinkedHashMap<>();
            bySlice.forEach((name, list) -> inner.put(name, List.copyOf(list)));
            copy.put(kind, Collections.unmodifiableMap(inner));
        });
        slices = Collections.unmodifiableMap(copy);
    }
}
