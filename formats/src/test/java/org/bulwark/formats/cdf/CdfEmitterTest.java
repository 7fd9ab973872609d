package org.bulwark.formats.cdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** One small document through each form and layout, byte for byte. */
class CdfEmitterTest {
    private static final String NS = "urn:test";

    @FunctionalInterface
    private interface Factory {
        CdfEmitter open(ByteArrayOutputStream out) throws IOException;
    }

    private static String write(Factory factory, String name) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CdfEmitter out = factory.open(bytes);
        out.beginObject("Report", "Report", Optional.empty());
        out.beginList("Contest");
        out.beginSubtype("Contest", "CandidateContest", Optional.of("c-1"));
        out.text("Name", name);
        out.refs("PartyIds", List.of("p-1", "p-2"));
        out.endObject();
        out.endList();
        out.beginObject("Device", "ReportingDevice", Optional.empty());
        out.values("Status", List.of("a", "b"));
        out.endObject();
        out.number("Count", 3);
        out.bool("IsTest", true);
        out.endObject();
        out.finish();
        bytes.write('!'); // the stream stays open
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void compactJsonNamesOnlyPropertiesAndPrefixesTypes() throws IOException {
        assertThat(write(out -> CdfEmitter.json(out, "T.", CdfEmitter.Layout.COMPACT), "A & B")).isEqualTo(
                "{\"@type\":\"T.Report\",\"Contest\":[{\"@type\":\"T.CandidateContest\",\"@id\":\"c-1\","
                        + "\"Name\":{\"@type\":\"T.InternationalizedText\",\"Text\":[{\"@type\":\"T.LanguageString\","
                        + "\"Content\":\"A & B\",\"Language\":\"en\"}]},\"PartyIds\":[\"p-1\",\"p-2\"]}],"
                        + "\"Device\":{\"@type\":\"T.ReportingDevice\",\"Status\":[\"a\",\"b\"]},"
                        + "\"Count\":3,\"IsTest\":true}!");
    }

    @Test
    void indentedJsonEndsWithANewLine() throws IOException {
        String json = write(out -> CdfEmitter.json(out, "T.", CdfEmitter.Layout.INDENTED), "A");
        assertThat(json).startsWith("{\n  \"@type\" : \"T.Report\",\n").endsWith("\n}\n!");
    }

    @Test
    void compactXmlMarksOnlySubtypesAndRepeatsListElements() throws IOException {
        assertThat(write(out -> CdfEmitter.xml(out, NS, CdfEmitter.Layout.COMPACT), "A & <B>")).isEqualTo(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Report xmlns=\"urn:test\" "
                        + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
                        + "<Contest xsi:type=\"CandidateContest\" ObjectId=\"c-1\">"
                        + "<Name><Text Language=\"en\">A &amp; &lt;B&gt;</Text></Name><PartyIds>p-1 p-2</PartyIds></Contest>"
                        + "<Device><Status>a</Status><Status>b</Status></Device><Count>3</Count><IsTest>true</IsTest>"
                        + "</Report>!");
    }

    @Test
    void indentedXmlPutsEachElementOnItsOwnLine() throws IOException {
        assertThat(write(out -> CdfEmitter.xml(out, NS, CdfEmitter.Layout.INDENTED), "A")).isEqualTo(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Report xmlns=\"urn:test\" "
                        + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
                        + "  <Contest xsi:type=\"CandidateContest\" ObjectId=\"c-1\">\n"
                        + "    <Name>\n      <Text Language=\"en\">A</Text>\n    </Name>\n"
                        + "    <PartyIds>p-1 p-2</PartyIds>\n  </Contest>\n"
                        + "  <Device>\n    <Status>a</Status>\n    <Status>b</Status>\n  </Device>\n"
                        + "  <Count>3</Count>\n  <IsTest>true</IsTest>\n</Report>\n!");
    }

    @Test
    void charactersXmlCannotCarryAreReplacedNotWrittenRaw() throws Exception {
        assertThat(XmlCdfEmitter.legal("Ann\u0001 Lee\uD800")).isEqualTo("Ann\uFFFD Lee\uFFFD");
        assertThat(XmlCdfEmitter.legal("Zoë 🗳 Smith")).isEqualTo("Zoë 🗳 Smith");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CdfEmitter out = CdfEmitter.xml(bytes, NS, CdfEmitter.Layout.COMPACT);
        out.beginObject("Report", "Report", Optional.of("id\u0002"));
        out.value("Name", "Ann\u0001");
        out.endObject();
        out.finish();
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(doc.getDocumentElement().getAttribute("ObjectId")).isEqualTo("id\uFFFD");
        assertThat(doc.getDocumentElement().getTextContent()).isEqualTo("Ann\uFFFD");
    }

    /** Any text, in an attribute, an element or a language string, reads back as written (once made legal). */
    @Property(tries = 300)
    void xmlReadsBackAsWritten(@ForAll("texts") String id, @ForAll("texts") String value, @ForAll("texts") String name) throws Exception {
        for (CdfEmitter.Layout layout : CdfEmitter.Layout.values()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            CdfEmitter out = CdfEmitter.xml(bytes, NS, layout);
            out.beginSubtype("Report", "CandidateContest", Optional.of(id));
            out.value("Value", value);
            out.text("Name", name);
            out.endObject();
            out.finish();
            Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(bytes.toByteArray())).getDocumentElement();
            assertThat(root.getAttribute("ObjectId")).isEqualTo(XmlCdfEmitter.legal(id));
            assertThat(root.getElementsByTagName("Value").item(0).getTextContent()).isEqualTo(XmlCdfEmitter.legal(value));
            assertThat(root.getElementsByTagName("Text").item(0).getTextContent()).isEqualTo(XmlCdfEmitter.legal(name));
        }
    }

    @Provide
    Arbitrary<String> texts() {
        // Markup characters, white space a parser would normalise, controls, accents, emoji and lone surrogates.
        return Arbitraries.oneOf(
                Arbitraries.of('<', '>', '&', '"', '\'', '\r', '\n', '\t', ' ', '\u0001', 'a', 'Z', '\u00e9', '\ud800', '\udc00', '\uffff'),
                Arbitraries.chars().all()).list().ofMaxSize(40)
                .map(cs -> cs.stream().collect(StringBuilder::new, StringBuilder::append, StringBuilder::append).toString())
                .edgeCases(e -> e.add("\ud83d\uddf3 \r\n"));
    }

    @Test
    void xmlWithAnElementStillOpenIsNotFinished() throws IOException {
        CdfEmitter out = CdfEmitter.xml(new ByteArrayOutputStream(), NS, CdfEmitter.Layout.COMPACT);
        out.beginObject("Report", "Report", Optional.empty());
        out.beginObject("Device", "ReportingDevice", Optional.empty());
        org.assertj.core.api.Assertions.assertThatThrownBy(out::finish).isInstanceOf(IllegalStateException.class)
                .hasMessage("the document ends with 2 elements still open, the innermost Device");
    }

    @Test
    void longTextGoesThroughTheBufferWhole() throws Exception {
        String big = "Ann & Lee \u00e9 ".repeat(20_000);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CdfEmitter out = CdfEmitter.xml(bytes, NS, CdfEmitter.Layout.COMPACT);
        out.beginObject("Report", "Report", Optional.empty());
        out.value("Name", big);
        out.endObject();
        out.finish();
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(doc.getDocumentElement().getTextContent()).isEqualTo(big);
    }
}
