package org.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The foundation issue's list of bad inputs, each fed to both commands that read CVR files: every
 * one is exit code 2 with a message naming the file and the place in it, no stack trace, and nothing
 * written — no output folder for {@code tabulate}, no imported file in the workspace for
 * {@code import cvr}.
 */
class BadInputMatrixTest {
    private static final Path DECK = TabulateCommandTest.GEN01_CVR;
    private static final String PLACE = "(line \\d+, column \\d+|byte \\d+|CVR \\d+)";

    @TempDir
    Path tmp;

    interface BadFile {
        Path write(Path dir) throws IOException;
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("truncated", (BadFile) dir -> {
                    byte[] deck = Files.readAllBytes(DECK);
                    return Files.write(dir.resolve("truncated-cvr.json"), Arrays.copyOf(deck, deck.length * 2 / 3));
                }, "the file ends in the middle of the report"),
                Arguments.of("wrong @type", (BadFile) dir -> Files.writeString(dir.resolve("wrong-type.json"),
                        Files.readString(DECK).replaceFirst("\"CVR\\.CVR\"", "\"CVR.Ballot\"")), "@type is 'CVR.Ballot', expected 'CVR.CVR'"),
                Arguments.of("unknown ids", (BadFile) dir -> Files.writeString(dir.resolve("unknown-contest.json"),
                        Files.readString(DECK).replace("\"cc-senate\"", "\"cc-mayor\"")), "contest 'cc-mayor' is not a contest of this election"),
                Arguments.of("invalid UTF-8", (BadFile) dir -> {
                    byte[] deck = Files.readAllBytes(DECK);
                    int at = new String(deck, StandardCharsets.ISO_8859_1).indexOf("Harry Brown");
                    deck[at] = (byte) 0xC3;
                    deck[at + 1] = (byte) 0x28; // 0xC3 must be followed by a continuation byte
                    return Files.write(dir.resolve("invalid-utf8.json"), deck);
                }, "the file is not valid UTF-8"),
                Arguments.of("a 300 MB string", (BadFile) dir -> {
                    Path file = dir.resolve("huge-string.json");
                    try (OutputStream out = Files.newOutputStream(file)) {
                        out.write("{\"CVR\":[{\"@type\":\"CVR.CVR\",\"BallotStyleId\":\"".getBytes(StandardCharsets.US_ASCII));
                        byte[] chunk = new byte[1 << 20];
                        Arrays.fill(chunk, (byte) 'x');
                        for (int i = 0; i < 300; i++) {
                            out.write(chunk);
                        }
                        out.write("\"}]}".getBytes(StandardCharsets.US_ASCII));
                    }
                    return file;
                }, "a text value is longer than the limit of 1048576 characters"),
                Arguments.of("nested 200,000 deep, strict", (BadFile) dir -> Files.writeString(dir.resolve("nested.json"),
                        nestedInsideACvr(200_000)), "property 'Extension' is not allowed"),
                Arguments.of("nested 200,000 deep, lenient", (BadFile) dir -> Files.writeString(dir.resolve("nested-lenient.json"),
                        nestedInsideACvr(200_000)), "nested deeper than the limit"),
                Arguments.of("empty", (BadFile) dir -> Files.write(dir.resolve("empty.json"), new byte[0]), "the file is empty"),
                Arguments.of("another election's CVRs", (BadFile) dir -> Files.copy(
                        ElectionCommandTest.NIST.resolve("prim-01/cvr_v1/cvr-prim-01.json"), dir.resolve("prim-01-cvr.json")),
                        "ballot style 'Bibb County Court House' is not a ballot style of this election"));
    }

    /** Lenient mode skips properties it does not know, so only the depth limit stops this. */
    private static String nestedInsideACvr(int depth) {
        return "{\"CVR\":[{\"@type\":\"CVR.CVR\",\"Extension\":" + "[".repeat(depth) + "]".repeat(depth) + "}]}";
    }

    private static String[] mode(String name) {
        return name.endsWith("lenient") ? new String[] {"--lenient"} : new String[0];
    }

    @ParameterizedTest(name = "tabulate: {0}")
    @MethodSource("badFiles")
    void tabulateRefusesAndWritesNothing(String name, BadFile bad, String problem) throws IOException {
        Path file = bad.write(Files.createDirectory(tmp.resolve("in")));
        Path out = tmp.resolve("out");
        Run run = Run.of(args(mode(name), "tabulate", "--progress", "none", "--election", ElectionCommandTest.GEN01_JSON.toString(),
                "--cvr", DECK.toString(), "--cvr", file.toString(), "--out", out.toString()));
        assertPreciseRefusal(run, file, problem);
        assertThat(out).doesNotExist();
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("in");
        }
    }

    @ParameterizedTest(name = "import cvr: {0}")
    @MethodSource("badFiles")
    void importRefusesAndStoresNothing(String name, BadFile bad, String problem) throws IOException {
        Path file = bad.write(Files.createDirectory(tmp.resolve("in")));
        String workspace = tmp.resolve("ws.db").toString();
        assertThat(Run.of("import", "election", "--workspace", workspace, ElectionCommandTest.GEN01_JSON.toString()).exitCode()).isZero();
        Run run = Run.of(args(mode(name), "import", "cvr", "--progress", "none", "--workspace", workspace, "--election", "1", file.toString()));
        assertPreciseRefusal(run, file, problem);
        Run results = Run.of("results", "--workspace", workspace);
        assertThat(results.exitCode()).as(results.err()).isZero();
        assertThat(results.out()).contains("Ballots counted: 0", "From 0 CVR files");
    }

    private static String[] args(String[] options, String... command) {
        return Stream.concat(Arrays.stream(command), Arrays.stream(options)).toArray(String[]::new);
    }

    private static void assertPreciseRefusal(Run run, Path file, String problem) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        String prefix = "bulwark: " + file + ": ";
        assertThat(run.err()).startsWith(prefix).doesNotContain("\tat ", "Exception", "exception");
        String message = run.err().substring(prefix.length());
        assertThat(message).as("place").containsPattern("^" + PLACE).as("problem").containsPattern(problem);
    }
}
