package org.bulwark.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.bulwark.device.Ballot;
import org.bulwark.device.CertifiedSoftware;
import org.bulwark.device.Credential;
import org.bulwark.device.DeviceKind;
import org.bulwark.device.LatSession;
import org.bulwark.device.Officials;
import org.bulwark.device.Outcome;
import org.bulwark.device.PrecinctDevice;
import org.bulwark.device.SoftwareFingerprint;
import org.bulwark.device.TestDeck;
import org.bulwark.device.Transition;
import org.bulwark.ledger.exchange.LatRecord;
import org.bulwark.ledger.keys.LoadedPrivateKey;
import org.bulwark.model.BadInputException;
import org.bulwark.model.BallotStyleId;
import org.bulwark.model.ContestId;
import org.bulwark.model.GpUnitId;
import org.bulwark.model.SelectionId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code bulwark device ...}: a precinct scanner or ballot-marking device whose memory card is a
 * folder (--card) and whose USB drive is another (--usb). Every step of the day is one command;
 * a step the device refuses prints why and exits 1.
 */
@Command(
        name = "device",
        mixinStandardHelpOptions = true,
        description = "A precinct scanner or ballot-marking device: memory card and USB drive are folders. Set up, load the election, "
                + "test (L&A), open the polls, cast ballots with a paper record, close the polls, export signed results.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {DeviceCommand.Init.class, DeviceCommand.Fingerprint.class, DeviceCommand.Certify.class, DeviceCommand.Status.class,
            DeviceCommand.Load.class, DeviceCommand.OpenPolls.class, DeviceCommand.Pause.class, DeviceCommand.Resume.class,
            DeviceCommand.Cast.class, DeviceCommand.ClosePolls.class, DeviceCommand.Export.class, DeviceCommand.Mode.class,
            DeviceCommand.Deck.class, DeviceCommand.Lat.class, DeviceCommand.Official.class})
final class DeviceCommand extends CommandGroup {
    /** Options every command on a card takes. */
    static final class CardOption {
        @Option(names = "--card", required = true, paramLabel = "DIR", description = "The device's memory card (a folder).")
        Path card;

        PrecinctDevice open(Io io) throws IOException {
            return PrecinctDevice.open(card, SoftwareVersion.get(), io.clock(), new SecureRandom());
        }
    }

    /** The variable an election official's PIN is taken from when no --pin-file is given. */
    static final String PIN_VARIABLE = "BULWARK_PIN";

    /**
     * An election official's name and PIN, for the steps only officials may take: the device checks
     * them against the election package's signed list of officials. The PIN comes from --pin-file or
     * BULWARK_PIN, never from the command line, where other users could read it.
     */
    static final class OfficialOption {
        @Option(names = "--official", paramLabel = "NAME", description = "The election official (as the election package's officials.json names them).")
        String name;

        @Option(names = "--pin-file", paramLabel = "FILE", description = "A file whose first line is the official's PIN (default: the " + PIN_VARIABLE
                + " variable).")
        Path pinFile;

        Function<String, String> environment = System::getenv;

        Optional<Credential> credential() throws IOException {
            if (name == null) {
                return Optional.empty();
            }
            char[] pin = Passphrases.read(Optional.ofNullable(pinFile), environment, PIN_VARIABLE, "pin");
            try {
                return Optional.of(new Credential(name, pin));
            } finally {
                Arrays.fill(pin, '\0');
            }
        }
    }

    /** Prints a device's outcome: the value and warnings, or the refusal (exit 1). */
    static <T> int report(Outcome<T> outcome, Io io, Function<? super T, String> done) {
        return switch (outcome) {
            case Outcome.Done<T> d -> {
                io.out().println(done.apply(d.value()));
                d.warnings().forEach(w -> io.out().println("  warning: " + w));
                yield Bulwark.OK;
            }
            case Outcome.Refused<T> r -> {
                io.err().println("bulwark: refused: " + r.reason());
                yield Bulwark.FAILURE;
            }
        };
    }

    @Command(name = "init", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Set up a new memory card: the device's model, serial and kind, and the public keys it trusts (state, authority).")
    static final class Init implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        CardOption card;

        @Option(names = "--serial", required = true, paramLabel = "S", description = "The device's serial number (its device key's id).")
        String serial;

        @Option(names = "--model", required = true, paramLabel = "M", description = "The device's model.")
        String model;

        @Option(names = "--kind", required = true, paramLabel = "KIND", description = "scanner or bmd (ballot-marking device).")
        String kind;

        @Option(names = "--jurisdiction", required = true, paramLabel = "J", description = "The local election authority that owns it.")
        String jurisdiction;

        @Option(names = "--trust", required = true, paramLabel = "DIR", description = "A folder of .pub files: the state and authority keys to trust.")
        Path trust;

        @Override
        public Integer call() throws Exception {
            Io io = Bulwark.of(spec).io();
            DeviceKind k = DeviceKind.parse(kind).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                    "'" + kind + "' is not a device kind: use scanner or bmd"));
            PrecinctDevice d = PrecinctDevice.initialize(card.card, new PrecinctDevice.Setup(model, serial, k, jurisdiction, trust),
                    SoftwareVersion.get(), io.clock(), new SecureRandom());
            io.out().println("Set up device " + serial + " (" + model + ", " + k.word() + ") on " + card.card + "; software "
                    + d.identity().softwareFingerprint());
            return Bulwark.OK;
        }
    }

    @Command(name = "fingerprint", mixinStandardHelpOptions = true,
            description = "Print the SHA-256 fingerprint of this device software, as election packages certify it.")
    static final class Fingerprint implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Bulwark.of(spec).io().out().println(SoftwareFingerprint.ofRunningDevice());
            return Bulwark.OK;
        }
    }

    @Command(name = "certify", mixinStandardHelpOptions = true,
            description = {"Write certified-software.json, the list of device software fingerprints certified for an election, "
                    + "to put into the election package with 'bulwark package create --type election'."})
    static final class Certify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--fingerprint", paramLabel = "sha256:HEX", description = "A certified fingerprint; repeat for several. Default: this software's.")
        List<String> fingerprints = new ArrayList<>();

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the list (named " + "certified-software.json in the package).")
        Path out;

        @Override
        public Integer call() throws Exception {
            List<String> list = fingerprints.isEmpty() ? List.of(SoftwareFingerprint.ofRunningDevice()) : fingerprints;
            CertifiedSoftware certified;
            try {
                certified = new CertifiedSoftware(list);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--fingerprint", "command line", e.getMessage());
            }
            Files.write(out, certified.bytes());
            Bulwark.of(spec).io().out().println("Wrote " + out + " certifying " + list.size() + " fingerprint(s); name it "
                    + CertifiedSoftware.fileName() + " in the election package");
            return Bulwark.OK;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Show the device, its state, the loaded election and what is allowed now.")
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        CardOption card;

        @Override
        public Integer call() throws Exception {
            Io io = Bulwark.of(spec).io();
            PrecinctDevice d = card.open(io);
            var id = d.identity();
            io.out().println("Device " + id.serial() + " (" + id.model() + ", " + id.kind().word() + ")");
            io.out().println("  software:  Bulwark " + id.softwareVersion() + ", " + id.softwareFingerprint());
            io.out().println("  state:     " + d.state().words());
            io.out().println("  election:  " + d.election().map(e -> e.title() + ", fingerprint " + d.electionFingerprint().orElseThrow()
                    .substring(0, 7)).orElse("none loaded"));
            io.out().println("  ballots:   " + d.ballotsCast());
            io.out().println("  log head:  " + d.logHead() + " (" + d.events().size() + " events)");
            io.out().println("  allowed:   " + String.join(", ", Transition.allowedIn(d.state()).stream().map(Transition::word).toList()));
            return Bulwark.OK;
        }
    }

    @Command(name = "load", mixinStandardHelpOptions = true,
            description = "Verify the election package on the USB drive (signature, signer, fingerprint, certified software) and load it.")
    static final class Load implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        CardOption card;

        @Option(names = "--usb", required = true, paramLabel = "DIR", description = "The USB drive (a folder) holding the election package.")
        Path usb;

        @Option(names = "--by", required = true, paramLabel = "NAME", description = "Who loads it (logged).")
        String by;

        @Override
        public Integer call() throws Exception {
            Io io = Bulwark.of(spec).io();
            return report(card.open(io).loadElection(usb, by), io, fp -> "Loaded election " + fp.substring(0, 7) + " (" + fp
                    + "); the device is in test mode");
        }
    }

    @Command(name = "open-polls", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Open the polls: counters must be zero; prints the zero report onto the card.",
                "In official mode the USB drive must hold a readiness clearance for this device, or an election official overrides it with a reason."})
    static final class OpenPolls implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        CardOption card;

        @Option(names = "--seal", required = true, paramLabel = "NUMBER", description = "A seal number checked intact; repeat for each.")
        List<String> seals;

        @Option(names = "--poll-worker", required = true, arity = "1", paramLabel = "NAME", description = "Give twice: the two poll workers.")
        List<String> pollWorkers;

        @Option(names = "--usb", paramLabel = "DIR", description = "The USB drive with the readiness clearance (official mode).")
        Path usb;

        @Option(names = "--override-readiness", paramLabel = "REASON", description = "Open without a clearance, for this reason (needs --official).")
        String override;

        @picocli.CommandLine.Mixin
        OfficialOption official;

        @Override
        public Integer call() throws Exception {
            Io io = Bulwark.of(spec).io();
            if (pollWorkers.size() != 2) {
                throw new CommandLine.ParameterException(spec.commandLine(), "give --poll-worker twice: two poll workers open the polls");
            }
            if ((override == null) != (official.name == null)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--override-readiness and --official go together");
            }
            Optional<PrecinctDevice.Override> o = official.credential().map(c -> new PrecinctDevice.Override(c, override));
            return report(card.open(io).openPolls(new PrecinctDevice.OpenPolls(seals, pollWorkers.get(0), pollWorkers.get(1),
                    Optional.ofNullable(usb), o)), io, report -> "Polls open. Zero report: " + report);
        }
    }

    /** A step that needs only the card and the name of who takes it (logged). */
    abstract static class Step implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        CardOption card;

        @Option(names = "--by", required = true, paramLabel = "NAME", description = "Who takes this step (logged).")
        String by;

        abstract Outcome<?> take(PrecinctDevice device) throws IOException;

        @Override
        public Integer call() throws Exception {
            Io io = Bulwark.of(spec).io();
            return report(take(card.open(io)), io, done -> switch (done) {
                case Path p -> "Done. Report: " + p;
                case org.bulwark.device.DeviceState state -> "Device is now: " + state.words();
                default -> "Done.";
            });
        }
    }

    @Command(name = "pause", mixinStandardHelpOptions = true, description = "Pause the polls (no ballots until resumed).")
    static final class Pause extends Step {
        @Override
        Outcome<?> take(PrecinctDevice device) throws IOException {
            return device.pausePolls(by);
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Resume paused polls.")
    static final class Resume extends Step {
        @Override
        Outcome<?> take(PrecinctDevice device) throws IOException {
            return device.resumePolls(by);
        }
    }

    @Command(name = "close-polls", mixinStandardHelpOptions = true, description = "Close the polls and print the results report onto the card.")
    static final class ClosePolls extends Step {
        @Override
        Outcome<?> take(PrecinctDevice device) throws IOException {
            return device.closePolls(by);
        }
    }

    @Command(name = "cast", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Cast one ballot: its paper record (PDF with QR code), its CVR and a log event (no selections) are written together.",
                "Each --vote is CONTEST=SELECTION, with @RANK for a ranked contest and :NAME for a write-in, e.g. "
                    + "--vote cc-mayor=cs-mayor-wi:'Jane Doe'. A contest not given is left blank (undervote)."})
    static final class Cast implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        CardOption card;

        @Option(names = "--style", required = true, paramLabel = "ID", description = "The ballot style.")
        String style;

        @Option(names = "--precinct", required = true, paramLabel = "ID", description = "The precinct or split the ballot is cast in.")
        String precinct;

        @Option(names = "--vote", paramLabel = "CONTEST=SELECTION", description = "A selection; repeat for each.")
        List<String> votes = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            Io io = Bulwark.of(spec).io();
            Map<ContestId, List<Ballot.Pick>> byContest = new LinkedHashMap<>();
            for (String v : votes) {
                int eq = v.indexOf('=');
                if (eq <= 0 || eq == v.length() - 1) {
                    throw new BadInputException("--vote", v, "must be CONTEST=SELECTION[@RANK][:WRITE-IN NAME]");
                }
                String rest = v.substring(eq + 1);
                int colon = rest.indexOf(':');
                Optional<String> name = colon < 0 ? Optional.empty() : Optional.of(rest.substring(colon + 1));
                String sel = colon < 0 ? rest : rest.substring(0, colon);
                int at = sel.lastIndexOf('@');
                int rank = 0;
                if (at > 0) {
                    try {
                        rank = Integer.parseInt(sel.substring(at + 1));
                    } catch (NumberFormatException e) {
                        throw new BadInputException("--vote", v, "the rank after '@' must be a number");
                    }
                    sel = sel.substring(0, at);
                }
                if (sel.isBlank()) {
                    throw new BadInputException("--vote", v, "names no selection after '='");
                }
                byContest.computeIfAbsent(new ContestId(v.substring(0, eq)), k -> new ArrayList<>())
                        .add(new Ballot.Pick(new SelectionId(sel), rank, name));
            }
            Ballot ballot = new Ballot(new BallotStyleId(style), new GpUnitId(precinct),
                    byContest.entrySet().stream().map(e -> new Ballot.ContestVote(e.getKey(), e.getValue())).toList());
            return report(card.open(io).cast(ballot), io, c -> "Ballot cast. Paper record: " + c.paperRecord());
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Write the signed results package (CVRs, tallies, results report, event log) to the USB drive.")
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        CardOption card;

        @Option(names = "--usb", required = true, paramLabel = "DIR", description = "The USB drive (a folder).")
        Path usb;

        @Option(names = "--key", required = true, paramLabel = "KEYFILE", description = "The device's private key (SERIAL.key).")
        Path key;

        @Option(names = "--passphrase-file", paramLabel = "FILE", description = "A file whose first line is the key's passphrase (default: the BULWARK_PASSPHRASE variable).")
        Path passphraseFile;

        @Option(names = "--by", required = true, paramLabel = "NAME", description = "Who exports (logged).")
        String by;

        Function<String, String> environment = System::getenv;

        @Override
        public Integer call() throws Exception {
            Io io = Bulwark.of(spec).io();
            LoadedPrivateKey signer = Passphrases.loadPrivateKey(key, Optional.ofNullable(passphraseFile), environment);
            return report(card.open(io).exportResults(usb, signer, by), io, p -> "Wrote the signed results package " + p);
        }
    }

    @Command(name = "mode", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Change mode: 'official' after a passed L&A test, 'test' for the post-election re-test, 'zero' to set test ballots aside, "
                    + "'reset' to unconfigure. Test and official ballots are set aside (kept on the card), never mixed.",
                "official, test and reset need an election official of the election package's officials.json, with their PIN."})
    static final class Mode implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        CardOption card;

        @picocli.CommandLine.Parameters(paramLabel = "CHANGE", description = "official, test, zero or reset.")
        String change;

        @picocli.CommandLine.Mixin
        OfficialOption official;

        @Override
        public Integer call() throws Exception {
            Io io = Bulwark.of(spec).io();
            if (official.name == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "give --official NAME: the election official (or, for zero, the person)");
            }
            PrecinctDevice d = card.open(io);
            var outcome = switch (change) {
                case "official" -> d.enterOfficialMode(official.credential().orElseThrow());
                case "test" -> d.enterTestMode(official.credential().orElseThrow());
                case "zero" -> d.zeroTestBallots(official.name);
                case "reset" -> d.reset(official.credential().orElseThrow());
                default -> throw new CommandLine.ParameterException(spec.commandLine(), "'" + change + "' is not official, test, zero or reset");
            };
            return report(outcome, io, s -> "Device is now: " + s.words());
        }
    }

    @Command(name = "deck", mixinStandardHelpOptions = true,
            description = "Write the L&A test deck of an election: a paper record PDF per ballot and deck-cvrs.json (NIST CVR).")
    static final class Deck implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--election", required = true, paramLabel = "FILE", description = "The election definition.")
        Path election;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write the deck to.")
        Path out;

        @Override
        public Integer call() throws Exception {
            Io io = Bulwark.of(spec).io();
            var e = Elections.loadUsable(election, io.err()).election();
            TestDeck deck = TestDeck.of(e);
            deck.write(e, out);
            io.out().println("Wrote the test deck of " + deck.ballots().size() + " ballots to " + out);
            return Bulwark.OK;
        }
    }

    @Command(name = "lat", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Run the public logic and accuracy test: the election's deck is cast in test mode and the results report compared "
                    + "with the expected tally, exactly. Writes lat-record.json and lat-certificate.pdf to --out.",
                "A passed pre-election test zeroes the device and, with --official and their PIN, puts it in official mode. "
                    + "Exit 0 when passed, 1 when not."})
    static final class Lat implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        CardOption card;

        @Option(names = "--kind", defaultValue = "pre-election", paramLabel = "KIND", description = "pre-election or post-election.")
        String kind;

        @Option(names = "--notice-given", required = true, paramLabel = "TIME", description = "When public notice of the test went out, e.g. 2026-10-20T15:00:00Z.")
        String noticeGiven;

        @Option(names = "--observer", required = true, paramLabel = "NAME:PARTY", description = "An observer and their party; repeat. The first two are the test board.")
        List<String> observers;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write lat-record.json and lat-certificate.pdf.")
        Path out;

        @picocli.CommandLine.Mixin
        OfficialOption official;

        @Override
        public Integer call() throws Exception {
            Io io = Bulwark.of(spec).io();
            LatRecord.Kind k = Arrays.stream(LatRecord.Kind.values()).filter(x -> x.word().equals(kind)).findFirst()
                    .orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(), "--kind is pre-election or post-election"));
            Instant notice;
            try {
                notice = Instant.parse(noticeGiven);
            } catch (DateTimeParseException e) {
                throw new BadInputException("--notice-given", noticeGiven, "is not a time such as 2026-10-20T15:00:00Z");
            }
            List<LatSession.Observer> list = new ArrayList<>();
            for (String o : observers) {
                int colon = o.lastIndexOf(':');
                if (colon <= 0 || colon == o.length() - 1) {
                    throw new BadInputException("--observer", o, "must be NAME:PARTY");
                }
                list.add(new LatSession.Observer(o.substring(0, colon), o.substring(colon + 1)));
            }
            PrecinctDevice d = card.open(io);
            if (d.election().isEmpty()) {
                io.err().println("bulwark: refused: no election is loaded on the device");
                return Bulwark.FAILURE;
            }
            TestDeck deck = TestDeck.of(d.election().get());
            Outcome<LatSession.Result> outcome = LatSession.run(d, deck, k, new LatSession.Notice(notice, list), official.credential(), out,
                    io.clock());
            int code = report(outcome, io, r -> (r.record().passed() ? "L&A test PASSED: errorless count" : "L&A test FAILED: "
                    + r.record().mismatches().size() + " counts differ") + ". Record: " + r.recordFile() + ", certificate: " + r.certificate());
            if (outcome instanceof Outcome.Done<LatSession.Result> done) {
                done.value().warnings().forEach(w -> io.out().println("  warning: " + w));
                for (LatRecord.Mismatch m : done.value().record().mismatches()) {
                    io.out().println("  " + m.contest() + " / " + m.selection() + ": expected " + m.expected() + ", found " + m.found());
                }
                return done.value().record().passed() ? Bulwark.OK : Bulwark.FAILURE;
            }
            return code;
        }
    }

    @Command(name = "official", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Add a person to officials.json, the list of who may take official-only steps (reset, change of mode, "
                    + "readiness override), to put into the election package; the device checks the role and the PIN against it.",
                "The PIN (at least " + Officials.MIN_PIN_LENGTH + " characters) comes from --pin-file or " + PIN_VARIABLE
                    + "; only its salted PBKDF2 hash is written."})
    static final class Official implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--file", required = true, paramLabel = "FILE", description = "officials.json to add to (created if missing).")
        Path file;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "The person's name, as they will give it to the device.")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "election-official or poll-worker.")
        String role;

        @Option(names = "--pin-file", paramLabel = "FILE", description = "A file whose first line is the PIN (default: the " + PIN_VARIABLE
                + " variable).")
        Path pinFile;

        @Option(names = "--iterations", defaultValue = "" + Officials.DEFAULT_ITERATIONS, paramLabel = "N",
                description = "PBKDF2 iterations (at least " + Officials.MIN_ITERATIONS + "; default ${DEFAULT-VALUE}).")
        int iterations;

        Function<String, String> environment = System::getenv;

        @Override
        public Integer call() throws Exception {
            Io io = Bulwark.of(spec).io();
            Officials.Role r = Arrays.stream(Officials.Role.values()).filter(x -> x.word().equals(role)).findFirst()
                    .orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(), "--role is election-official or poll-worker"));
            Officials list = Files.exists(file) ? Officials.read(Files.readAllBytes(file), file.toString()) : new Officials(List.of());
            char[] pin = Passphrases.read(Optional.ofNullable(pinFile), environment, PIN_VARIABLE, "pin");
            Officials.Official added;
            try {
                added = Officials.official(name, r, pin, iterations, new SecureRandom());
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--name, --pin-file, --iterations", "command line", e.getMessage());
            } finally {
                Arrays.fill(pin, '\0');
            }
            Files.write(file, list.with(added).bytes());
            io.out().println("Added " + added.name() + " (" + r.word() + ") to " + file + "; name it " + Officials.fileName()
                    + " in the election package");
            return Bulwark.OK;
        }
    }
}
