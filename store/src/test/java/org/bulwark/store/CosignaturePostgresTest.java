package org.bulwark.store;

import java.util.Map;

class CosignaturePostgresTest extends CosignatureContract {
    @Override
    WorkspaceLocation newLocation() {
        return WorkspaceLocation.parse(PostgresServer.freshDatabaseUrl(), Map.of());
    }
}
