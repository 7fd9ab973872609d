package org.bulwark.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.io.TempDir;

class LedgerSqliteTest extends LedgerContract {
    @TempDir
    Path dir;

    @Override
    WorkspaceLocation newLocation() {
        return new WorkspaceLocation.SqliteFile(dir.resolve("bulwark.db"));
    }

    @Override
    Connection rawConnection(WorkspaceLocation location) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + ((WorkspaceLocation.SqliteFile) location).path());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"rewrite", "remove", "reorder", "remove-last"})
    void anyAlteredRemovedOrReorderedEntryFailsVerification(String tamper) throws SQLException {
        Path file = dir.resolve(tamper + ".db");
        try (Workspace w = Workspace.open(new WorkspaceLocation.SqliteFile(file), Fixtures.CLOCK, Fixtures.IMPORTER)) {
            w.appendToLog(events(0, 10));
            var root = w.logRoot(10);
            w.saveCheckpoint(10, root, "log\n10\n" + root.base64() + "\n", false, event(10));
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                    java.sql.Statement s = c.createStatement()) {
                s.execute("DROP TRIGGER log_entry_no_update");
                s.execute("DROP TRIGGER log_entry_no_delete");
                switch (tamper) {
                    case "rewrite" -> s.execute("UPDATE log_entry SET entry = (SELECT entry FROM log_entry WHERE idx = 2) WHERE idx = 3");
                    case "remove" -> s.execute("DELETE FROM log_entry WHERE idx = 5");
                    case "reorder" -> {
                        s.execute("UPDATE log_entry SET idx = -1 WHERE idx = 3");
                        s.execute("UPDATE log_entry SET idx = 3 WHERE idx = 4");
                        s.execute("UPDATE log_entry SET idx = 4 WHERE idx = -1");
                    }
                    default -> {
                        s.execute("DELETE FROM log_entry WHERE idx = 10");
                        s.execute("DELETE FROM log_entry WHERE idx = 9");
                    }
                }
            }
            org.assertj.core.api.Assertions.assertThat(w.verifyLog()).isInstanceOfSatisfying(LogCheck.Broken.class,
                    b -> org.assertj.core.api.Assertions.assertThat(b.problem()).as(tamper).containsAnyOf(
                            "was changed, removed or reordered", "log entry 5 is missing", "covers 10 entries but the log has only 9"));
        }
    }

    @org.junit.jupiter.api.Test
    void aRewrittenHashTileFailsVerificationByName() throws SQLException {
        Path file = dir.resolve("tile.db");
        try (Workspace w = Workspace.open(new WorkspaceLocation.SqliteFile(file), Fixtures.CLOCK, Fixtures.IMPORTER)) {
            w.appendToLog(events(0, 300));
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                    java.sql.Statement s = c.createStatement()) {
                s.execute("UPDATE log_tile SET hashes = zeroblob(8192) WHERE level = 0 AND idx = 0");
            }
            org.assertj.core.api.Assertions.assertThat(w.verifyLog()).isEqualTo(
                    new LogCheck.Broken("the stored hash tile tile/0/000 is not the one its entries give"));
        }
    }

    @Override
    String dropGuard() {
        return "DROP TRIGGER log_entry_no_update";
    }
}
