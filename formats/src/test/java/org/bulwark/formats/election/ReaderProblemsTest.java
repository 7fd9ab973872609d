package org.bulwark.formats.election;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.bulwark.model.BadInputException;
import org.bulwark.model.ValidationIssue;
import org.junit.jupiter.api.Test;

/** Problems in files that can be read, or can almost be read, and how they are reported. */
class ReaderProblemsTest {
    private static String example() {
        return new String(BulwarkJsonTest.resource(BulwarkJsonTest.EXAMPLE), StandardCharsets.UTF_8);
    }

    private static String changed(String text, String from, String to) {
        assertThat(text).contains(from);
        return text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
    }

    private static BadInputException bulwark(String from, String to) {
        return catchThrowableOfType(BadInputException.class, () ->
                ElectionFiles.read(changed(example(), from, to).getBytes(StandardCharsets.UTF_8), "boone.json"));
    }

    private static LoadedElection read(String text, String name) {
        return ElectionFiles.read(text.getBytes(StandardCharsets.UTF_8), name);
    }

    private static String nist(String file) throws IOException {
        String election = file.contains("prim-01") ? "prim-01" : "gen-01";
        return Files.readString(NistImportTest.nist(election, file));
    }

    @Test
    void bulwarkWrongTypeNamesLineColumnPathAndProblem() {
        BadInputException e = bulwark("\"votesAllowed\": 2", "\"votesAllowed\": \"two\"");

        assertThat(e.file()).isEqualTo("boone.json");
        assertThat(e.place()).isEqualTo("line 106, column 23 (contests[4].votesAllowed)");
        assertThat(e.problem()).isEqualTo("\"votesAllowed\" must be a whole number, found the text \"two\"");
    }

    @Test
    void bulwarkStructuralMistakes() {
        assertThat(bulwark("\"votesAllowed\": 1", "\"voteAllowed\": 1").problem()).isEqualTo(
                "unknown field \"voteAllowed\"; the fields here are: kind, id, name, district, votesAllowed, "
                        + "primaryParties, rankedChoice, selections");
        assertThat(bulwark("\"type\": \"general\"", "\"type\": \"generel\"").problem()).isEqualTo(
                "'generel' is not one of: general, primary, partisan-primary-closed, partisan-primary-open, special, "
                        + "runoff, other");
        assertThat(bulwark("\"date\": \"2026-11-03\"", "\"date\": \"11/03/2026\"").problem())
                .isEqualTo("date '11/03/2026' is not a date; write it as YYYY-MM-DD, such as 2026-11-03");
        assertThat(bulwark("\"kind\": \"candidate\"", "\"kind\": \"office\"").problem())
                .isEqualTo("contest kind 'office' is not one of: candidate, ballot-measure, straight-party");
        assertThat(bulwark("{\"id\": \"us-senate-wi\", \"writeIn\": true}", "{\"id\": \"us-senate-wi\"}").problem())
                .isEqualTo("selection 'us-senate-wi' names no candidate; give \"candidates\", or \"writeIn\": true for "
                        + "a write-in position");
        assertThat(bulwark("\"scope\": \"boone\"", "\"scope\": \"\"").problem())
                .isEqualTo("\"scope\" is empty; an id needs at least one character that is not a space");
        assertThat(bulwark("\"version\": 1", "\"version\": 2").problem())
                .isEqualTo("version 2 is not supported; this Bulwark reads version 1");
        assertThat(bulwark("\"units\": [\"p-02b\", \"p-03\"]", "\"units\": \"p-02b\"").problem())
                .isEqualTo("\"units\" must be a list in [ ], found the text \"p-02b\"");
        assertThat(bulwark("\"name\": \"State Auditor\"", "\"name\": [\"State Auditor\"]").problem())
                .isEqualTo("\"name\" must be a single value, not a list");
        assertThat(bulwark("{\"id\": \"p-01\", \"name\": \"Precinct 1 Rock Bridge\"}",
                "{\"id\": \"p-01\", \"name\": \"Precinct 1 Rock Bridge\", \"type\": \"congressional\"}").problem())
                .isEqualTo("a precinct has type precinct, combined-precinct or polling-place, not 'congressional'; "
                        + "other units go in districts");
    }

    @Test
    void bulwarkFileThatReadsButIsWrongListsEveryProblem() {
        String text = changed(changed(changed(example(),
                "\"votesAllowed\": 2", "\"votesAllowed\": 6"),
                "\"c-cd03-dem\"]", "\"c-cd03-demo\"]"),
                "\"contests\": [\"us-senate\", \"us-house-04\", \"state-auditor\", \"hospital-board\", \"prop-1\"]",
                "\"contests\": [\"us-senate\", \"us-house-4\", \"state-auditor\", \"hospital-board\", \"prop-1\"]");

        LoadedElection loaded = read(text, "boone.json");

        assertThat(loaded.issues()).extracting(ValidationIssue::toString).containsExactly(
                "contests[1].selections[1].candidates[0]: candidate 'c-cd03-demo' is not a candidate of this election; "
                        + "valid candidates: 'c-ussen-rep', 'c-ussen-dem', 'c-ussen-lib', 'c-aud-rep', 'c-aud-dem', "
                        + "'c-cd03-rep', 'c-cd03-dem', 'c-cd04-rep', ... (12 in all)",
                "contests[4].votesAllowed: contest 'hospital-board' allows 6 votes but has only 5 selections "
                        + "(candidates and write-in positions); allow at most 5",
                "ballotStyles[1].contests[1]: contest 'us-house-4' is not a contest of this election; valid contests: "
                        + "'us-senate', 'us-house-03', 'us-house-04', 'state-auditor', 'hospital-board', 'prop-1', "
                        + "'prop-fire'");
        assertThat(loaded.hasErrors()).isTrue();
    }

    @Test
    void nistJsonProblemsAreReportedWithTheirJsonPath() throws IOException {
        String text = changed(nist("pe-err-gen-01.json"), "{ \"CandidateIds\" : \n        [ \"can-ej\" ],", "{");
        text = changed(text, "\"@type\" : \"ElectionResults.BallotMeasureContest\"", "\"@type\" : \"ElectionResults.ActivationContest\"");
        text = changed(text, "\"VotesAllowed\" : 2", "\"VotesAllowed\" : \"two\"");

        LoadedElection loaded = read(text, "pe-err.json");

        List<String> issues = loaded.issues().stream().map(ValidationIssue::toString).toList();
        assertThat(issues).hasSize(4);
        assertThat(issues.subList(0, 3)).satisfiesExactly(
                i -> assertThat(i).startsWith("Election[0].Contest[2].ContestSelection[0]: candidate selection "
                        + "'cs-senate-ej' names no candidate and is not a write-in; it was left out (line "),
                i -> assertThat(i).startsWith("Election[0].Contest[8]: contest type 'ActivationContest' is not "
                        + "supported (supported: CandidateContest, BallotMeasureContest, RetentionContest, PartyContest); "
                        + "contest 'bm-proposal-1' was left out (line "),
                i -> assertThat(i).startsWith("Election[0].Contest[14].VotesAllowed: VotesAllowed 'two' is not a whole "
                        + "number (line "));
        // What was left out is then missing where it is referred to.
        assertThat(issues.get(3)).isEqualTo("ballotStyles[0].contests[5]: contest 'bm-proposal-1' is not a contest of "
                + "this election; valid contests: 'spc-1', 'cc-president', 'cc-senate', 'cc-congress-1', 'cc-congress-2', "
                + "'cc-assembly-1', 'cc-assembly-2', 'cc-assembly-3', ... (18 in all) "
                + "(in the file: Election[0].BallotStyle[0], line 6, column 6)");
    }

    @Test
    void nistXmlProblemsAreReportedWithTheirElementPath() throws IOException {
        String text = changed(nist("pe-err-gen-01.xml"), "<CandidateIds>can-ej</CandidateIds>", "");
        text = changed(text, "<VotesAllowed>2</VotesAllowed>", "<VotesAllowed>two</VotesAllowed>");
        text = changed(text, "<Type>split-precinct</Type>", "");

        LoadedElection loaded = read(text, "pe-err.xml");

        List<String> issues = loaded.issues().stream().map(ValidationIssue::toString).toList();
        assertThat(issues.subList(0, 3)).satisfiesExactly(
                i -> assertThat(i).startsWith("/ElectionReport/GpUnit[25]: GpUnit has no Type (line "),
                i -> assertThat(i).startsWith("/ElectionReport/Election/Contest[3]/ContestSelection[1]: candidate "
                        + "selection 'cs-senate-ej' names no candidate and is not a write-in; it was left out (line "),
                i -> assertThat(i).startsWith("/ElectionReport/Election/Contest[15]/VotesAllowed: VotesAllowed 'two' "
                        + "is not a whole number (line "));
    }

    @Test
    void problemsOfTheImportedElectionSayWhereTheyAreInTheNistFile() throws IOException {
        String json = changed(nist("pe-err-gen-01.json"), "\"VotesAllowed\" : 2", "\"VotesAllowed\" : 9");
        String xml = changed(changed(nist("pe-err-gen-01.xml"), "<VotesAllowed>2</VotesAllowed>", "<VotesAllowed>9</VotesAllowed>"),
                "<CandidateIds>can-ej</CandidateIds>", "<CandidateIds>can-nobody</CandidateIds>");

        List<String> fromJson = read(json, "pe-err.json").issues().stream().map(ValidationIssue::toString).toList();
        List<String> fromXml = read(xml, "pe-err.xml").issues().stream().map(ValidationIssue::toString).toList();

        assertThat(fromJson).singleElement().asString().startsWith("contests[14].votesAllowed: contest "
                + "'cc-county-assessor' allows 9 votes but has only 8 selections").endsWith(
                "(in the file: Election[0].Contest[14], line 915, column 6)");
        assertThat(fromXml).hasSize(2);
        assertThat(fromXml.get(0)).startsWith("contests[2].selections[0].candidates[0]: candidate 'can-nobody' is not")
                .containsPattern("\\(in the file: /ElectionReport/Election/Contest\\[3]/ContestSelection\\[1], line 421, column \\d+\\)$");
        assertThat(fromXml.get(1)).containsPattern("\\(in the file: /ElectionReport/Election/Contest\\[15], line 641, column \\d+\\)$");
    }

    @Test
    void nistFileWithoutTheEssentialsCannotBeReadAndSaysWhy() throws IOException {
        String text = changed(changed(nist("pe-err-gen-01.json"), "\"StartDate\" : \"2000-11-07\",", ""),
                "\"EndDate\" : \"2000-11-07\",", "");
        String noElection = "{\"@type\": \"ElectionResults.ElectionReport\", \"GpUnit\": []}";

        BadInputException e = catchThrowableOfType(BadInputException.class, () -> read(text, "pe-err.json"));
        BadInputException none = catchThrowableOfType(BadInputException.class, () -> read(noElection, "empty.json"));

        assertThat(e.place()).startsWith("Election[0], line ");
        assertThat(e.problem()).startsWith("the election cannot be read: ").contains("Election has no StartDate");
        assertThat(none.problem()).isEqualTo("the file holds no Election; an election definition needs one");
    }
}
