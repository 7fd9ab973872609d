package org.bulwark.formats.cvr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bulwark.formats.election.ElectionFiles;
import org.bulwark.model.BadInputException;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.CvrContest;
import org.bulwark.model.ElectionIndex;
import org.bulwark.model.Mark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** NIST's own test deck: both CVR files of both elections read in strict mode against their pre-election reports. */
class NistTestDeckTest {
    static final Path NIST = Path.of("..", "testdata", "nist-cdf");

    static ElectionIndex election(String name) {
        return ElectionIndex.of(ElectionFiles.read(NIST.resolve(name).resolve("err_v2").resolve("pe-err-" + name + ".json")).election());
    }

    static Path cvrFile(String name, String ext) {
        return NIST.resolve(name).resolve("cvr_v1").resolve("cvr-" + name + "." + ext);
    }

    static List<CastVoteRecord> read(String name, String ext, CvrReadOptions options) throws IOException {
        List<CastVoteRecord> out = new ArrayList<>();
        CvrFileSummary summary = CvrFiles.read(cvrFile(name, ext), election(name), options, out::add);
        assertThat(summary.cvrCount()).isEqualTo(out.size());
        assertThat(summary.format().name()).isEqualTo(ext.toUpperCase(java.util.Locale.ROOT));
        assertThat(summary.reportingDevices()).containsExactly("rd");
        assertThat(summary.electionIds()).containsExactly("election");
        assertThat(summary.generatedDate()).contains("2023-07-14T13:32:09-04:00");
        return out;
    }

    /** Votes per selection, counted as the lead verified against err-*.json: indicated, allocable, NumberVotes each. */
    static Map<String, Integer> tally(List<CastVoteRecord> cvrs) {
        Map<String, Integer> votes = new HashMap<>();
        for (CastVoteRecord cvr : cvrs) {
            for (CvrContest contest : cvr.contests()) {
                for (Mark mark : contest.marks()) {
                    if (mark.countsAsVote()) {
                        votes.merge(mark.selection().value(), mark.votes(), Integer::sum);
                    }
                }
            }
        }
        return votes;
    }

    @ParameterizedTest
    @CsvSource({"gen-01, json", "gen-01, xml", "prim-01, json", "prim-01, xml"})
    void strictReadsTheTestDeck(String name, String ext) throws IOException {
        List<CastVoteRecord> cvrs = read(name, ext, CvrReadOptions.strict());
        assertThat(cvrs).hasSize(40);
        assertThat(read(name, ext, CvrReadOptions.lenient())).isEqualTo(cvrs);
        Map<String, Integer> votes = tally(cvrs);
        // The expected figures are the election-scope VoteCounts of err-<name>.json.
        if (name.equals("gen-01")) {
            assertThat(votes).containsEntry("cs-president-hb", 12).containsEntry("po-lib", 4);
            assertThat(votes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(388);
        } else {
            assertThat(votes).containsEntry("cs-com-president-gl", 6);
            assertThat(votes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(240);
        }
    }

    @Test
    void jsonAndXmlHoldTheSameBallots() throws IOException {
        for (String name : List.of("gen-01", "prim-01")) {
            assertThat(read(name, "xml", CvrReadOptions.strict())).isEqualTo(read(name, "json", CvrReadOptions.strict()));
        }
    }

    @Test
    void straightPartyMarksAndWriteInsAreKept() throws IOException {
        CastVoteRecord first = read("gen-01", "json", CvrReadOptions.strict()).get(0);
        assertThat(first.ballotId()).isEqualTo("bs-1-prec-1");
        assertThat(first.ballotStyle().value()).isEqualTo("Precinct 1");
        assertThat(first.ballotStyleUnit().value()).isEqualTo("cp-1-4-5-6");
        assertThat(first.creatingDevice()).contains("rd");
        Mark president = first.contests().get(1).marks().get(0);
        assertThat(president.selection().value()).isEqualTo("cs-president-hb");
        assertThat(president.generatedByRules()).isTrue();
        List<String> writeIns = read("gen-01", "xml", CvrReadOptions.strict()).stream()
                .flatMap(c -> c.contests().stream()).flatMap(c -> c.marks().stream())
                .flatMap(m -> m.writeInName().stream()).toList();
        assertThat(writeIns).contains("Martin Delany", "Amos Noë Freeman", "John C. Frémont ");
    }

    @Test
    void aCvrFileOfAnotherElectionIsRefused() {
        for (String ext : List.of("json", "xml")) {
            assertThatThrownBy(() -> CvrFiles.read(cvrFile("prim-01", ext), election("gen-01"), CvrReadOptions.strict(), c -> {}))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageStartingWith(cvrFile("prim-01", ext) + ": CVR 1 (ballot ")
                    .hasMessageContaining("ballot style 'Bibb County Court House' is not a ballot style of this election");
        }
    }

    @Test
    void writtenBackTheDeckReadsTheSame() throws IOException {
        for (String name : List.of("gen-01", "prim-01")) {
            ElectionIndex index = election(name);
            List<CastVoteRecord> cvrs = read(name, "json", CvrReadOptions.strict());
            for (CvrFormat format : CvrFormat.values()) {
                byte[] bytes = CvrRoundTripTest.write(format, index.election(), cvrs);
                assertThat(CvrRoundTripTest.readBack(bytes, index, cvrs.get(0).countingGroup())).isEqualTo(cvrs);
            }
        }
    }
}
