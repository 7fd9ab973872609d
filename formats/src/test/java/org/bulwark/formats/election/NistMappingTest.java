package org.bulwark.formats.election;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.bulwark.model.BallotStyleId;
import org.bulwark.model.Contest;
import org.bulwark.model.ContestId;
import org.bulwark.model.ContestSelection;
import org.bulwark.model.Election;
import org.bulwark.model.ElectionIndex;
import org.bulwark.model.GpUnitId;
import org.bulwark.model.GpUnitType;
import org.bulwark.model.SelectionId;
import org.bulwark.model.ValidationIssue;
import org.junit.jupiter.api.Test;

/** NIST features the two synthetic elections do not use, in small hand-made files. */
class NistMappingTest {
    private static LoadedElection read(String text, String name) {
        return ElectionFiles.read(text.getBytes(StandardCharsets.UTF_8), name);
    }

    private static final String REPORT = """
            {"@type": "ElectionResults.ElectionReport",
             "GpUnit": [
               {"@type": "ElectionResults.ReportingUnit", "@id": "city", "Type": "city",
                "Name": {"Text": [{"Content": "Ciudad", "Language": "es"}, {"Content": "Capital City", "Language": "en-US"}]},
                "ComposingGpUnitIds": ["vc"]},
               {"@type": "ElectionResults.ReportingUnit", "@id": "vc", "Type": "vote-center", "Name": {"Text": [{"Content": "Vote Center", "Language": "en"}]}},
               {"@type": "ElectionResults.ReportingUnit", "@id": "fire", "Type": "other", "OtherType": "fire district",
                "Name": {"Text": [{"Content": "Fire District", "Language": "en"}]}, "ComposingGpUnitIds": ["vc"]}],
             "Party": [{"@type": "ElectionResults.Party", "@id": "p", "Name": {"Text": [{"Content": "Party", "Language": "en"}]}}],
             "Election": [{
               "@type": "ElectionResults.Election", "Type": "special", "StartDate": "2027-04-06", "ElectionScopeId": "city",
               "Name": {"Text": [{"Content": "April Special", "Language": "en"}]},
               "ExternalIdentifier": [{"Type": "local-level", "Value": "apr-2027"}],
               "Candidate": [
                 {"@type": "ElectionResults.Candidate", "@id": "c1", "BallotName": {"Text": [{"Content": "One", "Language": "en"}]}},
                 {"@type": "ElectionResults.Candidate", "@id": "c2", "BallotName": {"Text": [{"Content": "Two", "Language": "en"}]}},
                 {"@type": "ElectionResults.Candidate", "BallotName": {"Text": [{"Content": "No Id", "Language": "en"}]}}],
               "Contest": [
                 {"@type": "ElectionResults.CandidateContest", "@id": "mayor", "Name": "Mayor", "ElectionDistrictId": "city",
                  "VotesAllowed": 1, "VoteVariation": "rcv",
                  "ContestSelection": [
                    {"@type": "ElectionResults.CandidateSelection", "@id": "m1", "CandidateIds": ["c1"]},
                    {"@type": "ElectionResults.CandidateSelection", "@id": "m2", "CandidateIds": ["c2"]},
                    {"@type": "ElectionResults.CandidateSelection", "@id": "mw", "IsWriteIn": true}]},
                 {"@type": "ElectionResults.RetentionContest", "@id": "judge", "Name": "Retain Judge One?", "ElectionDistrictId": "city",
                  "CandidateId": "c1", "FullText": {"Text": [{"Content": "Shall Judge One be retained?", "Language": "en"}]},
                  "ContestSelection": [
                    {"@type": "ElectionResults.BallotMeasureSelection", "@id": "jy", "Selection": {"Text": [{"Content": "YES", "Language": "en"}]}},
                    {"@type": "ElectionResults.BallotMeasureSelection", "@id": "jn", "Selection": {"Text": [{"Content": "NO", "Language": "en"}]}}]},
                 {"@type": "ElectionResults.BallotMeasureContest", "@id": "levy", "Name": "Fire Levy", "ElectionDistrictId": "fire",
                  "ContestSelection": [
                    {"@type": "ElectionResults.BallotMeasureSelection", "@id": "ly", "Selection": {"Text": [{"Content": "YES", "Language": "en"}]}},
                    {"@type": "ElectionResults.BallotMeasureSelection", "@id": "ln", "Selection": {"Text": [{"Content": "NO", "Language": "en"}]}}]}],
               "BallotStyle": [{
                 "@type": "ElectionResults.BallotStyle", "GpUnitIds": ["vc"],
                 "OrderedContent": [
                   {"@type": "ElectionResults.OrderedHeader", "HeaderId": "h1", "OrderedContent": [
                     {"@type": "ElectionResults.OrderedContest", "ContestId": "judge"},
                     {"@type": "ElectionResults.OrderedContest", "ContestId": "mayor"}]},
                   {"@type": "ElectionResults.OrderedContest", "ContestId": "levy"}]}]}]}
            """;

    @Test
    void featuresBeyondTheSyntheticElectionsMapAsDocumented() {
        LoadedElection loaded = read(REPORT, "special.json");
        Election e = loaded.election();
        ElectionIndex index = ElectionIndex.of(e);

        assertThat(e.id()).isEqualTo("apr-2027");
        assertThat(e.state()).isEmpty();
        var city = index.gpUnit(new GpUnitId("city")).orElseThrow();
        assertThat(city.name()).isEqualTo("Capital City");
        assertThat(city.authority()).isTrue();
        var voteCenter = index.gpUnit(new GpUnitId("vc")).orElseThrow();
        assertThat(voteCenter.type()).isEqualTo(GpUnitType.OTHER);
        assertThat(voteCenter.otherType()).contains("vote-center");
        assertThat(index.gpUnit(new GpUnitId("fire")).orElseThrow().otherType()).contains("fire district");
        var mayor = (Contest.CandidateContest) index.contest(new ContestId("mayor")).orElseThrow();
        assertThat(mayor.ranks()).isEqualTo(3);
        var judge = (Contest.BallotMeasureContest) index.contest(new ContestId("judge")).orElseThrow();
        assertThat(judge.fullText()).isEqualTo("Shall Judge One be retained?");
        assertThat(judge.selections()).containsExactly(
                new ContestSelection.BallotMeasureSelection(new SelectionId("jy"), "YES"),
                new ContestSelection.BallotMeasureSelection(new SelectionId("jn"), "NO"));
        var style = index.ballotStyle(new BallotStyleId("ballot-style-1")).orElseThrow();
        assertThat(style.contests()).containsExactly(new ContestId("judge"), new ContestId("mayor"), new ContestId("levy"));
        assertThat(e.candidates()).hasSize(2);

        assertThat(loaded.issues()).extracting(ValidationIssue::toString).satisfiesExactly(
                i -> assertThat(i).startsWith("Election[0].Candidate[2]: Candidate has no @id; without an id nothing "
                        + "can refer to it, so it was left out (line "),
                i -> assertThat(i).startsWith("warning: Election[0].Contest[1]: retention contest 'judge' is read as a "
                        + "yes/no question; the candidate it retains ('c1') is named only by its name and text (line "),
                i -> assertThat(i).startsWith("warning: Election[0].BallotStyle[0]: ballot style has no "
                        + "ExternalIdentifier to name it by; it is named 'ballot-style-1' after its position (line "),
                i -> assertThat(i).startsWith("warning: ballotStyles[0].gpUnits[0]: ballot style 'ballot-style-1' serves "
                        + "'vc', whose type is other, not a precinct or split"));
        assertThat(loaded.hasErrors()).isTrue();
    }

    @Test
    void ballotDefinitionRanksAndAnotherNamespaceAreReadWithAWarning() {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <BallotDefinition xmlns="urn:other" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                  <Election>
                    <BallotStyle><ExternalIdentifier><Type>local-level</Type><Value>S1</Value></ExternalIdentifier>
                      <GpUnitIds>p1</GpUnitIds>
                      <OrderedContent xsi:type="OrderedContest"><ContestId>k</ContestId></OrderedContent>
                    </BallotStyle>
                    <Candidate ObjectId="a"><BallotName><Text Language="en">A</Text></BallotName></Candidate>
                    <Candidate ObjectId="b"><BallotName><Text Language="en">B</Text></BallotName></Candidate>
                    <Contest xsi:type="CandidateContest" ObjectId="k">
                      <ContestOption xsi:type="CandidateOption" ObjectId="ka"><CandidateIds>a</CandidateIds></ContestOption>
                      <ContestOption xsi:type="CandidateOption" ObjectId="kb"><CandidateIds>b</CandidateIds></ContestOption>
                      <ElectionDistrictId>p1</ElectionDistrictId><Name>Council</Name>
                      <RanksAllowed>2</RanksAllowed><VoteVariation>rcv</VoteVariation><VotesAllowed>1</VotesAllowed>
                    </Contest>
                    <ElectionScopeId>p1</ElectionScopeId><Name><Text Language="en">Council Election</Text></Name>
                    <StartDate>2027-04-06</StartDate><Type>general</Type>
                  </Election>
                  <GpUnit xsi:type="ReportingUnit" ObjectId="p1"><Name><Text Language="en">P1</Text></Name><Type>precinct</Type></GpUnit>
                </BallotDefinition>
                """;

        LoadedElection loaded = read(xml, "bd.xml");

        assertThat(loaded.format()).isEqualTo(ElectionFormat.NIST_BD_XML);
        assertThat(((Contest.CandidateContest) loaded.election().contests().get(0)).ranks()).isEqualTo(2);
        assertThat(loaded.issues()).extracting(ValidationIssue::toString).containsExactly(
                "warning: /BallotDefinition: the root element's namespace is 'urn:other', not "
                        + "'http://itl.nist.gov/ns/voting/1500-20/v1'; the file was read as NIST SP 1500-20 ballot "
                        + "definition (XML)");
        assertThat(loaded.election().candidates()).extracting(c -> c.party()).containsOnly(Optional.empty());
        assertThat(loaded.election().ballotStyles().get(0).gpUnits()).isEqualTo(List.of(new GpUnitId("p1")));
    }
}
