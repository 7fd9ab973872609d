package org.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bulwark.model.events.EventKind;
import org.bulwark.store.Workspace;
import org.bulwark.store.WorkspaceLocation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** package create --workspace (logged) and package import, end to end with real keys and the gen-01 CVRs. */
class PackageImportCommandTest {
    @TempDir
    Path tmp;

    Path keys;
    Path passphrase;

    private String ws() {
        return tmp.resolve("county.db").toString();
    }

    private String key(String name) {
        return keys.resolve(name).toString();
    }

    @BeforeEach
    void setUp() throws IOException {
        CountyKeys generated = CountyKeys.generate(tmp);
        keys = generated.keys();
        passphrase = generated.passphrase();
        assertThat(Run.of("import", "election", PackageCommandTest.ELECTION.toString(), "--workspace", ws()).exitCode()).isZero();
        for (String[] add : new String[][] {{"state.pub", "state.key"}, {"county-1.pub", "state.key"}, {"scanner-7.pub", "county-1.key"}}) {
            Run r = Run.of("trust", "add", key(add[0]), "--admitted-by", key(add[1]), "--workspace", ws(), "--passphrase-file",
                    passphrase.toString());
            assertThat(r.exitCode()).as(r.err()).isZero();
        }
    }

    private Path createResults(String name) {
        Path pkg = tmp.resolve(name);
        Run create = Run.of("package", "create", "--type", "results", "--key", key("scanner-7.key"), "--passphrase-file",
                passphrase.toString(), "--out", pkg.toString(), "--election", PackageCommandTest.ELECTION.toString(), "--mode", "official",
                "--cvr", PackageCommandTest.CVRS.toString(), "--workspace", ws());
        assertThat(create.exitCode()).as(create.err()).isZero();
        assertThat(create.out()).contains("Wrote " + pkg + ": a results package (official) of 1 file, signed by device scanner-7",
                "Logged the creation in ");
        return pkg;
    }

    private EventKind lastLogged() {
        try (Workspace w = Workspace.open(new WorkspaceLocation.SqliteFile(Path.of(ws())))) {
            return w.logEntry(w.logSize() - 1).orElseThrow().event().kind();
        }
    }

    private long logSize() {
        try (Workspace w = Workspace.open(new WorkspaceLocation.SqliteFile(Path.of(ws())))) {
            return w.logSize();
        }
    }

    @Test
    void createLogsThePackageAndImportBringsItsCvrsInOnce() {
        Path pkg = createResults("results.zip");
        assertThat(lastLogged()).isEqualTo(EventKind.PACKAGE_CREATED);

        long before = logSize();
        Run wrongMode = Run.of("package", "import", pkg.toString(), "--workspace", ws(), "--mode", "test");
        assertThat(wrongMode.exitCode()).isEqualTo(2);
        assertThat(wrongMode.out()).startsWith(pkg + ": NOT IMPORTED (mode); nothing was changed in ");
        assertThat(wrongMode.err()).contains("results.zip: mode: the package is official material, not test");
        assertThat(logSize()).isEqualTo(before);

        Run ok = Run.of("package", "import", pkg.toString(), "--workspace", ws(), "--mode", "official", "--counting-group", "absentee");
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("Imported " + pkg + ": official results package signed by device scanner-7",
                " CVRs in 1 file as absentee, into election #1", "  results.zip!", "Logged as entry ");
        assertThat(lastLogged()).isEqualTo(EventKind.PACKAGE_IMPORTED);

        Run again = Run.of("package", "import", pkg.toString(), "--workspace", ws(), "--mode", "official");
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.out()).contains("NOT IMPORTED (replay)");
        assertThat(again.err()).contains("results.zip: replay: this package (", ") was already imported");
    }

    @Test
    void importNeedsTheModeStated() {
        Path pkg = createResults("results.zip");
        Run noMode = Run.of("package", "import", pkg.toString(), "--workspace", ws());
        assertThat(noMode.exitCode()).isEqualTo(2);
        assertThat(noMode.err()).contains("Missing required option: '--mode=MODE'");
    }
}
