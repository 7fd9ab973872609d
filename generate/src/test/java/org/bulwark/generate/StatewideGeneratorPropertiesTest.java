package org.bulwark.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.bulwark.model.ElectionIndex;

class StatewideGeneratorPropertiesTest {
    @Property(tries = 60)
    void anySizeGivesAConsistentElectionWithExactlyTheBallotsAsked(
            @ForAll @IntRange(min = 1, max = 40) int authorities,
            @ForAll @IntRange(min = 0, max = 300) int extraPrecincts,
            @ForAll @IntRange(min = 0, max = 800) int ballots,
            @ForAll @IntRange(min = 1, max = 500) int perFile,
            @ForAll long seed) {
        StatewideGenerator.Settings s = new StatewideGenerator.Settings(authorities, authorities + extraPrecincts, ballots, seed, perFile);
        StatewideGenerator g = StatewideGenerator.create(s);
        GeneratedElectionCheck.definitionIsConsistent(g.election(), s);
        ElectionIndex index = ElectionIndex.of(g.election());
        Set<String> ids = new HashSet<>();
        g.castVoteRecords(cvr -> GeneratedElectionCheck.ballotIsConsistent(cvr, index, ids));
        assertThat(ids).hasSize(ballots);
        assertThat(g.chunks().stream().mapToLong(StatewideGenerator.Chunk::ballots).sum()).isEqualTo(ballots);
    }
}
