package org.bulwark.formats.election;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.bulwark.model.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files made to break a reader: each must end in a BadInputException that names file, place and problem. */
class HostileInputTest {
    private static BadInputException bad(byte[] content) {
        return catchThrowableOfType(BadInputException.class, () -> ElectionFiles.read(content, "hostile.json"));
    }

    private static BadInputException bad(String content) {
        return bad(content.getBytes(StandardCharsets.UTF_8));
    }

    private static BadInputException bad(InputStream in) {
        return catchThrowableOfType(BadInputException.class, () -> ElectionFiles.read(in, "hostile"));
    }

    /** {@code length} bytes of {@code fill} between a prefix and a suffix, made as they are read. */
    private static InputStream huge(String prefix, byte fill, long length, String suffix) {
        InputStream middle = new InputStream() {
            long left = length;

            @Override
            public int read() {
                return left-- > 0 ? fill : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                Arrays.fill(b, off, off + n, fill);
                left -= n;
                return n;
            }
        };
        return new SequenceInputStream(new SequenceInputStream(
                new ByteArrayInputStream(prefix.getBytes(StandardCharsets.UTF_8)), middle),
                new ByteArrayInputStream(suffix.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void emptyFile() {
        BadInputException e = bad(new byte[0]);

        assertThat(e.file()).isEqualTo("hostile.json");
        assertThat(e.place()).isEqualTo("byte 0");
        assertThat(e.problem()).isEqualTo("the file is empty");
    }

    @Test
    void neitherJsonNorXml() {
        assertThat(bad("   \n").problem()).startsWith("the file is neither JSON nor XML");
        assertThat(bad("PK\u0003\u0004").problem()).startsWith("the file is neither JSON nor XML");
    }

    @Test
    void truncatedJsonNamesWhereItEnds() {
        byte[] full = BulwarkJsonTest.resource(BulwarkJsonTest.EXAMPLE);
        BadInputException e = bad(Arrays.copyOf(full, 1000));

        assertThat(e.place()).matches("line \\d+, column \\d+");
        assertThat(e.problem()).startsWith("not valid JSON: Unexpected end-of-input");
    }

    @Test
    void truncatedXmlNamesWhereItEnds() throws IOException {
        byte[] full = Files.readAllBytes(NistImportTest.nist("gen-01", "pe-err-gen-01.xml"));
        BadInputException e = bad(Arrays.copyOf(full, 5000));

        assertThat(e.place()).matches("line \\d+, column \\d+");
        assertThat(e.problem()).startsWith("not valid XML: ");
    }

    @Test
    void invalidUtf8() {
        byte[] json = "{\"format\": \"bulwark-election\", \"x\": \"ab\u00e9\"}".getBytes(StandardCharsets.UTF_8);
        json[json.length - 4] = (byte) 0xff;
        byte[] xml = "<ElectionReport><Issuer>ab\u00e9</Issuer></ElectionReport>".getBytes(StandardCharsets.UTF_8);
        xml[30] = (byte) 0xc3;
        xml[31] = (byte) 0x28;

        BadInputException j = bad(json);
        BadInputException x = bad(xml);

        assertThat(j.place()).isEqualTo("line 1, column 41");
        assertThat(j.problem()).startsWith("not valid JSON: Invalid UTF-8 start byte 0xff");
        assertThat(x.place()).startsWith("line 1, column ");
        assertThat(x.problem()).startsWith("not valid XML: ").contains("UTF-8");
    }

    @Test
    void halfASurrogatePairIsNotText() {
        BadInputException e = bad("{\"format\": \"bulwark-\\ud800election\"}");

        assertThat(e.problem()).isEqualTo("a text value holds \\ud800, half of a surrogate pair, which is not a character");
        assertThat(e.place()).isEqualTo("line 1, column 12");
    }

    @Test
    void aThreeHundredMegabyteJsonStringIsStoppedAtTheLimit() {
        BadInputException e = bad(huge("{\"format\": \"", (byte) 'x', 300L * 1024 * 1024, "\"}"));

        assertThat(e.problem()).isEqualTo("a text value is longer than the limit of 1000000 characters");
        assertThat(e.place()).startsWith("line 1, column ");
    }

    @Test
    void aThreeHundredMegabyteXmlTextIsStoppedAtTheLimit() {
        BadInputException e = bad(huge("<ElectionReport><Issuer>", (byte) 'x', 300L * 1024 * 1024, "</Issuer></ElectionReport>"));

        assertThat(e.problem()).isEqualTo("a text value is longer than the limit of 1000000 characters");
        assertThat(e.place()).startsWith("line 1, column ");
    }

    @Test
    void aFileLargerThanTheLimitIsRefused() {
        BadInputException e = bad(huge("{\"format\": \"bulwark-election\",", (byte) ' ', 65L * 1024 * 1024, "}"));

        assertThat(e.problem()).isEqualTo("the file is larger than the limit of 67108864 bytes");
        assertThat(e.place()).isEqualTo("byte 67108865");
    }

    @Test
    void moreValuesThanAnyElectionNeedsAreRefused() {
        BadInputException json = bad(huge("{\"format\": [", (byte) '0', 0, "0" + ",0".repeat(2_000_000) + "]}"));
        BadInputException xml = bad(huge("<ElectionReport>", (byte) ' ', 0, "<a/>".repeat(2_000_000) + "</ElectionReport>"));

        assertThat(json.problem()).isEqualTo("the file holds more than 2000000 values, more than any election needs");
        assertThat(json.place()).startsWith("line 1, column ");
        assertThat(xml.problem()).isEqualTo(json.problem());
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("no-such-election.json");

        BadInputException e = catchThrowableOfType(BadInputException.class, () -> ElectionFiles.read(missing));

        assertThat(e.file()).isEqualTo(missing.toString());
        assertThat(e.problem()).isEqualTo("the file does not exist");
    }

    @Test
    void jsonNested200000DeepIsRefusedWithoutStackOverflow() {
        String deep = "[".repeat(200_000) + "]".repeat(200_000);
        String deepObjects = "{\"a\":".repeat(200_000) + "1" + "}".repeat(200_000);

        BadInputException arrays = bad(deep);
        BadInputException objects = bad(deepObjects);

        assertThat(arrays.problem()).isEqualTo("objects and arrays are nested more than 64 deep; no election file needs that");
        assertThat(arrays.place()).isEqualTo("line 1, column 65");
        assertThat(objects.problem()).isEqualTo(arrays.problem());
    }

    @Test
    void xmlNested200000DeepIsRefusedWithoutStackOverflow() {
        BadInputException e = bad("<a>".repeat(200_000) + "</a>".repeat(200_000));

        assertThat(e.problem()).isEqualTo("elements are nested more than 64 deep; no election file needs that");
        assertThat(e.place()).startsWith("line 1, column ");
    }

    @Test
    void externalEntitiesAreNeverResolved(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE ElectionReport [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<ElectionReport xmlns=\"http://itl.nist.gov/ns/voting/1500-100/v2\"><Issuer>&x;</Issuer></ElectionReport>";
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>"
                + "<ElectionReport>&lol2;</ElectionReport>";

        BadInputException e = bad(xxe);
        BadInputException l = bad(laughs);

        assertThat(e.problem()).isEqualTo("the file declares a document type or uses entities; election files must not");
        assertThat(e.getMessage()).doesNotContain("TOP-SECRET");
        assertThat(e.place()).startsWith("line 2, column ");
        assertThat(l.problem()).isEqualTo(e.problem());
    }

    @Test
    void jsonThatIsNotAnElectionDefinition() throws IOException {
        byte[] cvr = Files.readAllBytes(Path.of("..", "testdata", "nist-cdf", "gen-01", "cvr_v1", "cvr-gen-01.json"));

        assertThat(bad(cvr).problem()).endsWith("found \"@type\": \"CVR.CastVoteRecordReport\"");
        assertThat(bad("[1, 2]").problem()).isEqualTo("the file holds a JSON list, not an election definition object");
        assertThat(bad("{\"a\": 1} {\"b\": 2}").problem())
                .isEqualTo("there is more after the end of the JSON document; a file holds one document");
        assertThat(bad("{\"a\": 1, \"a\": 2}").problem()).startsWith("not valid JSON: Duplicate field 'a'");
        assertThat(bad("<html><body/></html>").problem()).startsWith("the root element <html> is not an election definition");
    }
}
