package org.bulwark.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.io.TempDir;

class CustodySqliteTest extends CustodyContract {
    @TempDir
    Path dir;

    private int made;

    @Override
    WorkspaceLocation newLocation() {
        return new WorkspaceLocation.SqliteFile(dir.resolve("custody-" + ++made + ".db"));
    }

    @Override
    Connection rawConnection(WorkspaceLocation location) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + ((WorkspaceLocation.SqliteFile) location).path());
    }
}
