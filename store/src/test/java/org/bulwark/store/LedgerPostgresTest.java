package org.bulwark.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

class LedgerPostgresTest extends LedgerContract {
    @Override
    WorkspaceLocation newLocation() {
        return WorkspaceLocation.parse(PostgresServer.freshDatabaseUrl(), Map.of());
    }

    @Override
    Connection rawConnection(WorkspaceLocation location) throws SQLException {
        return PostgresServer.connect(location);
    }

    @Override
    String dropGuard() {
        return "DROP TRIGGER log_entry_append_only ON log_entry";
    }
}
