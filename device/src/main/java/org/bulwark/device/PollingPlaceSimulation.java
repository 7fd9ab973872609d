package org.bulwark.device;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.bulwark.formats.election.ElectionFiles;
import org.bulwark.ledger.exchange.Fingerprint;
import org.bulwark.ledger.exchange.LatRecord;
import org.bulwark.ledger.exchange.ReadinessClearance;
import org.bulwark.ledger.keys.KeyRole;
import org.bulwark.ledger.keys.Keys;
import org.bulwark.ledger.keys.LoadedPrivateKey;
import org.bulwark.ledger.keys.Validity;
import org.bulwark.ledger.pkg.Mode;
import org.bulwark.ledger.pkg.PackageFile;
import org.bulwark.ledger.pkg.Packages;
import org.bulwark.ledger.trust.PackageType;
import org.bulwark.model.BallotStyle;
import org.bulwark.model.Contest;
import org.bulwark.model.ContestSelection;
import org.bulwark.model.Election;
import org.bulwark.model.ElectionFingerprint;

/**
 * A rehearsal of a polling place's day, end to end (docs/device.md, "Rehearsing a day"): keys and an
 * election package as the authority makes them, then for every device set-up, loading, the public
 * L&amp;A test a week before election day, readiness clearance, opening (zero report), ballots with a
 * few overvotes and write-ins, closing (results report) and the signed results package. Everything
 * is left in the output folder for people to look at. Seeded: the same seed gives the same day.
 */
public final class PollingPlaceSimulation {
    /** Keys made for a rehearsal are protected by this passphrase (written into keys/PASSPHRASE.txt): rehearsal only. */
    static final String PASSPHRASE = "rehearsal only - not for an election";
    /** The rehearsal's election official, whose PIN is in keys/OFFICIAL-PIN.txt: rehearsal only. */
    static final String OFFICIAL = "Rehearsal Official";
    static final String OFFICIAL_PIN = "rehearsal-pin";
    private static final String[] WRITE_INS = {"Mickey Mouse", "Jane Q. Public", "Ona Lee-Nguyen", "Zoë Østergaard"};

    /** What to rehearse. */
    public record Settings(int ballots, int devices, long seed, String softwareVersion) {
        public Settings {
            if (ballots < 0 || devices < 1 || devices > 50) {
                throw new IllegalArgumentException("a polling place has 1 to 50 devices and no negative number of ballots");
            }
        }
    }

    /** What happened: ballots cast, overvoted ballots returned to voters, L&amp;A outcomes, where the packages are. */
    public record Summary(long ballotsCast, long ballotsReturned, long writeIns, List<LatRecord> latRecords, List<Path> resultsPackages) {
        public Summary {
            latRecords = List.copyOf(latRecords);
            resultsPackages = List.copyOf(resultsPackages);
        }
    }

    private PollingPlaceSimulation() {}

    public static Summary run(Election election, Path out, Settings settings) throws IOException {
        Random random = new Random(settings.seed());
        Instant electionMorning = election.date().atTime(11, 0).toInstant(ZoneOffset.UTC);
        Clock latDay = Clock.fixed(electionMorning.minus(Duration.ofDays(7)), ZoneOffset.UTC);
        Clock electionDay = Clock.fixed(electionMorning, ZoneOffset.UTC);
        Files.createDirectories(out);
        try (OutputStream o = Files.newOutputStream(out.resolve("election.json"))) {
            ElectionFiles.writeBulwarkJson(election, o);
        }
        Path keys = out.resolve("keys");
        Path trust = out.resolve("trust");
        Path usb = out.resolve("usb");
        Files.createDirectories(trust);
        Files.createDirectories(usb);
        Files.createDirectories(keys);
        Files.writeString(keys.resolve("PASSPHRASE.txt"), PASSPHRASE + "\n");
        LoadedPrivateKey authority = key(keys, KeyRole.AUTHORITY, "authority", random);
        Files.copy(keys.resolve("authority.pub"), trust.resolve("authority.pub"));
        String fingerprint = ElectionFingerprint.of(election).sha256();
        Path staging = out.resolve("staging");
        Files.createDirectories(staging);
        Files.copy(out.resolve("election.json"), staging.resolve("election.json"));
        Files.write(staging.resolve(CertifiedSoftware.FILE), new CertifiedSoftware(List.of(SoftwareFingerprint.ofRunningDevice())).bytes());
        Files.write(staging.resolve(DeviceSettings.FILE), new DeviceSettings(DeviceSettings.ScannerOvervotes.ACCEPT).bytes());
        Files.writeString(keys.resolve("OFFICIAL-PIN.txt"), OFFICIAL_PIN + "\n");
        Files.write(staging.resolve(Officials.FILE), new Officials(List.of(Officials.official(OFFICIAL, Officials.Role.ELECTION_OFFICIAL,
                OFFICIAL_PIN.toCharArray(), Officials.MIN_ITERATIONS, random))).bytes());
        Packages.create(new Packages.Request(new PackageType.Election(), Optional.of(fingerprint), Mode.OFFICIAL, List.of(
                PackageFile.of(staging.resolve("election.json")), PackageFile.of(staging.resolve(CertifiedSoftware.FILE)),
                PackageFile.of(staging.resolve(DeviceSettings.FILE)), PackageFile.of(staging.resolve(Officials.FILE)))), authority,
                usb.resolve("election.zip"), latDay);

        TestDeck deck = TestDeck.of(election);
        deck.write(election, out.resolve("deck"));
        List<BallotStyle> styles = election.ballotStyles().stream().filter(s -> !s.gpUnits().isEmpty()).toList();
        List<LatRecord> lat = new ArrayList<>();
        List<Path> packages = new ArrayList<>();
        long cast = 0;
        long returned = 0;
        long writeIns = 0;
        for (int k = 0; k < settings.devices(); k++) {
            String serial = String.format("PP-%03d", k + 1);
            DeviceKind kind = k % 2 == 0 ? DeviceKind.SCANNER : DeviceKind.BALLOT_MARKING_DEVICE;
            LoadedPrivateKey deviceKey = key(keys, KeyRole.DEVICE, serial, random);
            Path card = out.resolve("devices").resolve(serial);
            PrecinctDevice d = PrecinctDevice.initialize(card, new PrecinctDevice.Setup("Bulwark " + (kind == DeviceKind.SCANNER
                    ? "PS-1 scanner" : "BM-1 ballot-marking device"), serial, kind, "authority", trust), settings.softwareVersion(),
                    latDay, new Random(random.nextLong()));
            d.loadElection(usb, "Election Clerk").orThrow();
            LatSession.Notice notice = new LatSession.Notice(latDay.instant().minus(Duration.ofDays(10)), List.of(
                    new LatSession.Observer("Dana Democrat", "Democratic"), new LatSession.Observer("Ray Republican", "Republican")));
            LatSession.Result r = LatSession.run(d, deck, LatRecord.Kind.PRE_ELECTION, notice,
                    Optional.of(new Credential(OFFICIAL, OFFICIAL_PIN.toCharArray())), out.resolve("lat").resolve(serial), latDay)
                    .orThrow();
            lat.add(r.record());
            Path staged = out.resolve("staging").resolve(serial);
            Files.createDirectories(staged);
            Files.write(staged.resolve(ReadinessClearance.FILE), new ReadinessClearance(serial, new Fingerprint("sha256:" + fingerprint), true, List.of(),
                    latDay.instant()).bytes());
            Packages.create(new Packages.Request(new PackageType.Custody(), Optional.of(fingerprint), Mode.OFFICIAL,
                    List.of(PackageFile.of(staged.resolve(ReadinessClearance.FILE)))), authority,
                    usb.resolve("readiness-" + serial + ".zip"), latDay);

            d = PrecinctDevice.open(card, settings.softwareVersion(), electionDay, new SecureRandom());
            d.openPolls(new PrecinctDevice.OpenPolls(List.of(String.format("S-%05d", 1000 + 2 * k), String.format("S-%05d", 1001 + 2 * k)),
                    "Ann Judge (D)", "Bob Judge (R)", Optional.of(usb), Optional.empty())).orThrow();
            int share = settings.ballots() / settings.devices() + (k < settings.ballots() % settings.devices() ? 1 : 0);
            for (int i = 0; i < share; i++) {
                Ballot b = randomBallot(election, styles.get(random.nextInt(styles.size())), random);
                Outcome<PrecinctDevice.Cast> o = d.cast(b);
                if (o instanceof Outcome.Refused<PrecinctDevice.Cast>) {
                    returned++;
                    o = d.cast(corrected(election, b));
                }
                PrecinctDevice.Cast c = o.orThrow();
                cast++;
                writeIns += c.cvr().contests().stream().flatMap(x -> x.marks().stream()).filter(m -> m.writeInName().isPresent()).count();
            }
            d.closePolls("Ann Judge (D)").orThrow();
            packages.add(d.exportResults(out.resolve("results"), deviceKey, "Ann Judge (D)").orThrow());
            copyAll(card.resolve(Card.PAPER), out.resolve("paper"), "");
            copyAll(card.resolve(Card.REPORTS), out.resolve("reports"), serial + "-");
            // The L&A test's own zero and results reports, set aside when the device went to official mode.
            try (Stream<Path> setAside = Files.list(card.resolve(Card.SET_ASIDE))) {
                for (Path p : setAside.sorted().toList()) {
                    copyAll(p.resolve(Card.REPORTS), out.resolve("reports"), serial + "-lat-");
                }
            }
        }
        return new Summary(cast, returned, writeIns, lat, packages);
    }

    private static LoadedPrivateKey key(Path dir, KeyRole role, String id, Random random) throws IOException {
        // Rehearsal keys: few PBKDF2 iterations, so a rehearsal of many devices starts quickly.
        Keys.generate(new Keys.Request(role, id, Optional.of("authority"), Validity.ALWAYS), dir, PASSPHRASE.toCharArray(),
                new SecureRandom(), 1_000);
        return Keys.loadPrivate(dir.resolve(id + Keys.PRIVATE_SUFFIX), PASSPHRASE.toCharArray());
    }

    /** A voter's ballot: most contests voted, some left short, a few write-ins and about one ballot in 40 overvoted. */
    public static Ballot randomBallot(Election election, BallotStyle style, Random random) {
        boolean overvote = random.nextInt(40) == 0;
        List<Ballot.ContestVote> votes = new ArrayList<>();
        for (var id : style.contests()) {
            Contest c = election.contests().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
            List<ContestSelection> shuffled = new ArrayList<>(c.selections());
            java.util.Collections.shuffle(shuffled, random);
            int ranks = BallotRules.ranks(c);
            int max = ranks > 0 ? Math.min(ranks, shuffled.size()) : Math.min(c.votesAllowed(), shuffled.size());
            int n = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(max);
            if (overvote && ranks == 0 && shuffled.size() > c.votesAllowed()) {
                n = c.votesAllowed() + 1;
                overvote = false;
            }
            List<Ballot.Pick> picks = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ContestSelection s = shuffled.get(i);
                Optional<String> name = s instanceof ContestSelection.WriteIn ? Optional.of(WRITE_INS[random.nextInt(WRITE_INS.length)])
                        : Optional.empty();
                picks.add(new Ballot.Pick(s.id(), ranks > 0 ? i + 1 : 0, name));
            }
            votes.add(new Ballot.ContestVote(id, picks));
        }
        return new Ballot(style.id(), style.gpUnits().get(random.nextInt(style.gpUnits().size())), votes);
    }

    /** The voter's correction of a returned ballot: extra picks taken off. */
    static Ballot corrected(Election election, Ballot b) {
        return new Ballot(b.style(), b.precinct(), b.contests().stream().map(v -> {
            int allowed = election.contests().stream().filter(c -> c.id().equals(v.contest())).findFirst().orElseThrow().votesAllowed();
            return v.picks().size() > allowed ? new Ballot.ContestVote(v.contest(), v.picks().subList(0, allowed)) : v;
        }).toList());
    }

    private static void copyAll(Path from, Path to, String prefix) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(from)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                String name = prefix + p.getFileName();
                Files.copy(p, to.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
