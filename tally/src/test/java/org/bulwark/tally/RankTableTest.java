package org.bulwark.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bulwark.tally.Fixtures.ballot;
import static org.bulwark.tally.Fixtures.contest;
import static org.bulwark.tally.Fixtures.mark;
import static org.bulwark.tally.Fixtures.rank;
import static org.bulwark.tally.Fixtures.sid;

import java.util.List;
import org.bulwark.model.ElectionIndex;
import org.bulwark.model.Indication;
import org.bulwark.tally.rcv.RankTable;
import org.junit.jupiter.api.Test;

/** The candidate x rank table a precinct device prints for a ranked-choice contest. */
class RankTableTest {
    @Test
    void countsEveryRankAndFirstChoicesWithBallotsWithoutOneOrWithSeveralApart() {
        ElectionIndex index = ElectionIndex.of(Fixtures.general());
        List<RankTable> tables = RankTable.count(index, List.of(
                ballot("b1", "s1", Fixtures.P1, contest("rcv", rank("r1", 1), rank("r2", 2))),
                ballot("b2", "s1", Fixtures.P1, contest("rcv", rank("r2", 1), rank("r1", 2))),
                ballot("b3", "s1", Fixtures.P1, contest("rcv", rank("r2", 1))),
                // Skipped first rank: no first choice; the rank-2 mark still shows in the table.
                ballot("b4", "s1", Fixtures.P1, contest("rcv", rank("r1", 2))),
                // Two at rank 1: overvoted there, in the table at rank 1 for both.
                ballot("b5", "s1", Fixtures.P1, contest("rcv", rank("r1", 1), rank("r2", 1))),
                // The style carries the contest, the CVR leaves it out: a ballot with no first choice.
                ballot("b6", "s1", Fixtures.P1),
                // A mark that does not count, and a rank beyond the contest's two.
                ballot("b7", "s1", Fixtures.P1, contest("rcv", mark("r1", Indication.NO, Indication.YES), rank("r2", 3))),
                // Style s2 does not carry the contest.
                ballot("b8", "s2", Fixtures.P2)));
        assertThat(tables).singleElement().satisfies(t -> {
            assertThat(t.contest().value()).isEqualTo("rcv");
            assertThat(t.ranks()).isEqualTo(2);
            assertThat(t.ballots()).isEqualTo(7);
            assertThat(t.byRank().get(sid("r1"))).containsExactly(2L, 2L);
            assertThat(t.byRank().get(sid("r2"))).containsExactly(3L, 1L);
            assertThat(t.firstChoices().get(sid("r1"))).isEqualTo(1);
            assertThat(t.firstChoices().get(sid("r2"))).isEqualTo(2);
            assertThat(t.noFirstChoice()).isEqualTo(3);
            assertThat(t.firstRankOvervoted()).isEqualTo(1);
            assertThat(t.firstChoices().values().stream().mapToLong(Long::longValue).sum() + t.noFirstChoice() + t.firstRankOvervoted())
                    .isEqualTo(t.ballots());
        });
    }
}
