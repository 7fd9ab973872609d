package org.bulwark.model.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bulwark.model.SelectionId;
import org.junit.jupiter.api.Test;

class SelectionVotesTest {
    private static final SelectionId A = new SelectionId("c-1-a");
    private static final SelectionId B = new SelectionId("c-1-b");
    private static final SelectionId WRITE_IN = new SelectionId("c-1-wi");
    private final SelectionVotes.Selections contest = SelectionVotes.selections(List.of(B, A, WRITE_IN));

    @Test
    void isTheMapOfVotesInBallotOrder() {
        // Counters beyond the selections (overvotes, undervotes...) follow them in the tally's arrays: ignored.
        SelectionVotes votes = contest.votes(new long[] {7, 3, 1, 99, 98});
        Map<SelectionId, Long> expected = new LinkedHashMap<>();
        expected.put(B, 7L);
        expected.put(A, 3L);
        expected.put(WRITE_IN, 1L);

        assertThat(votes).isEqualTo(expected).hasSameHashCodeAs(expected);
        assertThat(expected).isEqualTo(votes);
        assertThat(votes.keySet()).containsExactly(B, A, WRITE_IN);
        assertThat(votes.values()).containsExactly(7L, 3L, 1L);
        assertThat(votes.get(A)).isEqualTo(3L);
        assertThat(votes.get(new SelectionId("c-2-a"))).isNull();
        assertThat(votes.getOrDefault(new SelectionId("c-2-a"), 0L)).isZero();
        assertThat(new ContestCounts(votes, 0, 0, 11, 0, 1, Map.of()).votes()).isSameAs(votes);
    }

    @Test
    void cannotBeChangedNorChangedThroughTheCountsItWasMadeFrom() {
        long[] counts = {7, 3, 1};
        SelectionVotes votes = contest.votes(counts);
        counts[0] = 1000;

        assertThat(votes.get(B)).isEqualTo(7L);
        assertThatThrownBy(() -> votes.put(A, 1L)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> votes.remove(A)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(votes::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> votes.entrySet().iterator().next().setValue(5L)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void refusesNegativeVotesMissingCountsAndARepeatedSelection() {
        assertThatThrownBy(() -> contest.votes(new long[] {1, -2, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("votes for c-1-a is negative: -2");
        assertThatThrownBy(() -> contest.votes(new long[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 selections but 2 counts");
        assertThatThrownBy(() -> SelectionVotes.selections(List.of(A, B, A)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("selection c-1-a is listed twice");
    }
}
