package org.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import cvr} with a counting group per file, as tabulate takes them, beside the older FILE... form. */
class ImportCvrCommandTest {
    @TempDir
    Path tmp;

    private String ws() {
        return tmp.resolve("county.db").toString();
    }

    @BeforeEach
    void importElection() {
        Run election = Run.of("import", "election", "--workspace", ws(), ElectionCommandTest.GEN01_JSON.toString());
        assertThat(election.exitCode()).as(election.err()).isZero();
    }

    /** The gen-01 deck (40 ballots) with {@code n} spaces added at the end: the same ballots, another SHA-256. */
    private Path copy(String name, int n) throws IOException {
        return CvrReadAheadTest.copy(tmp, name, n);
    }

    private Run importCvr(String... args) {
        String[] all = new String[args.length + 7];
        System.arraycopy(new String[] {"import", "cvr", "--progress", "none", "--workspace", ws(), "--election=1"}, 0, all, 0, 7);
        System.arraycopy(args, 0, all, 7, args.length);
        return Run.of(all);
    }

    @Test
    void filesOfSeveralCountingGroupsInOneCommandAreImportedInOrderEachWithItsGroup() throws IOException {
        Path a = copy("a.json", 1);
        Path b = copy("b.json", 2);
        Path c = copy("c.json", 3);
        Path d = copy("d.json", 4);
        Run run = importCvr("--counting-group", "election-day", "--cvr", a.toString(), "--counting-group", "absentee", "--cvr", b.toString(), "--cvr", c.toString(),
                "--counting-group", "provisional", "--cvr", d.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsSubsequence(
                "Imported 40 CVRs from " + a + " as election-day (CVR import #1)",
                "Imported 40 CVRs from " + b + " as absentee (CVR import #2)",
                "Imported 40 CVRs from " + c + " as absentee (CVR import #3)",
                "Imported 40 CVRs from " + d + " as provisional (CVR import #4)");
        Run results = Run.of("results", "--workspace", ws());
        assertThat(results.out()).contains("Ballots counted: 160 (", "absentee 80", "provisional 40", "From 4 CVR files");
    }

    @Test
    void theOlderFormStillTakesOneCountingGroupForAllFiles() throws IOException {
        Path a = copy("a.json", 1);
        Path b = copy("b.json", 2);
        Run run = importCvr("--counting-group", "early", a.toString(), b.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Imported 40 CVRs from " + a + " as early (CVR import #1)",
                "Imported 40 CVRs from " + b + " as early (CVR import #2)");
    }

    @Test
    void aBadCountingGroupIsExit2NamingItAndNothingIsImported() throws IOException {
        Path a = copy("a.json", 1);
        Run run = importCvr("--cvr", a.toString(), "--counting-group", "mail", "--cvr", copy("b.json", 2).toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'mail' is not a counting group: use one of election-day, absentee, early, provisional");
        assertThat(run.out()).doesNotContain("Imported");
        assertThat(Run.of("results", "--workspace", ws()).out()).contains("From 0 CVR files");
    }

    @Test
    void aBadFileStopsTheCommandAfterTheFilesBeforeItWereImported() throws IOException {
        Path a = copy("a.json", 1);
        Path bad = CvrReadAheadTest.truncated(tmp);
        Run run = importCvr("--counting-group", "absentee", "--cvr", a.toString(), "--counting-group", "early", "--cvr", bad.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).contains("Imported 40 CVRs from " + a + " as absentee (CVR import #1)");
        assertThat(run.err()).startsWith("bulwark: " + bad + ": line ");
        assertThat(Run.of("results", "--workspace", ws()).out()).contains("Ballots counted: 40 (absentee 40)", "From 1 CVR file");
    }

    @Test
    void unclearFileListsAreExit2SayingWhatToChange() throws IOException {
        String a = copy("a.json", 1).toString();
        String b = copy("b.json", 2).toString();

        Run both = importCvr("--cvr", a, b);
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("either each with --cvr or all at the end (FILE...), not both: " + b + " has no --cvr");

        Run twoGroups = importCvr("--counting-group", "absentee", "--counting-group", "early", a);
        assertThat(twoGroups.exitCode()).isEqualTo(2);
        assertThat(twoGroups.err()).contains("FILE... takes one --counting-group, not 2");

        Run groupWithoutFiles = importCvr("--counting-group", "absentee", "--cvr", a, "--counting-group", "early");
        assertThat(groupWithoutFiles.exitCode()).isEqualTo(2);
        assertThat(groupWithoutFiles.err()).contains("--counting-group early is not followed by any --cvr FILE");

        Run none = importCvr();
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("Missing required argument(s): --cvr=FILE (no CVR file given)", "Usage: bulwark import cvr");
        assertThat(Run.of("results", "--workspace", ws()).out()).contains("From 0 CVR files");
    }
}
