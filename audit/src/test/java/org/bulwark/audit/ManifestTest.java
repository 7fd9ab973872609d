package org.bulwark.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.bulwark.model.BadInputException;
import org.bulwark.model.results.BatchKey;
import org.junit.jupiter.api.Test;

class ManifestTest {
    static final String BULWARK = """
            Container,Tabulator,Batch,Ballots
            Box 1,TAB-1,B-001,3
            Box 1,TAB-1,B-002,0
            Box 2,TAB-2,B-001,5
            """;

    private static BallotManifest read(String text) {
        return ManifestReader.read("manifest.csv", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsBulwarkColumnsAndLocatesBallots() {
        BallotManifest m = read(BULWARK);
        assertThat(m.totalBallots()).isEqualTo(8);
        assertThat(m.fingerprint()).isEqualTo(ManifestReader.sha256(BULWARK.getBytes(StandardCharsets.UTF_8)));
        BallotManifest.BallotLocation fourth = m.locate(4);
        assertThat(fourth.batch().describe()).isEqualTo("container Box 2, tabulator TAB-2, batch B-001");
        assertThat(fourth.position()).isEqualTo(1);
        assertThat(m.locate(3).position()).isEqualTo(3);
        assertThat(m.locate(3).batch().batch()).isEqualTo("B-001");
        assertThat(m.locate(8).position()).isEqualTo(5);
        assertThatThrownBy(() -> m.locate(9)).hasMessageContaining("ballot 9 is not in the manifest's 1..8");
    }

    @Test
    void readsArloColumnsInAnyOrderAndCase() {
        BallotManifest m = read("\uFEFFNumber of Ballots,batch name,TABULATOR\n10,Batch One,T1\n20,Batch Two,T1\n");
        assertThat(m.batches()).extracting(ManifestBatch::batch).containsExactly("Batch One", "Batch Two");
        assertThat(m.batches().getFirst().container()).isEmpty();
        assertThat(m.batches().getFirst().line()).isEqualTo(2);
        assertThat(m.totalBallots()).isEqualTo(30);
    }

    @Test
    void badManifestsNameFileLineAndProblem() {
        assertBad("Container,Ballots\nA,1\n", "manifest.csv: line 1: has no Batch column");
        assertBad("Batch,Ballots\nB1,ten\n", "manifest.csv: line 2: batch B1: \"ten\" is not a number of ballots");
        assertBad("Batch,Ballots\nB1,-3\n", "manifest.csv: line 2: batch B1 has -3 ballots; a count cannot be negative");
        assertBad("Tabulator,Batch,Ballots\nT,B1,3\nT,B2,3\nT,B1,4\n", "manifest.csv: line 4: tabulator T, batch B1 is listed again (first on line 2)");
        assertBad("Batch,Ballots\n", "manifest.csv: whole file: lists no batches");
        assertBad("Batch,Ballots\n,4\n", "manifest.csv: line 2: has no batch name");
        assertBad("Batch,Ballots\nA,9223372036854775807\nB,1\n", "manifest.csv: column Ballots: the ballots add up to more than a 64-bit count");
        assertThatThrownBy(() -> ManifestReader.read("m.csv", new byte[] {'B', (byte) 0xC3, '\n'}))
                .isInstanceOf(BadInputException.class).hasMessage("m.csv: whole file: is not UTF-8 text");
        assertThatThrownBy(() -> read("Batch,Ballots\n\"B1,3\nx\"y,4\n")).isInstanceOf(BadInputException.class).hasMessageContaining("is not valid CSV");
    }

    private static void assertBad(String text, String message) {
        assertThatThrownBy(() -> read(text)).isInstanceOf(BadInputException.class).hasMessageStartingWith(message);
    }

    @Test
    void checkAgainstTabulatedCountsNamesEveryBatchThatDiffers() {
        BallotManifest m = read(BULWARK);
        Map<BatchKey, Long> counted = new java.util.LinkedHashMap<>();
        counted.put(new BatchKey(Optional.of("TAB-1"), Optional.of("B-001")), 3L);
        counted.put(new BatchKey(Optional.of("TAB-2"), Optional.of("B-001")), 4L);
        counted.put(new BatchKey(Optional.of("TAB-3"), Optional.of("B-009")), 7L);
        assertThat(ManifestCheck.against(m, counted)).extracting(i -> i.path() + ": " + i.message()).containsExactly(
                "manifest.csv line 3: container Box 1, tabulator TAB-1, batch B-002: 0 ballots in the manifest, but no ballots of this batch were tabulated",
                "manifest.csv line 4: container Box 2, tabulator TAB-2, batch B-001: 5 ballots in the manifest, but 4 were tabulated (+1)",
                "manifest.csv: tabulator TAB-3, batch B-009: 7 ballots were tabulated, but the manifest does not list this batch");
        counted.remove(new BatchKey(Optional.of("TAB-3"), Optional.of("B-009")));
        counted.put(new BatchKey(Optional.of("TAB-2"), Optional.of("B-001")), 5L);
        counted.put(new BatchKey(Optional.of("TAB-1"), Optional.of("B-002")), 0L);
        assertThat(ManifestCheck.against(m, counted)).isEmpty();
    }

    @Property(tries = 100)
    void locatorAgreesWithCountingOneByOne(@ForAll("sizes") List<Integer> sizes) {
        StringBuilder csv = new StringBuilder("Batch,Ballots\n");
        for (int i = 0; i < sizes.size(); i++) {
            csv.append("b").append(i).append(',').append(sizes.get(i)).append('\n');
        }
        BallotManifest m = read(csv.toString());
        long ballot = 0;
        for (int i = 0; i < sizes.size(); i++) {
            for (int p = 1; p <= sizes.get(i); p++) {
                BallotManifest.BallotLocation at = m.locate(++ballot);
                assertThat(at.batchIndex()).isEqualTo(i);
                assertThat(at.position()).isEqualTo(p);
            }
        }
        assertThat(m.totalBallots()).isEqualTo(ballot);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<List<Integer>> sizes() {
        return net.jqwik.api.Arbitraries.integers().between(0, 6).list().ofMinSize(1).ofMaxSize(12)
                .filter(l -> l.stream().mapToInt(Integer::intValue).sum() > 0);
    }

    /** Fuzz: random mutations of a valid manifest either read or fail with BadInputException, never anything else. */
    @Property(tries = 500)
    void mutatedManifestsFailOnlyWithBadInput(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int mutations) {
        Random random = new Random(seed);
        List<Byte> bytes = new ArrayList<>();
        for (byte b : BULWARK.getBytes(StandardCharsets.UTF_8)) {
            bytes.add(b);
        }
        byte[] tokens = ",\"\n\r-9 \u00ff".getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < mutations && !bytes.isEmpty(); i++) {
            int at = random.nextInt(bytes.size());
            switch (random.nextInt(4)) {
                case 0 -> bytes.set(at, (byte) (bytes.get(at) ^ (1 << random.nextInt(8))));
                case 1 -> bytes.subList(at, bytes.size()).clear();
                case 2 -> bytes.add(at, tokens[random.nextInt(tokens.length)]);
                default -> bytes.addAll(at, new ArrayList<>(bytes.subList(at, Math.min(bytes.size(), at + 1 + random.nextInt(20)))));
            }
        }
        byte[] mutated = new byte[bytes.size()];
        for (int i = 0; i < mutated.length; i++) {
            mutated[i] = bytes.get(i);
        }
        try {
            BallotManifest m = ManifestReader.read("fuzz.csv", mutated);
            assertThat(m.totalBallots()).isNotNegative();
        } catch (BadInputException e) {
            assertThat(e.file()).isEqualTo("fuzz.csv");
            assertThat(e.problem()).isNotBlank();
        }
    }
}
