package org.bulwark.cli;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bulwark.custody.ApprovalStatus;
import org.bulwark.custody.Asset;
import org.bulwark.custody.AssetCsv;
import org.bulwark.custody.AssetKind;
import org.bulwark.custody.AssetStatus;
import org.bulwark.custody.AssetTag;
import org.bulwark.custody.AuthorityId;
import org.bulwark.custody.Component;
import org.bulwark.custody.CustodyAction;
import org.bulwark.custody.Incident;
import org.bulwark.custody.IncidentDraft;
import org.bulwark.custody.IncidentKind;
import org.bulwark.custody.Outcome;
import org.bulwark.custody.Person;
import org.bulwark.custody.RegistryEntry;
import org.bulwark.custody.SealStock;
import org.bulwark.custody.Transfer;
import org.bulwark.custody.TwoPeople;
import org.bulwark.device.Credential;
import org.bulwark.device.DeviceKind;
import org.bulwark.device.LatSession;
import org.bulwark.device.Officials;
import org.bulwark.device.PrecinctDevice;
import org.bulwark.device.SoftwareFingerprint;
import org.bulwark.device.TestDeck;
import org.bulwark.ledger.exchange.Fingerprint;
import org.bulwark.ledger.exchange.LatRecord;
import org.bulwark.ledger.pkg.Mode;
import org.bulwark.ledger.pkg.PackageFile;
import org.bulwark.ledger.pkg.Packages;
import org.bulwark.ledger.trust.PackageType;
import org.bulwark.model.BallotStyle;
import org.bulwark.model.Election;
import org.bulwark.model.ElectionFingerprint;
import org.bulwark.model.ElectionIndex;
import org.bulwark.model.GpUnit;
import org.bulwark.model.GpUnitId;
import org.bulwark.store.CustodyRecords;
import org.bulwark.store.EquipmentRecords;
import org.bulwark.store.Workspace;

/**
 * The demo's equipment before election day, recorded through the custody rules as people record it
 * by hand: the approved voting-system versions, seal stock, each authority's devices (a sample:
 * two scanners and a ballot-marking device each), the public L&A tests, seals applied after them,
 * delivery to the polling places on election eve and the seals checked on arrival. The first
 * authority's devices are real devices ({@link PrecinctDevice}) that run their L&A test
 * ({@link LatSession}); the other authorities' L&A records are written in the same format, as their
 * devices would have written them. A few things go wrong, as in life (see {@link Mishap}).
 */
final class DemoCustody {
    static final String SCANNER_MODEL = "Bulwark PS-1 scanner";
    static final String BMD_MODEL = "Bulwark BM-1 ballot-marking device";
    static final List<String> SEAL_POINTS = List.of("case", "memory-card-door");
    /** Devices per authority in the demo's inventory: scanners 1 and 2, then a ballot-marking device. */
    static final int DEVICES_PER_AUTHORITY = 3;
    private static final long SEALS_PER_AUTHORITY = 10_000;
    /** The election official on the first authority's list of officials, who puts a device that passed L&A into official mode. */
    static final String OFFICIAL = "Demo Election Official";
    /** Demo only: printed in docs/demo.md, like the keys' passphrase. */
    static final String OFFICIAL_PIN = "demo-pin-2028";
    /** The public who came to the L&A tests of the real devices; the first two are the test board. */
    private static final List<Person> OBSERVERS = List.of(new Person("Dana Democrat", "Democratic"), new Person("Ray Republican", "Republican"));

    /** What goes wrong, on purpose, so that the readiness matrix and the incidents have something to show. */
    enum Mishap {
        /** A scanner of the third authority fails its L&A test: a count differs. */
        LAT_FAILED(2, 1),
        /** A ballot-marking device of the fifth authority is sealed the day before its L&A test. */
        SEALED_BEFORE_LAT(4, 2),
        /** On arrival at the polling place a scanner of the seventh authority shows another seal number: an incident opens. */
        SEAL_MISMATCH(6, 0),
        /** Nobody checks the seals of a scanner of the ninth authority at its polling place. */
        NOT_VERIFIED(8, 1);

        final int authority;
        final int device;

        Mishap(int authority, int device) {
            this.authority = authority;
            this.device = device;
        }

        static Optional<Mishap> of(int authority, int device) {
            for (Mishap m : values()) {
                if (m.authority == authority && m.device == device) {
                    return Optional.of(m);
                }
            }
            return Optional.empty();
        }
    }

    /** What was recorded. */
    record Summary(int devices, int realLatTests, long actions, long refused, List<Incident> incidents, int notReady) {}

    /** One device of the sample, with where it goes on election day. */
    private record Device(Asset asset, int authority, int number, String precinct, Optional<Mishap> mishap) {
        DeviceKind kind() {
            return number == DEVICES_PER_AUTHORITY - 1 ? DeviceKind.BALLOT_MARKING_DEVICE : DeviceKind.SCANNER;
        }
    }

    private final Workspace ws;
    private final CustodyRecords custody;
    private final Election election;
    private final Path dir;
    private final DemoTrust trust;
    private final Fingerprint electionFingerprint;
    private final Fingerprint software = new Fingerprint(SoftwareFingerprint.ofRunningDevice());
    private final Instant latDay;
    private long actions;
    private long refused;

    private DemoCustody(Workspace ws, Election election, Path dir, DemoTrust trust) {
        this.ws = ws;
        this.custody = ws.custody();
        this.election = election;
        this.dir = dir;
        this.trust = trust;
        this.electionFingerprint = new Fingerprint("sha256:" + ElectionFingerprint.of(election).sha256());
        // Missouri tests its equipment in public in the weeks before; two weeks before election day here.
        this.latDay = election.date().minusDays(14).atTime(14, 0).toInstant(ZoneOffset.UTC);
    }

    /** Records everything; {@code step} hears each device done. */
    static Summary record(Workspace ws, Election election, Path dir, DemoTrust trust, Runnable step) throws IOException {
        return new DemoCustody(ws, election, dir, trust).run(step);
    }

    private Summary run(Runnable step) throws IOException {
        Files.createDirectories(dir);
        List<GpUnit> authorities = election.gpUnits().stream().filter(GpUnit::authority).toList();
        List<CustodyAction> setup = new ArrayList<>();
        for (String model : List.of(SCANNER_MODEL, BMD_MODEL)) {
            setup.add(new CustodyAction.RecordRegistryEntry(new RegistryEntry(model, SoftwareVersion.get(), "The Bulwark project", "DEMO-"
                    + (model.equals(SCANNER_MODEL) ? "PS-1" : "BM-1"), election.date().minusMonths(6), "demonstration only", ApprovalStatus.APPROVED,
                    List.of(new Component("Bulwark device software", Component.Kind.SOFTWARE, software)), SEAL_POINTS)));
        }
        for (int a = 0; a < authorities.size(); a++) {
            setup.add(new CustodyAction.IssueSeals(new SealStock(authority(authorities.get(a)), firstSeal(a), firstSeal(a) + SEALS_PER_AUTHORITY - 1)));
        }
        record(setup);

        List<Device> devices = inventory(authorities);
        Map<String, LatSession.Result> real = new HashMap<>();
        List<CustodyAction> day = new ArrayList<>();
        for (Device d : devices) {
            Path lat;
            if (d.authority() == 0) {
                LatSession.Result r = realLat(d, authorities.getFirst());
                real.put(d.asset().serial(), r);
                lat = r.recordFile();
            } else {
                lat = writtenLat(d);
            }
            try {
                day.add(ReadinessCommand.Lat.action(lat, latDay));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
            day.addAll(sealsAndDelivery(d));
            step.run();
        }
        record(day);
        attachCertificates(authorities.getFirst(), real);
        String authorityName = authorities.get(1).name();
        Outcome reported = custody.record(new CustodyAction.OpenIncident(new IncidentDraft(IncidentKind.REPORTED, authority(authorities.get(1)),
                Optional.of(devices.get(DEVICES_PER_AUTHORITY).asset().tag()), "A poll worker reports the case seal of this scanner scuffed, "
                        + "number still readable, on arrival at " + devices.get(DEVICES_PER_AUTHORITY).precinct())));
        count(reported);
        long id = reported.opened().getFirst().id();
        record(List.of(new CustodyAction.AssignIncident(id, "Deputy Clerk of " + authorityName),
                new CustodyAction.ResolveIncident(id, "Deputy Clerk of " + authorityName, "Seal inspected with both judges: intact, number matches "
                        + "the record; scuffed in transport. No access to the device.")));
        int notReady = custody.readinessMatrix(Optional.empty(), Optional.of(electionFingerprint)).failing().size();
        return new Summary(devices.size(), real.size(), actions, refused, custody.incidents(Optional.empty(), false), notReady);
    }

    /** The sample of devices: written as an inventory CSV and imported as {@code bulwark asset import} does. */
    private List<Device> inventory(List<GpUnit> authorities) throws IOException {
        ElectionIndex index = ElectionIndex.of(election);
        List<Device> devices = new ArrayList<>();
        for (int a = 0; a < authorities.size(); a++) {
            GpUnit authority = authorities.get(a);
            List<GpUnitId> precincts = authority.composingUnits();
            for (int n = 0; n < DEVICES_PER_AUTHORITY; n++) {
                boolean bmd = n == DEVICES_PER_AUTHORITY - 1;
                String serial = String.format("%s-%03d-%d", bmd ? "BM" : "PS", a + 1, n + 1);
                Asset asset = new Asset(new AssetTag(authority.id().value() + "-dev-" + (n + 1)), serial, AssetKind.VOTING_DEVICE,
                        bmd ? BMD_MODEL : SCANNER_MODEL, Optional.of(SoftwareVersion.get()), authority(authority), warehouse(authority),
                        clerk(authority), AssetStatus.IN_SERVICE);
                GpUnitId precinct = precincts.get(Math.min(n, precincts.size() - 1));
                devices.add(new Device(asset, a, n, index.gpUnit(precinct).map(GpUnit::name).orElse(precinct.value()), Mishap.of(a, n)));
            }
        }
        StringWriter csv = new StringWriter();
        AssetCsv.write(devices.stream().map(Device::asset).toList(), csv);
        Path file = dir.resolve("inventory.csv");
        Files.writeString(file, csv.toString(), StandardCharsets.UTF_8);
        byte[] bytes = Files.readAllBytes(file);
        CustodyRecords.AssetImport imported = custody.importAssets(AssetCsv.read(bytes, file.toString()), file.toString(), sha256(bytes), false);
        if (imported.refused()) {
            throw new IllegalStateException("the demo's own inventory was refused: " + imported.problems());
        }
        return devices;
    }

    /**
     * A real device: set up, the election package loaded from its USB drive, the public L&A test run
     * with the test deck of its authority's ballot styles.
     */
    private LatSession.Result realLat(Device d, GpUnit authority) throws IOException {
        Clock clock = Clock.fixed(latDay, ZoneOffset.UTC);
        Path usb = electionPackage(authority.id().value(), clock);
        String serial = d.asset().serial();
        PrecinctDevice device = PrecinctDevice.initialize(dir.resolve("devices").resolve(serial), new PrecinctDevice.Setup(d.asset().model(),
                serial, d.kind(), d.asset().authority().value(), usb.resolveSibling("trust")), SoftwareVersion.get(), clock, new SecureRandom());
        device.loadElection(usb, clerk(authority)).orThrow();
        LatSession.Notice notice = new LatSession.Notice(latDay.minus(Duration.ofDays(7)),
                OBSERVERS.stream().map(o -> new LatSession.Observer(o.name(), o.party())).toList());
        Path out = dir.resolve("lat").resolve(serial);
        // A passed test puts the device in official mode: an election official of the package's list gives their PIN.
        return LatSession.run(device, deck(authority), LatRecord.Kind.PRE_ELECTION, notice,
                Optional.of(new Credential(OFFICIAL, OFFICIAL_PIN.toCharArray())), out, clock).orThrow();
    }

    /** The certificates the real devices printed, attached to their L&A records with the observers and warnings, as the portal attaches them. */
    private void attachCertificates(GpUnit authority, Map<String, LatSession.Result> tests) throws IOException {
        for (EquipmentRecords.LatEntry entry : ws.equipmentRecords().latRecords(Set.of(authority.id().value()))) {
            LatSession.Result r = tests.get(entry.record().deviceSerial());
            if (r == null) {
                continue;
            }
            if (ws.equipmentRecords().attachCertificate(entry.id(), OBSERVERS, r.warnings(), Files.readAllBytes(r.certificate()), clerk(authority))
                    instanceof EquipmentRecords.Attachment.Refused refusal) {
                throw new IllegalStateException("the certificate of " + entry.device() + " was refused: " + refusal.reason());
            }
        }
    }

    /**
     * The test deck of the ballot styles of the authority's precincts, every style its devices can be
     * given, for the statewide election (the statewide deck, every style of 116 authorities, would take
     * each device hours to cast): made as {@link TestDeck#of} makes it, from the definition with only
     * those styles.
     */
    private TestDeck deck(GpUnit authority) {
        ElectionIndex index = ElectionIndex.of(election);
        Set<GpUnitId> units = new HashSet<>();
        List<GpUnitId> todo = new ArrayList<>(authority.composingUnits());
        while (!todo.isEmpty()) {
            GpUnitId u = todo.removeLast();
            if (units.add(u)) {
                index.gpUnit(u).ifPresent(unit -> todo.addAll(unit.composingUnits()));
            }
        }
        List<BallotStyle> styles = election.ballotStyles().stream().filter(s -> s.gpUnits().stream().anyMatch(units::contains)).toList();
        Election local = new Election(election.id(), election.title(), election.date(), election.type(), election.state(), election.scope(),
                election.gpUnits(), election.parties(), election.candidates(), election.contests(), styles, election.countingGroups());
        return new TestDeck(electionFingerprint.hex(), TestDeck.of(local).ballots());
    }

    /**
     * The authority's signed election package on a USB drive, with the device software certified for
     * it and its list of election officials; made once per authority.
     */
    private Path electionPackage(String authority, Clock clock) throws IOException {
        Path root = dir.resolve("usb-" + authority);
        Path usb = root.resolve("usb");
        if (Files.isDirectory(usb)) {
            return usb;
        }
        Path staging = Files.createDirectories(root.resolve("staging"));
        Path trustFolder = Files.createDirectories(root.resolve("trust"));
        Files.copy(trust.publicKeyFile(authority), trustFolder.resolve(authority + ".pub"));
        Path electionFile = staging.resolve("election.json");
        try (var out = Files.newOutputStream(electionFile)) {
            org.bulwark.formats.election.ElectionFiles.writeBulwarkJson(election, out);
        }
        Path certified = staging.resolve(org.bulwark.device.CertifiedSoftware.fileName());
        Files.write(certified, new org.bulwark.device.CertifiedSoftware(List.of(software.value())).bytes());
        Path officials = staging.resolve(Officials.fileName());
        Files.write(officials, new Officials(List.of(Officials.official(OFFICIAL, Officials.Role.ELECTION_OFFICIAL, OFFICIAL_PIN.toCharArray(),
                Officials.MIN_ITERATIONS, new SecureRandom()))).bytes());
        Files.createDirectories(usb);
        Packages.create(new Packages.Request(new PackageType.Election(), Optional.of(electionFingerprint.hex()), Mode.OFFICIAL,
                List.of(PackageFile.of(electionFile), PackageFile.of(certified), PackageFile.of(officials))), trust.privateKey(authority),
                usb.resolve("election.zip"), clock);
        return usb;
    }

    /** The L&A record another authority's device wrote, in the device's format: passed, or with a count that differs. */
    private Path writtenLat(Device d) throws IOException {
        boolean failed = d.mishap().equals(Optional.of(Mishap.LAT_FAILED));
        LatRecord record = new LatRecord(LatRecord.Kind.PRE_ELECTION, d.asset().serial(), d.asset().model(), software, electionFingerprint,
                LocalDate.ofInstant(latDay, ZoneOffset.UTC), !failed, failed ? List.of(new LatRecord.Mismatch(election.contests().getFirst().name(),
                        "the second candidate", 12, 11)) : List.of());
        Path file = Files.createDirectories(dir.resolve("lat").resolve(d.asset().serial())).resolve("lat-record.json");
        Files.write(file, record.bytes());
        return file;
    }

    /** Seals after the L&A test, delivery on election eve, the seals checked at the polling place before the polls open. */
    private List<CustodyAction> sealsAndDelivery(Device d) {
        Asset a = d.asset();
        String authority = a.authority().value();
        TwoPeople clerks = pair("Clerk's staff of " + authority);
        TwoPeople judges = pair("Judge of " + d.precinct());
        Instant sealed = d.mishap().equals(Optional.of(Mishap.SEALED_BEFORE_LAT)) ? latDay.minus(Duration.ofDays(1)) : latDay.plus(Duration.ofHours(2));
        Instant eve = election.date().minusDays(1).atTime(17, 0).toInstant(ZoneOffset.UTC);
        Instant morning = election.date().atTime(11, 0).toInstant(ZoneOffset.UTC);
        long first = firstSeal(d.authority()) + 10L * d.number();
        List<CustodyAction> list = new ArrayList<>();
        for (int p = 0; p < SEAL_POINTS.size(); p++) {
            list.add(new CustodyAction.ApplySeal(a.tag(), SEAL_POINTS.get(p), first + p, clerks, sealed));
        }
        list.add(new CustodyAction.TransferCustody(new Transfer(List.of(a.tag()), a.custodian(), a.location(), "Judges of " + d.precinct(),
                d.precinct() + " polling place", "delivery for election day", List.of(), "good", Optional.empty(), clerks), eve));
        if (!d.mishap().equals(Optional.of(Mishap.NOT_VERIFIED))) {
            for (int p = 0; p < SEAL_POINTS.size(); p++) {
                long observed = first + p + (d.mishap().equals(Optional.of(Mishap.SEAL_MISMATCH)) && p == 0 ? 7 : 0);
                list.add(new CustodyAction.VerifySeal(a.tag(), SEAL_POINTS.get(p), observed, true, d.precinct() + " polling place", true, judges,
                        morning));
            }
        }
        return list;
    }

    private void record(List<CustodyAction> list) {
        custody.recordAll(list).forEach(this::count);
    }

    private void count(Outcome o) {
        actions++;
        refused += o instanceof Outcome.Refused ? 1 : 0;
    }

    private static long firstSeal(int authority) {
        return 100_000L + authority * SEALS_PER_AUTHORITY;
    }

    private static TwoPeople pair(String who) {
        return new TwoPeople(new Person("D. " + who, "Democratic"), new Person("R. " + who, "Republican"));
    }

    private static AuthorityId authority(GpUnit a) {
        return new AuthorityId(a.id().value());
    }

    private static String warehouse(GpUnit a) {
        return "Warehouse of " + a.name();
    }

    private static String clerk(GpUnit a) {
        return "Clerk of " + a.name();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
