package org.bulwark.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Statement;
import java.nio.file.Path;
import org.bulwark.store.WorkspaceException.WorkspaceUnavailable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workspace contract on a SQLite file, and what only a file-based workspace can get wrong. */
class SqliteWorkspaceTest extends WorkspaceContract {
    @TempDir
    Path dir;

    @Override
    WorkspaceLocation newLocation() {
        return new WorkspaceLocation.SqliteFile(dir.resolve("bulwark.db"));
    }

    @Test
    void theFileIsCreatedOnFirstUse() {
        Path file = ((WorkspaceLocation.SqliteFile) location()).path();
        assertThat(file).doesNotExist();
        open();
        assertThat(file).isRegularFile();
    }

    @Test
    void aMissingFolderIsNamed() {
        Path file = dir.resolve("no-such-folder").resolve("bulwark.db");
        assertThatThrownBy(() -> Workspace.open(new WorkspaceLocation.SqliteFile(file)))
                .isInstanceOfSatisfying(WorkspaceUnavailable.class, e -> {
                    assertThat(e.workspace()).isEqualTo(file.toString());
                    assertThat(e.reason()).isEqualTo("the folder " + file.getParent() + " does not exist");
                })
                .hasMessage("Workspace " + file + ": could not open it: the folder " + file.getParent() + " does not exist");
        assertThat(file.getParent()).doesNotExist();
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedInPlainWordsAndLeftAlone() throws Exception {
        Path file = dir.resolve("minutes.txt");
        byte[] text = "Minutes of the canvass board, November 2026. ".repeat(200).getBytes();
        Files.write(file, text);

        assertThatThrownBy(() -> Workspace.open(new WorkspaceLocation.SqliteFile(file)))
                .isInstanceOf(WorkspaceUnavailable.class)
                .hasMessage("Workspace " + file + ": could not open it: the file is not a Bulwark workspace"
                        + " (it is not a SQLite database)");
        assertThat(Files.readAllBytes(file)).isEqualTo(text);
    }

    @Test
    void aFolderIsNotAWorkspace() {
        assertThatThrownBy(() -> Workspace.open(new WorkspaceLocation.SqliteFile(dir)))
                .isInstanceOf(WorkspaceUnavailable.class)
                .hasMessageEndingWith("it is a folder, not a workspace file");
    }

    @Test
    void cvrRowsHaveNoArrivalSequenceNumber() throws Exception {
        open();
        try (Connection c = raw(); Statement s = c.createStatement()) {
            // A rowid would number rows in arrival order; the table is clustered on the random position instead.
            assertThatThrownBy(() -> s.executeQuery("SELECT rowid FROM cvr")).hasMessageContaining("no such column: rowid");
        }
    }
}
