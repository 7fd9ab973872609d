package org.bulwark.store;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a workspace lives: a SQLite file (one county office, one laptop, nothing to install) or a
 * PostgreSQL database (a state deployment). Both hold the same schema.
 */
public sealed interface WorkspaceLocation {
    /** The workspace used when none is named: {@code bulwark.db} in the current folder. */
    Path DEFAULT_FILE = Path.of("bulwark.db");

    /** A SQLite workspace file, created on first use (its folder must exist). */
    record SqliteFile(Path path) implements WorkspaceLocation {
        @Override
        public String describe() {
            return path.toString();
        }
    }

    /**
     * A PostgreSQL workspace.
     *
     * @param jdbcUrl a {@code jdbc:postgresql://} URL; it may carry {@code user} and {@code password}
     * @param user used when the URL names none
     * @param password used when the URL names none
     */
    record Postgres(String jdbcUrl, Optional<String> user, Optional<String> password) implements WorkspaceLocation {
        public Postgres {
            if (!jdbcUrl.startsWith(POSTGRES_PREFIX)) {
                throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + redact(jdbcUrl));
            }
        }

        /** The URL without its password, for messages. */
        @Override
        public String describe() {
            return redact(jdbcUrl);
        }

        // Keeps the password out of logs and stack traces.
        @Override
        public String toString() {
            return "Postgres[" + describe() + (user.map(u -> ", user " + u).orElse("")) + "]";
        }
    }

    String POSTGRES_PREFIX = "jdbc:postgresql:";

    /** The path or URL as it may be shown to a user: never a password. */
    String describe();

    static WorkspaceLocation defaultLocation() {
        return new SqliteFile(DEFAULT_FILE);
    }

    /**
     * Reads a location as a user gives it: a {@code jdbc:postgresql://} URL, or else a file path.
     * For PostgreSQL, a user and password the URL does not carry come from the environment:
     * {@code BULWARK_DB_USER} / {@code BULWARK_DB_PASSWORD}, else {@code PGUSER} / {@code PGPASSWORD}.
     */
    static WorkspaceLocation parse(String text) {
        return parse(text, System.getenv());
    }

    static WorkspaceLocation parse(String text, Map<String, String> environment) {
        if (!text.startsWith(POSTGRES_PREFIX)) {
            return new SqliteFile(Path.of(text));
        }
        return new Postgres(
                text,
                urlParameter(text, "user").isPresent() ? Optional.empty() : env(environment, "BULWARK_DB_USER", "PGUSER"),
                urlParameter(text, "password").isPresent()
                        ? Optional.empty()
                        : env(environment, "BULWARK_DB_PASSWORD", "PGPASSWORD"));
    }

    private static Optional<String> env(Map<String, String> environment, String name, String fallback) {
        String value = environment.getOrDefault(name, environment.get(fallback));
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static Optional<String> urlParameter(String url, String name) {
        var m = Pattern.compile("[?&]" + name + "=([^&]*)").matcher(url);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static String redact(String url) {
        return url.replaceAll("([?&]password=)[^&]*", "$1***");
    }
}
