package org.bulwark.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

class CertificationPostgresTest extends CertificationContract {
    @Override
    WorkspaceLocation newLocation() {
        return WorkspaceLocation.parse(PostgresServer.freshDatabaseUrl(), Map.of());
    }

    @Override
    Connection rawConnection(WorkspaceLocation location) throws SQLException {
        WorkspaceLocation.Postgres pg = (WorkspaceLocation.Postgres) location;
        Properties props = new Properties();
        pg.user().ifPresent(u -> props.setProperty("user", u));
        pg.password().ifPresent(p -> props.setProperty("password", p));
        return DriverManager.getConnection(pg.jdbcUrl(), props);
    }
}
