package org.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TabulateCommandTest {
    static final Path GEN01_CVR = ElectionCommandTest.NIST.resolve("gen-01/cvr_v1/cvr-gen-01.json");
    static final Path GEN01_CVR_XML = ElectionCommandTest.NIST.resolve("gen-01/cvr_v1/cvr-gen-01.xml");

    @TempDir
    Path tmp;

    @Test
    void tabulatesNistTestDeckIntoAllFourReports() throws IOException {
        Path out = tmp.resolve("results");
        Run run = Run.of("tabulate", "--election", ElectionCommandTest.GEN01_JSON.toString(), "--cvr", GEN01_CVR.toString(),
                "--out", out.toString(), "--threads", "2");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(entries(out)).containsExactly("results.csv", "results.json", "results.pdf", "results.xml");
        assertThat(Files.readString(out.resolve("results.json"))).contains("ElectionResults.ElectionReport", "unofficial-complete");
        assertThat(Files.readString(out.resolve("results.xml"))).contains("<ElectionReport");
        assertThat(Files.readAllBytes(out.resolve("results.pdf"))).startsWith("%PDF".getBytes());
        assertThat(run.out()).contains("GEN-01 General Election", "Election fingerprint 03daf9e", "Ballots counted: 40 (election-day 40)",
                "George Bush / Dick Cheney (Republican)", out.resolve("results.pdf").toString());
        assertThat(entries(tmp)).containsExactly("results"); // no staging folder left behind
    }

    @Test
    void countingGroupAppliesToTheFilesGivenWithIt() {
        Path out = tmp.resolve("results");
        Run run = Run.of("tabulate", "--election", ElectionCommandTest.GEN01_JSON.toString(),
                "--counting-group", "absentee", "--cvr", GEN01_CVR.toString(),
                "--counting-group", "provisional", "--cvr", GEN01_CVR_XML.toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Ballots counted: 80 (absentee 40, provisional 40)");
    }

    @Test
    void aFileBeforeAnyCountingGroupIsRefusedRatherThanCountedInTheGroupAfterIt() {
        Path out = tmp.resolve("results");
        Run run = Run.of("tabulate", "--election", ElectionCommandTest.GEN01_JSON.toString(),
                "--cvr", GEN01_CVR.toString(), "--counting-group", "absentee", "--cvr", GEN01_CVR_XML.toString(), "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--cvr " + GEN01_CVR + " comes before any --counting-group");
        assertThat(out).doesNotExist();
    }

    @Test
    void truncatedCvrFileIsExit2NamingFileAndPositionAndWritesNothing() throws IOException {
        byte[] deck = Files.readAllBytes(GEN01_CVR);
        Path truncated = Files.write(tmp.resolve("truncated-cvr.json"), Arrays.copyOf(deck, deck.length / 2));
        Path out = tmp.resolve("out");
        Run run = Run.of("tabulate", "--election", ElectionCommandTest.GEN01_JSON.toString(), "--cvr", GEN01_CVR.toString(),
                "--cvr", truncated.toString(), "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("bulwark: " + truncated + ": line ").containsPattern("line \\d+, column \\d+")
                .doesNotContain("\tat ", "Exception");
        assertThat(run.out()).isEmpty();
        assertThat(out).doesNotExist();
        assertThat(entries(tmp)).containsExactly("truncated-cvr.json");
    }

    @Test
    void badInputLeavesAnExistingOutputFolderUnchanged() throws IOException {
        Path out = Files.createDirectory(tmp.resolve("out"));
        Files.writeString(out.resolve("results.json"), "last week's results");
        Path notCvr = Files.writeString(tmp.resolve("notes.txt"), "these are not cast vote records");
        Run run = Run.of("tabulate", "--election", ElectionCommandTest.GEN01_JSON.toString(), "--cvr", notCvr.toString(), "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("bulwark: " + notCvr + ": byte 0: this is not a CVR report");
        assertThat(entries(out)).containsExactly("results.json");
        assertThat(out.resolve("results.json")).hasContent("last week's results");
        assertThat(entries(tmp)).containsExactly("notes.txt", "out");
    }

    @Test
    void cvrOfAnotherElectionIsRefused() throws IOException {
        Path out = tmp.resolve("out");
        Path primaryDeck = ElectionCommandTest.NIST.resolve("prim-01/cvr_v1/cvr-prim-01.json");
        Run run = Run.of("tabulate", "--election", ElectionCommandTest.GEN01_JSON.toString(), "--cvr", primaryDeck.toString(), "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("bulwark: " + primaryDeck + ": ");
        assertThat(out).doesNotExist();
    }

    @Test
    void missingCvrFileAndMissingOptionsAreBadInput() {
        Path absent = tmp.resolve("absent.json");
        Run missingFile = Run.of("tabulate", "--election", ElectionCommandTest.GEN01_JSON.toString(), "--cvr", absent.toString(),
                "--out", tmp.resolve("out").toString());
        assertThat(missingFile.exitCode()).isEqualTo(2);
        assertThat(missingFile.err()).isEqualTo("bulwark: " + absent + ": file: the file does not exist" + System.lineSeparator());

        Run missingOption = Run.of("tabulate", "--election", ElectionCommandTest.GEN01_JSON.toString(), "--out", tmp.resolve("out").toString());
        assertThat(missingOption.exitCode()).isEqualTo(2);
        assertThat(missingOption.err()).contains("Missing required argument", "--cvr=FILE", "Usage: bulwark tabulate");

        Run badGroup = Run.of("tabulate", "--election", ElectionCommandTest.GEN01_JSON.toString(), "--counting-group", "mail",
                "--cvr", GEN01_CVR.toString(), "--out", tmp.resolve("out").toString());
        assertThat(badGroup.exitCode()).isEqualTo(2);
        assertThat(badGroup.err()).contains("'mail' is not a counting group: use one of election-day, absentee, early, provisional");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void progressBarGoesToStderrAndNeverIntoStdout() {
        Run run = Run.with(false, "--progress", "bar", "tabulate", "--election", ElectionCommandTest.GEN01_JSON.toString(),
                "--cvr", GEN01_CVR.toString(), "--out", tmp.resolve("out").toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).startsWith("\rReading cvr-gen-01.json [########################] 100%");
        assertThat(run.out()).doesNotContain("\r", "Reading");
    }

    static List<String> entries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
