package org.bulwark.formats.cvr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bulwark.formats.cvr.JsonCvrReaderTest.failure;
import static org.bulwark.formats.cvr.JsonCvrReaderTest.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bulwark.model.BadInputException;
import org.bulwark.model.CastVoteRecord;
import org.junit.jupiter.api.Test;

class XmlCvrReaderTest {
    static final String SMALL = JsonCvrReaderTest.resource("small.xml");

    @Test
    void readsTheSameCvrsAsTheJsonReport() throws IOException {
        List<CastVoteRecord> fromJson = read(JsonCvrReaderTest.SMALL, CvrReadOptions.strict());
        assertThat(read(SMALL, CvrReadOptions.strict())).isEqualTo(fromJson);
        assertThat(read(SMALL, CvrReadOptions.lenient())).isEqualTo(fromJson);
    }

    @Test
    void summary() throws IOException {
        CvrFileSummary s = CvrFiles.read(new ByteArrayInputStream(SMALL.getBytes(StandardCharsets.UTF_8)), "cvr.xml",
                TestElection.INDEX, CvrReadOptions.strict(), c -> {});
        assertThat(s.format()).isEqualTo(CvrFormat.XML);
        assertThat(s.cvrCount()).isEqualTo(2);
        assertThat(s.generatedDate()).contains("2026-11-03T21:00:00-06:00");
        assertThat(s.reportingDevices()).containsExactly("scanner-1");
        assertThat(s.reportGeneratingDevices()).containsExactly("scanner-1");
        assertThat(s.electionIds()).containsExactly("test-election");
    }

    @Test
    void lenientAcceptsTheOldNamespaceStrictDoesNot() throws IOException {
        String old = SMALL.replace("xmlns=\"http://itl.nist.gov/ns/voting/1500-103/v1\"", "xmlns=\"NIST_V0_cast_vote_records.xsd\"");
        assertThat(read(old, CvrReadOptions.lenient())).isEqualTo(read(SMALL, CvrReadOptions.strict()));
        assertThat(failure(old, CvrReadOptions.strict()).getMessage()).isEqualTo(
                "cvr.xml: line 2, column 115: the root element is CastVoteRecordReport in namespace NIST_V0_cast_vote_records.xsd, "
                        + "expected CastVoteRecordReport in namespace http://itl.nist.gov/ns/voting/1500-103/v1");
    }

    @Test
    void strictValidatesAgainstTheXsd() {
        BadInputException e = failure(SMALL.replace("<Type>modified</Type>", "<Type>final</Type>"), CvrReadOptions.strict());
        assertThat(e.place()).isEqualTo("line 73, column 25");
        assertThat(e.problem()).startsWith("not valid against the NIST SP 1500-103 v1 schema: cvc-enumeration-valid: Value 'final'");
        BadInputException order = failure(SMALL.replace("<Version>1.0.0</Version>", ""), CvrReadOptions.strict());
        assertThat(order.problem()).startsWith("not valid against the NIST SP 1500-103 v1 schema: cvc-complex-type.2.4.b");
        assertThat(failure(SMALL.replace("<OptionPosition>3</OptionPosition>", "<Extra>3</Extra>"), CvrReadOptions.strict())
                .problem()).contains("Invalid content was found starting with element '{\"http://itl.nist.gov/ns/voting/1500-103/v1\":Extra}'");
    }

    @Test
    void strictChecksReferencesWithTheirTypes() {
        String bad = SMALL.replace("<CreatingDeviceId>scanner-1</CreatingDeviceId>", "<CreatingDeviceId>p1</CreatingDeviceId>");
        assertThat(failure(bad, CvrReadOptions.strict()).getMessage()).isEqualTo(
                "cvr.xml: CVR 1, line 3, column 8: CreatingDeviceId 'p1' refers to a CVR.GpUnit (declared at line 136, column 25), "
                        + "not to a CVR.ReportingDevice");
        String party = SMALL.replace("<PartyId>rep</PartyId>", "<PartyId>can-a</PartyId>");
        assertThat(failure(party, CvrReadOptions.strict()).problem()).isEqualTo(
                "PartyId 'can-a' refers to a CVR.Candidate (declared at line 97, column 33), not to a CVR.Party");
    }

    @Test
    void reportLevelIdsAreStrictModesConcernOnly() throws IOException {
        String duplicate = SMALL.replace("<Party ObjectId=\"rep\">", "<Party ObjectId=\"dem\">");
        assertThat(failure(duplicate, CvrReadOptions.strict()).problem())
                .isEqualTo("id 'dem' is declared twice (first by a CVR.Party at line 138, column 25)");
        assertThat(read(duplicate, CvrReadOptions.lenient())).hasSize(2);
    }

    @Test
    void aCvrOfAnotherBallotStyleIsRefused() {
        String bad = SMALL.replace("<BallotStyleId>style-2</BallotStyleId>", "<BallotStyleId>style-1</BallotStyleId>")
                .replace("<BallotStyleUnitId>p2</BallotStyleUnitId>", "<BallotStyleUnitId>p9</BallotStyleUnitId>");
        assertThat(failure(bad, CvrReadOptions.lenient()).getMessage()).isEqualTo(
                "cvr.xml: CVR 2 (ballot u-2), line 77, column 8: ballot style unit 'p9' is not a unit of this election");
    }

    @Test
    void documentTypeDeclarationsAreRefused() {
        String laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;\">]>\n<CastVoteRecordReport>&lol3;</CastVoteRecordReport>";
        for (CvrReadOptions mode : List.of(CvrReadOptions.strict(), CvrReadOptions.lenient())) {
            assertThat(failure(laughs, mode).getMessage()).isEqualTo("cvr.xml: line 2, column 128: the file has a document type "
                    + "declaration (<!DOCTYPE ...>); CVR reports must not, as DTDs can expand entities without bound or read other files");
        }
        String external = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + "<CastVoteRecordReport>&x;</CastVoteRecordReport>";
        assertThat(failure(external, CvrReadOptions.lenient()).problem()).startsWith("the file has a document type declaration");
    }

    @Test
    void truncatedEmptyAndMalformed() {
        for (int cut : new int[] {60, 200, SMALL.length() / 2, SMALL.indexOf("Test County") + 3}) {
            BadInputException e = failure(SMALL.substring(0, cut), CvrReadOptions.lenient());
            assertThat(e.problem()).as("cut at %d", cut).isEqualTo("the file ends in the middle of the report (is it truncated?)");
        }
        assertThat(failure("<CastVoteRecordReport><b></CastVoteRecordReport>", CvrReadOptions.lenient()).problem()).startsWith("malformed XML: ");
        byte[] bytes = SMALL.replace("Zoë", "Zo#").getBytes(StandardCharsets.UTF_8);
        bytes[JsonCvrReaderTest.indexOf(bytes, (byte) '#')] = (byte) 0xC3;
        int at = SMALL.substring(0, SMALL.indexOf("Zoë")).getBytes(StandardCharsets.UTF_8).length + 3;
        assertThat(failure(bytes, CvrReadOptions.lenient()).getMessage())
                .isEqualTo("cvr.xml: byte " + at + ": the file is not valid UTF-8: byte 0x20 cannot be here");
        byte[] overlong = SMALL.replace("Zoë", "Zo##").getBytes(StandardCharsets.UTF_8);
        int o = JsonCvrReaderTest.indexOf(overlong, (byte) '#');
        overlong[o] = (byte) 0xC0; // an overlong encoding of '/'
        overlong[o + 1] = (byte) 0xAF;
        assertThat(failure(overlong, CvrReadOptions.strict()).problem()).isEqualTo("the file is not valid UTF-8: byte 0xc0 cannot be here");
    }

    @Test
    void deepNestingAndHugeText() {
        int depth = 200_000;
        String deep = "<CastVoteRecordReport xmlns=\"http://itl.nist.gov/ns/voting/1500-103/v1\"><Notes>"
                + "<a>".repeat(depth) + "</a>".repeat(depth) + "</Notes></CastVoteRecordReport>";
        assertThat(failure(deep, CvrReadOptions.lenient()).problem()).isEqualTo("the XML is nested deeper than the limit of 64 levels");
        InputStream huge = new SequenceInputStream(java.util.Collections.enumeration(List.of(
                new ByteArrayInputStream("<CastVoteRecordReport><CVR><UniqueId>".getBytes(StandardCharsets.US_ASCII)),
                new JsonCvrReaderTest.RepeatingInputStream((byte) 'x', 300L * 1024 * 1024),
                new ByteArrayInputStream("</UniqueId></CVR></CastVoteRecordReport>".getBytes(StandardCharsets.US_ASCII)))));
        assertThatThrownBy(() -> CvrFiles.read(huge, "huge.xml", TestElection.INDEX, CvrReadOptions.lenient(), c -> {}))
                .isInstanceOf(BadInputException.class)
                .hasMessageEndingWith(": a text value is longer than the limit of 1048576 characters");
    }
}
