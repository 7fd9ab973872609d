package org.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceCommandsTest {
    @TempDir
    Path tmp;

    private String ws() {
        return tmp.resolve("county.db").toString();
    }

    @Test
    void importElectionAndCvrsThenResults() {
        Run election = Run.of("import", "election", "--workspace", ws(), ElectionCommandTest.GEN01_XML.toString());
        assertThat(election.exitCode()).as(election.err()).isZero();
        assertThat(election.out()).contains("Imported election #1: \"GEN-01 General Election\" (2000-11-07), fingerprint 03daf9e",
                "Next: ./bulwark import cvr --election 1 FILE...");

        Run cvr = Run.of("import", "cvr", "--workspace", ws(), "--election", "1", "--counting-group", "absentee",
                TabulateCommandTest.GEN01_CVR.toString());
        assertThat(cvr.exitCode()).as(cvr.err()).isZero();
        assertThat(cvr.out()).contains("Imported 40 CVRs from " + TabulateCommandTest.GEN01_CVR + " as absentee (CVR import #1)");

        Run results = Run.of("results", "--workspace", ws(), "--out", tmp.resolve("out").toString());
        assertThat(results.exitCode()).as(results.err()).isZero();
        assertThat(results.out()).contains("Ballots counted: 40 (absentee 40)", "From 1 CVR file in " + ws(),
                "saved as results run #1 of election #1", tmp.resolve("out/results.pdf").toString());
        assertThat(tmp.resolve("out/results.csv")).exists();

        Run again = Run.of("results", "--workspace", ws(), "--election", "1");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("saved as results run #2 of election #1").doesNotContain("Reports:");
    }

    @Test
    void refusalsAreExit2WithTheWorkspacesMessage() {
        Run.of("import", "election", "--workspace", ws(), ElectionCommandTest.GEN01_JSON.toString());
        Run sameElection = Run.of("import", "election", "--workspace", ws(), ElectionCommandTest.GEN01_BD.toString());
        assertThat(sameElection.exitCode()).isEqualTo(2);
        assertThat(sameElection.err()).startsWith("bulwark: This election definition was already imported").contains("Nothing was imported.");

        Run first = Run.of("import", "cvr", "--workspace", ws(), "--election", "1", TabulateCommandTest.GEN01_CVR.toString());
        assertThat(first.exitCode()).isZero();
        Run sameFile = Run.of("import", "cvr", "--workspace", ws(), "--election", "1", TabulateCommandTest.GEN01_CVR.toString());
        assertThat(sameFile.exitCode()).isEqualTo(2);
        assertThat(sameFile.err()).startsWith("bulwark: This CVR file was already imported").doesNotContain("\tat ");

        Run noSuchElection = Run.of("import", "cvr", "--workspace", ws(), "--election", "7", TabulateCommandTest.GEN01_CVR_XML.toString());
        assertThat(noSuchElection.exitCode()).isEqualTo(2);
        assertThat(noSuchElection.err()).contains("There is no election #7 in the workspace");
    }

    @Test
    void badCvrFileImportsNothing() throws Exception {
        Run.of("import", "election", "--workspace", ws(), ElectionCommandTest.GEN01_JSON.toString());
        byte[] deck = Files.readAllBytes(TabulateCommandTest.GEN01_CVR);
        Path truncated = Files.write(tmp.resolve("truncated-cvr.json"), Arrays.copyOf(deck, deck.length - 200));
        Run bad = Run.of("import", "cvr", "--workspace", ws(), "--election", "1", truncated.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).startsWith("bulwark: " + truncated + ": line ");
        Run results = Run.of("results", "--workspace", ws());
        assertThat(results.exitCode()).isZero();
        assertThat(results.out()).contains("Ballots counted: 0", "From 0 CVR files");
    }

    @Test
    void resultsIntoAFileWhereTheFolderShouldBeSavesNothing() throws Exception {
        Run.of("import", "election", "--workspace", ws(), ElectionCommandTest.GEN01_JSON.toString());
        Path file = Files.writeString(tmp.resolve("out"), "not a folder");
        Run bad = Run.of("results", "--workspace", ws(), "--out", file.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("bulwark: " + file + ": output folder: this is a file, not a folder" + System.lineSeparator());
        Run good = Run.of("results", "--workspace", ws());
        assertThat(good.out()).contains("saved as results run #1 of election #1");
    }

    @Test
    void resultsNeedsAnElectionToChooseFrom() {
        Run empty = Run.of("results", "--workspace", ws());
        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.err()).contains(ws() + ": workspace: it holds no election yet; import one with: ./bulwark import election FILE");

        Run.of("import", "election", "--workspace", ws(), ElectionCommandTest.GEN01_JSON.toString());
        Run.of("import", "election", "--workspace", ws(), ElectionCommandTest.NIST.resolve("prim-01/err_v2/pe-err-prim-01.json").toString());
        Run two = Run.of("results", "--workspace", ws());
        assertThat(two.exitCode()).isEqualTo(2);
        assertThat(two.err()).contains("it holds 2 elections; say which with --election ID:", "  1  GEN-01 General Election", "  2  PRIM-01");
    }

    @Test
    void workspaceAndDbTogetherOrAWrongUrlAreUsageErrors() {
        Run both = Run.of("results", "--workspace", ws(), "--db", "jdbc:postgresql://localhost/bulwark");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("give either --workspace or --db, not both");
        Run wrong = Run.of("results", "--db", "county.db");
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).contains("--db takes a PostgreSQL URL starting with jdbc:postgresql:");
    }
}
