package org.bulwark.formats.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bulwark.model.ranked.RankedBallot;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every reader against RCTab's sample cases: the number of ballots, the undervotes (ballots with no ranking) and
 * the first-round tally that RCTab's expected report shows follow from the ballots as read.
 */
class RctabCasesTest {
    @ParameterizedTest
    @ValueSource(strings = {"2013_minneapolis_park", "2015_portland_mayor", "clear_ballot_kansas_primary", "dominion_alaska",
        "generic_csv_test", "hart_cedar_park_school_board", "test_set_0_skipped_first_choice", "test_set_1_exhaust_at_overvote",
        "test_set_2_overvote_skip_to_next", "tiebreak_seed_test"})
    void readsWhatRctabRead(String name) throws IOException {
        RctabCase c = RctabCase.load(name);
        List<RankedBallot> ballots = c.read();

        assertThat(ballots).hasSize((int) c.totalBallots());
        assertThat(ballots.stream().filter(b -> b.choices().isEmpty()).count()).as("undervotes").isEqualTo(c.undervotes());
        Map<String, Long> tally = new HashMap<>();
        for (RankedBallot b : ballots) {
            Optional<String> first = c.firstChoice(b);
            first.ifPresent(candidate -> tally.merge(candidate, 1L, Long::sum));
        }
        Map<String, Long> expected = new HashMap<>(c.firstRound());
        expected.values().removeIf(v -> v == 0);
        assertThat(tally).as("first-round tally").isEqualTo(expected);
    }
}
