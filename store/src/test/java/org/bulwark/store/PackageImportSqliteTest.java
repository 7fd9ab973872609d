package org.bulwark.store;

class PackageImportSqliteTest extends PackageImportContract {
    @Override
    WorkspaceLocation newLocation() {
        return new WorkspaceLocation.SqliteFile(dir.resolve("bulwark.db"));
    }
}
