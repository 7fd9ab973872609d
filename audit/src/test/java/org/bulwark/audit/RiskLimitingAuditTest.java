package org.bulwark.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bulwark.model.BallotStyleId;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.ContestId;
import org.bulwark.model.CountingGroup;
import org.bulwark.model.CvrContest;
import org.bulwark.model.GpUnitId;
import org.bulwark.model.Indication;
import org.bulwark.model.Mark;
import org.bulwark.model.SelectionId;
import org.junit.jupiter.api.Test;

class RiskLimitingAuditTest {
    static final ContestId MAYOR = new ContestId("mayor");
    static final SelectionId A = new SelectionId("alice");
    static final SelectionId B = new SelectionId("bob");
    static final SelectionId C = new SelectionId("carol");

    static AuditedContest mayor(RlaMethod method) {
        Map<SelectionId, Long> votes = new LinkedHashMap<>();
        votes.put(A, 600L);
        votes.put(B, 400L);
        return new AuditedContest(MAYOR, 1, 1, votes, 0.1, method);
    }

    static PaperReading paper(SelectionId... marked) {
        return new PaperReading.Marks(Map.of(MAYOR, Set.of(marked)));
    }

    static CastVoteRecord cvr(SelectionId... votes) {
        List<Mark> marks = java.util.Arrays.stream(votes)
                .map(s -> new Mark(s, 1, Indication.YES, Indication.YES, 0, Optional.empty(), false)).toList();
        return new CastVoteRecord("b", new BallotStyleId("s"), new GpUnitId("p"), List.of(), Optional.empty(), Optional.empty(),
                CountingGroup.ELECTION_DAY, List.of(), List.of(new CvrContest(MAYOR, marks, java.util.OptionalInt.empty(), java.util.OptionalInt.empty())));
    }

    @Test
    void bravoOverTheEngineIsTheReferenceFigure() {
        List<AuditEvidence.SampledBallot> draws = new ArrayList<>();
        for (int i = 0; i < 72; i++) {
            draws.add(new AuditEvidence.SampledBallot(i + 1, paper(A), Optional.empty()));
        }
        for (int i = 0; i < 47; i++) {
            draws.add(new AuditEvidence.SampledBallot(100 + i, paper(B), Optional.empty()));
        }
        draws.add(new AuditEvidence.SampledBallot(500, paper(A, B), Optional.empty())); // overvote: neither
        draws.add(new AuditEvidence.SampledBallot(501, paper(), Optional.empty()));
        RiskLimitingAudit.ContestRisk risk = RiskLimitingAudit.measure(List.of(mayor(new RlaMethod.Bravo())),
                AuditEvidence.ofBallots(1000, draws)).getFirst();
        assertThat(risk.risk()).isEqualTo(0.07140372947931496);
        assertThat(risk.met()).isTrue();
        assertThat(risk.sampled()).isEqualTo(121);
    }

    @Test
    void aBallotThatCannotBeFoundCountsForTheLoser() {
        List<AuditEvidence.SampledBallot> draws = new ArrayList<>();
        for (int i = 0; i < 72; i++) {
            draws.add(new AuditEvidence.SampledBallot(i + 1, paper(A), Optional.empty()));
        }
        for (int i = 0; i < 47; i++) {
            draws.add(new AuditEvidence.SampledBallot(100 + i, new PaperReading.NotFound("empty slot"), Optional.empty()));
        }
        assertThat(RiskLimitingAudit.measure(List.of(mayor(new RlaMethod.Bravo())), AuditEvidence.ofBallots(1000, draws)).getFirst().risk())
                .isEqualTo(0.07140372947931496);
    }

    @Test
    void alphaPollingOverTheEngineIsAlphaOnTheAssorterValues() {
        // The reference sample [1, 1, 0, 1, 0.5, 1, 1, 0, 1, 1] as ballots; reported 60/40 of 100 makes eta 0.6.
        Map<SelectionId, Long> votes = Map.of(A, 60L, B, 40L);
        AuditedContest contest = new AuditedContest(MAYOR, 1, 1, new LinkedHashMap<>(votes), 0.1, new RlaMethod.AlphaPolling());
        List<PaperReading> papers = List.of(paper(A), paper(A), paper(B), paper(A), paper(), paper(A), paper(A), paper(B), paper(A), paper(A));
        List<AuditEvidence.SampledBallot> draws = new ArrayList<>();
        for (int i = 0; i < papers.size(); i++) {
            draws.add(new AuditEvidence.SampledBallot(i + 1, papers.get(i), Optional.empty()));
        }
        draws.add(new AuditEvidence.SampledBallot(3, paper(B), Optional.empty())); // drawn again: used once
        assertThat(RiskLimitingAudit.measure(List.of(contest), AuditEvidence.ofBallots(100, draws)).getFirst().risk())
                .isEqualTo(0.40226041349281877);
    }

    @Test
    void comparisonDiscrepanciesAreClassifiedPerContest() {
        AuditedContest km = mayor(new RlaMethod.KaplanMarkov(KaplanMarkov.DEFAULT_GAMMA));
        assertThat(discrepancy(km, cvr(A), paper(A))).isZero();
        assertThat(discrepancy(km, cvr(A), paper())).isEqualTo(1);
        assertThat(discrepancy(km, cvr(A), paper(B))).isEqualTo(2);
        assertThat(discrepancy(km, cvr(), paper(A))).isEqualTo(-1);
        assertThat(discrepancy(km, cvr(B), paper(A))).isEqualTo(-2);
        assertThat(discrepancy(km, cvr(A), new PaperReading.NotFound("missing"))).isEqualTo(2);
        assertThat(discrepancy(km, cvr(A), new PaperReading.Decoded(cvr(A)))).isZero();
        assertThat(discrepancy(km, cvr(A, B), paper(B))).isEqualTo(1); // the CVR's overvote is no vote
    }

    private static int discrepancy(AuditedContest contest, CastVoteRecord cvr, PaperReading paper) {
        return RiskLimitingAudit.ballotDiscrepancy(contest, new AuditEvidence.SampledBallot(1, paper, Optional.of(cvr)));
    }

    @Test
    void kaplanMarkovOverTheEngineMatchesTheFormula() {
        // Margin 200 of 1000 ballots: diluted margin 0.2, as in the reference.
        AuditedContest km = mayor(new RlaMethod.KaplanMarkov(KaplanMarkov.DEFAULT_GAMMA));
        List<AuditEvidence.SampledBallot> draws = new ArrayList<>();
        for (int i = 0; i < 27; i++) {
            draws.add(new AuditEvidence.SampledBallot(i + 1, paper(A), Optional.of(cvr(A))));
        }
        RiskLimitingAudit.ContestRisk clean = RiskLimitingAudit.measure(List.of(km), AuditEvidence.ofBallots(1000, draws)).getFirst();
        assertThat(clean.risk()).isBetween(0.06507456877787, 0.06507456877788);
        draws.set(5, new AuditEvidence.SampledBallot(6, paper(), Optional.of(cvr(A))));
        RiskLimitingAudit.ContestRisk one = RiskLimitingAudit.measure(List.of(km), AuditEvidence.ofBallots(1000, draws)).getFirst();
        assertThat(one.discrepancies()).isEqualTo(new Discrepancies(1, 0, 0, 0));
        assertThat(one.risk()).isEqualTo(KaplanMarkov.risk(0.2, 27, new Discrepancies(1, 0, 0, 0), KaplanMarkov.DEFAULT_GAMMA));
        assertThat(one.met()).isFalse();
        assertThat(RiskLimitingAudit.initialSampleSize(List.of(km), AuditEvidence.ofBallots(1000, List.of()))).isEqualTo(27);
        assertThat(RiskLimitingAudit.initialSampleSize(List.of(mayor(new RlaMethod.Bravo())), AuditEvidence.ofBallots(1000, List.of())))
                .isEqualTo(119);
    }

    @Test
    void alphaComparisonConfirmsCleanSamplesAndNotWrongOnes() {
        AuditedContest ac = mayor(new RlaMethod.AlphaComparison());
        List<AuditEvidence.SampledBallot> clean = new ArrayList<>();
        List<AuditEvidence.SampledBallot> wrong = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            clean.add(new AuditEvidence.SampledBallot(i + 1, paper(A), Optional.of(cvr(A))));
            wrong.add(new AuditEvidence.SampledBallot(i + 1, paper(B), Optional.of(cvr(A))));
        }
        assertThat(RiskLimitingAudit.measure(List.of(ac), AuditEvidence.ofBallots(1000, clean)).getFirst().risk()).isLessThan(0.1);
        assertThat(RiskLimitingAudit.measure(List.of(ac), AuditEvidence.ofBallots(1000, wrong)).getFirst().risk()).isEqualTo(1);
    }

    @Test
    void batchComparisonIsKaplanMarkovOnTaints() {
        // Four batches of 250; Alice 150-100 in each; margin 200, so u_p = (50 + 250) / 200 = 1.5, q_p = 1/4, M = 6.
        AuditedContest bc = mayor(new RlaMethod.BatchComparison());
        AuditEvidence.BatchTotals batch = new AuditEvidence.BatchTotals(250, Map.of(MAYOR, Map.of(A, 150L, B, 100L)));
        List<AuditEvidence.BatchTotals> totals = List.of(batch, batch, batch, batch);
        Map<Integer, Map<ContestId, Map<SelectionId, Long>>> right = Map.of(0, Map.of(MAYOR, Map.of(A, 150L, B, 100L)));
        AuditEvidence cleanDraws = new AuditEvidence(1000, List.of(), totals, List.of(0, 0, 0), right);
        assertThat(RiskLimitingAudit.measure(List.of(bc), cleanDraws).getFirst().risk()).isCloseTo(Math.pow(5.0 / 6, 3), within(1e-15));
        // The hand count shows 10 votes moved from Alice to Bob: taint 20/200 = 0.1, factor (5/6) / (1 - 0.1 / 1.5).
        Map<Integer, Map<ContestId, Map<SelectionId, Long>>> moved = Map.of(1, Map.of(MAYOR, Map.of(A, 140L, B, 110L)));
        AuditEvidence wrong = new AuditEvidence(1000, List.of(), totals, List.of(1), moved);
        assertThat(RiskLimitingAudit.measure(List.of(bc), wrong).getFirst().risk()).isCloseTo((5.0 / 6) / (1 - 0.1 / 1.5), within(1e-15));
        // A batch drawn but not yet counted counts the worst way.
        assertThat(RiskLimitingAudit.measure(List.of(bc), new AuditEvidence(1000, List.of(), totals, List.of(2), Map.of())).getFirst().risk())
                .isEqualTo(1);
        assertThat(RiskLimitingAudit.initialSampleSize(List.of(bc), cleanDraws)).isEqualTo(13); // (5/6)^13 < 0.1 < (5/6)^12
    }

    @Test
    void severalContestsEachWithItsOwnLimitAndMethod() {
        Map<SelectionId, Long> council = new LinkedHashMap<>();
        council.put(A, 500L);
        council.put(B, 450L);
        council.put(C, 50L);
        ContestId councilId = new ContestId("council");
        AuditedContest two = new AuditedContest(councilId, 2, 2, council, 0.05, new RlaMethod.Bravo());
        assertThat(two.pairs()).extracting(p -> p.winner().value() + ">" + p.loser().value()).containsExactly("bob>carol", "alice>carol");
        List<AuditEvidence.SampledBallot> draws = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            draws.add(new AuditEvidence.SampledBallot(i + 1,
                    new PaperReading.Marks(Map.of(MAYOR, Set.of(A), councilId, Set.of(A, B))), Optional.empty()));
        }
        List<RiskLimitingAudit.ContestRisk> risks = RiskLimitingAudit.measure(List.of(mayor(new RlaMethod.Bravo()), two),
                AuditEvidence.ofBallots(1000, draws));
        assertThat(risks).extracting(RiskLimitingAudit.ContestRisk::contest).containsExactly(MAYOR, councilId);
        assertThat(risks.get(0).risk()).isEqualTo(Bravo.risk(600, 400, 30, 0));
        assertThat(risks.get(1).risk()).isEqualTo(Bravo.risk(450, 50, 30, 0));
        assertThat(risks.get(1).riskLimit()).isEqualTo(0.05);
    }

    @Test
    void decisionsAfterARound() {
        var met = new RiskLimitingAudit.ContestRisk(MAYOR, 0.05, 0.1, 50, Discrepancies.NONE);
        var notMet = new RiskLimitingAudit.ContestRisk(new ContestId("council"), 0.3, 0.1, 50, Discrepancies.NONE);
        assertThat(RiskLimitingAudit.decide(List.of(met), 50, 1000, 1, 3)).isEqualTo(new RiskLimitingAudit.Decision.Stop());
        assertThat(RiskLimitingAudit.decide(List.of(met, notMet), 50, 1000, 1, 3)).isEqualTo(new RiskLimitingAudit.Decision.Escalate(100));
        assertThat(RiskLimitingAudit.decide(List.of(met, notMet), 50, 1000, 3, 3))
                .isEqualTo(new RiskLimitingAudit.Decision.FullHandCount(List.of(new ContestId("council"))));
        assertThat(RiskLimitingAudit.decide(List.of(notMet), 600, 1000, 1, 3)).isInstanceOf(RiskLimitingAudit.Decision.FullHandCount.class);
    }

    @Test
    void aTieAtTheCutNeedsAFullHandCount() {
        AuditedContest tied = new AuditedContest(MAYOR, 1, 1, new LinkedHashMap<>(Map.of(A, 500L, B, 500L)), 0.1, new RlaMethod.Bravo());
        assertThat(RiskLimitingAudit.measure(List.of(tied), AuditEvidence.ofBallots(1000, List.of())).getFirst().risk()).isEqualTo(1);
        assertThat(RiskLimitingAudit.initialSampleSize(List.of(tied), AuditEvidence.ofBallots(1000, List.of()))).isEqualTo(1000);
    }
}
