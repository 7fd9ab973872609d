package org.bulwark.store;

import java.util.Map;

class PackageImportPostgresTest extends PackageImportContract {
    @Override
    WorkspaceLocation newLocation() {
        return WorkspaceLocation.parse(PostgresServer.freshDatabaseUrl(), Map.of());
    }
}
