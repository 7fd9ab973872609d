package org.bulwark.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server for the whole test run (started on first use, stopped when the JVM
 * exits), with a fresh database per test. Zonky's bundled binaries run as root too, which is what
 * CI on a fresh Debian machine does.
 */
final class PostgresServer {
    private static EmbeddedPostgres server;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private PostgresServer() {}

    static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL server", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    // The JVM is exiting; the server's temporary folder goes with the next cleanup.
                }
            }));
        }
        return server;
    }

    /** A plain connection to a test database, to act as someone editing it behind Bulwark's back. */
    static Connection connect(WorkspaceLocation location) throws SQLException {
        WorkspaceLocation.Postgres pg = (WorkspaceLocation.Postgres) location;
        java.util.Properties props = new java.util.Properties();
        pg.user().ifPresent(u -> props.setProperty("user", u));
        pg.password().ifPresent(p -> props.setProperty("password", p));
        return java.sql.DriverManager.getConnection(pg.jdbcUrl(), props);
    }

    /** A new, empty database on the shared server; its JDBC URL carries the user. */
    static String freshDatabaseUrl() {
        String name = "workspace_" + DATABASES.incrementAndGet();
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return server().getJdbcUrl("postgres", name);
    }
}
