package org.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bulwark.formats.election.ElectionFiles;
import org.bulwark.model.ElectionFingerprint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** bulwark device, paper and simulate, in-process as poll workers and officials run them. */
class DeviceCommandTest {
    static final Path ELECTION = ElectionCommandTest.GEN01_JSON;
    static final Map<String, String> ENV = Map.of("BULWARK_PASSPHRASE", PackageCommandTest.PASSPHRASE, DeviceCommand.PIN_VARIABLE, "clerk-pin-2000");

    @TempDir
    Path dir;

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Io io = new Io(new PrintWriter(out, true), new PrintWriter(err, true), false,
                Clock.fixed(Instant.parse("2000-11-01T15:00:00Z"), ZoneOffset.UTC));
        CommandLine cl = Bulwark.commandLine(io);
        ((KeysCommand.Generate) cl.getSubcommands().get("keys").getSubcommands().get("generate").getCommand()).environment = ENV::get;
        ((PackageCommand.Create) cl.getSubcommands().get("package").getSubcommands().get("create").getCommand()).environment = ENV::get;
        ((DeviceCommand.Export) cl.getSubcommands().get("device").getSubcommands().get("export").getCommand()).environment = ENV::get;
        ((DeviceCommand.Official) cl.getSubcommands().get("device").getSubcommands().get("official").getCommand()).environment = ENV::get;
        for (CommandLine sub : cl.getSubcommands().get("device").getSubcommands().values()) {
            sub.getCommandSpec().mixins().values().stream().map(m -> m.userObject())
                    .forEach(o -> {
                        if (o instanceof DeviceCommand.OfficialOption official) {
                            official.environment = ENV::get;
                        }
                    });
        }
        return Run.of(cl, out, err, args);
    }

    static Run ok(String... args) {
        Run r = run(args);
        assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.err() + r.out()).isZero();
        return r;
    }

    /** officials.json with Clerk (election official, PIN from the test's BULWARK_PIN) and Ann (poll worker), for the election package. */
    static Path officials(Path staging) {
        Path file = staging.resolve("officials.json");
        ok("device", "official", "--file", file.toString(), "--name", "Clerk", "--role", "election-official", "--iterations", "100000");
        ok("device", "official", "--file", file.toString(), "--name", "Ann", "--role", "poll-worker", "--iterations", "100000");
        return file;
    }

    @Test
    void aDayOnTheCommandLine() throws Exception {
        Path keys = dir.resolve("keys");
        Path trust = Files.createDirectories(dir.resolve("trust"));
        Path usb = Files.createDirectories(dir.resolve("usb"));
        Path staging = Files.createDirectories(dir.resolve("staging"));
        String card = dir.resolve("card").toString();
        ok("keys", "generate", "--role", "authority", "--id", "boone-clerk", "--jurisdiction", "boone", "--out", keys.toString());
        ok("keys", "generate", "--role", "device", "--id", "SN-7", "--jurisdiction", "boone", "--out", keys.toString());
        Files.copy(keys.resolve("boone-clerk.pub"), trust.resolve("boone-clerk.pub"));
        Files.copy(ELECTION, staging.resolve("election.json"));
        assertThat(ok("device", "fingerprint").out()).startsWith("sha256:");
        ok("device", "certify", "--out", staging.resolve("certified-software.json").toString());
        Path officials = officials(staging);
        ok("package", "create", "--type", "election", "--key", keys.resolve("boone-clerk.key").toString(), "--election", ELECTION.toString(),
                "--mode", "official", "--out", usb.resolve("election.zip").toString(), staging.resolve("election.json").toString(),
                staging.resolve("certified-software.json").toString(), officials.toString());

        ok("device", "init", "--card", card, "--serial", "SN-7", "--model", "Bulwark BM-1", "--kind", "bmd", "--jurisdiction", "boone",
                "--trust", trust.toString());
        assertThat(ok("device", "load", "--card", card, "--usb", usb.toString(), "--by", "Clerk").out()).startsWith("Loaded election ");
        assertThat(ok("device", "status", "--card", card).out()).contains("state:     configured (test)",
                "allowed:   open-polls, zero-test-ballots, enter-official-mode, reset");
        Run refused = run("device", "close-polls", "--card", card, "--by", "Ann");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).isEqualTo("bulwark: refused: Cannot close-polls: the device is in state 'configured (test)'. Allowed now: "
                + "open-polls, zero-test-ballots, enter-official-mode, reset.\n");

        Run byPollWorker = run("device", "mode", "reset", "--card", card, "--official", "Ann");
        assertThat(byPollWorker.exitCode()).isEqualTo(1);
        assertThat(byPollWorker.err()).isEqualTo("bulwark: refused: Cannot reset: only an election official may; Ann is listed as a poll-worker,"
                + " not an election official\n");
        Run lat = ok("device", "lat", "--card", card, "--notice-given", "2000-10-25T12:00:00Z", "--observer", "Dana Demo:Democratic",
                "--observer", "Rita Repp:Republican", "--out", dir.resolve("lat").toString(), "--official", "Clerk");
        assertThat(lat.out()).startsWith("L&A test PASSED: errorless count");
        // The contract with the custody module: its reader takes the device's L&A record as is.
        org.bulwark.ledger.exchange.LatRecord custodySide = org.bulwark.ledger.exchange.LatRecord.read(
                Files.readAllBytes(dir.resolve("lat").resolve("lat-record.json")), "lat-record.json");
        assertThat(custodySide.passed()).isTrue();
        assertThat(custodySide.deviceSerial()).isEqualTo("SN-7");
        assertThat(ok("device", "status", "--card", card).out()).contains("state:     configured (official)", "ballots:   0");

        String fp = ElectionFingerprint.of(ElectionFiles.read(ELECTION).election()).sha256();
        // The clearance as the custody module writes it.
        Files.write(staging.resolve("readiness.json"), new org.bulwark.ledger.exchange.ReadinessClearance("SN-7",
                new org.bulwark.ledger.exchange.Fingerprint("sha256:" + fp), true, List.of(), Instant.parse("2000-11-01T12:00:00Z")).bytes());
        ok("package", "create", "--type", "custody", "--key", keys.resolve("boone-clerk.key").toString(), "--election", ELECTION.toString(),
                "--mode", "official", "--out", usb.resolve("readiness.zip").toString(), staging.resolve("readiness.json").toString());
        assertThat(ok("device", "open-polls", "--card", card, "--seal", "S-1", "--seal", "S-2", "--poll-worker", "Ann", "--poll-worker", "Bob",
                "--usb", usb.toString()).out()).startsWith("Polls open. Zero report: ");

        Run cast = ok("device", "cast", "--card", card, "--style", "Precinct 1", "--precinct", "cp-1-4-5-6",
                "--vote", "cc-president=cs-president-hb", "--vote", "cc-dog-catcher=cs-dog-catcher-wi:Rex Barker");
        assertThat(cast.out()).contains("Ballot cast. Paper record: ", "warning: Fewer selections than allowed in");
        Path paper = Path.of(cast.out().lines().findFirst().orElseThrow().substring("Ballot cast. Paper record: ".length()));
        Run over = run("device", "cast", "--card", card, "--style", "Precinct 1", "--precinct", "cp-1-4-5-6",
                "--vote", "cc-president=cs-president-hb", "--vote", "cc-president=cs-president-gb");
        assertThat(over.exitCode()).isEqualTo(1);
        assertThat(over.err()).contains("refused: Overvote: more selections than allowed in");
        Run bad = run("device", "cast", "--card", card, "--style", "Precinct 1", "--precinct", "cp-1-4-5-6", "--vote", "nonsense");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("bulwark: --vote: nonsense: must be CONTEST=SELECTION[@RANK][:WRITE-IN NAME]\n");

        Run read = ok("paper", "read", paper.toString(), "--election", ELECTION.toString());
        assertThat(read.out()).contains("\"CVR\"", "Rex Barker", "cs-president-hb");
        Run wrongMode = run("paper", "read", paper.toString(), "--election", ELECTION.toString(), "--mode", "test");
        assertThat(wrongMode.exitCode()).isEqualTo(1);
        assertThat(wrongMode.err()).contains("this is a official paper record, not test");

        ok("device", "close-polls", "--card", card, "--by", "Ann");
        Run export = ok("device", "export", "--card", card, "--usb", dir.resolve("out").toString(), "--key",
                keys.resolve("SN-7.key").toString(), "--by", "Ann");
        assertThat(export.out()).startsWith("Wrote the signed results package ");
        Files.copy(keys.resolve("SN-7.pub"), trust.resolve("SN-7.pub"));
        assertThat(ok("package", "verify", dir.resolve("out").resolve("results-SN-7-official.zip").toString(), "--trust", trust.toString(),
                "--election", ELECTION.toString(), "--mode", "official").exitCode()).isZero();
    }

    @Test
    void theListOfOfficialsRefusesAShortPinAndAnUnknownRole() throws Exception {
        Path file = dir.resolve("officials.json");
        Path pin = Files.writeString(dir.resolve("pin.txt"), "1234\n");
        Run shortPin = run("device", "official", "--file", file.toString(), "--name", "Clerk", "--role", "election-official",
                "--pin-file", pin.toString(), "--iterations", "100000");
        assertThat(shortPin.exitCode()).isEqualTo(2);
        assertThat(shortPin.err()).contains("a PIN must have at least 8 characters");
        assertThat(file).doesNotExist();
        Run role = run("device", "official", "--file", file.toString(), "--name", "Clerk", "--role", "boss", "--iterations", "100000");
        assertThat(role.exitCode()).isEqualTo(2);
        assertThat(role.err()).contains("--role is election-official or poll-worker");
        officials(dir);
        assertThat(Files.readString(file)).contains("\"name\" : \"Clerk\"", "\"role\" : \"poll-worker\"", "PBKDF2-HMAC-SHA256")
                .doesNotContain("clerk-pin-2000");
    }

    @Test
    void aPollingPlaceRehearsal() throws Exception {
        Path out = dir.resolve("day");
        // The default election: a small generated one.
        Run r = ok("simulate", "polling-place", "--ballots", "12", "--devices", "2", "--out", out.toString());
        assertThat(r.out()).contains("L&A tests: 2 of 2 passed", "ballots cast: 12");
        try (Stream<Path> paper = Files.list(out.resolve("paper"))) {
            assertThat(paper.count()).isEqualTo(12);
        }
        assertThat(out.resolve("results").resolve("results-PP-002-official.zip")).exists();
        Run again = run("simulate", "polling-place", "--ballots", "12", "--out", out.toString());
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("the folder is not empty");
    }
}
