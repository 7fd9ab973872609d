package org.bulwark.model.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bulwark.model.BallotStyleId;
import org.bulwark.model.ContestId;
import org.bulwark.model.CountingGroup;
import org.bulwark.model.GpUnitId;
import org.bulwark.model.SelectionId;
import org.junit.jupiter.api.Test;

class ReconciliationTest {
    private static final GpUnitId SCOPE = new GpUnitId("county");
    private static final GpUnitId P1 = new GpUnitId("p1");
    private static final ContestId MAYOR = new ContestId("mayor");
    private static final BatchKey BATCH = new BatchKey(Optional.of("scanner"), Optional.of("1"));

    private static ContestCounts counts(long alice, long bob, long over, long under, long cast) {
        Map<SelectionId, Long> votes = new LinkedHashMap<>();
        votes.put(new SelectionId("alice"), alice);
        votes.put(new SelectionId("bob"), bob);
        return new ContestCounts(votes, over, under, cast, 0, 0, Map.of());
    }

    private static <T> Breakdown<T> everywhere(T total, T unit) {
        return new Breakdown<>(total, Map.of(P1, unit), Map.of(new BallotStyleId("s"), unit),
                Map.of(CountingGroup.ELECTION_DAY, unit), Map.of(Optional.of("scanner"), unit), Map.of(BATCH, unit));
    }

    private static ElectionResults results(long ballots, ContestCounts total, ContestCounts unit) {
        BallotCounts b = new BallotCounts(ballots, 0, 0);
        return new ElectionResults("e", SCOPE, everywhere(b, b),
                List.of(new ContestResult(MAYOR, 2, everywhere(total, unit))), List.of());
    }

    @Test
    void balancedWhenEveryBallotIsAccountedForInVoteUnits() {
        // 3 ballots x 2 votes allowed = 6 = 3 votes + 1 undervote + 2 overvotes
        Reconciliation r = Reconciliation.of(results(3, counts(2, 1, 2, 1, 3), counts(2, 1, 2, 1, 3)));
        assertThat(r.balanced()).isTrue();
        assertThat(r.discrepancies()).isEmpty();
        assertThat(r.checks()).hasSize(6); // scope and one group of each of the 5 breakdowns
        assertThat(r.scopeCheck(MAYOR).orElseThrow().where()).isEqualTo("election scope county");
    }

    @Test
    void reportsEveryGroupWhereVotesDoNotAddUpWithTheNumbers() {
        Reconciliation r = Reconciliation.of(results(3, counts(2, 1, 2, 1, 3), counts(2, 1, 0, 1, 3)));
        assertThat(r.balanced()).isFalse();
        assertThat(r.balanced(MAYOR)).isFalse();
        assertThat(r.discrepancies()).extracting(ContestReconciliation::where).containsExactly(
                "unit p1", "ballot style s", "counting group election-day", "device scanner", "batch scanner/1");
        assertThat(r.discrepancies().get(0).problems()).containsExactly(
                "contest mayor, unit p1: 3 ballots x 2 votes allowed = 6, but votes 3 + undervotes 1 + overvotes 0 = 4");
    }

    /** The PDF asks only for what does not balance: the same checks, in the same order, as the whole reconciliation's. */
    @Test
    void theDiscrepanciesAloneAreThoseOfTheWholeReconciliation() {
        for (ElectionResults results : List.of(results(3, counts(2, 1, 2, 1, 3), counts(2, 1, 2, 1, 3)),
                results(3, counts(2, 1, 2, 1, 3), counts(2, 1, 0, 1, 3)), results(2, counts(2, 1, 2, 1, 3), counts(2, 1, 2, 1, 3)))) {
            assertThat(Reconciliation.discrepancies(results)).isEqualTo(Reconciliation.of(results).discrepancies());
        }
        assertThat(Reconciliation.discrepancies(results(2, counts(2, 1, 2, 1, 3), counts(2, 1, 2, 1, 3)))).isNotEmpty();
    }

    @Test
    void reportsAContestCastOnMoreBallotsThanWereCounted() {
        Reconciliation r = Reconciliation.of(results(2, counts(2, 1, 2, 1, 3), counts(2, 1, 2, 1, 3)));
        assertThat(r.scopeCheck(MAYOR).orElseThrow().problems()).containsExactly(
                "contest mayor, election scope county: appeared on 3 ballots but only 2 ballots were counted");
    }

    @Test
    void countsAreNeverNegativeAndMapsKeepTheirOrder() {
        assertThatThrownBy(() -> counts(-1, 0, 0, 0, 0)).hasMessage("votes for alice is negative: -1");
        assertThatThrownBy(() -> new BallotCounts(1, -2, 0)).hasMessage("blank ballots is negative: -2");
        Map<SelectionId, Long> votes = new LinkedHashMap<>();
        for (String s : List.of("z", "a", "m")) {
            votes.put(new SelectionId(s), 1L);
        }
        ContestCounts c = new ContestCounts(votes, 0, 0, 3, 0, 0, Map.of());
        assertThat(c.votes().keySet()).extracting(SelectionId::value).containsExactly("z", "a", "m");
        assertThat(c.totalVotes()).isEqualTo(3);
        assertThat(c.votesFor(new SelectionId("nobody"))).isZero();
    }

    @Test
    void batchesSortWithUnrecordedPartsFirst() {
        List<BatchKey> keys = new java.util.ArrayList<>(List.of(
                new BatchKey(Optional.of("b"), Optional.of("1")),
                new BatchKey(Optional.of("a"), Optional.of("2")),
                new BatchKey(Optional.of("a"), Optional.empty()),
                new BatchKey(Optional.empty(), Optional.of("9"))));
        java.util.Collections.sort(keys);
        assertThat(keys).containsExactly(
                new BatchKey(Optional.empty(), Optional.of("9")),
                new BatchKey(Optional.of("a"), Optional.empty()),
                new BatchKey(Optional.of("a"), Optional.of("2")),
                new BatchKey(Optional.of("b"), Optional.of("1")));
    }
}
