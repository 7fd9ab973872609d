package org.bulwark.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.CountingGroup;
import org.bulwark.store.WorkspaceException.DuplicateImport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SQLite import killed with SIGKILL leaves the workspace all or nothing: a real child JVM imports
 * CVRs and is killed with {@code destroyForcibly()} at the moment it prints its marker.
 */
class KillDuringImportTest {
    private static final List<CastVoteRecord> BALLOTS = WorkspaceContract.BALLOTS;

    @TempDir
    Path dir;

    @Test
    void killingTheImporterHalfWayLeavesNoTraceAndTheSameFileImportsAfterwards() throws Exception {
        Path db = dir.resolve("county.db");
        ElectionRef election = newWorkspaceWithElection(db);

        List<String> output = runAndKill(db, election, "endless");
        assertThat(output).doesNotContain("COMMITTED");

        assertThat(rawCount(db, "cvr")).isZero();
        assertThat(rawCount(db, "cvr_file")).isZero();
        try (Workspace w = Workspace.open(new WorkspaceLocation.SqliteFile(db))) {
            assertThat(w.importedFiles(election)).isEmpty();
            assertThat(w.forEachCvr(election, c -> {})).isZero();

            ImportedFile file = w.importCvrs(election, KillDuringImportChild.FILE, "NIST SP 1500-103 JSON",
                    Fixtures.sha256(KillDuringImportChild.FILE), CountingGroup.ELECTION_DAY, sink -> BALLOTS.forEach(sink));
            assertThat(w.importedFiles(election)).containsExactly(file);
            assertThat(w.forEachCvr(election, c -> {})).isEqualTo(BALLOTS.size());
        }
    }

    /**
     * Killed while the rows are written out and committed: whether the kill lands before or after
     * the commit depends on timing, so either outcome may happen, but never anything in between.
     */
    @Test
    void killingTheImporterWhileItCommitsLeavesAllOrNothing() throws Exception {
        Path db = dir.resolve("county.db");
        ElectionRef election = newWorkspaceWithElection(db);

        runAndKill(db, election, "finite");

        long rows = rawCount(db, "cvr");
        try (Workspace w = Workspace.open(new WorkspaceLocation.SqliteFile(db))) {
            List<ImportedFile> files = w.importedFiles(election);
            if (files.isEmpty()) {
                assertThat(rows).isZero();
                w.importCvrs(election, KillDuringImportChild.FILE, "NIST SP 1500-103 JSON",
                        Fixtures.sha256(KillDuringImportChild.FILE), CountingGroup.ELECTION_DAY, sink -> BALLOTS.forEach(sink));
                assertThat(w.forEachCvr(election, c -> {})).isEqualTo(BALLOTS.size());
            } else {
                assertThat(files).singleElement().extracting(ImportedFile::cvrCount)
                        .isEqualTo((long) KillDuringImportChild.FINITE_ROWS);
                assertThat(rows).isEqualTo(KillDuringImportChild.FINITE_ROWS);
                assertThat(w.forEachCvr(election, c -> {})).isEqualTo(KillDuringImportChild.FINITE_ROWS);
                assertThatThrownBy(() -> w.importCvrs(election, KillDuringImportChild.FILE, "NIST SP 1500-103 JSON",
                                Fixtures.sha256(KillDuringImportChild.FILE), CountingGroup.ELECTION_DAY, sink -> {}))
                        .isInstanceOf(DuplicateImport.class);
            }
        }
    }

    private static ElectionRef newWorkspaceWithElection(Path db) {
        try (Workspace w = Workspace.open(new WorkspaceLocation.SqliteFile(db))) {
            return w.importElection(WorkspaceContract.ELECTION, Fixtures.source(WorkspaceContract.ELECTION, "state.json")).ref();
        }
    }

    /** Starts the child, waits for its marker, kills it with SIGKILL; returns what it printed. */
    private static List<String> runAndKill(Path db, ElectionRef election, String mode) throws Exception {
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-cp", System.getProperty("java.class.path"),
                        KillDuringImportChild.class.getName(),
                        db.toString(),
                        Long.toString(election.id()),
                        mode)
                .redirectErrorStream(true)
                .start();
        List<String> output = new ArrayList<>();
        CompletableFuture<Boolean> marker = CompletableFuture.supplyAsync(() -> awaitMarker(child, output));
        try {
            assertThat(marker.get(90, TimeUnit.SECONDS)).as("child output: %s", output).isTrue();
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(child.exitValue()).as("killed by SIGKILL, output: %s", output).isEqualTo(137);
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    private static boolean awaitMarker(Process child, List<String> output) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                synchronized (output) {
                    output.add(line);
                }
                if (line.equals(KillDuringImportChild.MARKER)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /** Counts rows with plain JDBC, below the workspace code, as a second opinion. */
    private static long rawCount(Path db, String table) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
