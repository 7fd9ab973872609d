package org.bulwark.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bulwark.formats.cvr.CvrFileSummary;
import org.bulwark.formats.cvr.CvrFiles;
import org.bulwark.formats.cvr.CvrReadOptions;
import org.bulwark.formats.election.ElectionFiles;
import org.bulwark.formats.election.ElectionFormat;
import org.bulwark.formats.election.LoadedElection;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.CountingGroup;
import org.bulwark.model.ElectionIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatewideGeneratorFilesTest {
    private static final StatewideGenerator.Settings SETTINGS = new StatewideGenerator.Settings(12, 90, 4_000, 11, 1_500);

    @TempDir
    Path tmp;

    @Test
    void sameSeedWritesByteIdenticalFiles() throws IOException {
        Path a = Files.createDirectory(tmp.resolve("a"));
        Path b = Files.createDirectory(tmp.resolve("b"));
        StatewideGenerator.create(SETTINGS).writeTo(a, n -> {});
        StatewideGenerator.create(SETTINGS).writeTo(b, n -> {});
        List<String> names = names(a);
        assertThat(names).contains("election.json", "cvr-01-election-day.json", "cvr-01-absentee.json").isEqualTo(names(b));
        for (String name : names) {
            assertThat(Files.mismatch(a.resolve(name), b.resolve(name))).as(name).isEqualTo(-1L);
        }
        Path c = Files.createDirectory(tmp.resolve("c"));
        StatewideGenerator.create(new StatewideGenerator.Settings(12, 90, 4_000, 12, 1_500)).writeTo(c, n -> {});
        assertThat(Files.mismatch(a.resolve("cvr-01-election-day.json"), c.resolve("cvr-01-election-day.json"))).isNotEqualTo(-1L);
    }

    @Test
    void filesReadBackStrictlyAsTheSameElectionAndBallots() throws IOException {
        StatewideGenerator g = StatewideGenerator.create(SETTINGS);
        List<Long> progress = new ArrayList<>();
        StatewideGenerator.Output out = g.writeTo(tmp, progress::add);
        assertThat(progress).last().isEqualTo(4_000L);

        LoadedElection loaded = ElectionFiles.read(out.election());
        assertThat(loaded.format()).isEqualTo(ElectionFormat.BULWARK_JSON);
        assertThat(loaded.issues()).isEmpty();
        assertThat(loaded.election()).isEqualTo(g.election());

        ElectionIndex index = ElectionIndex.of(loaded.election());
        List<CastVoteRecord> read = new ArrayList<>();
        long ballots = 0;
        for (StatewideGenerator.CvrOutput file : out.cvrFiles()) {
            assertThat(file.file().getFileName().toString()).endsWith("-" + file.countingGroup().nist() + ".json");
            CvrFileSummary summary = CvrFiles.read(file.file(), index, CvrReadOptions.strict().withCountingGroup(file.countingGroup()), read::add);
            assertThat(summary.cvrCount()).isEqualTo(file.ballots());
            ballots += file.ballots();
        }
        assertThat(ballots).isEqualTo(4_000);
        assertThat(out.cvrFiles().stream().map(StatewideGenerator.CvrOutput::countingGroup))
                .contains(CountingGroup.ELECTION_DAY, CountingGroup.ABSENTEE, CountingGroup.PROVISIONAL);

        // Same ballots, though files group them by counting group within each chunk.
        List<CastVoteRecord> generated = new ArrayList<>();
        g.castVoteRecords(generated::add);
        assertThat(read).containsExactlyInAnyOrderElementsOf(generated);
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
