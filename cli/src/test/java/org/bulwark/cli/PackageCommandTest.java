package org.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** keys generate, package create, inspect and verify, end to end as officials run them. */
class PackageCommandTest {
    static final Path ELECTION = ElectionCommandTest.GEN01_JSON;
    static final Path CVRS = TabulateCommandTest.GEN01_CVR;
    static final String PASSPHRASE = "seven long words make a passphrase";

    @TempDir
    Path dir;

    /** Runs the command line with BULWARK_PASSPHRASE set (or not) in its environment. */
    static Run withEnv(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Io io = new Io(new PrintWriter(out, true), new PrintWriter(err, true), false,
                Clock.fixed(Instant.parse("2028-11-08T02:00:00Z"), ZoneOffset.UTC));
        CommandLine cl = Bulwark.commandLine(io);
        ((KeysCommand.Generate) cl.getSubcommands().get("keys").getSubcommands().get("generate").getCommand()).environment = env::get;
        ((PackageCommand.Create) cl.getSubcommands().get("package").getSubcommands().get("create").getCommand()).environment = env::get;
        return Run.of(cl, out, err, args);
    }

    static Run withPassphrase(String... args) {
        return withEnv(Map.of("BULWARK_PASSPHRASE", PASSPHRASE), args);
    }

    private Path keys() {
        Run run = withPassphrase("keys", "generate", "--role", "device", "--id", "scanner-7", "--jurisdiction", "boone", "--out", dir.resolve("keys").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return dir.resolve("keys");
    }

    private Path trustFolder(Path keys) throws Exception {
        Path trust = Files.createDirectories(dir.resolve("trust"));
        Files.copy(keys.resolve("scanner-7.pub"), trust.resolve("scanner-7.pub"));
        return trust;
    }

    private Path results(Path keys) throws Exception {
        Path tally = Files.writeString(dir.resolve("tally.csv"), "contest,selection,votes\n");
        Path pkg = dir.resolve("results.zip");
        Run run = withPassphrase("package", "create", "--type", "results", "--key", keys.resolve("scanner-7.key").toString(),
                "--out", pkg.toString(), "--election", ELECTION.toString(), "--mode", "official", "--cvr", CVRS.toString(), tally.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("Wrote " + pkg + ": a results package (official) of 2 files, signed by device scanner-7\n");
        return pkg;
    }

    @Test
    void generateWritesBothFilesAndNeverPrintsThePassphrase() throws Exception {
        Run run = withPassphrase("keys", "generate", "--role", "device", "--id", "scanner-7", "--jurisdiction", "boone", "--out", dir.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Wrote " + dir.resolve("scanner-7.key"), "device scanner-7 (boone)", "fingerprint sha256:");
        assertThat(run.out() + run.err()).doesNotContain(PASSPHRASE);
        assertThat(Files.readString(dir.resolve("scanner-7.key"))).doesNotContain(PASSPHRASE);
        assertThat(Files.readString(dir.resolve("scanner-7.pub"))).startsWith("bulwark-public-key/1\nrole: device\n");

        Run again = withPassphrase("keys", "generate", "--role", "device", "--id", "scanner-7", "--jurisdiction", "boone", "--out", dir.toString());
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("scanner-7.key: file: already exists: Bulwark never overwrites a key file");
    }

    @Test
    void generateNeedsAPassphraseAndAJurisdiction() throws Exception {
        Run none = withEnv(Map.of(), "keys", "generate", "--role", "state", "--id", "mo-sos", "--out", dir.toString());
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("no passphrase: give --passphrase-file FILE or set BULWARK_PASSPHRASE");
        Path file = Files.writeString(dir.resolve("pass.txt"), "from a file\n");
        Run fromFile = withEnv(Map.of(), "keys", "generate", "--role", "state", "--id", "mo-sos", "--out", dir.toString(), "--passphrase-file", file.toString());
        assertThat(fromFile.exitCode()).as(fromFile.err()).isZero();
        Run noJurisdiction = withPassphrase("keys", "generate", "--role", "authority", "--id", "x", "--out", dir.toString());
        assertThat(noJurisdiction.exitCode()).isEqualTo(2);
        assertThat(noJurisdiction.err()).contains("an authority key needs a jurisdiction");
        Run badRole = withPassphrase("keys", "generate", "--role", "mayor", "--id", "x", "--out", dir.toString());
        assertThat(badRole.exitCode()).isEqualTo(2);
        assertThat(badRole.err()).contains("'mayor' is not a role: use state, authority or device");
    }

    @Test
    void createInspectVerify() throws Exception {
        Path keys = keys();
        Path pkg = results(keys);

        Run inspect = Run.of("package", "inspect", pkg.toString());
        assertThat(inspect.exitCode()).isZero();
        assertThat(inspect.out()).startsWith(pkg + ": NOT VERIFIED.")
                .contains("type:     results package", "mode:     official", "producer: device scanner-7 (boone)", "created:  2028-11-08T02:00:00Z",
                        "cvr-gen-01.json: ", " CVRs with Merkle root ", "tally.csv: 24 bytes");

        Path trust = trustFolder(keys);
        Run verify = Run.of("package", "verify", pkg.toString(), "--trust", trust.toString(), "--election", ELECTION.toString(), "--mode", "official");
        assertThat(verify.exitCode()).as(verify.err()).isZero();
        assertThat(verify.out()).startsWith(pkg + ": valid official results package, signed by device scanner-7 (boone)")
                .contains("replay: not checked").doesNotContain("CVR Merkle roots: not recomputed");
        Run noElection = Run.of("package", "verify", pkg.toString(), "--trust", trust.toString());
        assertThat(noElection.exitCode()).isZero();
        assertThat(noElection.out()).contains("CVR Merkle roots: not recomputed");
    }

    @Test
    void verifyFailuresExitTwoAndNameTheCheck() throws Exception {
        Path keys = keys();
        Path pkg = results(keys);
        Path trust = trustFolder(keys);
        Run test = Run.of("package", "verify", pkg.toString(), "--trust", trust.toString(), "--mode", "test");
        assertThat(test.exitCode()).isEqualTo(2);
        assertThat(test.out()).isEqualTo(pkg + ": NOT VALID: the mode check failed.\n");
        assertThat(test.err()).isEqualTo("bulwark: results.zip: mode: the package is official material, not test\n");

        Path emptyTrust = Files.createDirectories(dir.resolve("other"));
        Files.writeString(emptyTrust.resolve("x.pub"), Files.readString(keys.resolve("scanner-7.pub")).replace("role: device", "role: state"));
        Run role = Run.of("package", "verify", pkg.toString(), "--trust", emptyTrust.toString());
        assertThat(role.exitCode()).isEqualTo(2);
        assertThat(role.out()).contains("the signer check failed");
        assertThat(role.err()).contains("may not sign a results package: only authority or device keys may");

        byte[] bytes = Files.readAllBytes(pkg);
        bytes[100] ^= 1;
        Path damaged = Files.write(dir.resolve("damaged.zip"), bytes);
        Run hash = Run.of("package", "verify", damaged.toString(), "--trust", trust.toString());
        assertThat(hash.exitCode()).isEqualTo(2);
        assertThat(hash.err()).contains("damaged.zip: file hash: 'cvr-gen-01.json' has SHA-256");
    }

    @Test
    void wrongPassphraseOnCreateIsAClearError() throws Exception {
        Path keys = keys();
        Path tally = Files.writeString(dir.resolve("tally.csv"), "x\n");
        Run run = withEnv(Map.of("BULWARK_PASSPHRASE", "not it"), "package", "create", "--type", "results", "--key",
                keys.resolve("scanner-7.key").toString(), "--out", dir.resolve("p.zip").toString(), tally.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("the passphrase does not open " + keys.resolve("scanner-7.key")).doesNotContain("not it");
        assertThat(dir.resolve("p.zip")).doesNotExist();

        Run missing = withPassphrase("package", "create", "--type", "results", "--key", keys.resolve("scanner-7.key").toString(),
                "--out", dir.resolve("p.zip").toString(), dir.resolve("absent.csv").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("absent.csv: file: no such file");
        assertThat(dir.resolve("p.zip")).doesNotExist();
    }

    @Test
    void inspectOfSomethingElseSaysWhy() throws Exception {
        Run missing = Run.of("package", "inspect", dir.resolve("nowhere.zip").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("nowhere.zip: file: no such file");
        Path junk = Files.writeString(dir.resolve("junk.zip"), "hello");
        Run run = Run.of("package", "inspect", junk.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("bulwark: junk.zip: archive: ");
    }

    @Test
    void helpForEveryCommand() {
        for (String[] args : new String[][] {{"keys", "--help"}, {"keys", "generate", "--help"}, {"package", "--help"},
            {"package", "create", "--help"}, {"package", "inspect", "--help"}, {"package", "verify", "--help"}}) {
            Run run = Run.of(args);
            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).contains("Usage: bulwark " + args[0]);
        }
        assertThat(Run.of("package", "inspect", "--help").out()).contains("WITHOUT verifying anything");
    }
}
