package org.bulwark.store;

import java.util.Map;

class EquipmentListingsPostgresTest extends EquipmentListingsContract {
    @Override
    WorkspaceLocation newLocation() {
        return WorkspaceLocation.parse(PostgresServer.freshDatabaseUrl(), Map.of());
    }
}
