package org.bulwark.formats.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bulwark.formats.vendor.VendorSource.Provider;
import org.bulwark.model.BadInputException;
import org.bulwark.model.ranked.RankedBallot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dominion, Hart, Clear Ballot, generic CSV and CDF: RCTab's semantics on small files, and each fault named. */
class OtherReadersTest {
    @TempDir
    Path dir;

    // ---- Dominion ----

    private Path dominion(String sessions) throws IOException {
        Path folder = dir.resolve("dominion");
        VendorFiles.write(folder.resolve("ContestManifest.json"), "{\"List\":[{\"Description\":\"MAYOR\",\"Id\":1,\"VoteFor\":1,\"NumOfRanks\":3}]}");
        VendorFiles.write(folder.resolve("CandidateManifest.json"), "{\"List\":[{\"Description\":\"A\",\"Id\":1,\"ContestId\":1},"
                + "{\"Description\":\"B\",\"Id\":2,\"ContestId\":1},{\"Description\":\"Write-in\",\"Id\":9,\"ContestId\":1}]}");
        VendorFiles.write(folder.resolve("PrecinctPortionManifest.json"), "{\"List\":[{\"Description\":\"Portion 1\",\"Id\":1}]}");
        VendorFiles.write(folder.resolve("CvrExport.json"), "{\"Version\":\"5.10\",\"Sessions\":[" + sessions + "]}");
        return folder;
    }

    private static String session(int record, String original, String modified) {
        return "{\"TabulatorId\":5,\"BatchId\":2,\"RecordId\":" + record + ",\"Original\":" + original
                + (modified == null ? "" : ",\"Modified\":" + modified) + "}";
    }

    private static String card(boolean current, String contests) {
        return "{\"PrecinctPortionId\":1,\"BallotTypeId\":1,\"IsCurrent\":" + current + ",\"Cards\":[{\"Id\":1,\"Contests\":[" + contests + "]}]}";
    }

    private static String contest(String outstack, String... marks) {
        return "{\"Id\":1,\"OutstackConditionIds\":[" + outstack + "],\"Marks\":[" + String.join(",", marks) + "]}";
    }

    private static String mark(int candidate, int rank, boolean ambiguous) {
        return "{\"CandidateId\":" + candidate + ",\"Rank\":" + rank + ",\"IsAmbiguous\":" + ambiguous + ",\"IsVote\":true}";
    }

    @Test
    void dominionReadsCurrentOrAdjudicatedRecordsAndLeavesOutPartialCountBallots() throws IOException {
        Path folder = dominion(String.join(",",
                session(1, card(true, contest("", mark(2, 2, false), mark(1, 1, false), mark(9, 3, false))), null),
                session(2, card(false, contest("", mark(1, 1, false))), card(true, contest("", mark(2, 1, false), mark(1, 2, true)))),
                session(3, card(false, contest("", mark(1, 1, false))), null),
                session(4, card(true, contest("7", mark(1, 1, false))), null)));
        List<RankedBallot> ballots = VendorFiles.read(VendorFiles.source(Provider.DOMINION, folder, "1", "9"));

        assertThat(ballots).extracting(VendorFiles::choices).containsExactly("1:1 2:2 3:uwi", "1:2");
        assertThat(ballots.getFirst().ballotId()).isEqualTo("5-2-1");
        assertThat(ballots.getFirst().precinct()).contains("Portion 1");
        assertThat(ballots.getFirst().batch()).contains("2");
    }

    @Test
    void dominionCandidateOfAnotherContest() throws IOException {
        Path folder = dominion(session(1, card(true, contest("", mark(3, 1, false))), null));
        assertThatThrownBy(() -> VendorFiles.read(VendorFiles.source(Provider.DOMINION, folder, "1", "9")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("CvrExport.json")
                .hasMessageContaining("Sessions[0].Original.Cards[0].Contests[0].Marks[0].CandidateId")
                .hasMessageContaining("candidate 3 is not a candidate of contest 1");
    }

    @Test
    void dominionUnknownContestAndMissingManifest() throws IOException {
        Path folder = dominion(session(1, card(true, contest("", mark(1, 1, false))), null));
        assertThatThrownBy(() -> VendorFiles.read(VendorFiles.source(Provider.DOMINION, folder, "4", "9")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("ContestManifest.json").hasMessageContaining("no contest with Id 4");
        Files.delete(folder.resolve("CandidateManifest.json"));
        assertThatThrownBy(() -> VendorFiles.read(VendorFiles.source(Provider.DOMINION, folder, "1", "9")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("CandidateManifest.json").hasMessageContaining("missing");
    }

    @Test
    void dominionTruncatedExport() throws IOException {
        Path folder = dominion(session(1, card(true, contest("", mark(1, 1, false))), null));
        String json = Files.readString(folder.resolve("CvrExport.json"));
        Files.writeString(folder.resolve("CvrExport.json"), json.substring(0, json.length() - 20));
        assertThatThrownBy(() -> VendorFiles.read(VendorFiles.source(Provider.DOMINION, folder, "1", "9")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("CvrExport.json").hasMessageContaining("line 1")
                .hasMessageContaining("not valid JSON");
    }

    // ---- Hart ----

    private static final String HART = "\uFEFF<?xml version=\"1.0\" encoding=\"utf-8\"?><Cvr xmlns=\"http://tempuri.org/CVRDesign.xsd\"><Contests>"
            + "<Contest><Name>MAYOR</Name><Id>m</Id><Options>%s</Options></Contest></Contests><BatchNumber>3</BatchNumber>"
            + "<PrecinctSplit><Name>101</Name><Id>p</Id></PrecinctSplit><CvrGuid>%s</CvrGuid></Cvr>";

    private static String option(String name, String id, String value) {
        return "<Option>" + (name == null ? "" : "<Name>" + name + "</Name>") + "<Id>" + id + "</Id><Value>" + value + "</Value></Option>";
    }

    @Test
    void hartReadsOneDigitPerRank() throws IOException {
        Path folder = dir.resolve("hart");
        VendorFiles.write(folder.resolve("b.xml"), HART.formatted(option("Ann", "a", "0101") + option(null, "wi", "1000"), "g2"));
        VendorFiles.write(folder.resolve("a.xml"), HART.formatted("", "g1"));
        List<RankedBallot> ballots = VendorFiles.read(VendorFiles.source(Provider.HART, folder, "m", "wi"));
        assertThat(ballots).extracting(RankedBallot::ballotId).containsExactly("g1", "g2");
        assertThat(ballots).extracting(VendorFiles::choices).containsExactly("", "1:uwi 2:a 4:a");
        assertThat(ballots.get(1).precinct()).contains("101");
    }

    @Test
    void hartFaults() throws IOException {
        Path folder = dir.resolve("hart");
        VendorFiles.write(folder.resolve("a.xml"), HART.formatted(option("Ann", "a", "01x"), "g1"));
        assertThatThrownBy(() -> VendorFiles.read(VendorFiles.source(Provider.HART, folder, "m", "wi")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("a.xml").hasMessageContaining("Option a")
                .hasMessageContaining("not a string of 0s and 1s");
        VendorFiles.write(folder.resolve("a.xml"), HART.formatted(option("Ann", "a", "1"), "g1"));
        VendorFiles.write(folder.resolve("b.xml"), HART.formatted(option("Bob", "a", "1"), "g2"));
        assertThatThrownBy(() -> VendorFiles.read(VendorFiles.source(Provider.HART, folder, "m", "wi")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("b.xml").hasMessageContaining("candidate code a is named \"Bob\"");
        VendorFiles.write(folder.resolve("b.xml"), "<?xml version=\"1.0\"?><!DOCTYPE Cvr [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Cvr>&x;</Cvr>");
        assertThatThrownBy(() -> VendorFiles.read(VendorFiles.source(Provider.HART, folder, "m", "wi")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("b.xml");
    }

    // ---- Clear Ballot ----

    private static final String CLEAR_HEADER = "RowNumber,BoxID,BoxPosition,BallotID,PrecinctID,BallotStyleID,PrecinctStyleName,ScanComputerName,Status,Remade,"
            + "Choice_1_1:Mayor:1:Vote For 1:Ann:Dem,Choice_2_1:Mayor:1:Vote For 1:UWI:,Choice_1_2:Mayor:2:Vote For 1:Ann:Dem,Choice_9_1:Council:1:Vote For 1:Cy:\n";

    @Test
    void clearBallotReadsTheContestsColumns() throws IOException {
        Path file = VendorFiles.write(dir.resolve("cb.csv"), CLEAR_HEADER + "1,BOX-1,1,B-1,7,10,P,PC,0,0,0,1,1,1\n");
        List<RankedBallot> ballots = VendorFiles.read(VendorFiles.source(Provider.CLEAR_BALLOT, file, "Mayor", "UWI"));
        assertThat(ballots).extracting(VendorFiles::choices).containsExactly("1:uwi 2:Ann");
        assertThat(ballots.getFirst().ballotId()).isEqualTo("B-1");
        assertThat(ballots.getFirst().precinct()).contains("7");
    }

    @Test
    void clearBallotFaults() throws IOException {
        Path file = VendorFiles.write(dir.resolve("cb.csv"), CLEAR_HEADER + "1,BOX-1,1,B-1,7,10,P,PC,0,0,0,2,1,1\n");
        assertThatThrownBy(() -> VendorFiles.read(VendorFiles.source(Provider.CLEAR_BALLOT, file, "Mayor", "UWI")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("row 2, column 12 (L)").hasMessageContaining("neither 1");
        assertThatThrownBy(() -> VendorFiles.read(VendorFiles.source(Provider.CLEAR_BALLOT, file, "Governor", "UWI")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("no choice column belongs to contest \"Governor\"");
        Path bad = VendorFiles.write(dir.resolve("cb2.csv"), "RowNumber,BoxID,BoxPosition,BallotID,PrecinctID,BallotStyleID,PrecinctStyleName,ScanComputerName,Status,Remade,Ann\n");
        assertThatThrownBy(() -> VendorFiles.read(VendorFiles.source(Provider.CLEAR_BALLOT, bad, "Mayor", "UWI")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("row 1, column 11 (K)").hasMessageContaining("6 fields");
    }

    // ---- generic CSV ----

    @Test
    void genericCsvReadsRanksPerCandidateColumn() throws IOException {
        Path file = VendorFiles.write(dir.resolve("g.csv"), "id,precinct,Ann,Bob,Write-In\nr1,p1,2,1,\nr2,p2,1,1,3\n");
        List<RankedBallot> ballots = VendorFiles.read(VendorFiles.genericCsv(file));
        assertThat(ballots).extracting(VendorFiles::choices).containsExactly("1:Bob 2:Ann", "1:Ann 1:Bob 3:uwi");
        assertThat(ballots).extracting(RankedBallot::ballotId).containsExactly("r1", "r2");
    }

    @Test
    void genericCsvFaults() throws IOException {
        Path notRank = VendorFiles.write(dir.resolve("g.csv"), "id,precinct,Ann,Bob\nr1,p1,first,\n");
        assertThatThrownBy(() -> VendorFiles.read(VendorFiles.genericCsv(notRank)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("row 2, column 3 (C)").hasMessageContaining("\"first\" is not a rank");
        Path zero = VendorFiles.write(dir.resolve("g0.csv"), "id,precinct,Ann,Bob\nr1,p1,0,\n");
        assertThatThrownBy(() -> VendorFiles.read(VendorFiles.genericCsv(zero)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("rank 0 is below 1");
        Path extra = VendorFiles.write(dir.resolve("g2.csv"), "id,precinct,Ann\nr1,p1,1,2\n");
        assertThatThrownBy(() -> VendorFiles.read(VendorFiles.genericCsv(extra)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("row 2, column 4 (D)").hasMessageContaining("names no candidate");
        Path quote = VendorFiles.write(dir.resolve("g3.csv"), "id,precinct,Ann\nr1,\"p1,1\n");
        assertThatThrownBy(() -> VendorFiles.read(VendorFiles.genericCsv(quote)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("g3.csv").hasMessageContaining("not readable as CSV");
    }

    // ---- CDF ----

    @Test
    void cdfFaults() throws IOException {
        Path file = RctabCase.ROOT.resolve("test_set_0_skipped_first_choice/test_set_0_skipped_first_choice_cvr.json");
        assertThatThrownBy(() -> VendorFiles.read(VendorFiles.source(Provider.CDF, file, "No such contest", "")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("no contest is named \"No such contest\"");
        Path copy = dir.resolve("cdf.json");
        Files.writeString(copy, Files.readString(file).replaceFirst("\"ContestSelectionId\" : \"cs-b\"", "\"ContestSelectionId\" : \"cs-z\""));
        assertThatThrownBy(() -> VendorFiles.read(VendorFiles.source(Provider.CDF, copy, "Nist Test Set 0 Skipped First Choice", "")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("CVR[0].CVRSnapshot[0].CVRContest[0].CVRContestSelection[1].ContestSelectionId")
                .hasMessageContaining("cs-z");
    }

    static final String CDF_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <CastVoteRecordReport xmlns="http://itl.nist.gov/ns/voting/1500-103/v1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
              <CVR>
                <BallotStyleUnitId>gpu-1</BallotStyleUnitId>
                <CurrentSnapshotId>s-1</CurrentSnapshotId>
                <CVRSnapshot ObjectId="s-0"><CVRContest><ContestId>c-1</ContestId></CVRContest></CVRSnapshot>
                <CVRSnapshot ObjectId="s-1">
                  <CVRContest>
                    <ContestId>c-1</ContestId>
                    <CVRContestSelection><ContestSelectionId>cs-b</ContestSelectionId>
                      <SelectionPosition><HasIndication>yes</HasIndication><IsAllocable>yes</IsAllocable><NumberVotes>1</NumberVotes><Rank>1</Rank></SelectionPosition>
                      <SelectionPosition><HasIndication>no</HasIndication><IsAllocable>yes</IsAllocable><NumberVotes>1</NumberVotes><Rank>3</Rank></SelectionPosition>
                    </CVRContestSelection>
                    <CVRContestSelection><ContestSelectionId>cs-a</ContestSelectionId><Rank>2</Rank></CVRContestSelection>
                    <CVRContestSelection><ContestSelectionId>cs-w</ContestSelectionId>
                      <SelectionPosition><HasIndication>yes</HasIndication><NumberVotes>1</NumberVotes><Rank>3</Rank></SelectionPosition>
                    </CVRContestSelection>
                  </CVRContest>
                </CVRSnapshot>
                <UniqueId>ballot-1</UniqueId>
              </CVR>
              <Election ObjectId="e-1">
                <Candidate ObjectId="can-a"><Name>Ann</Name></Candidate>
                <Candidate ObjectId="can-b"><Name>Bob</Name></Candidate>
                <Contest ObjectId="c-1" xsi:type="CandidateContest"><Name>Mayor</Name>
                  <ContestSelection ObjectId="cs-a" xsi:type="CandidateSelection"><CandidateIds>can-a</CandidateIds></ContestSelection>
                  <ContestSelection ObjectId="cs-b" xsi:type="CandidateSelection"><CandidateIds>can-b can-a</CandidateIds></ContestSelection>
                  <ContestSelection ObjectId="cs-w" xsi:type="CandidateSelection"><IsWriteIn>true</IsWriteIn></ContestSelection>
                </Contest>
              </Election>
              <GpUnit ObjectId="gpu-1"><Name>Ward 1</Name><Type>precinct</Type></GpUnit>
            </CastVoteRecordReport>
            """;

    @Test
    void cdfXmlReadsLikeCdfJson() throws IOException {
        Path file = VendorFiles.write(dir.resolve("cdf.xml"), CDF_XML);
        List<RankedBallot> ballots = VendorFiles.read(VendorFiles.source(Provider.CDF, file, "Mayor", ""));
        assertThat(ballots).extracting(VendorFiles::choices).containsExactly("1:Bob 2:Ann 3:uwi");
        assertThat(ballots.getFirst().ballotId()).isEqualTo("ballot-1");
        assertThat(ballots.getFirst().precinct()).contains("Ward 1");

        Path bad = VendorFiles.write(dir.resolve("bad.xml"), CDF_XML.replace("<Rank>2</Rank>", "<Rank>two</Rank>"));
        assertThatThrownBy(() -> VendorFiles.read(VendorFiles.source(Provider.CDF, bad, "Mayor", "")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("bad.xml")
                .hasMessageContaining("CVR[0].CVRSnapshot[1].CVRContest[0].CVRContestSelection[1].Rank").hasMessageContaining("not a whole number");
        Path xxe = VendorFiles.write(dir.resolve("xxe.xml"), "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<CastVoteRecordReport>&x;</CastVoteRecordReport>");
        assertThatThrownBy(() -> VendorFiles.read(VendorFiles.source(Provider.CDF, xxe, "Mayor", "")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("xxe.xml").hasMessageContaining("DOCTYPE");
    }

    @Test
    void missingSourcesAndSettings() {
        assertThatThrownBy(() -> VendorFiles.read(VendorFiles.source(Provider.HART, dir.resolve("none"), "m", "wi")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("no such folder");
        assertThatThrownBy(() -> VendorFiles.read(VendorFiles.source(Provider.CDF, dir, "m", "wi")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("is a folder");
    }
}
