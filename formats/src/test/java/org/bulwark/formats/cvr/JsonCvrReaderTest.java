package org.bulwark.formats.cvr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.bulwark.model.BadInputException;
import org.bulwark.model.BallotStyleId;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.ContestId;
import org.bulwark.model.CountingGroup;
import org.bulwark.model.CvrContest;
import org.bulwark.model.GpUnitId;
import org.bulwark.model.Indication;
import org.bulwark.model.Mark;
import org.bulwark.model.SelectionId;
import org.junit.jupiter.api.Test;

class JsonCvrReaderTest {
    static final String SMALL = resource("small.json");

    static String resource(String name) {
        try (InputStream in = JsonCvrReaderTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<CastVoteRecord> read(String content, CvrReadOptions options) throws IOException {
        return read(content.getBytes(StandardCharsets.UTF_8), options);
    }

    static List<CastVoteRecord> read(byte[] content, CvrReadOptions options) throws IOException {
        List<CastVoteRecord> out = new ArrayList<>();
        CvrFiles.read(new ByteArrayInputStream(content), name(content), TestElection.INDEX, options, out::add);
        return out;
    }

    /** Test files are named after their format, as users name theirs. */
    static String name(byte[] content) {
        return content.length > 0 && content[0] == '<' ? "cvr.xml" : "cvr.json";
    }

    static BadInputException failure(String content, CvrReadOptions options) {
        return failure(content.getBytes(StandardCharsets.UTF_8), options);
    }

    static BadInputException failure(byte[] content, CvrReadOptions options) {
        try {
            read(content, options);
        } catch (BadInputException e) {
            return e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("expected BadInputException");
    }

    @Test
    void readsTheCurrentSnapshotWithEverythingTabulationNeeds() throws IOException {
        List<CastVoteRecord> cvrs = read(SMALL, CvrReadOptions.strict().withCountingGroup(CountingGroup.ABSENTEE));
        assertThat(cvrs).hasSize(2);
        CastVoteRecord first = cvrs.get(0);
        assertThat(first.ballotId()).isEqualTo("b-1");
        assertThat(first.ballotStyle()).isEqualTo(new BallotStyleId("style-1"));
        assertThat(first.ballotStyleUnit()).isEqualTo(new GpUnitId("p1"));
        assertThat(first.creatingDevice()).contains("scanner-1");
        assertThat(first.batch()).contains("batch-7");
        assertThat(first.countingGroup()).isEqualTo(CountingGroup.ABSENTEE);
        assertThat(first.ballotImages()).containsExactly("file:images/b-1.png", "b-1-back.png");
        // the current snapshot is b-1-v2: the write-in, not the original's vote for mayor-b
        assertThat(first.contests()).extracting(CvrContest::contest).extracting(ContestId::value)
                .containsExactly("mayor", "council", "straight", "rcv");
        CvrContest mayor = first.contests().get(0);
        assertThat(mayor.marks()).containsExactly(new Mark(new SelectionId("mayor-wi"), 1, Indication.YES, Indication.YES, 0,
                Optional.of("Zoë Zed"), false));
        assertThat(mayor.recordedOvervotes()).isEqualTo(OptionalInt.of(0));
        CvrContest council = first.contests().get(1);
        assertThat(council.marks()).hasSize(3).allMatch(m -> m.allocable() == Indication.NO);
        assertThat(council.recordedOvervotes()).isEqualTo(OptionalInt.of(1));
        CvrContest straight = first.contests().get(2);
        assertThat(straight.recordedOvervotes()).isEmpty();
        assertThat(straight.marks().get(0).allocable()).isEqualTo(Indication.UNKNOWN);
        CvrContest rcv = first.contests().get(3);
        assertThat(rcv.marks()).extracting(Mark::rank).containsExactly(1, 2);
        assertThat(rcv.marks()).extracting(Mark::generatedByRules).containsExactly(false, true);

        CastVoteRecord second = cvrs.get(1);
        assertThat(second.ballotId()).isEqualTo("u-2");
        assertThat(second.creatingDevice()).isEmpty();
        assertThat(second.contests().get(0).marks()).isEmpty();
        assertThat(second.contests().get(0).recordedUndervotes()).isEqualTo(OptionalInt.of(1));
    }

    @Test
    void summaryNamesTheReportAndCountsTheBytes() throws Exception {
        byte[] bytes = SMALL.getBytes(StandardCharsets.UTF_8);
        List<Long> progress = new ArrayList<>();
        CvrFileSummary summary = CvrFiles.read(new ByteArrayInputStream(bytes), "cvr.json", TestElection.INDEX,
                CvrReadOptions.strict().withProgress(progress::add), c -> {});
        assertThat(summary.format()).isEqualTo(CvrFormat.JSON);
        assertThat(summary.cvrCount()).isEqualTo(2);
        assertThat(summary.bytes()).isEqualTo(bytes.length);
        assertThat(summary.generatedDate()).contains("2026-11-03T21:00:00-06:00");
        assertThat(summary.reportingDevices()).containsExactly("scanner-1");
        assertThat(summary.reportGeneratingDevices()).containsExactly("scanner-1");
        assertThat(summary.electionIds()).containsExactly("test-election");
        assertThat(progress).last().isEqualTo((long) bytes.length);
    }

    @Test
    void lenientReadsTheSameCvrsAndTheSameSummary() throws Exception {
        assertThat(read(SMALL, CvrReadOptions.lenient())).isEqualTo(read(SMALL, CvrReadOptions.strict()));
        CvrFileSummary summary = CvrFiles.read(new ByteArrayInputStream(SMALL.getBytes(StandardCharsets.UTF_8)), "cvr.json",
                TestElection.INDEX, CvrReadOptions.lenient(), c -> {});
        assertThat(summary.reportingDevices()).containsExactly("scanner-1");
        assertThat(summary.electionIds()).containsExactly("test-election");
    }

    @Test
    void lenientAcceptsVendorSpellingsThatStrictRefuses() throws IOException {
        String vendor = SMALL.replace("\"@type\": \"CVR.CVR\",", "\"@type\": \"CVR\",")
                .replace("\"@type\": \"CVR.SelectionPosition\", ", "")
                .replace("\"NumberVotes\": 1 }", "\"NumberVotes\": \"1\", \"VendorExtra\": {\"x\": [1]} }");
        assertThat(read(vendor, CvrReadOptions.lenient())).isEqualTo(read(SMALL, CvrReadOptions.strict()));
        assertThat(failure(vendor, CvrReadOptions.strict()).getMessage())
                .isEqualTo("cvr.json: line 5, column 16: @type is 'CVR', expected 'CVR.CVR'");
    }

    /** Types, indications and ids are matched as bytes when they are plain; escaped, they mean the same and read the same. */
    @Test
    void escapedTypesIndicationsAndIdsReadAsThemselves() throws IOException {
        String escaped = SMALL.replace("\"@type\": \"CVR.CVRContest\"", "\"@type\": \"CVR.CVR\\u0043ontest\"")
                .replace("\"HasIndication\": \"yes\"", "\"HasIndication\": \"y\\u0065s\"")
                .replace("\"ContestId\": \"mayor\"", "\"ContestId\": \"m\\u0061yor\"")
                .replace("\"ContestSelectionId\": \"council-a\"", "\"ContestSelectionId\": \"council\\u002da\"")
                .replace("\"BallotStyleId\": \"style-1\"", "\"BallotStyleId\": \"style-\\u0031\"");
        assertThat(escaped).isNotEqualTo(SMALL).contains("\\u0043ontest", "y\\u0065s", "m\\u0061yor", "council\\u002da", "style-\\u0031");

        for (CvrReadOptions options : List.of(CvrReadOptions.strict(), CvrReadOptions.lenient())) {
            assertThat(read(escaped, options)).isEqualTo(read(SMALL, options));
        }
    }

    /** Values cut by the end of the parser's buffer are read the usual way, with the same result. */
    @Test
    void aReportArrivingAFewBytesAtATimeReadsTheSame() throws IOException {
        byte[] report = SMALL.getBytes(StandardCharsets.UTF_8);
        for (int most = 1; most <= 13; most++) {
            int cap = most;
            List<CastVoteRecord> out = new ArrayList<>();
            InputStream trickle = new java.io.FilterInputStream(new ByteArrayInputStream(report)) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return super.read(b, off, Math.min(len, cap));
                }
            };
            // The reader itself, given the stream: CvrFiles would first take the file's head in one piece.
            JsonCvrReader.read(trickle, "cvr.json", true, CountingGroup.ELECTION_DAY, new ElectionIds(TestElection.INDEX.election()),
                    new CvrEmitter("cvr.json", TestElection.INDEX, out::add));
            assertThat(out).as("at most %d bytes per read", most).isEqualTo(read(SMALL, CvrReadOptions.strict()));
        }
    }

    /** Each object's start, kept for messages without making a location, is where Jackson's own location puts it. */
    @Test
    void tokenStartsAreJacksonsTokenLocations() throws IOException {
        byte[] report = SMALL.getBytes(StandardCharsets.UTF_8);
        InputStream whole = new ByteArrayInputStream(report);
        InputStream trickle = new java.io.FilterInputStream(new ByteArrayInputStream(report)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 7));
            }
        };
        for (InputStream in : List.of(whole, trickle)) {
            try (com.fasterxml.jackson.core.JsonParser p = JsonCvrReader.FACTORY.createParser(in)) {
                CvrJsonParser parser = (CvrJsonParser) p;
                int tokens = 0;
                for (com.fasterxml.jackson.core.JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                    com.fasterxml.jackson.core.JsonLocation loc = p.currentTokenLocation();
                    assertThat(parser.tokenStart()).as("%s at %s", t, loc).isEqualTo(JsonCvrReader.at(loc.getLineNr(), loc.getColumnNr()));
                    tokens++;
                }
                assertThat(tokens).isGreaterThan(100);
            }
        }
    }

    /** JSON in UTF-16 is left to Jackson's own parser, which reads it as before; only UTF-8 is matched as bytes. */
    @Test
    void utf16JsonReadsAsItsUtf8Twin() throws IOException {
        List<CastVoteRecord> utf8 = new ArrayList<>();
        List<CastVoteRecord> utf16 = new ArrayList<>();
        for (var encoded : List.of(Map.entry(StandardCharsets.UTF_8, utf8), Map.entry(StandardCharsets.UTF_16LE, utf16))) {
            JsonCvrReader.read(new ByteArrayInputStream(SMALL.getBytes(encoded.getKey())), "cvr.json", true, CountingGroup.ELECTION_DAY,
                    new ElectionIds(TestElection.INDEX.election()), new CvrEmitter("cvr.json", TestElection.INDEX, encoded.getValue()::add));
        }
        assertThat(utf16).hasSize(2).isEqualTo(utf8);
    }

    @Test
    void aTypeOrIndicationThatOnlyStartsRightIsRefused() {
        assertThat(failure(SMALL.replaceFirst("\"@type\": \"CVR.CVRContest\"", "\"@type\": \"CVR.CVRContestX\""),
                CvrReadOptions.strict()).problem()).isEqualTo("@type is 'CVR.CVRContestX', expected 'CVR.CVRContest'");
        assertThat(failure(SMALL.replaceFirst("\"HasIndication\": \"yes\"", "\"HasIndication\": \"yess\""),
                CvrReadOptions.strict()).problem()).isEqualTo("HasIndication is 'yess', expected yes, no or unknown");
    }

    @Test
    void aContestNotOnTheBallotStyleMakesTheFileUnusable() {
        String bad = SMALL.replace("\"ContestId\": \"prop-1\"", "\"ContestId\": \"council\"")
                .replace("\"ContestSelectionId\": \"prop-1-no\"", "\"ContestSelectionId\": \"council-a\"");
        assertThat(failure(bad, CvrReadOptions.lenient()).getMessage())
                .isEqualTo("cvr.json: CVR 2 (ballot u-2), line 47, column 5: contest 'council' is not on ballot style 'style-2'");
    }

    @Test
    void unknownIdsAreNamed() {
        String bad = SMALL.replace("\"BallotStyleId\": \"style-2\"", "\"BallotStyleId\": \"style-9\"")
                .replace("\"BallotStyleUnitId\": \"p2\"", "\"BallotStyleUnitId\": \"p9\"")
                .replace("\"ContestSelectionId\": \"prop-1-no\"", "\"ContestSelectionId\": \"mayor-a\"");
        assertThat(failure(bad, CvrReadOptions.lenient()).getMessage()).isEqualTo(
                "cvr.json: CVR 2 (ballot u-2), line 47, column 5: ballot style 'style-9' is not a ballot style of this election; "
                        + "ballot style unit 'p9' is not a unit of this election; "
                        + "selection 'mayor-a' belongs to contest 'mayor', not to contest 'prop-1'");
        String unknownContest = SMALL.replace("\"ContestId\": \"straight\"", "\"ContestId\": \"dog-catcher\"");
        assertThat(failure(unknownContest, CvrReadOptions.lenient()).problem()).isEqualTo(
                "contest 'dog-catcher' is not a contest of this election");
    }

    @Test
    void overvotesAreKeptNotRefused() throws IOException {
        String overvoted = SMALL.replace("\"ContestSelectionId\": \"prop-1-no\",",
                "\"ContestSelectionId\": \"prop-1-no\", \"SelectionPosition\": [ { \"@type\": \"CVR.SelectionPosition\", "
                        + "\"HasIndication\": \"yes\", \"NumberVotes\": 1 } ] }, { \"@type\": \"CVR.CVRContestSelection\", "
                        + "\"ContestSelectionId\": \"prop-1-yes\",");
        CvrContest prop = read(overvoted, CvrReadOptions.strict()).get(1).contests().get(1);
        assertThat(prop.marks()).extracting(Mark::selection).extracting(SelectionId::value).containsExactly("prop-1-no", "prop-1-yes");
    }

    @Test
    void strictChecksTheReportsOwnReferences() {
        String undeclared = SMALL.replace("{ \"@id\": \"prop-1-no\", \"@type\": \"CVR.BallotMeasureSelection\", \"Selection\": \"No\" }",
                "{ \"@id\": \"prop-1-nay\", \"@type\": \"CVR.BallotMeasureSelection\", \"Selection\": \"No\" }");
        assertThat(failure(undeclared, CvrReadOptions.strict()).getMessage()).isEqualTo(
                "cvr.json: CVR 2, line 47, column 5: ContestSelectionId 'prop-1-no' refers to nothing declared in the report "
                        + "(expected a CVR.ContestSelection or CVR.PartySelection or CVR.BallotMeasureSelection or CVR.CandidateSelection)");
        String device = SMALL.replace("\"CreatingDeviceId\": \"scanner-1\"", "\"CreatingDeviceId\": \"p1\"");
        assertThat(failure(device, CvrReadOptions.strict()).getMessage()).startsWith(
                "cvr.json: CVR 1, line 4, column 5: CreatingDeviceId 'p1' refers to a CVR.GpUnit (declared at line 88, column 15), not to a CVR.ReportingDevice");
        String moved = SMALL.replace("{ \"@id\": \"sp-dem\"", "{ \"@id\": \"sp-x\"").replace("{ \"@id\": \"rcv-c\"", "{ \"@id\": \"sp-dem\"");
        assertThat(failure(moved, CvrReadOptions.strict()).problem()).isEqualTo(
                "ContestSelectionId 'sp-dem' is not a selection of contest 'straight' in the report's Election (it belongs to 'rcv')");
        String oldSnapshot = SMALL.replace("\"ContestSelectionId\": \"mayor-b\"", "\"ContestSelectionId\": \"mayor-z\"");
        assertThat(failure(oldSnapshot, CvrReadOptions.strict()).problem()).startsWith(
                "ContestSelectionId 'mayor-z' refers to nothing declared in the report");
        assertThat(failure(SMALL.replace("\"Party\": [ { \"@id\": \"dem\"", "\"Party\": [ { \"@id\": \"p1\""), CvrReadOptions.strict())
                .problem()).startsWith("id 'p1' is declared twice");
    }

    @Test
    void strictFollowsTheSchema() {
        assertThat(failure(SMALL.replace("\"Version\": \"1.0.0\"", "\"Version\": \"2.0\""), CvrReadOptions.strict()).problem())
                .isEqualTo("Version '2.0' is not one of 1.0.0");
        assertThat(failure(SMALL.replace(", \"Type\": \"original\"", ""), CvrReadOptions.strict()).problem())
                .isEqualTo("a CVR.CVRSnapshot must have Type");
        assertThat(failure(SMALL.replace("\"OptionPosition\": 3", "\"OptionPosition\": \"3\""), CvrReadOptions.strict()).problem())
                .isEqualTo("OptionPosition must be an integer, found a string");
        assertThat(failure(SMALL.replace("\"Type\": \"modified\"", "\"Type\": \"final\""), CvrReadOptions.strict()).problem())
                .isEqualTo("Type 'final' is not one of interpreted, modified, original");
        assertThat(failure(SMALL.replace("\"Status\": [ \"overvoted\" ]", "\"Status\": [ \"spoiled\" ]"), CvrReadOptions.strict()).problem())
                .isEqualTo("Status 'spoiled' is not one of invalidated-rules, not-indicated, other, overvoted, undervoted");
        assertThat(failure(SMALL.replace("\"Name\": \"Ranked\",", "\"Name\": \"Ranked\", \"Seats\": 2,"), CvrReadOptions.strict()).problem())
                .isEqualTo("property 'Seats' is not allowed in Contest (a CVR.Contest or CVR.PartyContest or CVR.BallotMeasureContest or CVR.CandidateContest or CVR.RetentionContest)");
        assertThat(failure(SMALL.replace(", \"Selection\": \"Yes\"", ""), CvrReadOptions.strict()).problem())
                .isEqualTo("a CVR.BallotMeasureSelection must have Selection");
        assertThat(failure(SMALL.replace("\"GeneratedDate\": \"2026-11-03T21:00:00-06:00\"", "\"GeneratedDate\": \"yesterday\""),
                CvrReadOptions.strict()).problem()).isEqualTo("GeneratedDate 'yesterday' is not a date and time like 2024-11-05T20:00:00-06:00");
        assertThat(failure(SMALL.replace("\"UniqueId\": \"u-2\",", "\"UniqueId\": \"u-2\", \"UniqueId\": \"u-3\","), CvrReadOptions.strict())
                .problem()).isEqualTo("property 'UniqueId' appears twice in one CVR.CVR");
    }

    @Test
    void wrongTypeIsRefusedInBothModes() {
        String bad = SMALL.replace("\"@type\": \"CVR.CVRContest\", \"ContestId\": \"prop-1\"", "\"@type\": \"CVR.Contest\", \"ContestId\": \"prop-1\"");
        assertThat(failure(bad, CvrReadOptions.lenient()).getMessage())
                .isEqualTo("cvr.json: line 57, column 22: @type is 'CVR.Contest', expected 'CVR.CVRContest'");
        assertThat(failure(SMALL.replace("\"@type\": \"CVR.CastVoteRecordReport\"", "\"@type\": \"ElectionResults.ElectionReport\""),
                CvrReadOptions.lenient()).getMessage())
                .isEqualTo("cvr.json: line 2, column 12: @type is 'ElectionResults.ElectionReport', expected 'CVR.CastVoteRecordReport'");
    }

    @Test
    void truncatedFileIsNamedAsSuch() {
        for (int cut : new int[] {1, 100, SMALL.length() / 2, SMALL.length() - 3}) {
            BadInputException e = failure(SMALL.substring(0, cut), CvrReadOptions.lenient());
            assertThat(e.file()).isEqualTo("cvr.json");
            assertThat(e.problem()).isEqualTo("the file ends in the middle of the report (is it truncated?)");
            assertThat(e.place()).startsWith("line ");
        }
    }

    @Test
    void emptyAndNonReportFiles() {
        assertThat(failure("", CvrReadOptions.strict()).getMessage()).isEqualTo("cvr.json: byte 0: the file is empty");
        assertThat(failure("  \n ", CvrReadOptions.strict()).getMessage()).isEqualTo("cvr.json: byte 4: the file holds only white space");
        assertThat(failure("PK\u0003\u0004", CvrReadOptions.strict()).getMessage()).isEqualTo(
                "cvr.json: byte 0: this is not a CVR report: it starts with byte 0x50, where a JSON report starts with '{' and an XML report with '<'");
        assertThat(failure("{} {}", CvrReadOptions.lenient()).getMessage())
                .isEqualTo("cvr.json: line 1, column 4: there is more after the end of the report: an object");
        assertThat(failure("{}", CvrReadOptions.strict()).getMessage()).isEqualTo(
                "cvr.json: line 1, column 3: a CVR.CastVoteRecordReport must have @type, Election, GeneratedDate, GpUnit, "
                        + "ReportGeneratingDeviceIds, ReportingDevice, Version");
    }

    @Test
    void invalidUtf8IsRefused() {
        byte[] bytes = SMALL.replace("Zoë Zed", "Zo# Zed").getBytes(StandardCharsets.UTF_8);
        int at = indexOf(bytes, (byte) '#');
        bytes[at] = (byte) 0xC3; // a lead byte followed by a space: not UTF-8
        BadInputException e = failure(bytes, CvrReadOptions.lenient());
        assertThat(e.getMessage()).startsWith("cvr.json: line 25, column ").contains("the file is not valid UTF-8: Invalid UTF-8 middle byte 0x20");
    }

    @Test
    void aHugeStringIsRefusedAtTheLimitWithoutReadingItAll() {
        long size = 300L * 1024 * 1024;
        InputStream huge = new SequenceInputStream(java.util.Collections.enumeration(List.of(
                new ByteArrayInputStream("{\"CVR\": [ {\"UniqueId\": \"".getBytes(StandardCharsets.US_ASCII)),
                new RepeatingInputStream((byte) 'x', size),
                new ByteArrayInputStream("\"} ] }".getBytes(StandardCharsets.US_ASCII)))));
        assertThatThrownBy(() -> CvrFiles.read(huge, "huge.json", TestElection.INDEX, CvrReadOptions.lenient(), c -> {}))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("huge.json: line 1, column ")
                .hasMessageEndingWith(": a text value is longer than the limit of 1048576 characters");
    }

    /** Each read of the file is a system call and a copy: a report is read 64 KiB at a time, not Jackson's 8,000 bytes. */
    @Test
    void aReportIsReadInLargePieces() {
        int[] reads = {0};
        InputStream counted = new java.io.FilterInputStream(new SequenceInputStream(java.util.Collections.enumeration(List.of(
                new ByteArrayInputStream("{\"CVR\": [ {\"UniqueId\": \"".getBytes(StandardCharsets.US_ASCII)),
                new RepeatingInputStream((byte) 'x', 4L << 20))))) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                reads[0]++;
                return super.read(b, off, len);
            }
        };
        // Stopped at the 1 MiB limit of a text value: about 20 reads (the format is sniffed first), where 8,000-byte reads take over 130.
        assertThatThrownBy(() -> CvrFiles.read(counted, "big.json", TestElection.INDEX, CvrReadOptions.lenient(), c -> {}))
                .hasMessageEndingWith(": a text value is longer than the limit of 1048576 characters");
        assertThat(reads[0]).isBetween(16, 32);
    }

    @Test
    void deepNestingIsRefusedWithoutStackOverflow() {
        int depth = 200_000;
        String deep = "{\"CVR\": [ {\"Notes\": " + "[".repeat(depth) + "]".repeat(depth) + "} ] }";
        assertThat(failure(deep, CvrReadOptions.lenient()).getMessage())
                .isEqualTo("cvr.json: line 1, column 83: the JSON is nested deeper than the limit of 64 levels");
        String deepObjects = "{\"Notes\": " + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + "}";
        assertThat(failure(deepObjects, CvrReadOptions.strict()).problem()).isEqualTo("Notes must be a string, found an object");
        assertThat(failure(deepObjects.replace("Notes", "Other"), CvrReadOptions.lenient()).problem())
                .isEqualTo("the JSON is nested deeper than the limit of 64 levels");
    }

    @Test
    void nothingIsPassedOnPastTheBadCvr() throws IOException {
        String bad = SMALL.replace("\"BallotStyleId\": \"style-2\"", "\"BallotStyleId\": \"style-9\"");
        List<CastVoteRecord> out = new ArrayList<>();
        assertThatThrownBy(() -> CvrFiles.read(new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8)), "cvr.json",
                TestElection.INDEX, CvrReadOptions.strict(), out::add)).isInstanceOf(BadInputException.class);
        assertThat(out).extracting(CastVoteRecord::ballotId).containsExactly("b-1");
    }

    static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    /** {@code size} copies of one byte, generated as read: a huge input that is never held in memory. */
    static final class RepeatingInputStream extends InputStream {
        private final byte b;
        private long left;

        RepeatingInputStream(byte b, long size) {
            this.b = b;
            this.left = size;
        }

        @Override
        public int read() {
            if (left == 0) {
                return -1;
            }
            left--;
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) {
            if (left == 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(buf, off, off + n, b);
            left -= n;
            return n;
        }
    }
}
