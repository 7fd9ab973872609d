package org.bulwark.formats.election;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bulwark.model.Contest;
import org.bulwark.model.ContestId;
import org.bulwark.model.CountingGroup;
import org.bulwark.model.Election;
import org.bulwark.model.ElectionFingerprint;
import org.bulwark.model.ElectionIndex;
import org.bulwark.model.ElectionType;
import org.bulwark.model.GpUnitId;
import org.bulwark.model.GpUnitType;
import org.junit.jupiter.api.Test;

class BulwarkJsonTest {
    static final String EXAMPLE = "missouri-boone-2026-general.json";

    static byte[] resource(String name) {
        try (InputStream in = BulwarkJsonTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] write(Election e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ElectionFiles.writeBulwarkJson(e, out);
        return out.toByteArray();
    }

    @Test
    void workedExampleReadsAndValidatesClean() {
        LoadedElection loaded = ElectionFiles.read(resource(EXAMPLE), EXAMPLE);

        assertThat(loaded.format()).isEqualTo(ElectionFormat.BULWARK_JSON);
        assertThat(loaded.issues()).isEmpty();
        Election e = loaded.election();
        ElectionIndex index = ElectionIndex.of(e);
        assertThat(e.type()).isEqualTo(ElectionType.GENERAL);
        assertThat(e.state()).isEqualTo("MO");
        assertThat(e.gpUnits()).extracting(u -> u.id().value()).containsExactly(
                "mo", "boone", "p-01", "p-02", "p-03", "p-02a", "p-02b", "cd-03", "cd-04", "sd-southern");
        assertThat(index.gpUnit(new GpUnitId("boone")).orElseThrow().authority()).isTrue();
        assertThat(index.gpUnit(new GpUnitId("p-02")).orElseThrow().composingUnits())
                .containsExactly(new GpUnitId("p-02a"), new GpUnitId("p-02b"));
        assertThat(index.gpUnit(new GpUnitId("p-02a")).orElseThrow().type()).isEqualTo(GpUnitType.SPLIT_PRECINCT);
        assertThat(index.gpUnit(new GpUnitId("sd-southern")).orElseThrow().otherType()).contains("fire protection district");
        var board = (Contest.CandidateContest) index.contest(new ContestId("hospital-board")).orElseThrow();
        assertThat(board.votesAllowed()).isEqualTo(2);
        assertThat(board.selections()).hasSize(5);
        assertThat(e.ballotStyles()).hasSize(3);
        assertThat(e.countingGroups())
                .containsExactly(CountingGroup.ELECTION_DAY, CountingGroup.ABSENTEE, CountingGroup.PROVISIONAL);
    }

    @Test
    void workedExampleRoundTripsToAnEqualElectionAndTheSameBytes() {
        byte[] file = resource(EXAMPLE);
        Election read = ElectionFiles.read(file, EXAMPLE).election();

        byte[] written = write(read);

        assertThat(ElectionFiles.read(written, "written").election()).isEqualTo(read);
        assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo(new String(file, StandardCharsets.UTF_8));
    }

    @Test
    void theDocumentationShowsExactlyTheWorkedExample() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "election-definition.md"));
        int start = doc.indexOf("```json\n{\n  \"format\": \"bulwark-election\"");
        assertThat(start).as("worked example block in docs/election-definition.md").isPositive();
        int end = doc.indexOf("```\n", start + 8);
        String shown = doc.substring(start + "```json\n".length(), end);

        assertThat(shown).isEqualTo(new String(resource(EXAMPLE), StandardCharsets.UTF_8));
    }

    @Test
    void nistImportsWrittenAsBulwarkJsonReadBackEqualWithTheSameFingerprint() {
        for (String election : new String[] {"gen-01", "prim-01"}) {
            Election imported = ElectionFiles.read(NistImportTest.nist(election, "pe-err-" + election + ".json")).election();

            Election back = ElectionFiles.read(write(imported), "written").election();

            assertThat(back).isEqualTo(imported);
            assertThat(ElectionFingerprint.of(back)).isEqualTo(ElectionFingerprint.of(imported));
        }
    }

    /** Computed once from the files as committed; a change means the definition or the canonical form changed. */
    @Test
    void fingerprintsArePinned() {
        Election example = ElectionFiles.read(resource(EXAMPLE), EXAMPLE).election();
        Election gen01 = ElectionFiles.read(NistImportTest.nist("gen-01", "pe-err-gen-01.json")).election();

        assertThat(ElectionFingerprint.of(example).sha256()).isEqualTo("a736d9427b248018c40b0f49d539143bab0a98877feb958c115cf70ce8c11523");
        assertThat(ElectionFingerprint.of(gen01).sha256()).isEqualTo("03daf9e7b8df0175d881a7b013fad1a9be9c2a8d630d6cd01598506929000f1b");
        assertThat(ElectionFingerprint.of(example).shortForm()).isEqualTo(ElectionFingerprint.of(example).sha256().substring(0, 7));
    }
}
