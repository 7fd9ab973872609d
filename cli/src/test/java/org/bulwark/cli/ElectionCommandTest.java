package org.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElectionCommandTest {
    static final Path NIST = Path.of("..", "testdata", "nist-cdf");
    static final Path GEN01_JSON = NIST.resolve("gen-01/err_v2/pe-err-gen-01.json");
    static final Path GEN01_XML = NIST.resolve("gen-01/err_v2/pe-err-gen-01.xml");
    static final Path GEN01_BD = NIST.resolve("gen-01/bd_v1/bd-gen-01.json");

    @TempDir
    Path tmp;

    @Test
    void validDefinitionValidatesWithItsFingerprint() {
        Run run = Run.of("election", "validate", GEN01_JSON.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("NIST SP 1500-100 v2 election report (JSON)", "\"GEN-01 General Election\"",
                "19 contests", "No problems found. Fingerprint 03daf9e.");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void definitionWithErrorsListsEveryIssueAndExits2() throws IOException {
        // gen-01 with two contests pointing at a district that does not exist.
        String json = Files.readString(GEN01_JSON);
        String broken = json.replaceFirst("\"ElectionDistrictId\"\\s*:\\s*\"[^\"]+\"", "\"ElectionDistrictId\": \"no-such-district\"")
                .replaceFirst("(\"ElectionDistrictId\"\\s*:\\s*\"no-such-district\"[\\s\\S]*?\"ElectionDistrictId\"\\s*:\\s*)\"[^\"]+\"", "$1\"nowhere\"");
        Path file = Files.writeString(tmp.resolve("broken.json"), broken);
        Run run = Run.of("election", "validate", file.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).contains(file + ": error: ", "'no-such-district'", "'nowhere'", "2 errors");
        assertThat(run.err()).contains("bulwark: " + file + ": 2 errors").doesNotContain("\tat ");
    }

    @Test
    void malformedFileIsBadInputNamingThePlace() throws IOException {
        Path file = Files.writeString(tmp.resolve("cut.json"), Files.readString(GEN01_JSON).substring(0, 500));
        Run run = Run.of("election", "validate", file.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("bulwark: " + file + ": line ").doesNotContain("\tat ");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void missingFileIsBadInput() {
        Run run = Run.of("election", "fingerprint", tmp.resolve("absent.json").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("bulwark: " + tmp.resolve("absent.json") + ": file: the file does not exist" + System.lineSeparator());
    }

    @Test
    void fingerprintIsTheSameWhateverTheFormatTheElectionCameIn() {
        String expected = "short: 03daf9e" + System.lineSeparator()
                + "full:  03daf9e7b8df0175d881a7b013fad1a9be9c2a8d630d6cd01598506929000f1b" + System.lineSeparator();
        for (Path f : new Path[] {GEN01_JSON, GEN01_XML, GEN01_BD}) {
            Run run = Run.of("election", "fingerprint", f.toString());
            assertThat(run.exitCode()).as(f.toString()).isZero();
            assertThat(run.out()).isEqualTo(expected);
        }
    }
}
