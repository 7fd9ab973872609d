package org.bulwark.device;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.bulwark.formats.election.ElectionFiles;
import org.bulwark.ledger.exchange.Fingerprint;
import org.bulwark.ledger.exchange.ReadinessClearance;
import org.bulwark.ledger.keys.KeyRole;
import org.bulwark.ledger.keys.Keys;
import org.bulwark.ledger.keys.LoadedPrivateKey;
import org.bulwark.ledger.keys.Validity;
import org.bulwark.ledger.pkg.Mode;
import org.bulwark.ledger.pkg.PackageFile;
import org.bulwark.ledger.pkg.Packages;
import org.bulwark.ledger.trust.PackageType;
import org.bulwark.model.Election;
import org.bulwark.model.ElectionFingerprint;

/**
 * A real setting for device tests: state, authority and device keys, a trust folder, the gen-01
 * election in a signed election package on a "USB drive", and a set-up memory card. Nothing mocked.
 */
final class Fixture {
    static final Path GEN_01 = Path.of("..", "testdata", "nist-cdf", "gen-01", "err_v2", "pe-err-gen-01.json");
    static final char[] PASS = "correct horse battery".toCharArray();
    /** A week before gen-01's election day (2000-11-07). */
    static final Instant NOW = Instant.parse("2000-11-01T15:00:00Z");
    /** The election official on the package's list of officials, with the right PIN. */
    static final Credential CHIEF = new Credential("Chief Judge", "judge-pin-1234".toCharArray());
    /** A poll worker on the list, with the right PIN: not an election official. */
    static final Credential POLL_WORKER = new Credential("Ann Poll", "poll-pin-5678".toCharArray());
    static final Officials OFFICIALS = new Officials(List.of(
            Officials.official(CHIEF.name(), Officials.Role.ELECTION_OFFICIAL, CHIEF.pin(), Officials.MIN_ITERATIONS, new Random(1)),
            Officials.official(POLL_WORKER.name(), Officials.Role.POLL_WORKER, POLL_WORKER.pin(), Officials.MIN_ITERATIONS, new Random(2))));

    final Path root;
    final Path trust;
    final Path usb;
    final Path card;
    final LoadedPrivateKey state;
    final LoadedPrivateKey authority;
    final LoadedPrivateKey deviceKey;
    final Election election;
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final DeviceKind kind;

    private Fixture(Path root, DeviceKind kind, java.util.function.UnaryOperator<Election> change) throws IOException {
        this.root = root;
        this.kind = kind;
        Path keys = root.resolve("keys");
        trust = root.resolve("trust");
        usb = root.resolve("usb");
        card = root.resolve("card");
        Files.createDirectories(trust);
        Files.createDirectories(usb);
        state = key(keys, KeyRole.STATE, "mo-sos", null);
        authority = key(keys, KeyRole.AUTHORITY, "boone-clerk", "boone");
        deviceKey = key(keys, KeyRole.DEVICE, "SN-0001", "boone");
        Files.copy(keys.resolve("mo-sos.pub"), trust.resolve("mo-sos.pub"));
        Files.copy(keys.resolve("boone-clerk.pub"), trust.resolve("boone-clerk.pub"));
        election = change.apply(ElectionFiles.read(GEN_01).election());
    }

    static Fixture create(Path root, DeviceKind kind) throws IOException {
        return new Fixture(root, kind, e -> e);
    }

    /**
     * gen-01 cut down to one ballot style with four contests (straight party left out): vote for 1,
     * vote for 2, a yes/no question and a contest with a write-in position. Its L&amp;A deck is a quarter
     * of gen-01's, for tests that run many decks.
     */
    static Election small(Election full) {
        List<String> keep = List.of("cc-president", "cc-county-assessor", "bm-proposal-1", "cc-dog-catcher");
        var style = full.ballotStyles().get(0);
        return new Election(full.id(), full.title(), full.date(), full.type(), full.state(), full.scope(), full.gpUnits(), full.parties(),
                full.candidates(), full.contests().stream().filter(c -> keep.contains(c.id().value())).toList(),
                List.of(new org.bulwark.model.BallotStyle(style.id(), style.gpUnits(),
                        style.contests().stream().filter(c -> keep.contains(c.value())).toList(), style.parties())),
                full.countingGroups());
    }

    /** gen-01 (small) with the presidential contest ranked: three ranks of its four selections. */
    static Election rankedPresident(Election full) {
        Election e = small(full);
        List<org.bulwark.model.Contest> contests = new ArrayList<>();
        for (org.bulwark.model.Contest c : e.contests()) {
            contests.add(c instanceof org.bulwark.model.Contest.CandidateContest cc && cc.id().value().equals("cc-president")
                    ? new org.bulwark.model.Contest.CandidateContest(cc.id(), cc.name(), cc.district(), 1, cc.selections(),
                            cc.primaryParties(), 3) : c);
        }
        return new Election(e.id(), e.title(), e.date(), e.type(), e.state(), e.scope(), e.gpUnits(), e.parties(), e.candidates(),
                contests, e.ballotStyles(), e.countingGroups());
    }

    /** A fixture whose USB drive holds a valid election package certifying the running software. */
    static Fixture ready(Path root, DeviceKind kind, DeviceSettings.ScannerOvervotes overvotes) throws IOException {
        return ready(root, kind, overvotes, false);
    }

    static Fixture ready(Path root, DeviceKind kind, DeviceSettings.ScannerOvervotes overvotes, boolean small) throws IOException {
        return ready(root, kind, overvotes, small ? Fixture::small : e -> e);
    }

    /** As {@link #ready(Path, DeviceKind, DeviceSettings.ScannerOvervotes)}, gen-01 changed by {@code change}. */
    static Fixture ready(Path root, DeviceKind kind, DeviceSettings.ScannerOvervotes overvotes, java.util.function.UnaryOperator<Election> change)
            throws IOException {
        Fixture f = new Fixture(root, kind, change);
        f.electionPackage(f.usb.resolve("election.zip"), f.election, List.of(SoftwareFingerprint.ofRunningDevice()),
                Optional.of(new DeviceSettings(overvotes)), f.authority);
        return f;
    }

    private static LoadedPrivateKey key(Path dir, KeyRole role, String id, String jurisdiction) throws IOException {
        Keys.generate(new Keys.Request(role, id, Optional.ofNullable(jurisdiction), Validity.ALWAYS), dir, PASS,
                new SecureRandom(), 1_000);
        return Keys.loadPrivate(dir.resolve(id + ".key"), PASS);
    }

    PrecinctDevice newDevice() throws IOException {
        return PrecinctDevice.initialize(card, new PrecinctDevice.Setup("Bulwark PS-1", "SN-0001", kind, "boone", trust),
                "test", clock, new Random(7));
    }

    PrecinctDevice reopen() throws IOException {
        return PrecinctDevice.open(card, "test", clock, new Random(8));
    }

    /** Writes an election package; {@code signer} decides who signed it. */
    Path electionPackage(Path out, Election e, List<String> certified, Optional<DeviceSettings> settings, LoadedPrivateKey signer)
            throws IOException {
        Path staging = Files.createTempDirectory(root, "pkg");
        Path def = staging.resolve("election.json");
        try (var o = Files.newOutputStream(def)) {
            ElectionFiles.writeBulwarkJson(e, o);
        }
        Path cert = staging.resolve(CertifiedSoftware.FILE);
        Files.write(cert, new CertifiedSoftware(certified).bytes());
        Path officials = staging.resolve(Officials.FILE);
        Files.write(officials, OFFICIALS.bytes());
        List<PackageFile> files = new ArrayList<>(List.of(PackageFile.of(def), PackageFile.of(cert), PackageFile.of(officials)));
        if (settings.isPresent()) {
            Path s = staging.resolve(DeviceSettings.FILE);
            Files.write(s, settings.get().bytes());
            files.add(PackageFile.of(s));
        }
        Packages.create(new Packages.Request(new PackageType.Election(), Optional.of(ElectionFingerprint.of(e).sha256()),
                Mode.OFFICIAL, files), signer, out, clock);
        return out;
    }

    /** Writes a readiness clearance package signed by {@code signer} onto the USB drive. */
    Path readiness(String serial, String fingerprint, boolean ready, LoadedPrivateKey signer) throws IOException {
        Path staging = Files.createTempDirectory(root, "ready");
        Path file = staging.resolve(ReadinessClearance.FILE);
        Files.write(file, new ReadinessClearance(serial, new Fingerprint("sha256:" + fingerprint), ready, ready ? List.of() : List.of("seal-check"),
                NOW).bytes());
        Path out = usb.resolve("readiness-" + serial + "-" + ready + ".zip");
        Packages.create(new Packages.Request(new PackageType.Custody(), Optional.of(fingerprint), Mode.OFFICIAL,
                List.of(PackageFile.of(file))), signer, out, clock);
        return out;
    }

    /** Loads the election, runs nothing else: the device is configured in test mode. */
    PrecinctDevice loaded() throws IOException {
        PrecinctDevice d = newDevice();
        d.loadElection(usb, "clerk").orThrow();
        return d;
    }

    static PrecinctDevice.OpenPolls opening(Optional<Path> usb) {
        return new PrecinctDevice.OpenPolls(List.of("S-1001", "S-1002"), "Ann Poll", "Bob Worker", usb, Optional.empty());
    }

    /** Configured, switched to official mode, readiness on the drive, polls open. */
    PrecinctDevice officialOpen() throws IOException {
        PrecinctDevice d = loaded();
        d.enterOfficialMode(Fixture.CHIEF).orThrow();
        readiness("SN-0001", d.electionFingerprint().orElseThrow(), true, authority);
        d.openPolls(opening(Optional.of(usb))).orThrow();
        return d;
    }
}
