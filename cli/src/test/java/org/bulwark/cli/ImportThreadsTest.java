package org.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import cvr --threads}: files of several megabytes parsed in pieces on several threads give the
 * workspace the same CVRs as one thread, and a damaged file the same error.
 */
class ImportThreadsTest {
    @TempDir
    Path tmp;

    private List<Path> generate() throws IOException {
        Path dir = tmp.resolve("gen");
        Run gen = Run.of("generate", "--authorities", "3", "--precincts", "12", "--ballots", "2500", "--seed", "17",
                "--ballots-per-file", "2500", "--out", dir.toString());
        assertThat(gen.exitCode()).as(gen.err()).isZero();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("cvr-")).sorted().toList();
        }
    }

    /** Imports the election and the files as election-day CVRs with {@code threads}; the workspace's path. */
    private Run importWith(String name, int threads, List<Path> files) {
        String ws = tmp.resolve(name + ".db").toString();
        Run election = Run.of("import", "election", "--workspace", ws, tmp.resolve("gen/election.json").toString());
        assertThat(election.exitCode()).as(election.err()).isZero();
        List<String> args = new ArrayList<>(List.of("import", "cvr", "--progress", "none", "--workspace", ws, "--election=1",
                "--threads", Integer.toString(threads), "--counting-group", "election-day"));
        files.forEach(f -> args.addAll(List.of("--cvr", f.toString())));
        return Run.of(args.toArray(String[]::new));
    }

    @Test
    void piecesOnSeveralThreadsImportWhatOneThreadImports() throws IOException {
        List<Path> files = generate();
        assertThat(Files.size(files.stream().max(Comparator.comparingLong(ImportThreadsTest::size)).orElseThrow()))
                .as("a file large enough to be cut into pieces").isGreaterThan(3L * (1 << 20));

        Run one = importWith("one", 1, files);
        Run three = importWith("three", 3, files);
        assertThat(one.exitCode()).as(one.err()).isZero();
        assertThat(three.exitCode()).as(three.err()).isZero();
        assertThat(three.out()).isEqualTo(one.out()).contains("Imported ");

        for (String ws : List.of("one", "three")) {
            Run results = Run.of("results", "--workspace", tmp.resolve(ws + ".db").toString(), "--out", tmp.resolve("results-" + ws).toString());
            assertThat(results.exitCode()).as(results.err()).isZero();
        }
        for (String report : List.of("results.csv", "results.xml")) {
            assertThat(tmp.resolve("results-three").resolve(report)).hasSameTextualContentAs(tmp.resolve("results-one").resolve(report));
        }
        // Each file is hashed as it is read, in pieces or not: the SHA-256 recorded is that of its bytes.
        Map<String, String> expected = new TreeMap<>();
        for (Path f : files) {
            expected.put(f.toString(), HexFormat.of().formatHex(InputFiles.sha256(f)));
        }
        assertThat(recordedHashes("one")).isEqualTo(expected);
        assertThat(recordedHashes("three")).isEqualTo(expected);
    }

    /** Each imported file's SHA-256 as the workspace recorded it, by file name. */
    private Map<String, String> recordedHashes(String ws) {
        Map<String, String> hashes = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve(ws + ".db"));
                ResultSet rs = c.createStatement().executeQuery("SELECT source_name, sha256 FROM cvr_file")) {
            while (rs.next()) {
                hashes.put(rs.getString(1), rs.getString(2));
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return hashes;
    }

    @Test
    void aFileDamagedPastItsFirstPiecesGetsTheErrorOneThreadGives() throws IOException {
        List<Path> files = generate();
        Path largest = files.stream().max(Comparator.comparingLong(ImportThreadsTest::size)).orElseThrow();
        String text = Files.readString(largest, StandardCharsets.UTF_8);
        int at = text.indexOf("\"HasIndication\":\"yes\"", (int) (text.length() * 0.7));
        Files.writeString(largest, text.substring(0, at) + "\"HasIndication\":\"yep\"" + text.substring(at + 21), StandardCharsets.UTF_8);

        Run one = importWith("one", 1, List.of(largest));
        Run three = importWith("three", 3, List.of(largest));
        assertThat(one.exitCode()).isEqualTo(2);
        assertThat(three.exitCode()).isEqualTo(2);
        assertThat(three.err()).isEqualTo(one.err()).contains("HasIndication is 'yep', expected yes, no or unknown");
        assertThat(Run.of("results", "--workspace", tmp.resolve("three.db").toString()).out()).contains("From 0 CVR files");
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
