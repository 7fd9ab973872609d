package org.bulwark.tally.rcv;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.bulwark.tally.rcv.RcvRules.TiebreakMode;

/**
 * Breaks ties as RCTab does. The random modes use java.util.Random seeded with the contest's randomSeed,
 * one generator per tabulation, because that is what makes RCTab's choices reproducible: tied candidates
 * are sorted by name and the candidate at floor(nextDouble() * count) is chosen. "generatePermutation"
 * sorts the candidate names and shuffles them once with Collections.shuffle and that generator.
 */
final class TieBreaker {
    private final TiebreakMode mode;
    private final Random random;
    private final List<String> permutation;
    private final TieOperator operator;

    TieBreaker(RcvRules rules, List<String> declaredNames, TieOperator operator) {
        this.mode = rules.tiebreakMode();
        this.operator = operator;
        // RCTab creates its generator only for the modes that need one; the seed is then required
        this.random = mode.needsSeed() ? new Random(rules.randomSeed().orElseThrow()) : null;
        List<String> order = new ArrayList<>(declaredNames);
        if (mode == TiebreakMode.GENERATE_PERMUTATION) {
            Collections.sort(order);
            Collections.shuffle(order, random);
        }
        this.permutation = List.copyOf(order);
    }

    /**
     * Picks the winner (or loser) among {@code tied}; empty when an operator was needed and gave no answer.
     *
     * @param history each earlier round's tally, round 1 first
     */
    Optional<String> select(boolean selectingWinner, List<String> tied, int round, BigDecimal votes,
            List<Map<String, BigDecimal>> history) {
        List<String> sorted = new ArrayList<>(tied);
        Collections.sort(sorted);
        return switch (mode) {
            case RANDOM -> Optional.of(randomPick(sorted));
            case STOP_COUNTING_AND_ASK -> ask(selectingWinner, sorted, round, votes);
            case USE_CANDIDATE_ORDER, GENERATE_PERMUTATION -> Optional.of(byPermutation(selectingWinner, sorted));
            case PREVIOUS_ROUND_COUNTS_THEN_RANDOM, PREVIOUS_ROUND_COUNTS_THEN_ASK ->
                    byPreviousRounds(selectingWinner, sorted, round, votes, history);
        };
    }

    private String randomPick(List<String> candidates) {
        int index = (int) Math.floor(random.nextDouble() * candidates.size());
        return candidates.get(index);
    }

    private Optional<String> ask(boolean selectingWinner, List<String> candidates, int round, BigDecimal votes) {
        List<String> sorted = new ArrayList<>(candidates);
        Collections.sort(sorted);
        Optional<String> choice = operator.choose(new TieOperator.Tie(round, selectingWinner, sorted, votes));
        return choice.filter(candidates::contains);
    }

    private String byPermutation(boolean selectingWinner, List<String> candidates) {
        List<String> search = new ArrayList<>(permutation);
        if (!selectingWinner) {
            Collections.reverse(search);
        }
        Set<String> set = new HashSet<>(candidates);
        for (String name : search) {
            if (set.contains(name)) {
                return name;
            }
        }
        // only the undeclared write-ins are missing from the permutation; they always go first
        return RcvContest.UNDECLARED_WRITE_INS;
    }

    private Optional<String> byPreviousRounds(boolean selectingWinner, List<String> candidates, int round,
            BigDecimal votes, List<Map<String, BigDecimal>> history) {
        List<String> inContention = candidates;
        for (int earlier = round - 1; earlier > 0; earlier--) {
            Map<String, BigDecimal> tally = history.get(earlier - 1);
            TreeMap<BigDecimal, List<String>> byVotes = new TreeMap<>();
            for (String name : RctabOrder.copiedSetOrder(inContention)) {
                byVotes.computeIfAbsent(tally.get(name), k -> new ArrayList<>()).add(name);
            }
            inContention = selectingWinner ? byVotes.lastEntry().getValue() : byVotes.firstEntry().getValue();
            if (inContention.size() == 1) {
                return Optional.of(inContention.get(0));
            }
        }
        return mode == TiebreakMode.PREVIOUS_ROUND_COUNTS_THEN_RANDOM
                ? Optional.of(randomPick(inContention))
                : ask(selectingWinner, inContention, round, votes);
    }
}
