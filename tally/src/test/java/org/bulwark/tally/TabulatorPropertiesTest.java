package org.bulwark.tally;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.function.ToLongFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.ContestId;
import org.bulwark.model.CvrContest;
import org.bulwark.model.ElectionIndex;
import org.bulwark.model.Indication;
import org.bulwark.model.Mark;
import org.bulwark.model.SelectionId;
import org.bulwark.model.results.BallotCounts;
import org.bulwark.model.results.Breakdown;
import org.bulwark.model.results.ContestCounts;
import org.bulwark.model.results.ContestResult;
import org.bulwark.model.results.ElectionResults;
import org.bulwark.model.results.Reconciliation;

class TabulatorPropertiesTest {

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Arbitraries.randomValue(random -> Scenario.generate(random, 60));
    }

    private static ElectionResults sequential(Scenario s) {
        PartialTally tally = Tabulator.of(ElectionIndex.of(s.election())).newPartial();
        s.cvrs().forEach(tally::add);
        return tally.results();
    }

    @Property(tries = 300)
    void fastTallyAgreesWithTheReferenceTally(@ForAll("scenarios") Scenario s) {
        assertThat(sequential(s)).isEqualTo(ReferenceTally.tally(s.election(), s.cvrs()));
    }

    @Property(tries = 200)
    void resultsDoNotDependOnHowCvrsAreSplitBetweenPartialTallies(
            @ForAll("scenarios") Scenario s, @ForAll @IntRange(min = 1, max = 8) int parts, @ForAll Random random) {
        Tabulator tabulator = Tabulator.of(ElectionIndex.of(s.election()));
        List<PartialTally> partials = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            partials.add(tabulator.newPartial());
        }
        List<CastVoteRecord> shuffled = new ArrayList<>(s.cvrs());
        Collections.shuffle(shuffled, random);
        for (CastVoteRecord cvr : shuffled) {
            partials.get(random.nextInt(parts)).add(cvr);
        }
        Collections.shuffle(partials, random);

        // Left fold ((a+b)+c)+... and right fold a+(b+(c+...)) into fresh tallies: associativity
        // and commutativity together with the shuffles above.
        PartialTally left = tabulator.newPartial();
        partials.forEach(left::merge);
        PartialTally right = tabulator.newPartial();
        right.merge(partials.get(parts - 1));
        for (int i = parts - 2; i >= 0; i--) {
            PartialTally next = tabulator.newPartial();
            next.merge(partials.get(i));
            next.merge(right);
            right = next;
        }

        ElectionResults expected = sequential(s);
        assertThat(left.results()).isEqualTo(expected);
        assertThat(right.results()).isEqualTo(expected);
        assertThat(left.ballotsCounted()).isEqualTo(s.cvrs().size());
    }

    @Property(tries = 200)
    void tabulatedResultsAlwaysReconcile(@ForAll("scenarios") Scenario s) {
        Reconciliation r = Reconciliation.of(sequential(s));
        assertThat(r.discrepancies()).isEmpty();
    }

    @Property(tries = 200)
    void everyBreakdownAddsUpToTheTotal(@ForAll("scenarios") Scenario s) {
        ElectionResults r = sequential(s);
        assertPartitions(r.ballots(), BallotCounts::counted);
        assertPartitions(r.ballots(), BallotCounts::blank);
        for (ContestResult c : r.contests()) {
            assertPartitions(c.counts(), ContestCounts::ballotsCast);
            assertPartitions(c.counts(), ContestCounts::overvotes);
            assertPartitions(c.counts(), ContestCounts::undervotes);
            assertPartitions(c.counts(), ContestCounts::totalVotes);
            assertPartitions(c.counts(), ContestCounts::writeInVotes);
            assertThat(c.counts().total().writeInNames().values().stream().mapToLong(Long::longValue).sum())
                    .isLessThanOrEqualTo(c.counts().total().writeInVotes());
        }
    }

    /**
     * CVRs damaged at random (a contest or selection id the election lacks, a contest listed twice):
     * the tally either counts the CVR or refuses it with IllegalArgumentException, and a refused CVR
     * changes nothing.
     */
    @Property(tries = 200)
    void aDamagedCvrIsRefusedWholeAndNothingElseIsThrown(@ForAll("scenarios") Scenario s, @ForAll Random random) {
        PartialTally tally = Tabulator.of(ElectionIndex.of(s.election())).newPartial();
        for (CastVoteRecord cvr : s.cvrs()) {
            CastVoteRecord damaged = random.nextInt(3) == 0 ? damage(cvr, random) : cvr;
            ElectionResults before = tally.results();
            try {
                tally.add(damaged);
            } catch (IllegalArgumentException refused) {
                assertThat(refused.getMessage()).startsWith("ballot " + cvr.ballotId() + ": ");
                assertThat(tally.results()).isEqualTo(before);
            }
        }
    }

    private static CastVoteRecord damage(CastVoteRecord cvr, Random random) {
        List<CvrContest> contests = new ArrayList<>(cvr.contests());
        switch (random.nextInt(3)) {
            case 0 -> contests.add(random.nextInt(contests.size() + 1),
                    new CvrContest(new ContestId("no-such-contest"), List.of(), OptionalInt.empty(), OptionalInt.empty()));
            case 1 -> {
                if (!contests.isEmpty()) {
                    contests.add(contests.get(random.nextInt(contests.size())));
                }
            }
            default -> {
                if (!contests.isEmpty()) {
                    int i = random.nextInt(contests.size());
                    CvrContest c = contests.get(i);
                    List<Mark> marks = new ArrayList<>(c.marks());
                    marks.add(new Mark(new SelectionId("no-such-selection"), 1, Indication.YES, Indication.YES, 0,
                            Optional.empty(), false));
                    contests.set(i, new CvrContest(c.contest(), marks, OptionalInt.empty(), OptionalInt.empty()));
                }
            }
        }
        return new CastVoteRecord(cvr.ballotId(), cvr.ballotStyle(), cvr.ballotStyleUnit(), cvr.parties(),
                cvr.creatingDevice(), cvr.batch(), cvr.countingGroup(), cvr.ballotImages(), contests);
    }

    private static <T> void assertPartitions(Breakdown<T> b, ToLongFunction<T> f) {
        long total = f.applyAsLong(b.total());
        for (Map<?, T> by : List.of(b.byUnit(), b.byBallotStyle(), b.byCountingGroup(), b.byDevice(), b.byBatch())) {
            assertThat(by.values().stream().mapToLong(f).sum()).isEqualTo(total);
        }
    }
}
