package org.bulwark.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.bulwark.store.Workspace;
import org.bulwark.store.WorkspaceLocation;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Which workspace a command works in: a SQLite file (default ./bulwark.db) or a PostgreSQL database. */
final class WorkspaceOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--workspace", paramLabel = "FILE", description = "The workspace file (SQLite), created on first use. Default: ./bulwark.db.")
    Optional<Path> file;

    @Option(names = "--db", paramLabel = "URL",
            description = "A PostgreSQL workspace instead: jdbc:postgresql://HOST/DATABASE; user and password from the URL or "
                    + "BULWARK_DB_USER and BULWARK_DB_PASSWORD.")
    Optional<String> url;

    /** Whether a workspace was named (for commands where a workspace is optional and has no default). */
    boolean isGiven() {
        return file.isPresent() || url.isPresent();
    }

    WorkspaceLocation location() {
        if (file.isPresent() && url.isPresent()) {
            throw new ParameterException(spec.commandLine(), "give either --workspace or --db, not both");
        }
        if (url.isPresent()) {
            if (!url.get().startsWith(WorkspaceLocation.POSTGRES_PREFIX)) {
                throw new ParameterException(spec.commandLine(),
                        "--db takes a PostgreSQL URL starting with " + WorkspaceLocation.POSTGRES_PREFIX + "; for a workspace file use --workspace");
            }
            return WorkspaceLocation.parse(url.get());
        }
        return file.<WorkspaceLocation>map(WorkspaceLocation.SqliteFile::new).orElseGet(WorkspaceLocation::defaultLocation);
    }

    Workspace open() {
        return Workspace.open(location());
    }
}
