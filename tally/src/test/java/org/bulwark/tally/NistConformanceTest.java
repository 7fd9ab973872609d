package org.bulwark.tally;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.bulwark.formats.cvr.CvrFiles;
import org.bulwark.formats.cvr.CvrReadOptions;
import org.bulwark.formats.election.ElectionFiles;
import org.bulwark.formats.results.ResultsExport;
import org.bulwark.formats.results.ResultsFormat;
import org.bulwark.formats.results.ResultsHeader;
import org.bulwark.formats.results.ResultsStatus;
import org.bulwark.model.Contest;
import org.bulwark.model.ContestId;
import org.bulwark.model.ElectionIndex;
import org.bulwark.model.GpUnitId;
import org.bulwark.model.SelectionId;
import org.bulwark.model.results.ContestCounts;
import org.bulwark.model.results.ContestResult;
import org.bulwark.model.results.ElectionResults;
import org.bulwark.model.results.Reconciliation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The acceptance test of tabulation: NIST's synthetic elections gen-01 (straight party, split
 * precincts, write-ins, vote for 2) and prim-01 (open partisan primary) are imported from their
 * pre-election reports, their CVRs are tabulated, and every VoteCounts and every OtherCounts
 * Overvotes/Undervotes of NIST's own results file must come out the same, at every unit level it
 * gives. Both the results in memory and Bulwark's NIST results file written from them are checked.
 */
class NistConformanceTest {
    private static final Path NIST = Path.of("..", "testdata", "nist-cdf");
    private static final ResultsHeader HEADER = new ResultsHeader("NIST conformance test", "TEST", "Bulwark test",
            ResultsStatus.UNOFFICIAL_COMPLETE, OffsetDateTime.of(2026, 11, 4, 0, 0, 0, 0, ZoneOffset.UTC), true);

    private static ElectionResults tabulate(ElectionIndex index, Path cvrs) throws Exception {
        return TallyPipeline.run(Tabulator.of(index), 2, 4,
                sink -> CvrFiles.read(cvrs, index, CvrReadOptions.strict(), sink));
    }

    /** The same keys as {@link NistCounts}, taken from the results in memory, only for the keys NIST gives. */
    private static Map<String, Double> fromModel(ElectionIndex index, ElectionResults results, Map<String, Double> wanted) {
        Map<String, Double> counts = new TreeMap<>();
        for (String key : wanted.keySet()) {
            String[] k = key.split(" ");
            ContestId contest = k[0].equals("votes")
                    ? index.contestOf(new SelectionId(k[1])).map(Contest::id).orElseThrow()
                    : new ContestId(k[1]);
            GpUnitId unit = new GpUnitId(k[2]);
            ContestResult result = results.contest(contest).orElseThrow();
            ContestCounts c = unit.equals(results.scope()) ? result.counts().total() : result.counts().byUnit().get(unit);
            if (c == null) {
                continue; // reported as missing by the comparison
            }
            double value = switch (k[0]) {
                case "votes" -> c.votesFor(new SelectionId(k[1]));
                case "overvotes" -> c.overvotes();
                default -> c.undervotes();
            };
            counts.put(key, value);
        }
        return counts;
    }

    @ParameterizedTest(name = "{0} from {1}")
    @CsvSource({"gen-01, json", "gen-01, xml", "prim-01, json", "prim-01, xml"})
    void tabulatingTheCvrsReproducesEveryCountOfNistsResults(String election, String encoding) throws Exception {
        Path dir = NIST.resolve(election);
        var loaded = ElectionFiles.read(dir.resolve("err_v2").resolve("pe-err-" + election + "." + encoding));
        assertThat(loaded.errors()).isEmpty();
        ElectionIndex index = ElectionIndex.of(loaded.election());
        ElectionResults results = tabulate(index, dir.resolve("cvr_v1").resolve("cvr-" + election + "." + encoding));

        Map<String, Double> expected;
        try (InputStream in = Files.newInputStream(dir.resolve("err_v2").resolve("err-" + election + ".json"))) {
            expected = NistCounts.read(in);
        }
        assertThat(expected).hasSizeGreaterThan(100);
        assertThat(results.ballots().total().counted()).isEqualTo(40);

        // In memory.
        assertThat(fromModel(index, results, expected)).containsExactlyInAnyOrderEntriesOf(expected);

        // Through Bulwark's own NIST results file: every NIST count is there, with the same value.
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        ResultsExport.write(ResultsFormat.NIST_JSON, index, results, HEADER, json);
        Map<String, Double> written = NistCounts.read(new ByteArrayInputStream(json.toByteArray()));
        Map<String, Double> writtenForNistKeys = new TreeMap<>(written);
        writtenForNistKeys.keySet().retainAll(expected.keySet());
        assertThat(writtenForNistKeys).containsExactlyInAnyOrderEntriesOf(expected);

        // The XML form of the same results is valid NIST SP 1500-100 v2.
        ByteArrayOutputStream xml = new ByteArrayOutputStream();
        ResultsExport.write(ResultsFormat.NIST_XML, index, results, HEADER, xml);
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(NIST.resolve("schemas").resolve("NIST_V2_election_results_reporting.xsd").toFile())
                .newValidator().validate(new StreamSource(new ByteArrayInputStream(xml.toByteArray())));

        assertThat(Reconciliation.of(results).discrepancies()).isEmpty();
    }
}
