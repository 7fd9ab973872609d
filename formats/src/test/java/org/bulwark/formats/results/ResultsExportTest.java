package org.bulwark.formats.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bulwark.formats.results.ResultsFixtures.*;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.bulwark.model.ElectionIndex;
import org.bulwark.model.GpUnitId;
import org.bulwark.model.results.ElectionResults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ResultsExportTest {
    private static final Path SCHEMAS = Path.of("..", "testdata", "nist-cdf", "schemas");
    private static final Optional<GpUnitId> UNKNOWN_UNIT = Optional.of(new GpUnitId("p-from-cvr"));

    private static byte[] write(ResultsFormat format, ElectionResults results) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultsExport.write(format, index(), results, HEADER, out);
        return out.toByteArray();
    }

    @Test
    void xmlValidatesAgainstTheNistResultsSchema() throws Exception {
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(SCHEMAS.resolve("NIST_V2_election_results_reporting.xsd").toFile());
        for (Optional<GpUnitId> extra : List.of(Optional.<GpUnitId>empty(), UNKNOWN_UNIT)) {
            byte[] xml = write(ResultsFormat.NIST_XML, results(extra));
            schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
        }
    }

    @Test
    void xmlEscapesTextAndMarksTheUnitsTheDefinitionLacks() throws Exception {
        String xml = new String(write(ResultsFormat.NIST_XML, results(UNKNOWN_UNIT)), StandardCharsets.UTF_8);
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ElectionReport xmlns=\"http://itl.nist.gov/ns/voting/1500-100/v2\"");
        assertThat(xml).contains("<Text Language=\"en\">General Election &amp; Special &lt;Test&gt;</Text>");
        assertThat(xml).contains("<GpUnit xsi:type=\"ReportingUnit\" ObjectId=\"p-from-cvr\">");
        assertThat(xml).contains("<OtherType>not in the election definition</OtherType>");
        assertThat(xml).contains("<GeneratedDate>2026-11-04T21:30:05-06:00</GeneratedDate>");
    }

    @Test
    void jsonUsesOnlyTypesAndPropertiesTheNistJsonSchemaDefines() throws Exception {
        Map<?, ?> definitions;
        try (InputStream in = Files.newInputStream(SCHEMAS.resolve("NIST_V2_election_results_reporting.json"))) {
            definitions = (Map<?, ?>) ((Map<?, ?>) JsonTree.parse(in)).get("definitions");
        }
        Object json = JsonTree.parse(new ByteArrayInputStream(write(ResultsFormat.NIST_JSON, results(UNKNOWN_UNIT))));
        Set<String> typesSeen = new HashSet<>();
        checkAgainstSchema(json, definitions, "$", typesSeen);
        assertThat(typesSeen).contains("ElectionResults.ElectionReport", "ElectionResults.CandidateContest",
                "ElectionResults.BallotMeasureContest", "ElectionResults.PartyContest", "ElectionResults.CandidateSelection",
                "ElectionResults.BallotMeasureSelection", "ElectionResults.PartySelection", "ElectionResults.VoteCounts",
                "ElectionResults.OtherCounts", "ElectionResults.BallotCounts", "ElectionResults.ReportingUnit",
                "ElectionResults.Party", "ElectionResults.Candidate", "ElectionResults.CountStatus",
                "ElectionResults.InternationalizedText", "ElectionResults.LanguageString");
    }

    /** Every object's "@type" is a schema definition, its keys are defined properties, its required keys present. */
    private static void checkAgainstSchema(Object node, Map<?, ?> definitions, String path, Set<String> seen) {
        if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                checkAgainstSchema(list.get(i), definitions, path + "[" + i + "]", seen);
            }
        } else if (node instanceof Map<?, ?> map) {
            String type = (String) map.get("@type");
            assertThat(type).as(path + " has an @type").isNotNull();
            seen.add(type);
            Map<?, ?> definition = (Map<?, ?>) definitions.get(type);
            assertThat(definition).as(path + ": " + type + " is defined").isNotNull();
            Map<?, ?> properties = (Map<?, ?>) definition.get("properties");
            for (Object key : map.keySet()) {
                assertThat(properties.containsKey(key)).as(path + ": " + type + " has property " + key).isTrue();
            }
            Object required = definition.get("required");
            for (Object key : required == null ? List.of() : (List<?>) required) {
                assertThat(map.containsKey(key)).as(path + ": " + type + " requires " + key).isTrue();
            }
            map.forEach((k, v) -> checkAgainstSchema(v, definitions, path + "." + k, seen));
        }
    }

    /** (selection or contest, GpUnit, Type) -> count, from the JSON form. */
    @SuppressWarnings("unchecked")
    private static List<String> jsonCounts(byte[] bytes) throws IOException {
        Map<String, Object> report = (Map<String, Object>) JsonTree.parse(new ByteArrayInputStream(bytes));
        Map<String, Object> election = ((List<Map<String, Object>>) report.get("Election")).get(0);
        List<String> counts = new ArrayList<>();
        for (Map<String, Object> contest : (List<Map<String, Object>>) election.get("Contest")) {
            for (Map<String, Object> s : (List<Map<String, Object>>) contest.get("ContestSelection")) {
                for (Map<String, Object> vc : (List<Map<String, Object>>) s.getOrDefault("VoteCounts", List.of())) {
                    counts.add(s.get("@id") + " " + vc.get("GpUnitId") + " " + vc.get("Type") + " " + vc.get("Count"));
                }
            }
            for (Map<String, Object> oc : (List<Map<String, Object>>) contest.getOrDefault("OtherCounts", List.of())) {
                counts.add(contest.get("@id") + " " + oc.get("GpUnitId") + " over " + oc.get("Overvotes")
                        + " under " + oc.get("Undervotes") + " wi " + oc.get("WriteIns"));
            }
        }
        for (Map<String, Object> bc : (List<Map<String, Object>>) election.get("BallotCounts")) {
            counts.add("ballots " + bc.get("GpUnitId") + " " + bc.get("Type") + " " + bc.get("BallotsCast"));
        }
        return counts;
    }

    private static String child(Element e, String name) {
        NodeList list = e.getElementsByTagNameNS(NistResultsDocument.NAMESPACE, name);
        return list.getLength() == 0 ? "null" : list.item(0).getTextContent();
    }

    private static List<String> xmlCounts(byte[] bytes) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        var doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
        List<String> counts = new ArrayList<>();
        NodeList contests = doc.getElementsByTagNameNS(NistResultsDocument.NAMESPACE, "Contest");
        for (int i = 0; i < contests.getLength(); i++) {
            Element contest = (Element) contests.item(i);
            NodeList selections = contest.getElementsByTagNameNS(NistResultsDocument.NAMESPACE, "ContestSelection");
            for (int j = 0; j < selections.getLength(); j++) {
                Element s = (Element) selections.item(j);
                NodeList vcs = s.getElementsByTagNameNS(NistResultsDocument.NAMESPACE, "VoteCounts");
                for (int k = 0; k < vcs.getLength(); k++) {
                    Element vc = (Element) vcs.item(k);
                    counts.add(s.getAttribute("ObjectId") + " " + child(vc, "GpUnitId") + " " + child(vc, "Type") + " " + child(vc, "Count"));
                }
            }
            NodeList ocs = contest.getElementsByTagNameNS(NistResultsDocument.NAMESPACE, "OtherCounts");
            for (int k = 0; k < ocs.getLength(); k++) {
                Element oc = (Element) ocs.item(k);
                counts.add(contest.getAttribute("ObjectId") + " " + child(oc, "GpUnitId") + " over " + child(oc, "Overvotes")
                        + " under " + child(oc, "Undervotes") + " wi " + child(oc, "WriteIns"));
            }
        }
        NodeList bcs = doc.getElementsByTagNameNS(NistResultsDocument.NAMESPACE, "BallotCounts");
        for (int k = 0; k < bcs.getLength(); k++) {
            Element bc = (Element) bcs.item(k);
            counts.add("ballots " + child(bc, "GpUnitId") + " " + child(bc, "Type") + " " + child(bc, "BallotsCast"));
        }
        return counts;
    }

    @Test
    void jsonAndXmlCarryTheSameCounts() throws Exception {
        List<String> json = jsonCounts(write(ResultsFormat.NIST_JSON, results(Optional.empty())));
        assertThat(json).contains(
                "alice county total 4", "alice p1 total 3", "alice p2 total 1", "alice county election-day 3",
                "alice county absentee 1", "mayor-wi county total 1", "sp-dem p1 total 2",
                "mayor county over 1 under 1 wi 1", "mayor p2 over 0 under 1 wi 0",
                "ballots county total 8", "ballots p1 total 5", "ballots county absentee 3");
        // No counts at all for the contest that was not tabulated.
        assertThat(json).noneMatch(c -> c.startsWith("r-alice") || c.startsWith("rcv"));
        assertThat(xmlCounts(write(ResultsFormat.NIST_XML, results(Optional.empty())))).isEqualTo(json);
    }

    @Test
    void csvHasOneRowPerContestUnitAndSelectionWithOverAndUndervotes() throws Exception {
        String csv = new String(write(ResultsFormat.CSV, results(Optional.empty())), StandardCharsets.UTF_8);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(csv)).getRecords();
        assertThat(csv).startsWith(String.join(",", ResultsCsv.HEADER) + "\r\n");
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get("contest_id")).isEqualTo("mayor");
            assertThat(r.get("unit_id")).isEqualTo("p1");
            assertThat(r.get("unit_name")).isEqualTo("Precinct 1");
            assertThat(r.get("count_type")).isEqualTo("total");
            assertThat(r.get("item")).isEqualTo("votes");
            assertThat(r.get("selection_id")).isEqualTo("alice");
            assertThat(r.get("selection_name")).isEqualTo("Alice Adams");
            assertThat(r.get("count")).isEqualTo("3");
            assertThat(r.get("mode")).isEqualTo("official");
        });
        assertThat(rows).anySatisfy(r -> assertThat(List.of(r.get("contest_id"), r.get("unit_id"), r.get("item"), r.get("count")))
                .containsExactly("mayor", "county", "overvotes", "1"));
        assertThat(rows).anySatisfy(r -> assertThat(List.of(r.get("contest_id"), r.get("unit_id"), r.get("item"), r.get("count")))
                .containsExactly("sp", "p2", "undervotes", "3"));
        assertThat(rows).anySatisfy(r -> assertThat(List.of(r.get("item"), r.get("selection_name"), r.get("count")))
                .containsExactly("write-in name", "Zed Zebra", "1"));
        assertThat(rows).anySatisfy(r -> assertThat(List.of(r.get("contest_id"), r.get("selection_name")))
                .containsExactly("sp", "Democratic"));
        assertThat(rows).anySatisfy(r -> assertThat(List.of(r.get("contest_id"), r.get("item")))
                .containsExactly("rcv", "not tabulated"));
        // 3 contests x (scope + 2 units + 2 counting groups) x (selections + over, under, cast),
        // write-in names where the mayor had one (scope, p1, election day), the rcv row
        long expected = 5 * (3 + 3) + 5 * (2 + 3) + 5 * (2 + 3) + 3 + 1;
        assertThat(rows).hasSize((int) expected);
    }

    @Test
    void testBallotsAreMarkedInEveryFormat() throws Exception {
        ResultsHeader test = new ResultsHeader("c", "c", "v", ResultsStatus.UNOFFICIAL_PARTIAL, HEADER.generated(), true);
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        ResultsExport.write(ResultsFormat.CSV, index(), results(Optional.empty()), test, csv);
        assertThat(csv.toString(StandardCharsets.UTF_8).lines().skip(1)).allMatch(l -> l.startsWith("test,"));
        ByteArrayOutputStream xml = new ByteArrayOutputStream();
        ResultsExport.write(ResultsFormat.NIST_XML, index(), results(Optional.empty()), test, xml);
        assertThat(xml.toString(StandardCharsets.UTF_8)).contains("<IsTest>true</IsTest>", "<Status>unofficial-partial</Status>");
    }

    @Test
    void writesAFileWholeAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("results.json");
        Files.writeString(file, "old");
        ResultsExport.write(ResultsFormat.NIST_JSON, index(), results(Optional.empty()), HEADER, file);
        assertThat(Files.readAllBytes(file)).isEqualTo(write(ResultsFormat.NIST_JSON, results(Optional.empty())));
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void refusesResultsOfAnotherElection() {
        ElectionResults other = new ElectionResults("another", COUNTY, results(Optional.empty()).ballots(), List.of(), List.of());
        ElectionIndex index = index();
        assertThatThrownBy(() -> ResultsExport.write(ResultsFormat.NIST_JSON, index, other, HEADER, new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("results of election another cannot be written with the definition of election e-2026");
    }
}
