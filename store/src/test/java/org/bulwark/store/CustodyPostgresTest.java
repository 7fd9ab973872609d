package org.bulwark.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

class CustodyPostgresTest extends CustodyContract {
    @Override
    WorkspaceLocation newLocation() {
        return WorkspaceLocation.parse(PostgresServer.freshDatabaseUrl(), Map.of());
    }

    @Override
    Connection rawConnection(WorkspaceLocation location) throws SQLException {
        return PostgresServer.connect(location);
    }
}
