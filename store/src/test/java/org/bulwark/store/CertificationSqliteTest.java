package org.bulwark.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.io.TempDir;

class CertificationSqliteTest extends CertificationContract {
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
}
