package org.bulwark.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.CountingGroup;
import org.bulwark.model.CvrContest;
import org.bulwark.model.Election;
import org.bulwark.model.ElectionIndex;
import org.bulwark.model.GpUnit;
import org.bulwark.model.GpUnitType;
import org.bulwark.model.Mark;
import org.junit.jupiter.api.Test;

class StatewideGeneratorTest {
    /** Missouri's shape at a size a unit test draws in well under a second. */
    private static final StatewideGenerator.Settings MISSOURI = new StatewideGenerator.Settings(116, 3500, 20_000, 7, 6_000);

    @Test
    void missouriShapedElectionHasTheDistrictsAndOfficesOfAStatewideGeneral() {
        Election e = StatewideGenerator.create(MISSOURI).election();
        GeneratedElectionCheck.definitionIsConsistent(e, MISSOURI);

        assertThat(count(e, GpUnitType.CONGRESSIONAL)).isEqualTo(8);
        assertThat(count(e, GpUnitType.STATE_SENATE)).isEqualTo(34);
        assertThat(count(e, GpUnitType.STATE_HOUSE)).isEqualTo(163);
        assertThat(count(e, GpUnitType.SPLIT_PRECINCT)).as("some precincts are split").isGreaterThan(100);
        assertThat(e.gpUnits().stream().filter(u -> u.authority() && u.type() == GpUnitType.CITY).count())
                .as("two cities with their own boards, like St. Louis and Kansas City").isEqualTo(2);
        assertThat(e.gpUnits().stream().filter(u -> u.authority() && u.type() == GpUnitType.COUNTY).count()).isEqualTo(114);

        List<String> names = e.contests().stream().map(c -> c.name()).toList();
        assertThat(names).contains("President and Vice President", "United States Senator", "Governor", "Attorney General",
                "United States Representative, District 8", "State Representative, District 163", "Constitutional Amendment 1");
        // Only the odd-numbered half of the state senate is up this year.
        assertThat(names).contains("State Senator, District 33").doesNotContain("State Senator, District 34");
        assertThat(e.contests()).filteredOn(c -> c.votesAllowed() > 1).isNotEmpty()
                .allMatch(c -> c.name().contains("Board of Education") || c.name().contains("Council") || c.name().contains("Alderman"));
        assertThat(e.countingGroups()).contains(CountingGroup.ELECTION_DAY, CountingGroup.ABSENTEE, CountingGroup.PROVISIONAL);
        // Several styles per authority, from the districts its precincts and splits fall in.
        assertThat(e.ballotStyles().size()).isGreaterThan(2 * 116);
    }

    @Test
    void everyBallotMatchesItsStyleAndTheMixIncludesOvervotesUndervotesAndNamedWriteIns() {
        StatewideGenerator g = StatewideGenerator.create(MISSOURI);
        ElectionIndex index = ElectionIndex.of(g.election());
        Set<String> ids = new HashSet<>();
        Map<CountingGroup, Integer> groups = new EnumMap<>(CountingGroup.class);
        Set<String> devices = new HashSet<>();
        Set<String> batches = new HashSet<>();
        int[] overvoted = new int[1];
        int[] undervoted = new int[1];
        int[] writeIns = new int[1];
        int[] contests = new int[1];
        g.castVoteRecords(cvr -> {
            GeneratedElectionCheck.ballotIsConsistent(cvr, index, ids);
            groups.merge(cvr.countingGroup(), 1, Integer::sum);
            devices.add(cvr.creatingDevice().orElseThrow());
            batches.add(cvr.batch().orElseThrow());
            for (CvrContest c : cvr.contests()) {
                contests[0]++;
                overvoted[0] += c.recordedOvervotes().orElseThrow() > 0 ? 1 : 0;
                undervoted[0] += c.recordedUndervotes().orElseThrow() > 0 ? 1 : 0;
                writeIns[0] += (int) c.marks().stream().filter(m -> m.writeInName().isPresent()).count();
            }
        });
        assertThat(ids).hasSize(20_000);
        // A small share of each, as on real ballots.
        assertThat(overvoted[0]).isBetween(contests[0] / 5000, contests[0] / 100);
        assertThat(undervoted[0]).isBetween(contests[0] / 50, contests[0] / 4);
        assertThat(writeIns[0]).isBetween(contests[0] / 5000, contests[0] / 100);
        assertThat(groups.get(CountingGroup.ELECTION_DAY)).isBetween(12_000, 15_000);
        assertThat(groups.get(CountingGroup.ABSENTEE)).isBetween(5_000, 7_500);
        assertThat(groups.get(CountingGroup.PROVISIONAL)).isBetween(100, 600);
        assertThat(devices).hasSizeGreaterThan(1000);
        assertThat(batches).hasSizeGreaterThan(devices.size());
    }

    @Test
    void partisanLeanShowsInTheVote() {
        StatewideGenerator g = StatewideGenerator.create(MISSOURI);
        int[] rep = new int[1];
        int[] dem = new int[1];
        g.castVoteRecords(cvr -> {
            for (Mark m : cvr.contests().get(0).marks()) {
                rep[0] += m.selection().value().equals("c-president-1") && m.countsAsVote() ? 1 : 0;
                dem[0] += m.selection().value().equals("c-president-2") && m.countsAsVote() ? 1 : 0;
            }
        });
        assertThat(cvrContestOfFirstBallot(g)).isEqualTo("c-president");
        assertThat(rep[0] + dem[0]).isGreaterThan(18_000);
        assertThat(rep[0]).isBetween(dem[0] / 2, dem[0] * 3);
    }

    @Test
    void sameSeedSameElectionAndBallots_otherSeedOtherBallots() {
        StatewideGenerator.Settings small = new StatewideGenerator.Settings(20, 150, 3_000, 42);
        String a = digest(StatewideGenerator.create(small));
        String b = digest(StatewideGenerator.create(small));
        String c = digest(StatewideGenerator.create(new StatewideGenerator.Settings(20, 150, 3_000, 43)));
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
        assertThat(StatewideGenerator.create(small).election()).isEqualTo(StatewideGenerator.create(small).election());
    }

    @Test
    void chunksHoldWholeAuthoritiesAndTogetherEveryBallotInOrder() {
        StatewideGenerator g = StatewideGenerator.create(new StatewideGenerator.Settings(30, 200, 5_000, 3, 1_000));
        List<CastVoteRecord> all = new ArrayList<>();
        g.castVoteRecords(all::add);
        List<CastVoteRecord> byChunk = new ArrayList<>();
        g.chunks().forEach(c -> {
            int before = byChunk.size();
            g.castVoteRecords(c, byChunk::add);
            assertThat(byChunk.size() - before).isEqualTo(c.ballots());
        });
        assertThat(byChunk).isEqualTo(all);
        assertThat(g.chunks().size()).isBetween(4, 10);
        assertThat(g.chunks().stream().flatMap(c -> c.authorities().stream()).distinct().count()).isEqualTo(30);
        assertThat(g.chunks().get(0).fileName(CountingGroup.ABSENTEE)).isEqualTo("cvr-01-absentee.json");
    }

    @Test
    void settingsOutOfRangeAreRefusedWithTheReason() {
        assertThatThrownBy(() -> new StatewideGenerator.Settings(0, 10, 10, 1))
                .hasMessage("authorities must be between 1 and 1000, not 0");
        assertThatThrownBy(() -> new StatewideGenerator.Settings(10, 5, 10, 1))
                .hasMessage("precincts must be between the number of authorities (10) and 100000, not 5");
        assertThatThrownBy(() -> new StatewideGenerator.Settings(10, 50, -1, 1))
                .hasMessage("ballots must be between 0 and 1000000000, not -1");
        assertThatThrownBy(() -> new StatewideGenerator.Settings(10, 50, 10, 1, 0))
                .hasMessage("ballots per file must be at least 1, not 0");
    }

    private static String cvrContestOfFirstBallot(StatewideGenerator g) {
        String[] first = new String[1];
        g.castVoteRecords(cvr -> {
            if (first[0] == null) {
                first[0] = cvr.contests().get(0).contest().value();
            }
        });
        return first[0];
    }

    private static long count(Election e, GpUnitType type) {
        return e.gpUnits().stream().map(GpUnit::type).filter(type::equals).count();
    }

    private static String digest(StatewideGenerator g) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(g.election().toString().getBytes(StandardCharsets.UTF_8));
            g.castVoteRecords(cvr -> sha.update(cvr.toString().getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
