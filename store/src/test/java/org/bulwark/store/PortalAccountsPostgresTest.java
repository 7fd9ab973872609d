package org.bulwark.store;

import java.util.Map;

class PortalAccountsPostgresTest extends PortalAccountsContract {
    @Override
    WorkspaceLocation newLocation() {
        return WorkspaceLocation.parse(PostgresServer.freshDatabaseUrl(), Map.of());
    }
}
