package org.bulwark.device;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.bulwark.device.DeviceState.Phase;
import org.bulwark.formats.election.ElectionFiles;
import org.bulwark.formats.election.LoadedElection;
import org.bulwark.formats.results.ResultsExport;
import org.bulwark.formats.results.ResultsFormat;
import org.bulwark.formats.results.ResultsHeader;
import org.bulwark.formats.results.ResultsStatus;
import org.bulwark.ledger.keys.KeyRole;
import org.bulwark.ledger.keys.Keys;
import org.bulwark.ledger.keys.LoadedPrivateKey;
import org.bulwark.ledger.pkg.CvrMerkle;
import org.bulwark.ledger.pkg.Mode;
import org.bulwark.ledger.pkg.PackageFile;
import org.bulwark.ledger.pkg.Packages;
import org.bulwark.ledger.trust.PackageType;
import org.bulwark.ledger.trust.TrustFolder;
import org.bulwark.ledger.trust.TrustRegistry;
import org.bulwark.model.BadInputException;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.ContestId;
import org.bulwark.model.Election;
import org.bulwark.model.ElectionFingerprint;
import org.bulwark.model.ElectionIndex;
import org.bulwark.model.ValidationIssue;
import org.bulwark.model.events.Actor;
import org.bulwark.model.events.DeviceId;
import org.bulwark.model.events.Disposition;
import org.bulwark.model.events.EventHeader;
import org.bulwark.model.events.Jurisdiction;
import org.bulwark.model.events.LogEvent;
import org.bulwark.model.events.Sha256;
import org.bulwark.model.results.ElectionResults;
import org.bulwark.report.ResultsReport;
import org.bulwark.report.ResultsReportInfo;
import org.bulwark.tally.rcv.RankTable;

/**
 * A precinct scanner or ballot-marking device, its state kept on its memory card (a folder): the one
 * public entry point of the device capability (docs/device.md). Each method is one step a person
 * takes at the polling place; it checks the state it starts from (the table in {@link Transition}),
 * logs what happened on the card's hash-chained log, and returns {@link Outcome.Refused} with what
 * the device is doing and what is allowed when the step does not fit.
 *
 * <p>A device is used by one thread at a time, as the one machine it stands for.
 */
public final class PrecinctDevice {
    private static final int BALLOT_ID_BYTES = 12;
    /** The ranked-choice tables in the results package, when the election has ranked-choice contests. */
    static final String RANKED_CHOICES = "ranked-choices.json";

    private final Card card;
    private final DeviceIdentity identity;
    private final String jurisdiction;
    private final Clock clock;
    private final RandomGenerator random;
    private final Tabulation tabulation;
    private final EventJournal journal;
    final FaultPoint faults;
    private DeviceState state;
    private Optional<OnCard> election;
    private long ballotsCast;

    /** The election as loaded onto the card. */
    record OnCard(Election election, ElectionIndex index, String fingerprint, DeviceSettings settings, Officials officials) {}

    /** How to set up a new device: its identity and the public keys it trusts (state, authority). */
    public record Setup(String model, String serial, DeviceKind kind, String jurisdiction, Path trustFolder) {}

    private PrecinctDevice(Card card, DeviceIdentity identity, String jurisdiction, Clock clock, RandomGenerator random,
            Tabulation tabulation, FaultPoint faults) throws IOException {
        this.card = card;
        this.identity = identity;
        this.jurisdiction = jurisdiction;
        this.clock = clock;
        this.random = random;
        this.tabulation = tabulation;
        this.faults = faults;
        this.journal = EventJournal.open(card.file(Card.EVENTS));
        this.state = new DeviceState.Unconfigured();
        for (LogEvent e : journal.events()) {
            replay(e);
        }
        this.election = state instanceof DeviceState.Unconfigured ? Optional.empty() : Optional.of(readElection());
        recoverPendingBallot();
    }

    /**
     * Sets up a new memory card: identity.json and the trusted public keys. Refuses a folder that
     * already holds a card.
     */
    public static PrecinctDevice initialize(Path folder, Setup setup, String softwareVersion, Clock clock,
            RandomGenerator random) throws IOException {
        Card card = new Card(folder);
        if (Files.exists(card.file(Card.IDENTITY))) {
            throw new BadInputException(folder.toString(), Card.IDENTITY, "this folder already holds a device's memory card");
        }
        TrustRegistry trust = TrustFolder.read(setup.trustFolder());
        if (trust.entries().isEmpty()) {
            throw new BadInputException(setup.trustFolder().toString(), "folder", "holds no public keys");
        }
        try (Stream<Path> pubs = Files.list(setup.trustFolder())) {
            for (Path p : pubs.filter(p -> p.getFileName().toString().endsWith(Keys.PUBLIC_SUFFIX)).toList()) {
                Card.write(card.file(Card.TRUST).resolve(p.getFileName().toString()), Files.readAllBytes(p));
            }
        }
        DeviceIdentity identity = new DeviceIdentity(setup.model(), setup.serial(), setup.kind(), softwareVersion,
                SoftwareFingerprint.ofRunningDevice());
        Card.write(card.file(Card.IDENTITY), SmallJson.write(g -> {
            g.writeStringField("format", "bulwark-device");
            g.writeNumberField("version", 1);
            g.writeStringField("model", setup.model());
            g.writeStringField("serial", setup.serial());
            g.writeStringField("kind", setup.kind().word());
            g.writeStringField("jurisdiction", setup.jurisdiction());
        }));
        return open(folder, softwareVersion, clock, random);
    }

    /** Starts the device on its card: computes its software fingerprint, replays and checks its log. */
    public static PrecinctDevice open(Path folder, String softwareVersion, Clock clock, RandomGenerator random)
            throws IOException {
        return open(folder, softwareVersion, clock, random, Tabulation.STANDARD, FaultPoint.NONE);
    }

    static PrecinctDevice open(Path folder, String softwareVersion, Clock clock, RandomGenerator random,
            Tabulation tabulation, FaultPoint faults) throws IOException {
        Card card = new Card(folder);
        Path file = card.file(Card.IDENTITY);
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(folder.toString(), Card.IDENTITY, "this folder is not a device's memory card (no "
                    + Card.IDENTITY + "): set it up with 'bulwark device init'");
        }
        SmallJson.Obj o = SmallJson.read(Files.readAllBytes(file), file.toString()).expect("bulwark-device", 1);
        DeviceKind kind = DeviceKind.parse(o.text("kind"))
                .orElseThrow(() -> o.problem("kind", "must be scanner or bmd"));
        DeviceIdentity identity;
        try {
            identity = new DeviceIdentity(o.text("model"), o.text("serial"), kind, softwareVersion,
                    SoftwareFingerprint.ofRunningDevice());
        } catch (IllegalArgumentException e) {
            throw o.problem("serial", e.getMessage());
        }
        return new PrecinctDevice(card, identity, o.text("jurisdiction"), clock, random, tabulation, faults);
    }

    public DeviceIdentity identity() {
        return identity;
    }

    public DeviceState state() {
        return state;
    }

    public Path card() {
        return card.root();
    }

    /** The loaded election, if any. */
    public Optional<Election> election() {
        return election.map(OnCard::election);
    }

    /** The loaded election's fingerprint (64 hex digits), if any. */
    public Optional<String> electionFingerprint() {
        return election.map(OnCard::fingerprint);
    }

    DeviceSettings settings() {
        return election.orElseThrow().settings();
    }

    /** Ballots cast since the counters were last zeroed. */
    public long ballotsCast() {
        return ballotsCast;
    }

    /** The log's hash chain head (hex): reports print it, so the log can be matched to them. */
    public String logHead() {
        return journal.head();
    }

    /** Every event on the card, in order. */
    public List<LogEvent> events() {
        return journal.events();
    }

    // ---------------------------------------------------------------- load election

    /**
     * Loads the election package found on the USB drive (VVSG 1.1 5.1.1; DESIGN "verify before use"):
     * signature and signer role (state or authority, from the card's trusted keys), every file's hash,
     * the election fingerprint in the signed manifest against the definition, and this device's
     * software fingerprint among the certified ones. On any failure nothing is loaded and the refusal
     * is logged with the check that failed.
     */
    public Outcome<String> loadElection(Path usb, String actor) throws IOException {
        return step(Transition.LOAD_ELECTION, actor, () -> {
            List<Path> candidates = new ArrayList<>();
            for (Path zip : UsbDrive.zips(usb)) {
                if (UsbDrive.type(zip).filter(t -> t instanceof PackageType.Election).isPresent()) {
                    candidates.add(zip);
                }
            }
            if (candidates.size() != 1) {
                return refuseElection(usb.toString(), candidates.isEmpty() ? "there is no election package on the USB drive"
                        : "there are " + candidates.size() + " election packages on the USB drive: leave exactly one");
            }
            Path pkg = candidates.get(0);
            String name = pkg.getFileName().toString();
            UsbDrive.Verified v = UsbDrive.verify(pkg, trust(), Optional.empty(), Map.of(Card.ELECTION_FILE, 64 << 20,
                    CertifiedSoftware.FILE, SmallJson.MAX_BYTES, DeviceSettings.FILE, SmallJson.MAX_BYTES, Officials.FILE, SmallJson.MAX_BYTES));
            if (v.failure().isPresent()) {
                return refuseElection(name, v.failure().get());
            }
            var valid = v.valid().orElseThrow();
            byte[] definition;
            CertifiedSoftware certified;
            DeviceSettings settings;
            Officials officials;
            LoadedElection loaded;
            try {
                definition = v.required(name, Card.ELECTION_FILE);
                certified = CertifiedSoftware.read(v.required(name, CertifiedSoftware.FILE), name + "!" + CertifiedSoftware.FILE);
                settings = v.files().containsKey(DeviceSettings.FILE)
                        ? DeviceSettings.read(v.files().get(DeviceSettings.FILE), name + "!" + DeviceSettings.FILE)
                        : DeviceSettings.DEFAULT;
                // Without the list, no one could be checked as an election official (reset, change of mode).
                officials = Officials.read(v.required(name, Officials.FILE), name + "!" + Officials.FILE);
                loaded = ElectionFiles.read(definition, name + "!" + Card.ELECTION_FILE);
            } catch (BadInputException e) {
                return refuseElection(name, e.getMessage());
            }
            if (loaded.hasErrors()) {
                ValidationIssue first = loaded.errors().get(0);
                return refuseElection(name, "the election definition has " + loaded.errors().size() + " errors; first: "
                        + first.path() + ": " + first.message());
            }
            String fingerprint = ElectionFingerprint.of(loaded.election()).sha256();
            if (!valid.manifest().election().equals(Optional.of(fingerprint))) {
                return refuseElection(name, "the signed manifest names election " + valid.manifest().election()
                        .map(e -> e.substring(0, 7)).orElse("(none)") + " but the definition's fingerprint is " + fingerprint.substring(0, 7));
            }
            if (!certified.fingerprints().contains(identity.softwareFingerprint())) {
                return refuseElection(name, "this device's software " + identity.shortFingerprint()
                        + " is not certified for this election (the package certifies " + certified.fingerprints().size()
                        + " fingerprints): install certified software");
            }
            Card.write(card.election(Card.ELECTION_FILE), definition);
            Card.write(card.election(CertifiedSoftware.FILE), certified.bytes());
            Card.write(card.election(DeviceSettings.FILE), settings.bytes());
            Card.write(card.election(Officials.FILE), officials.bytes());
            log(new LogEvent.DeviceElectionLoaded(header(actor, Disposition.SUCCESS), new Sha256(fingerprint),
                    valid.id().shortForm(), valid.signer().key().id(), new Sha256(identity.softwareFingerprint().substring(7))));
            election = Optional.of(new OnCard(loaded.election(), ElectionIndex.of(loaded.election()), fingerprint, settings, officials));
            return next(new DeviceState.Configured(Mode.TEST), fingerprint, List.of());
        });
    }

    private <T> Step<T> refuseElection(String packageName, String reason) throws IOException {
        log(new LogEvent.DeviceElectionRefused(header("device", Disposition.FAILURE), packageName, clip(reason)));
        return new Step<>(Optional.empty(), Optional.empty(), List.of(), Optional.of(reason));
    }

    // ---------------------------------------------------------------- open polls

    /** An election official's decision to open the polls without a readiness clearance, and why. */
    public record Override(Credential official, String reason) {}

    /**
     * What the poll workers give when they open the polls: the seal numbers they checked, their two
     * names, and the USB drive with the readiness clearance (official mode), or an official's override.
     */
    public record OpenPolls(List<String> seals, String pollWorker1, String pollWorker2, Optional<Path> usb,
            Optional<Override> override) {
        public OpenPolls {
            seals = List.copyOf(seals);
        }
    }

    /**
     * Opens the polls (RSMo 115.233 zero tape; 15 CSR 30-10.140): refused unless every counter is
     * zero, two different poll workers are named and seals are recorded, and in official mode unless
     * a readiness clearance for this device and election is on the USB drive (or an official
     * overrides it, logged). Returns the zero report written on the card.
     */
    public Outcome<Path> openPolls(OpenPolls request) throws IOException {
        return step(Transition.OPEN_POLLS, request.pollWorker1(), () -> {
            OnCard e = election.orElseThrow();
            List<String> problems = new ArrayList<>();
            if (request.seals().isEmpty() || request.seals().stream().anyMatch(String::isBlank)) {
                problems.add("enter the number of every seal checked");
            }
            if (request.pollWorker1().isBlank() || request.pollWorker2().isBlank()
                    || request.pollWorker1().strip().equalsIgnoreCase(request.pollWorker2().strip())) {
                problems.add("two different poll workers must be named");
            }
            if (ballotsCast != 0 || !card.list(Card.CVRS).isEmpty() || !card.list(Card.PENDING).isEmpty()) {
                problems.add("the counters are not zero (" + card.ballotIds().size() + " ballots on the card): zero the device first");
            }
            ElectionResults zero = tabulation.count(e.index(), List.of());
            if (zero.ballots().total().counted() != 0) {
                problems.add("the device's tally is not zero");
            }
            Mode mode = state.loadedMode().orElseThrow();
            if (problems.isEmpty() && mode == Mode.OFFICIAL) {
                Optional<String> notReady = request.usb().isEmpty() ? Optional.of("no USB drive with a readiness clearance was given")
                        : Readiness.check(request.usb().get(), trust(), identity.serial(), e.fingerprint());
                if (notReady.isPresent() && request.override().isEmpty()) {
                    problems.add(notReady.get() + "; an election official may override with a reason");
                }
                if (notReady.isPresent() && request.override().isPresent()) {
                    Override o = request.override().get();
                    Optional<String> notOfficial = e.officials().refusal(o.official());
                    if (o.reason().isBlank()) {
                        problems.add("an override needs a reason");
                    } else if (notOfficial.isPresent()) {
                        problems.add("only an election official may override: " + notOfficial.get());
                    } else {
                        log(new LogEvent.DeviceOfficialOverride(header(o.official().name(), Disposition.SUCCESS), "readiness",
                                clip(o.reason().strip() + " (" + notReady.get() + ")")));
                    }
                }
            }
            if (!problems.isEmpty()) {
                return Step.refuse(String.join("; ", problems));
            }
            Path report = card.report(mode.word() + "-zero-report.pdf");
            Card.write(report, DeviceReports.zeroReport(e.index(), zero, identity, e.fingerprint(), mode, request, clock));
            return next(new DeviceState.PollsOpen(mode), report, List.of());
        });
    }

    public Outcome<DeviceState> pausePolls(String actor) throws IOException {
        return step(Transition.PAUSE_POLLS, actor, () -> to(new DeviceState.PollsPaused(state.loadedMode().orElseThrow())));
    }

    public Outcome<DeviceState> resumePolls(String actor) throws IOException {
        return step(Transition.RESUME_POLLS, actor, () -> to(new DeviceState.PollsOpen(state.loadedMode().orElseThrow())));
    }

    // ---------------------------------------------------------------- cast

    /** A ballot taken: its random id, where its paper record is, and warnings for the voter. */
    public record Cast(String ballotId, Path paperRecord, CastVoteRecord cvr) {}

    /**
     * Casts a ballot. Every cast ballot produces, all three or none: the paper record (PDF with QR
     * code), the CVR, and a log event with no selections. Overvotes are refused on a ballot-marking
     * device and handled as the election's settings say on a scanner; undervotes are warned about.
     */
    public Outcome<Cast> cast(Ballot ballot) throws IOException {
        if (!(state instanceof DeviceState.PollsOpen open)) {
            String reason = "Cannot cast a ballot: the polls are not open; the device is in state '" + state.words() + "'";
            if (state.loadedMode().isPresent()) {
                log(new LogEvent.DeviceBallotRefused(header("voter", Disposition.FAILURE), state.loadedMode().get().word(), "polls not open"));
            }
            return new Outcome.Refused<>(reason);
        }
        OnCard e = election.orElseThrow();
        BallotRules rules = new BallotRules(e.index());
        List<ValidationIssue> problems = rules.problems(ballot);
        if (!problems.isEmpty()) {
            log(new LogEvent.DeviceBallotRefused(header("voter", Disposition.FAILURE), open.mode().word(), "ballot does not fit the election"));
            return new Outcome.Refused<>("The ballot does not fit the election: " + problems.stream()
                    .map(i -> i.path() + ": " + i.message()).reduce((a, b) -> a + "; " + b).orElseThrow());
        }
        List<ContestId> over = rules.overvoted(ballot);
        List<String> warnings = new ArrayList<>();
        if (!over.isEmpty()) {
            boolean accept = identity.kind() == DeviceKind.SCANNER
                    && e.settings().scannerOvervotes() == DeviceSettings.ScannerOvervotes.ACCEPT;
            if (!accept) {
                log(new LogEvent.DeviceBallotRefused(header("voter", Disposition.FAILURE), open.mode().word(), "overvote"));
                return new Outcome.Refused<>("Overvote: more selections than allowed in " + names(e, over)
                        + (identity.kind() == DeviceKind.SCANNER ? ": the ballot is returned to the voter to be corrected"
                                : ": remove selections before casting"));
            }
            warnings.add("Overvote in " + names(e, over) + ": no vote counts in " + (over.size() == 1 ? "that contest" : "those contests"));
        }
        List<ContestId> under = rules.undervoted(ballot);
        if (!under.isEmpty()) {
            warnings.add("Fewer selections than allowed in " + names(e, under));
        }
        String ballotId = newBallotId();
        CastVoteRecord cvr = rules.cvr(ballot, ballotId, identity.serial());
        PaperRecord record = new PaperRecord(e.fingerprint(), open.mode(), identity.serial(), ballotId, ballot.style(),
                ballot.precinct(), rules.positions(ballot));
        byte[] pdf = PaperRecordPdf.write(e.index(), cvr, record, identity.model());
        commitBallot(ballotId, pdf, record.encode().getBytes(StandardCharsets.US_ASCII), open.mode());
        return new Outcome.Done<>(new Cast(ballotId, card.paper(ballotId), cvr), warnings);
    }

    /**
     * Write-ahead: paper record and CVR to pending/, then the log event (the commit point), then both
     * moved into place. A crash before the event leaves pending files that are discarded at the next
     * start; after it, they are moved into place then ({@link #recoverPendingBallot}).
     */
    private void commitBallot(String ballotId, byte[] pdf, byte[] cvr, Mode mode) throws IOException {
        Path pendingPaper = card.pending(ballotId + Card.PAPER_SUFFIX);
        Path pendingCvr = card.pending(ballotId + Card.CVR_SUFFIX);
        Card.write(pendingPaper, pdf);
        faults.reach("paper-written");
        Card.write(pendingCvr, cvr);
        faults.reach("cvr-written");
        journal.append(new LogEvent.DeviceBallotCast(header("voter", Disposition.SUCCESS), mode.word(), ballotsCast + 1));
        ballotsCast++;
        faults.reach("logged");
        settle(pendingPaper, card.paper(ballotId));
        faults.reach("paper-moved");
        settle(pendingCvr, card.cvr(ballotId));
    }

    private static void settle(Path pending, Path target) throws IOException {
        Files.setLastModifiedTime(pending, Card.NO_TIME);
        Card.move(pending, target);
    }

    private void recoverPendingBallot() throws IOException {
        List<Path> pending = card.list(Card.PENDING);
        if (pending.isEmpty()) {
            return;
        }
        // The log is the commit point: a ballot whose event is logged counts more than the files in place.
        boolean committed = ballotsCast > card.ballotIds().size();
        for (Path p : pending) {
            String n = p.getFileName().toString();
            if (committed && n.endsWith(Card.CVR_SUFFIX)) {
                settle(p, card.cvr(n.substring(0, n.length() - Card.CVR_SUFFIX.length())));
            } else if (committed && n.endsWith(Card.PAPER_SUFFIX)) {
                settle(p, card.paper(n.substring(0, n.length() - Card.PAPER_SUFFIX.length())));
            } else {
                Files.delete(p);
            }
        }
    }

    private String newBallotId() {
        byte[] b = new byte[BALLOT_ID_BYTES];
        String id;
        do {
            random.nextBytes(b);
            id = HexFormat.of().formatHex(b);
        } while (Files.exists(card.cvr(id)));
        return id;
    }

    private static String names(OnCard e, List<ContestId> contests) {
        return contests.stream().map(c -> e.index().contest(c).map(x -> x.name()).orElse(c.value())).reduce((a, b) -> a + ", " + b)
                .orElse("");
    }

    // ---------------------------------------------------------------- close and export

    /** The CVRs on the card, in ballot id order (unrelated to the order of casting). */
    public List<CastVoteRecord> cvrs() throws IOException {
        OnCard e = election.orElseThrow(() -> new IllegalStateException("no election is loaded"));
        List<CastVoteRecord> out = new ArrayList<>();
        for (String id : card.ballotIds()) {
            Path f = card.cvr(id);
            PaperRecord r = PaperRecord.decode(Files.readString(f, StandardCharsets.US_ASCII), f.toString());
            out.add(PaperRecords.cvr(r, e.index(), f.toString()));
        }
        return out;
    }

    /** The device's tally of the ballots on the card (as the results report prints it). */
    public ElectionResults results() throws IOException {
        return tabulation.count(election.orElseThrow().index(), cvrs());
    }

    /** The device's first choices and candidate x rank table of every ranked-choice contest (as the tape prints them). */
    public List<RankTable> rankedChoices() throws IOException {
        return tabulation.ranks(election.orElseThrow().index(), cvrs());
    }

    /** Closes the polls and prints the results report (the tape) onto the card; returns its path. */
    public Outcome<Path> closePolls(String actor) throws IOException {
        return step(Transition.CLOSE_POLLS, actor, () -> {
            Mode mode = state.loadedMode().orElseThrow();
            Path tape = card.report(mode.word() + "-results-report.pdf");
            Card.write(tape, resultsTape(mode));
            return next(new DeviceState.PollsClosed(mode), tape, List.of());
        });
    }

    private byte[] resultsTape(Mode mode) throws IOException {
        OnCard e = election.orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String title = (mode == Mode.TEST ? "Test " : "") + "Precinct Results Report - device " + identity.serial() + " ("
                + identity.model() + "), software " + identity.shortFingerprint();
        List<RankTable> ranked = rankedChoices();
        ResultsReport.write(e.index(), results(), new ResultsReportInfo(title, e.fingerprint(), identity.softwareVersion(),
                mode == Mode.TEST), clock, out, pages -> {
                    DeviceReports.rankedChoices(pages, e.index(), ranked);
                    DeviceReports.device(pages, identity, journal.events().size(), journal.head());
                });
        return out.toByteArray();
    }

    /**
     * Writes the signed results package onto the USB drive: the CVRs (NIST SP 1500-103 JSON, in ballot
     * id order, with their Merkle root in the manifest), the tallies (NIST SP 1500-100 JSON), the
     * results report and the device's event log (NIST SP 1500-101), signed by the device's key.
     */
    public Outcome<Path> exportResults(Path usb, LoadedPrivateKey key, String actor) throws IOException {
        return step(Transition.EXPORT_RESULTS, actor, () -> {
            if (key.role() != KeyRole.DEVICE || !key.id().equals(identity.serial())) {
                return Step.refuse("the results must be signed with this device's key (device " + identity.serial() + "), not "
                        + key.role().aKey() + " '" + key.id() + "'");
            }
            OnCard e = election.orElseThrow();
            Mode mode = state.loadedMode().orElseThrow();
            OffsetDateTime now = OffsetDateTime.now(clock);
            List<CastVoteRecord> cvrs = cvrs();
            CvrMerkle merkle = new CvrMerkle();
            cvrs.forEach(merkle::add);
            Path dir = card.file(Card.EXPORT);
            ByteArrayOutputStream cvrJson = new ByteArrayOutputStream();
            PaperRecords.writeCvrJson(e.index(), cvrs, identity.serial(), now, cvrJson);
            Card.write(dir.resolve("cvrs.json"), cvrJson.toByteArray());
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            ResultsExport.write(ResultsFormat.NIST_JSON, e.index(), tabulation.count(e.index(), cvrs),
                    new ResultsHeader("Precinct device " + identity.serial(), identity.serial(), "Bulwark device "
                            + identity.softwareVersion(), ResultsStatus.UNOFFICIAL_COMPLETE, now, mode == Mode.TEST), err);
            Card.write(dir.resolve("results.json"), err.toByteArray());
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            journal.exportNist(identity.serial(), Optional.of(e.election().id()), clock.instant(), identity.softwareVersion(), log);
            Card.write(dir.resolve("event-log.json"), log.toByteArray());
            Card.write(dir.resolve("results-report.pdf"), Files.readAllBytes(card.report(mode.word() + "-results-report.pdf")));
            List<PackageFile> files = new ArrayList<>(List.of(new PackageFile("cvrs.json", dir.resolve("cvrs.json"),
                    Optional.of(merkle.summary())), PackageFile.of(dir.resolve("results.json")), PackageFile.of(dir.resolve("event-log.json")),
                    PackageFile.of(dir.resolve("results-report.pdf"))));
            List<RankTable> ranked = tabulation.ranks(e.index(), cvrs);
            if (!ranked.isEmpty()) {
                Card.write(dir.resolve(RANKED_CHOICES), DeviceReports.rankedChoicesJson(ranked));
                files.add(PackageFile.of(dir.resolve(RANKED_CHOICES)));
            }
            Files.createDirectories(usb);
            Path out = uniqueName(usb, "results-" + identity.serial() + "-" + mode.word());
            Packages.create(new Packages.Request(new PackageType.Results(), Optional.of(e.fingerprint()), mode, files), key, out, clock);
            return next(new DeviceState.ResultsExported(mode), out, List.of());
        });
    }

    private static Path uniqueName(Path dir, String base) {
        Path p = dir.resolve(base + ".zip");
        for (int i = 2; Files.exists(p); i++) {
            p = dir.resolve(base + "-" + i + ".zip");
        }
        return p;
    }

    // ---------------------------------------------------------------- modes and reset

    /** Sets test ballots aside and zeroes the counters, staying in test mode (to run the deck again). */
    public Outcome<DeviceState> zeroTestBallots(String actor) throws IOException {
        return step(Transition.ZERO_TEST_BALLOTS, actor, () -> {
            setAsideBallots("test");
            return to(new DeviceState.Configured(Mode.TEST));
        });
    }

    /**
     * After the L&A test: test ballots set aside, counters zeroed, official mode. Test ballots can
     * never reach official results: they leave the counted folders before the mode changes.
     */
    public Outcome<DeviceState> enterOfficialMode(Credential official) throws IOException {
        return step(Transition.ENTER_OFFICIAL_MODE, official, () -> {
            setAsideBallots("test");
            return to(new DeviceState.Configured(Mode.OFFICIAL));
        });
    }

    /** For the post-election re-test, once official results are exported: official ballots set aside, test mode. */
    public Outcome<DeviceState> enterTestMode(Credential official) throws IOException {
        return step(Transition.ENTER_TEST_MODE, official, () -> {
            setAsideBallots("official");
            return to(new DeviceState.Configured(Mode.TEST));
        });
    }

    /** Back to unconfigured; ballots and reports set aside (kept on the card). An election official only, by credential. */
    public Outcome<DeviceState> reset(Credential official) throws IOException {
        return step(Transition.RESET, official, () -> {
            setAsideBallots(state.loadedMode().map(Mode::word).orElse("none"));
            election = Optional.empty();
            return to(new DeviceState.Unconfigured());
        });
    }

    private void setAsideBallots(String what) throws IOException {
        String name = journal.events().size() + "-" + what;
        card.setAside(Card.CVRS, name);
        card.setAside(Card.PAPER, name);
        card.setAside(Card.REPORTS, name);
        card.setAside(Card.EXPORT, name);
        ballotsCast = 0;
    }

    // ---------------------------------------------------------------- the transition machinery

    /** What a transition's body decided: the next state and value, or a refusal. */
    private record Step<T>(Optional<DeviceState> next, Optional<T> value, List<String> warnings, Optional<String> refusal) {
        static <T> Step<T> refuse(String reason) {
            return new Step<>(Optional.empty(), Optional.empty(), List.of(), Optional.of(reason));
        }
    }

    private static <T> Step<T> next(DeviceState state, T value, List<String> warnings) {
        return new Step<>(Optional.of(state), Optional.of(value), warnings, Optional.empty());
    }

    /** A transition whose outcome is the state it leads to. */
    private static Step<DeviceState> to(DeviceState state) {
        return next(state, state, List.of());
    }

    @FunctionalInterface
    private interface Body<T> {
        Step<T> run() throws IOException;
    }

    /**
     * One transition: checks the state it starts from and the person's name, runs the body, logs
     * the transition (the commit point) or the refusal, and moves to the next state.
     */
    private <T> Outcome<T> step(Transition t, String actor, Body<T> body) throws IOException {
        return step(t, actor, Optional.empty(), body);
    }

    /** A step reserved to election officials: the credential's role is checked against the election's list of officials. */
    private <T> Outcome<T> step(Transition t, Credential official, Body<T> body) throws IOException {
        return step(t, official.name(), Optional.of(official), body);
    }

    private <T> Outcome<T> step(Transition t, String actor, Optional<Credential> credential, Body<T> body) throws IOException {
        String who = actor == null ? "" : actor.strip();
        Optional<String> refusal = Optional.empty();
        if (!t.allowedFrom(state)) {
            List<Transition> allowed = Transition.allowedIn(state);
            refusal = Optional.of("Cannot " + t.word() + ": the device is in state '" + state.words() + "'. Allowed now: "
                    + (allowed.isEmpty() ? "nothing" : String.join(", ", allowed.stream().map(Transition::word).toList())) + ".");
        } else if (who.isEmpty() || who.length() > 100 || who.chars().anyMatch(Character::isISOControl)) {
            refusal = Optional.of("Cannot " + t.word() + ": " + (t.officialOnly() ? "an election official" : "the person")
                    + " must give their name");
        } else if (t.officialOnly()) {
            // VVSG 2.0 11.1 (access by role): the role comes from the authority's signed list, not from what is typed.
            refusal = credential.isEmpty() ? Optional.of("Cannot " + t.word() + ": only an election official may, with their PIN")
                    : election.orElseThrow().officials().refusal(credential.get()).map(r -> "Cannot " + t.word()
                            + ": only an election official may; " + r);
        }
        Step<T> step = refusal.isPresent() ? Step.refuse(refusal.get()) : body.run();
        if (step.refusal().isPresent()) {
            log(new LogEvent.DeviceTransitionRefused(header(who.isEmpty() ? "unknown" : who, Disposition.FAILURE), t.word(),
                    state.words(), clip(step.refusal().get())));
            return new Outcome.Refused<>(step.refusal().get());
        }
        DeviceState next = step.next().orElseThrow();
        log(new LogEvent.DeviceTransition(header(who, Disposition.SUCCESS), t.word(), state.words(), next.words()));
        state = next;
        return new Outcome.Done<>(step.value().orElseThrow(), step.warnings());
    }

    private void replay(LogEvent e) {
        switch (e) {
            case LogEvent.DeviceTransition t -> {
                state = DeviceState.parse(t.toState()).orElseThrow(() -> new BadInputException(card.file(Card.EVENTS).toString(),
                        "event " + t.transition(), "names an unknown state '" + t.toState() + "'"));
                if (t.transition().equals(Transition.ZERO_TEST_BALLOTS.word()) || t.transition().equals(Transition.ENTER_OFFICIAL_MODE.word())
                        || t.transition().equals(Transition.ENTER_TEST_MODE.word()) || t.transition().equals(Transition.RESET.word())) {
                    ballotsCast = 0;
                }
            }
            case LogEvent.DeviceBallotCast c -> ballotsCast = c.ballotsCast();
            default -> {
                // Other events change no state.
            }
        }
    }

    private OnCard readElection() throws IOException {
        Path def = card.election(Card.ELECTION_FILE);
        LoadedElection loaded = ElectionFiles.read(def);
        if (loaded.hasErrors()) {
            throw new BadInputException(def.toString(), loaded.errors().get(0).path(), loaded.errors().get(0).message());
        }
        Path settings = card.election(DeviceSettings.FILE);
        Path officials = card.election(Officials.FILE);
        return new OnCard(loaded.election(), ElectionIndex.of(loaded.election()), ElectionFingerprint.of(loaded.election()).sha256(),
                DeviceSettings.read(Files.readAllBytes(settings), settings.toString()),
                Officials.read(Files.readAllBytes(officials), officials.toString()));
    }

    private TrustRegistry trust() throws IOException {
        return TrustFolder.read(card.file(Card.TRUST));
    }

    private void log(LogEvent e) throws IOException {
        journal.append(e);
    }

    private EventHeader header(String actor, Disposition disposition) {
        Jurisdiction where = election.<Jurisdiction>map(e -> new Jurisdiction.Unit(e.election().scope()))
                .orElse(new Jurisdiction.Named(jurisdiction));
        return new EventHeader(clock.instant(), new Actor(clip(actor)), Optional.of(new DeviceId(identity.serial())), where, disposition);
    }

    private static String clip(String text) {
        String t = text.strip().replaceAll("\\p{Cntrl}", " ");
        return t.length() <= 1_000 ? t : t.substring(0, 997) + "...";
    }
}
