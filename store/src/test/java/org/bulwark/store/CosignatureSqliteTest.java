package org.bulwark.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class CosignatureSqliteTest extends CosignatureContract {
    @TempDir
    Path dir;

    private int count;

    @Override
    WorkspaceLocation newLocation() {
        return new WorkspaceLocation.SqliteFile(dir.resolve("ws-" + count++ + ".db"));
    }
}
