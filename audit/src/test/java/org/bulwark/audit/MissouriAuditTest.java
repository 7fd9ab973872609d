package org.bulwark.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.bulwark.model.ContestId;
import org.bulwark.model.GpUnitId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MissouriAuditTest {
    @ParameterizedTest
    @CsvSource({"1, 1", "19, 1", "20, 1", "21, 2", "40, 2", "41, 3", "100, 5", "101, 6"})
    void fivePercentRoundedUpAtLeastOne(int precincts, int selected) {
        assertThat(MissouriAudit.precinctsToSelect(precincts)).isEqualTo(selected);
    }

    @Test
    void theDrawingIsRivestsSamplerOnTheExtendedSeed() {
        List<GpUnitId> precincts = IntStream.rangeClosed(1, 45).mapToObj(i -> new GpUnitId(String.format("p%02d", i))).toList();
        Map<ContestId, MissouriCategory> contests = new LinkedHashMap<>();
        contests.put(new ContestId("president"), MissouriCategory.FEDERAL_OR_STATEWIDE_CANDIDATE);
        contests.put(new ContestId("governor"), MissouriCategory.FEDERAL_OR_STATEWIDE_CANDIDATE);
        contests.put(new ContestId("amendment-1"), MissouriCategory.STATEWIDE_ISSUE);
        for (String local : List.of("mayor", "school", "sewer", "library")) {
            contests.put(new ContestId(local), MissouriCategory.LOCAL);
        }
        String seed = "12345678901234567890";
        MissouriAudit.Selection s = MissouriAudit.select(seed, precincts.reversed(), contests);
        assertThat(s.precinctsInAuthority()).isEqualTo(45);
        List<Long> expected = Sampler.draw(seed + "-precincts", 1, 45, 3, true);
        assertThat(s.precincts()).containsExactlyElementsOf(expected.stream().map(i -> precincts.get((int) (long) i - 1)).toList());
        assertThat(s.contests()).extracting(MissouriAudit.SelectedContest::category).containsExactly(
                MissouriCategory.FEDERAL_OR_STATEWIDE_CANDIDATE, MissouriCategory.STATEWIDE_ISSUE,
                MissouriCategory.LOCAL, MissouriCategory.LOCAL, MissouriCategory.LOCAL);
        List<ContestId> sortedStatewide = List.of(new ContestId("governor"), new ContestId("president"));
        assertThat(s.contests().getFirst().contest())
                .isEqualTo(sortedStatewide.get((int) (long) Sampler.draw(seed + "-federal-or-statewide-candidate", 1, 2, 1, true).getFirst() - 1));
        assertThat(s.contests().subList(2, 5)).extracting(MissouriAudit.SelectedContest::contest).doesNotHaveDuplicates();
        assertThat(MissouriAudit.select(seed, precincts, contests)).isEqualTo(s);
    }

    @Test
    void aTeamIsTwoDifferentPeople() {
        assertThatThrownBy(() -> new MissouriAudit.HandCount(new GpUnitId("p"), new ContestId("c"), Map.of(), "Ann Lee", "ann lee "))
                .hasMessageContaining("a team of two different people");
    }
}
