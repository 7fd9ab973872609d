package org.bulwark.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.bulwark.report.CustodyReports;
import org.bulwark.custody.AssetTag;
import org.bulwark.custody.AuthorityId;
import org.bulwark.custody.CustodyAction;
import org.bulwark.custody.DeviceReadiness;
import org.bulwark.custody.ReadinessCheck;
import org.bulwark.custody.ReadinessMatrix;
import org.bulwark.ledger.exchange.Fingerprint;
import org.bulwark.ledger.exchange.LatRecord;
import org.bulwark.ledger.exchange.ReadinessClearance;
import org.bulwark.ledger.keys.KeyRole;
import org.bulwark.ledger.keys.LoadedPrivateKey;
import org.bulwark.ledger.pkg.Mode;
import org.bulwark.ledger.pkg.PackageFile;
import org.bulwark.ledger.pkg.Packages;
import org.bulwark.ledger.trust.PackageType;
import org.bulwark.model.BadInputException;
import org.bulwark.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code bulwark readiness ...}: L&A records, the readiness of devices before polls open, and their clearances. */
@Command(
        name = "readiness",
        mixinStandardHelpOptions = true,
        description = {"Readiness of voting devices before election day: an approved version whose software fingerprint matches the device's, "
                + "L&A passed, sealed after L&A, seals verified at the polling place.",
            "Record L&A results, show the matrix per authority and statewide, check one device, issue a signed clearance for a device."},
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {ReadinessCommand.Lat.class, ReadinessCommand.Matrix.class, ReadinessCommand.Check.class, ReadinessCommand.Clearance.class})
final class ReadinessCommand extends CommandGroup {
    /** An election's fingerprint as written (sha256:HEX) or as 'bulwark election fingerprint' prints it (the 64 hex digits). */
    static Fingerprint fingerprint(CommandSpec spec, String text) {
        return Fingerprint.parse(text).or(() -> Fingerprint.parse("sha256:" + text)).orElseThrow(() -> new CommandLine.ParameterException(
                spec.commandLine(), "--election-fingerprint '" + text + "' must be sha256: and 64 lowercase hex digits"));
    }

    /** The one device with this serial, or a usage error saying why not. */
    static AssetTag device(CommandSpec spec, Workspace w, String serial) {
        List<AssetTag> tags = w.custody().devicesWithSerial(serial);
        if (tags.size() != 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), tags.isEmpty() ? "no voting device with serial " + serial
                    + " is in the inventory" : "serial " + serial + " belongs to several devices: " + tags);
        }
        return tags.getFirst();
    }

    @Command(name = "lat", mixinStandardHelpOptions = true,
            description = "Record a device's L&A test from the lat-record.json its L&A session wrote.")
    static final class Lat implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOptions workspace;

        @Option(names = "--record", required = true, paramLabel = "lat-record.json")
        Path record;

        @Override
        public Integer call() throws IOException, NoSuchAlgorithmException {
            Io io = Bulwark.of(spec).io();
            return CustodyCli.record(workspace, io, action(record, CustodyCli.at(spec, Optional.empty(), io)));
        }

        /** The custody action that records the L&A test a device's session wrote to {@code record}, with the file's SHA-256. */
        static CustodyAction.RecordLat action(Path record, java.time.Instant at) throws IOException, NoSuchAlgorithmException {
            byte[] bytes = CustodyCli.readFile(record);
            LatRecord lat = LatRecord.read(bytes, record.toString());
            Fingerprint sha = new Fingerprint("sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
            return new CustodyAction.RecordLat(lat, record.getFileName().toString(), sha, at);
        }
    }

    @Command(name = "matrix", mixinStandardHelpOptions = true,
            description = "The readiness matrix: per authority (or one), devices in service, ready, and failing each check; with the devices not ready.")
    static final class Matrix implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOptions workspace;

        @Option(names = "--authority", description = "Only this authority (default: statewide).")
        Optional<String> authority;

        @Option(names = "--election-fingerprint", required = true, paramLabel = "sha256:HEX",
                description = "The election (bulwark election fingerprint): a device whose L&A test was of another election is not ready.")
        String election;

        @Mixin
        ReportFiles files;

        @Override
        public Integer call() {
            Io io = Bulwark.of(spec).io();
            Optional<AuthorityId> of = authority.map(a -> CustodyCli.arguments(spec, () -> new AuthorityId(a)));
            Fingerprint fp = fingerprint(spec, election);
            try (Workspace w = CustodyCli.open(workspace, io)) {
                ReadinessMatrix m = w.custody().readinessMatrix(of, Optional.of(fp));
                List<List<String>> rows = m.csvRows();
                int[] widths = new int[rows.getFirst().size()];
                for (List<String> r : rows) {
                    for (int i = 0; i < r.size(); i++) {
                        widths[i] = Math.max(widths[i], r.get(i).length());
                    }
                }
                for (List<String> r : rows) {
                    StringBuilder line = new StringBuilder();
                    for (int i = 0; i < r.size(); i++) {
                        String cell = r.get(i);
                        line.append(i == 0 ? String.format("%-" + widths[i] + "s", cell) : String.format("  %" + widths[i] + "s", cell));
                    }
                    io.out().println(line.toString().stripTrailing());
                }
                for (ReadinessMatrix.FailingDevice f : m.failing()) {
                    io.out().println("Not ready: " + f.authority() + " " + f.device() + " (serial " + f.serial() + "): "
                            + String.join(", ", f.failed().stream().map(ReadinessCheck::word).toList()));
                }
                files.write(CustodyReports.readiness(m, of.map(AuthorityId::value).orElse("statewide") + ", election " + fp.shortForm()), io);
            }
            return Bulwark.OK;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true, description = "Check one device's readiness, with the reason for each failed check.")
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOptions workspace;

        @Option(names = "--serial", required = true)
        String serial;

        @Option(names = "--election-fingerprint", required = true, paramLabel = "sha256:HEX",
                description = "The election (bulwark election fingerprint): the device's L&A test must have been of it.")
        String election;

        @Override
        public Integer call() {
            Io io = Bulwark.of(spec).io();
            Fingerprint fp = fingerprint(spec, election);
            try (Workspace w = CustodyCli.open(workspace, io)) {
                AssetTag tag = device(spec, w, serial);
                DeviceReadiness r = w.custody().readiness(tag, Optional.of(fp)).orElseThrow();
                io.out().println(tag + " (serial " + serial + "): " + (r.ready() ? "READY" : "NOT READY"));
                for (ReadinessCheck c : r.failedChecks()) {
                    io.out().println("  " + c.word() + ": " + r.failed().get(c));
                }
            }
            return Bulwark.OK;
        }
    }

    @Command(name = "clearance", mixinStandardHelpOptions = true,
            description = {"Issue a device's readiness clearance for an election: a custody package signed with an AUTHORITY key, holding "
                    + "readiness.json, which the device checks before it opens its polls. A device that is not ready gets a clearance that says so."})
    static final class Clearance implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOptions workspace;

        @Option(names = "--serial", required = true)
        String serial;

        @Option(names = "--election-fingerprint", required = true, paramLabel = "sha256:HEX")
        String election;

        @Option(names = "--key", required = true, paramLabel = "AUTHORITY.key", description = "The election authority's private key.")
        Path key;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder (the device's USB drive) to write the package to.")
        Path out;

        @Option(names = "--mode", defaultValue = "test", description = "test or official. Default: ${DEFAULT-VALUE}, so that official material is always declared as such.")
        String mode;

        @Mixin
        LedgerLogCommands.KeyOptions keyOptions;

        Function<String, String> environment = System::getenv;

        @Override
        public Integer call() throws IOException {
            Io io = Bulwark.of(spec).io();
            Fingerprint fp = fingerprint(spec, election);
            Mode packageMode = PackageCommand.mode(mode, spec);
            if (!Files.isDirectory(out)) {
                throw new BadInputException(out.toString(), "the folder", "does not exist");
            }
            Path pkg = out.resolve("readiness-" + serial.replaceAll("[^A-Za-z0-9._-]", "_") + ".zip");
            try (Workspace w = CustodyCli.open(workspace, io)) {
                // The key must be one the workspace trusts (or whose .pub lies beside it), proved by a signature.
                LoadedPrivateKey signer = LedgerLogCommands.signer(w, key, keyOptions, environment).key();
                if (signer.role() != KeyRole.AUTHORITY) {
                    throw new BadInputException(key.toString(), "role", "is a " + signer.role().text()
                            + " key; a readiness clearance is signed by an election authority's key");
                }
                AssetTag tag = device(spec, w, serial);
                Path dir = Files.createTempDirectory("bulwark-readiness");
                Path json = dir.resolve(ReadinessClearance.FILE);
                try {
                    ReadinessClearance clearance = w.custody().issueClearance(serial, tag, fp);
                    Files.write(json, clearance.bytes());
                    Packages.create(new Packages.Request(new PackageType.Custody(), Optional.of(fp.hex()), packageMode,
                            List.of(PackageFile.of(json))), signer, pkg, io.clock());
                    io.out().println("Wrote " + pkg + ": device " + tag + " (serial " + serial + ") is " + (clearance.ready() ? "READY"
                            : "NOT READY (" + String.join(", ", clearance.failedChecks()) + ")") + " for election " + fp.shortForm()
                            + "; signed by " + signer.id());
                } finally {
                    Files.deleteIfExists(json);
                    Files.deleteIfExists(dir);
                }
            }
            return Bulwark.OK;
        }
    }
}
