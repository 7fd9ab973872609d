package org.bulwark.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** What differs between the two databases a workspace can live in; everything else is shared SQL. */
enum Dialect {
    SQLITE("classpath:db/migration/sqlite", "CREATE TEMP TABLE cvr_staging (rnd INTEGER NOT NULL, record BLOB NOT NULL)"),
    POSTGRESQL("classpath:db/migration/postgresql", "CREATE TEMP TABLE cvr_staging (rnd BIGINT NOT NULL, record BYTEA NOT NULL)");

    final String migrations;
    /**
     * Where an import stages its CVRs before they are written in random order. Temporary tables
     * live outside the workspace file (SQLite) or outside the write-ahead log (PostgreSQL), so the
     * casting order reaches no lasting storage; creating one is undone with the transaction.
     */
    final String createStaging;

    Dialect(String migrations, String createStaging) {
        this.migrations = migrations;
        this.createStaging = createStaging;
    }

    /**
     * Starts a transaction. SQLite's is started by hand (the connection stays in auto-commit, so the
     * driver never holds a transaction open between operations); a write takes the write lock at
     * once (IMMEDIATE), so it waits for another writer rather than failing half-way.
     */
    void begin(Connection c, boolean write) throws SQLException {
        switch (this) {
            case SQLITE -> execute(c, write ? "BEGIN IMMEDIATE" : "BEGIN");
            case POSTGRESQL -> c.setAutoCommit(false);
        }
    }

    void commit(Connection c) throws SQLException {
        switch (this) {
            case SQLITE -> execute(c, "COMMIT");
            case POSTGRESQL -> {
                c.commit();
                c.setAutoCommit(true);
            }
        }
    }

    void rollback(Connection c) throws SQLException {
        switch (this) {
            case SQLITE -> execute(c, "ROLLBACK");
            case POSTGRESQL -> {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    boolean isUniqueViolation(SQLException e) {
        return switch (this) {
            case SQLITE -> e.getErrorCode() == 2067; // SQLITE_CONSTRAINT_UNIQUE
            case POSTGRESQL -> "23505".equals(e.getSQLState());
        };
    }

    /** The database's complaint in words an election official can act on. */
    String plainWords(SQLException e) {
        return switch (this) {
            case SQLITE -> switch (e.getErrorCode() & 0xFF) {
                case 3 -> "permission denied";
                case 5, 6 -> "another program is using the workspace; try again when it has finished";
                case 8 -> "the workspace file is read-only";
                case 10 -> "the disk reported an input/output error";
                case 11 -> "the workspace file is damaged";
                case 13 -> "the disk is full";
                case 14 -> "the file cannot be opened (does its folder exist, and may Bulwark write there?)";
                case 26 -> "the file is not a Bulwark workspace (it is not a SQLite database)";
                default -> "the database reported: " + firstLine(e.getMessage());
            };
            case POSTGRESQL -> {
                String state = e.getSQLState() == null ? "" : e.getSQLState();
                if (state.startsWith("08")) {
                    yield "cannot reach the PostgreSQL server (" + firstLine(e.getMessage()) + ")";
                } else if (state.startsWith("28")) {
                    yield "the server refused the user name or password";
                } else if (state.equals("3D000")) {
                    yield "the database does not exist on the server";
                } else if (state.startsWith("53")) {
                    yield "the server is out of disk space, memory or connections";
                } else if (state.startsWith("57")) {
                    yield "the server is shutting down or cancelled the operation";
                } else {
                    yield "the database reported: " + firstLine(e.getMessage());
                }
            }
        };
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no details";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
