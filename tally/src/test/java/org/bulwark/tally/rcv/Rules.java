package org.bulwark.tally.rcv;

import java.math.BigDecimal;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.bulwark.tally.rcv.RcvRules.OvervoteRule;
import org.bulwark.tally.rcv.RcvRules.TiebreakMode;
import org.bulwark.tally.rcv.RcvRules.WinnerMode;

/** Rules built one change at a time from single-winner defaults (candidate-order tie-breaks, no skip limit). */
record Rules(WinnerMode mode, int winners, OvervoteRule overvote, TiebreakMode tiebreak, OptionalLong seed,
        OptionalInt maxSkips, OptionalInt maxRankings, int decimals, BigDecimal minimum, boolean nonInteger,
        boolean hare, boolean batch, boolean untilTwo, boolean exhaustOnDuplicate, boolean firstRound,
        OptionalInt stopAfter, OptionalInt percentage) {

    static Rules irv() {
        return new Rules(WinnerMode.SINGLE_WINNER_MAJORITY, 1, OvervoteRule.EXHAUST_IMMEDIATELY,
                TiebreakMode.USE_CANDIDATE_ORDER, OptionalLong.empty(), OptionalInt.empty(), OptionalInt.empty(), 4,
                BigDecimal.ZERO, false, false, false, false, false, false, OptionalInt.empty(), OptionalInt.empty());
    }

    static Rules stv(int seats) {
        return irv().mode(WinnerMode.MULTI_WINNER_MANY_PER_ROUND).winners(seats);
    }

    Rules mode(WinnerMode m) {
        return new Rules(m, winners, overvote, tiebreak, seed, maxSkips, maxRankings, decimals, minimum, nonInteger,
                hare, batch, untilTwo, exhaustOnDuplicate, firstRound, stopAfter, percentage);
    }

    Rules winners(int w) {
        return new Rules(mode, w, overvote, tiebreak, seed, maxSkips, maxRankings, decimals, minimum, nonInteger,
                hare, batch, untilTwo, exhaustOnDuplicate, firstRound, stopAfter, percentage);
    }

    Rules overvote(OvervoteRule o) {
        return new Rules(mode, winners, o, tiebreak, seed, maxSkips, maxRankings, decimals, minimum, nonInteger,
                hare, batch, untilTwo, exhaustOnDuplicate, firstRound, stopAfter, percentage);
    }

    Rules tiebreak(TiebreakMode t, long s) {
        return new Rules(mode, winners, overvote, t, OptionalLong.of(s), maxSkips, maxRankings, decimals, minimum,
                nonInteger, hare, batch, untilTwo, exhaustOnDuplicate, firstRound, stopAfter, percentage);
    }

    Rules maxSkips(int n) {
        return new Rules(mode, winners, overvote, tiebreak, seed, OptionalInt.of(n), maxRankings, decimals, minimum,
                nonInteger, hare, batch, untilTwo, exhaustOnDuplicate, firstRound, stopAfter, percentage);
    }

    Rules maxRankings(int n) {
        return new Rules(mode, winners, overvote, tiebreak, seed, maxSkips, OptionalInt.of(n), decimals, minimum,
                nonInteger, hare, batch, untilTwo, exhaustOnDuplicate, firstRound, stopAfter, percentage);
    }

    Rules minimum(int n) {
        return new Rules(mode, winners, overvote, tiebreak, seed, maxSkips, maxRankings, decimals, BigDecimal.valueOf(n),
                nonInteger, hare, batch, untilTwo, exhaustOnDuplicate, firstRound, stopAfter, percentage);
    }

    Rules nonIntegerThreshold() {
        return new Rules(mode, winners, overvote, tiebreak, seed, maxSkips, maxRankings, decimals, minimum, true, hare,
                batch, untilTwo, exhaustOnDuplicate, firstRound, stopAfter, percentage);
    }

    Rules hareQuota() {
        return new Rules(mode, winners, overvote, tiebreak, seed, maxSkips, maxRankings, decimals, minimum, nonInteger,
                true, batch, untilTwo, exhaustOnDuplicate, firstRound, stopAfter, percentage);
    }

    Rules batchElimination() {
        return new Rules(mode, winners, overvote, tiebreak, seed, maxSkips, maxRankings, decimals, minimum, nonInteger,
                hare, true, untilTwo, exhaustOnDuplicate, firstRound, stopAfter, percentage);
    }

    Rules continueUntilTwo() {
        return new Rules(mode, winners, overvote, tiebreak, seed, maxSkips, maxRankings, decimals, minimum, nonInteger,
                hare, batch, true, exhaustOnDuplicate, firstRound, stopAfter, percentage);
    }

    Rules exhaustOnDuplicates() {
        return new Rules(mode, winners, overvote, tiebreak, seed, maxSkips, maxRankings, decimals, minimum, nonInteger,
                hare, batch, untilTwo, true, firstRound, stopAfter, percentage);
    }

    Rules stopAfter(int round) {
        return new Rules(mode, winners, overvote, tiebreak, seed, maxSkips, maxRankings, decimals, minimum, nonInteger,
                hare, batch, untilTwo, exhaustOnDuplicate, firstRound, OptionalInt.of(round), percentage);
    }

    Rules percentage(int p) {
        return new Rules(WinnerMode.BOTTOMS_UP_PERCENTAGE, 0, overvote, tiebreak, seed, maxSkips, maxRankings, decimals,
                minimum, nonInteger, hare, batch, untilTwo, exhaustOnDuplicate, firstRound, stopAfter, OptionalInt.of(p));
    }

    RcvRules build() {
        return new RcvRules(mode, winners, overvote, tiebreak, seed, maxSkips, maxRankings, decimals, minimum,
                nonInteger, hare, batch, untilTwo, exhaustOnDuplicate, firstRound, stopAfter, percentage);
    }
}
