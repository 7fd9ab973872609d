package org.bulwark.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bulwark.model.TestElections.s;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The straight-party rule on a small election; gen-01's CVRs check it in the device module (StraightPartyTest there). */
class StraightPartyTest {
    private static final ContestId SP = new ContestId("sp");
    private static final ContestId SENATOR = new ContestId("k1");
    private static final ContestId BOARD = new ContestId("k2");

    private static Map<ContestId, List<SelectionId>> derived(Election e, Map<ContestId, List<SelectionId>> hand) {
        ElectionIndex index = ElectionIndex.of(e);
        return StraightParty.derived(index, index.ballotStyle(new BallotStyleId("b1")).orElseThrow(), hand);
    }

    @Test
    void aPartyMarkMarksThePartysCandidatesInEveryPartisanContestNotMarkedByHand() {
        Election e = TestElections.small();
        assertThat(derived(e, Map.of(SP, List.of(s("spd"))))).isEqualTo(Map.of(SENATOR, List.of(s("s1")), BOARD, List.of(s("s4"))));
        assertThat(derived(e, Map.of(SP, List.of(s("spr"))))).isEqualTo(Map.of(SENATOR, List.of(s("s2"))));
        // A hand mark in a contest overrides the party there only.
        assertThat(derived(e, Map.of(SP, List.of(s("spd")), SENATOR, List.of(s("s3"))))).isEqualTo(Map.of(BOARD, List.of(s("s4"))));
        // No party, or two parties (an overvote): nothing derived.
        assertThat(derived(e, Map.of(SENATOR, List.of(s("s1"))))).isEmpty();
        assertThat(derived(e, Map.of(SP, List.of(s("spd"), s("spr"))))).isEmpty();
    }

    @Test
    void nothingIsDerivedWhereThePartyHasMoreCandidatesThanVotesOrTheContestIsRanked() {
        Election e = TestElections.small();
        List<Contest> contests = e.contests().stream().map(c -> c instanceof Contest.CandidateContest k && k.id().equals(SENATOR)
                ? new Contest.CandidateContest(k.id(), k.name(), k.district(), 1,
                        List.of(TestElections.cand("s1", "c1"), TestElections.cand("s7", "c1"), new ContestSelection.WriteIn(s("s3"))),
                        List.of(), 0)
                : c).toList();
        assertThat(derived(TestElections.withContests(e, contests), Map.of(SP, List.of(s("spd"))))).isEqualTo(Map.of(BOARD, List.of(s("s4"))));
        List<Contest> ranked = e.contests().stream().map(c -> c instanceof Contest.CandidateContest k && k.id().equals(SENATOR)
                ? new Contest.CandidateContest(k.id(), k.name(), k.district(), 1, k.selections(), List.of(), 2) : c).toList();
        assertThat(derived(TestElections.withContests(e, ranked), Map.of(SP, List.of(s("spd"))))).isEqualTo(Map.of(BOARD, List.of(s("s4"))));
    }
}
