package org.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.bulwark.model.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFolderTest {
    @TempDir
    Path tmp;

    @Test
    void committedFilesAppearInANewFolderAndNothingIsLeftBehind() throws IOException {
        Path target = tmp.resolve("a/b/out");
        try (OutputFolder out = OutputFolder.create(target)) {
            Files.writeString(out.file("results.json"), "{}");
            assertThat(target).doesNotExist();
            assertThat(tmp.resolve("a")).doesNotExist();
            out.commit();
        }
        assertThat(target.resolve("results.json")).hasContent("{}");
        assertThat(entries(tmp)).containsExactly("a");
    }

    @Test
    void commitIntoAnExistingFolderReplacesSameNamesAndKeepsTheRest() throws IOException {
        Path target = Files.createDirectory(tmp.resolve("out"));
        Files.writeString(target.resolve("results.json"), "old");
        Files.writeString(target.resolve("notes.txt"), "mine");
        try (OutputFolder out = OutputFolder.create(target)) {
            Files.writeString(out.file("results.json"), "new");
            out.commit();
        }
        assertThat(target.resolve("results.json")).hasContent("new");
        assertThat(target.resolve("notes.txt")).hasContent("mine");
        assertThat(entries(tmp)).containsExactly("out");
    }

    @Test
    void aJobThatFailsLeavesTheTargetAsItWas() throws IOException {
        Path absent = tmp.resolve("absent");
        Path existing = Files.createDirectory(tmp.resolve("existing"));
        Files.writeString(existing.resolve("results.json"), "old");
        for (Path target : new Path[] {absent, existing}) {
            try (OutputFolder out = OutputFolder.create(target)) {
                Files.writeString(out.file("results.json"), "half");
            }
        }
        assertThat(absent).doesNotExist();
        assertThat(existing.resolve("results.json")).hasContent("old");
        assertThat(entries(tmp)).containsExactly("existing");
    }

    @Test
    void aFileWhereTheFolderShouldBeIsBadInput() throws IOException {
        Path file = Files.writeString(tmp.resolve("out"), "x");
        assertThatThrownBy(() -> OutputFolder.create(file))
                .isInstanceOf(BadInputException.class)
                .hasMessage(file + ": output folder: this is a file, not a folder");
    }

    private static java.util.List<String> entries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
