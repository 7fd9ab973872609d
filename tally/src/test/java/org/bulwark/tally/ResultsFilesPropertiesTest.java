package org.bulwark.tally;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bulwark.formats.results.ResultsExport;
import org.bulwark.formats.results.ResultsFormat;
import org.bulwark.formats.results.ResultsHeader;
import org.bulwark.formats.results.ResultsStatus;
import org.bulwark.model.Contest;
import org.bulwark.model.ContestSelection;
import org.bulwark.model.ElectionIndex;
import org.bulwark.model.GpUnitId;
import org.bulwark.model.results.ContestCounts;
import org.bulwark.model.results.ContestResult;
import org.bulwark.model.results.ElectionResults;
import org.xml.sax.SAXException;

/** The results files written from random tallies: valid NIST XML, and every count as tabulated. */
class ResultsFilesPropertiesTest {
    private static final ResultsHeader HEADER = new ResultsHeader("Clerk", "CLK", "Bulwark test",
            ResultsStatus.UNOFFICIAL_PARTIAL, OffsetDateTime.of(2026, 11, 3, 20, 0, 0, 0, ZoneOffset.UTC), false);
    private static final Schema SCHEMA = schema();

    private static Schema schema() {
        try {
            return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(
                    Path.of("..", "testdata", "nist-cdf", "schemas", "NIST_V2_election_results_reporting.xsd").toFile());
        } catch (SAXException e) {
            throw new IllegalStateException(e);
        }
    }

    /** NIST ids are unique in a file; scenarios may share "yes"/"no" between measures, so those are left out. */
    @Provide
    Arbitrary<Scenario> scenarios() {
        return Arbitraries.randomValue(random -> Scenario.generate(random, 40)).filter(s -> {
            Set<Object> ids = new HashSet<>();
            return s.election().contests().stream().flatMap(c -> c.selections().stream()).map(ContestSelection::id).allMatch(ids::add);
        });
    }

    @Property(tries = 40)
    void nistXmlValidatesAndNistJsonCarriesEveryCountAsTabulated(@ForAll("scenarios") Scenario s) throws Exception {
        ElectionIndex index = ElectionIndex.of(s.election());
        PartialTally tally = Tabulator.of(index).newPartial();
        s.cvrs().forEach(tally::add);
        ElectionResults results = tally.results();

        ByteArrayOutputStream xml = new ByteArrayOutputStream();
        ResultsExport.write(ResultsFormat.NIST_XML, index, results, HEADER, xml);
        SCHEMA.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml.toByteArray())));

        ByteArrayOutputStream json = new ByteArrayOutputStream();
        ResultsExport.write(ResultsFormat.NIST_JSON, index, results, HEADER, json);
        Map<String, Double> written = NistCounts.read(new ByteArrayInputStream(json.toByteArray()));
        assertThat(written).isEqualTo(expected(results, index));
    }

    /** What the NIST file must say: votes per unit (total) and counting group, over/undervotes per unit. */
    private static Map<String, Double> expected(ElectionResults results, ElectionIndex index) {
        Map<String, Double> counts = new TreeMap<>();
        for (ContestResult r : results.contests()) {
            Contest contest = index.contest(r.contest()).orElseThrow();
            Map<GpUnitId, ContestCounts> units = new LinkedHashMap<>();
            units.put(results.scope(), r.counts().total());
            units.putAll(r.counts().byUnit());
            units.forEach((unit, c) -> {
                for (ContestSelection sel : contest.selections()) {
                    counts.put("votes " + sel.id() + " " + unit + " total", (double) c.votesFor(sel.id()));
                }
                counts.put("overvotes " + r.contest() + " " + unit, (double) c.overvotes());
                counts.put("undervotes " + r.contest() + " " + unit, (double) c.undervotes());
            });
            r.counts().byCountingGroup().forEach((group, c) -> {
                for (ContestSelection sel : contest.selections()) {
                    counts.put("votes " + sel.id() + " " + results.scope() + " " + group.nist(), (double) c.votesFor(sel.id()));
                }
            });
        }
        return counts;
    }
}
