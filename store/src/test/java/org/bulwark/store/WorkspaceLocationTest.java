package org.bulwark.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkspaceLocationTest {
    @Test
    void aPathIsASqliteFileAndTheDefaultIsBulwarkDbHere() {
        assertThat(WorkspaceLocation.parse("county/2026.db", Map.of()))
                .isEqualTo(new WorkspaceLocation.SqliteFile(Path.of("county/2026.db")));
        assertThat(WorkspaceLocation.defaultLocation()).isEqualTo(new WorkspaceLocation.SqliteFile(Path.of("bulwark.db")));
    }

    @Test
    void aPostgresUrlKeepsItsPasswordOutOfDescriptions() {
        WorkspaceLocation l = WorkspaceLocation.parse("jdbc:postgresql://h/db?user=u&password=p4ss&ssl=true", Map.of());
        assertThat(l).isInstanceOf(WorkspaceLocation.Postgres.class);
        assertThat(l.describe()).isEqualTo("jdbc:postgresql://h/db?user=u&password=***&ssl=true");
        assertThat(l.toString()).doesNotContain("p4ss");
    }
}
