package org.bulwark.tally.rcv;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The rules of one ranked-choice contest, with RCTab's meaning for each (rctab_config_file_documentation.txt).
 * Which combinations make sense is checked where a configuration is read; this record only refuses values
 * no tabulation could use.
 *
 * @param maxSkippedRanks empty = unlimited
 * @param maxRankings empty = as many as there are declared candidates
 * @param decimalPlaces RCTab's decimalPlacesForVoteArithmetic: scale of surplus fractions and transfers
 * @param minimumVoteThreshold candidates below it are eliminated together; zero = none
 * @param bottomsUpPercentage whole percent, for {@link WinnerMode#BOTTOMS_UP_PERCENTAGE} only
 */
public record RcvRules(WinnerMode winnerMode, int numberOfWinners, OvervoteRule overvoteRule,
        TiebreakMode tiebreakMode, OptionalLong randomSeed, OptionalInt maxSkippedRanks, OptionalInt maxRankings,
        int decimalPlaces, BigDecimal minimumVoteThreshold, boolean nonIntegerWinningThreshold, boolean hareQuota,
        boolean batchElimination, boolean continueUntilTwoCandidatesRemain, boolean exhaustOnDuplicateCandidate,
        boolean firstRoundDeterminesThreshold, OptionalInt stopAfterRound, OptionalInt bottomsUpPercentage) {

    public RcvRules {
        if (decimalPlaces < 1 || decimalPlaces > 20) {
            throw new IllegalArgumentException("decimal places " + decimalPlaces + " outside 1..20");
        }
        if (numberOfWinners < 0) {
            throw new IllegalArgumentException("number of winners " + numberOfWinners + " is negative");
        }
        if (minimumVoteThreshold.signum() < 0) {
            throw new IllegalArgumentException("minimum vote threshold " + minimumVoteThreshold + " is negative");
        }
        if (tiebreakMode.needsSeed() && randomSeed.isEmpty()) {
            throw new IllegalArgumentException("tie-break mode " + tiebreakMode.rctabName() + " needs a random seed");
        }
    }

    /** Single-winner majority rules with RCTab's defaults, for tests and simple contests. */
    public static RcvRules singleWinner(TiebreakMode tiebreakMode, OptionalLong seed) {
        return new RcvRules(WinnerMode.SINGLE_WINNER_MAJORITY, 1, OvervoteRule.EXHAUST_IMMEDIATELY, tiebreakMode,
                seed, OptionalInt.of(1), OptionalInt.empty(), 4, BigDecimal.ZERO, false, false, false, false,
                false, false, OptionalInt.empty(), OptionalInt.empty());
    }

    /** Multi-seat rules that transfer surpluses (single transferable vote). */
    boolean usesSurpluses() {
        return numberOfWinners > 1 && winnerMode != WinnerMode.BOTTOMS_UP;
    }

    /** How winners are chosen (RCTab's winnerElectionMode). */
    public enum WinnerMode {
        SINGLE_WINNER_MAJORITY("singleWinnerMajority"),
        MULTI_WINNER_ONE_PER_ROUND("multiWinnerAllowOnlyOneWinnerPerRound"),
        MULTI_WINNER_MANY_PER_ROUND("multiWinnerAllowMultipleWinnersPerRound"),
        BOTTOMS_UP("bottomsUp"),
        BOTTOMS_UP_PERCENTAGE("bottomsUpUsingPercentageThreshold"),
        MULTI_PASS_IRV("multiPassIrv");

        private final String rctabName;

        WinnerMode(String rctabName) {
            this.rctabName = rctabName;
        }

        public String rctabName() {
            return rctabName;
        }

        public static Optional<WinnerMode> fromRctabName(String name) {
            for (WinnerMode m : values()) {
                if (m.rctabName.equals(name)) {
                    return Optional.of(m);
                }
            }
            return Optional.empty();
        }
    }

    /** What a rank marked for several candidates does to the ballot (RCTab's overvoteRule). */
    public enum OvervoteRule {
        ALWAYS_SKIP_TO_NEXT_RANK("alwaysSkipToNextRank"),
        EXHAUST_IMMEDIATELY("exhaustImmediately"),
        EXHAUST_IF_MULTIPLE_CONTINUING("exhaustIfMultipleContinuing");

        private final String rctabName;

        OvervoteRule(String rctabName) {
            this.rctabName = rctabName;
        }

        public String rctabName() {
            return rctabName;
        }

        public static Optional<OvervoteRule> fromRctabName(String name) {
            for (OvervoteRule r : values()) {
                if (r.rctabName.equals(name)) {
                    return Optional.of(r);
                }
            }
            return Optional.empty();
        }
    }

    /** How a tie for last place (or for first, where one winner must be picked) is broken (RCTab's tiebreakMode). */
    public enum TiebreakMode {
        RANDOM("random", true),
        STOP_COUNTING_AND_ASK("stopCountingAndAsk", false),
        PREVIOUS_ROUND_COUNTS_THEN_RANDOM("previousRoundCountsThenRandom", true),
        PREVIOUS_ROUND_COUNTS_THEN_ASK("previousRoundCountsThenAsk", false),
        USE_CANDIDATE_ORDER("useCandidateOrder", false),
        GENERATE_PERMUTATION("generatePermutation", true);

        private final String rctabName;
        private final boolean needsSeed;

        TiebreakMode(String rctabName, boolean needsSeed) {
            this.rctabName = rctabName;
            this.needsSeed = needsSeed;
        }

        public String rctabName() {
            return rctabName;
        }

        public boolean needsSeed() {
            return needsSeed;
        }

        public static Optional<TiebreakMode> fromRctabName(String name) {
            for (TiebreakMode t : values()) {
                if (t.rctabName.equals(name)) {
                    return Optional.of(t);
                }
            }
            return Optional.empty();
        }
    }
}
