package org.bulwark.rctab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.bulwark.formats.vendor.VendorCvrs;
import org.bulwark.tally.rcv.TieOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.SAXException;

/** The rounds as NIST SP 1500-100 v2 results: schema-valid XML, and the same counts in JSON. */
class RoundResultsTest {
    static final Path SCHEMAS = Path.of("..", "testdata", "nist-cdf", "schemas");

    @TempDir
    Path out;

    @Test
    void multiSeatRoundsValidateAgainstTheNistSchemaWithFractionalCounts() throws IOException, SAXException {
        Path folder = ConformanceTest.CASES.resolve("2013_minneapolis_park");
        RctabConfig config = RctabTabulation.readConfig(folder.resolve("2013_minneapolis_park_config.json"));
        RctabTabulation.run(config, VendorCvrs::read, TieOperator.none(), out, "Bulwark test", ConformanceTest.CLOCK);
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(SCHEMAS.resolve("NIST_V2_election_results_reporting.xsd").toFile());
        schema.newValidator().validate(new StreamSource(out.resolve("results_err.xml").toFile()));
        String json = Files.readString(out.resolve("results_err.json"));
        // round 4 of the park board count: the first round after a surplus, with RCTab's four decimals
        assertThat(json).contains("\"@type\" : \"ElectionResults.ElectionReport\"", "\"Round\" : 11",
                "\"Count\" : 9452.0000", "\"GeneratedDate\" : \"2026-11-03T20:00:00Z\"", "\"NumberElected\" : 3");
        assertThat(Files.readString(out.resolve("results_err.xml"))).contains("<Round>4</Round>", "<Count>9452.0000</Count>");
    }
}
