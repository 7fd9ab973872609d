package org.bulwark.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SQLite import killed with SIGKILL half-way leaves the workspace exactly as it was: a real child
 * JVM imports an endless CVR stream and is killed once tens of thousands of rows are in its
 * transaction.
 */
class KillDuringImportTest {
    @TempDir
    Path dir;

    @Test
    void killingTheImporterLeavesNoTraceAndTheSameFileImportsAfterwards() throws Exception {
        Path db = dir.resolve("county.db");
        ElectionRef election;
        try (Workspace w = Workspace.open(new WorkspaceLocation.SqliteFile(db))) {
            election = w.importElection(WorkspaceContract.ELECTION, Fixtures.source(WorkspaceContract.ELECTION, "state.json")).ref();
        }
        long sizeBefore = Files.size(db);

        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-cp", System.getProperty("java.class.path"),
                        KillDuringImportChild.class.getName(),
                        db.toString(),
                        Long.toString(election.id()))
                .redirectErrorStream(true)
                .start();
        List<String> output = new ArrayList<>();
        CompletableFuture<Boolean> marker = CompletableFuture.supplyAsync(() -> awaitMarker(child, output));
        try {
            assertThat(marker.get(90, TimeUnit.SECONDS)).as("child output: %s", output).isTrue();
            assertThat(child.isAlive()).as("still importing when killed").isTrue();
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);

        assertThat(rawCount(db, "cvr")).isZero();
        assertThat(rawCount(db, "cvr_file")).isZero();
        try (Workspace w = Workspace.open(new WorkspaceLocation.SqliteFile(db))) {
            assertThat(w.importedFiles(election)).isEmpty();
            assertThat(w.forEachCvr(election, c -> {})).isZero();

            List<CastVoteRecord> ballots = WorkspaceContract.BALLOTS;
            ImportedFile file = w.importCvrs(election, KillDuringImportChild.FILE, "NIST SP 1500-103 JSON",
                    Fixtures.sha256(KillDuringImportChild.FILE), CountingGroup.ELECTION_DAY, sink -> ballots.forEach(sink));
            assertThat(w.importedFiles(election)).containsExactly(file);
            assertThat(w.forEachCvr(election, c -> {})).isEqualTo(ballots.size());
        }
        assertThat(sizeBefore).isPositive();
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
        } catch (java.io.IOException e) {
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
