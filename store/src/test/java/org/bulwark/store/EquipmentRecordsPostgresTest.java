package org.bulwark.store;

import java.util.Map;

class EquipmentRecordsPostgresTest extends EquipmentRecordsContract {
    @Override
    WorkspaceLocation newLocation() {
        return WorkspaceLocation.parse(PostgresServer.freshDatabaseUrl(), Map.of());
    }
}
