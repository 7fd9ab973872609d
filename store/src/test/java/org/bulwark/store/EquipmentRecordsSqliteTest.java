package org.bulwark.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class EquipmentRecordsSqliteTest extends EquipmentRecordsContract {
    @TempDir
    Path dir;

    @Override
    WorkspaceLocation newLocation() {
        return new WorkspaceLocation.SqliteFile(dir.resolve("equipment.db"));
    }
}
