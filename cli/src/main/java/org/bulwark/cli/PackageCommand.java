package org.bulwark.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.bulwark.formats.cvr.CvrFiles;
import org.bulwark.formats.cvr.CvrReadOptions;
import org.bulwark.ledger.keys.LoadedPrivateKey;
import org.bulwark.ledger.pkg.CvrMerkle;
import org.bulwark.ledger.pkg.CvrReader;
import org.bulwark.ledger.pkg.Manifest;
import org.bulwark.ledger.pkg.Mode;
import org.bulwark.ledger.pkg.PackageFile;
import org.bulwark.ledger.pkg.Packages;
import org.bulwark.ledger.pkg.Verification;
import org.bulwark.ledger.pkg.ZipLimits;
import org.bulwark.ledger.trust.PackageType;
import org.bulwark.ledger.trust.TrustFolder;
import org.bulwark.ledger.keys.KeyRole;
import org.bulwark.ledger.pkg.PackageId;
import org.bulwark.model.CountingGroup;
import org.bulwark.model.ElectionFingerprint;
import org.bulwark.model.ElectionIndex;
import org.bulwark.model.events.DeviceId;
import org.bulwark.model.events.EventHeader;
import org.bulwark.model.events.Jurisdiction;
import org.bulwark.model.events.LogEvent;
import org.bulwark.model.events.Sha256;
import org.bulwark.store.ElectionRef;
import org.bulwark.store.ImportedFile;
import org.bulwark.store.PackageImports;
import org.bulwark.store.Workspace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bulwark package ...}: signed packages for carrying data on removable media. */
@Command(
        name = "package",
        mixinStandardHelpOptions = true,
        description = "Signed packages for removable media: a zip of files with a manifest of their SHA-256 hashes and an Ed25519 signature.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {PackageCommand.Create.class, PackageCommand.Inspect.class, PackageCommand.Verify.class, PackageCommand.Import.class})
final class PackageCommand extends CommandGroup {
    static PackageType type(String word, CommandSpec spec) {
        return PackageType.parse(word).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                "'" + word + "' is not a package type: use election, results, custody or audit"));
    }

    static Mode mode(String word, CommandSpec spec) {
        return Mode.parse(word).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                "'" + word + "' is not a mode: use test or official"));
    }

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = {"Put files into a signed package: each file's size and SHA-256 go into manifest.json, signed with your key.",
                "CVR files given with --cvr are read (with --election) so that the manifest also carries their count and the "
                    + "Merkle root over their per-CVR hashes."})
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--type", required = true, paramLabel = "TYPE", description = "election, results, custody or audit.")
        String type;

        @Option(names = "--key", required = true, paramLabel = "KEYFILE", description = "Your private key file (ID.key).")
        Path key;

        @Option(names = "--out", required = true, paramLabel = "PKG.zip", description = "The package to write (never overwritten).")
        Path out;

        @Option(names = "--election", paramLabel = "FILE", description = "The election definition: its fingerprint goes into the manifest.")
        Path election;

        @Option(names = "--mode", paramLabel = "MODE", defaultValue = "test",
                description = "test or official. Default: ${DEFAULT-VALUE}, so that official material is always declared as such.")
        String mode;

        @Option(names = "--cvr", paramLabel = "FILE", description = "A NIST SP 1500-103 CVR file (needs --election); repeat for several.")
        List<Path> cvrs = new ArrayList<>();

        @Option(names = "--passphrase-file", paramLabel = "FILE", description = "A file whose first line is the key's passphrase (default: the BULWARK_PASSPHRASE variable).")
        Path passphraseFile;

        @Parameters(paramLabel = "FILE", arity = "0..*", description = "Other files to include.")
        List<Path> files = new ArrayList<>();

        @Mixin
        WorkspaceOptions workspace;

        Function<String, String> environment = System::getenv;

        @Override
        public Integer call() throws Exception {
            Io io = Bulwark.of(spec).io();
            PackageType packageType = type(type, spec);
            Mode packageMode = mode(mode, spec);
            if (!cvrs.isEmpty() && election == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--cvr needs --election: CVRs are read against their election");
            }
            if (cvrs.isEmpty() && files.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "nothing to package: give files (and/or --cvr FILE)");
            }
            Optional<ElectionIndex> index = Optional.ofNullable(election)
                    .map(e -> ElectionIndex.of(Elections.loadUsable(e, io.err()).election()));
            Optional<String> fingerprint = index.map(i -> ElectionFingerprint.of(i.election()).sha256());
            List<PackageFile> packageFiles = new ArrayList<>();
            for (Path cvr : cvrs) {
                packageFiles.add(cvrFile(cvr, index.orElseThrow()));
            }
            files.forEach(f -> packageFiles.add(PackageFile.of(f)));
            LoadedPrivateKey signer = Passphrases.loadPrivateKey(key, Optional.ofNullable(passphraseFile), environment);
            // With a workspace, the creation is logged in it; it is opened first so that a wrong workspace writes no package.
            Optional<Workspace> ws = workspace.isGiven() ? Optional.of(LedgerWorkspaceCommands.open(workspace, io)) : Optional.empty();
            try {
                Manifest m = Packages.create(new Packages.Request(packageType, fingerprint, packageMode, packageFiles), signer, out, io.clock());
                ws.ifPresent(w -> logCreated(w, io, m, signer));
                report(io, packageType, packageMode, m, signer);
                ws.ifPresent(w -> io.out().println("Logged the creation in " + w.location().describe() + " as entry " + (w.logSize() - 1)));
            } finally {
                ws.ifPresent(Workspace::close);
            }
            return Bulwark.OK;
        }

        /** A CVR file for a package: read strictly against its election for the count and Merkle root the manifest signs. */
        static PackageFile cvrFile(Path cvr, ElectionIndex index) throws IOException {
            CvrMerkle merkle = new CvrMerkle();
            CvrFiles.read(cvr, index, CvrReadOptions.strict(), merkle::add);
            return new PackageFile(cvr.getFileName().toString(), cvr, Optional.of(merkle.summary()));
        }

        /** Logs a package's creation in the workspace (PACKAGE_CREATED), on behalf of its signer. */
        static void logCreated(Workspace ws, Io io, Manifest m, LoadedPrivateKey signer) {
            PackageId id = PackageId.of(m);
            EventHeader header = LedgerWorkspaceCommands.header(io,
                    signer.role() == KeyRole.DEVICE ? Optional.of(new DeviceId(signer.id())) : Optional.empty(),
                    new Jurisdiction.Named(signer.jurisdiction().orElse(signer.id())));
            ws.appendToLog(List.of(new LogEvent.PackageCreated(header, id.sha256(), m.type().word(), new Sha256(id.sha256()))));
        }

        private void report(Io io, PackageType packageType, Mode packageMode, Manifest m, LoadedPrivateKey signer) {
            io.out().println("Wrote " + out + ": " + packageType.aPackage() + " (" + packageMode.word() + ") of " + m.files().size()
                    + (m.files().size() == 1 ? " file" : " files") + ", signed by " + signer.role().text() + " " + signer.id());
        }
    }

    @Command(
            name = "inspect",
            mixinStandardHelpOptions = true,
            description = {"Show what a package says about itself, WITHOUT verifying anything: neither the signature nor the hashes. "
                    + "Use 'bulwark package verify' before trusting any of it."})
    static final class Inspect implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "PKG.zip", description = "The package.")
        Path pkg;

        @Override
        public Integer call() throws Exception {
            Io io = Bulwark.of(spec).io();
            return switch (Packages.inspect(pkg)) {
                case Packages.Inspection.Unreadable u -> {
                    io.err().println("bulwark: " + u.message());
                    yield Bulwark.BAD_INPUT;
                }
                case Packages.Inspection.Read r -> {
                    print(r, io);
                    yield Bulwark.OK;
                }
            };
        }

        private void print(Packages.Inspection.Read r, Io io) {
            Manifest m = r.manifest();
            var out = io.out();
            out.println(pkg + ": NOT VERIFIED. This is what the package claims; 'bulwark package verify' checks it.");
            out.println("  type:     " + m.type().word() + " package (format version " + m.formatVersion() + ")");
            out.println("  mode:     " + m.mode().word());
            out.println("  election: " + m.election().map(e -> e.substring(0, 7) + " (" + e + ")").orElse("none named"));
            out.println("  producer: " + m.producerRole().text() + " " + m.producerId() + m.producerJurisdiction().map(j -> " (" + j + ")").orElse("")
                    + ", key " + m.producerKey());
            out.println("  created:  " + m.created());
            out.println("  signature: " + (r.signaturePresent() ? "manifest.sig is present (not checked)" : "MISSING: the package is not signed"));
            out.println("  files:    " + m.files().size());
            for (Manifest.FileEntry f : m.files()) {
                out.println("    " + f.name() + ": " + f.size() + " bytes, SHA-256 " + f.sha256()
                        + f.cvrs().map(c -> ", " + c.count() + " CVRs with Merkle root " + c.merkleRoot()).orElse(""));
            }
        }
    }

    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = {"Verify a package, stopping at the first failed check, in this order: the archive is in the safe package form; "
                    + "the signature; the signer is trusted, may sign this type, is not revoked and is within validity; every file's hash; "
                    + "no missing or extra file; each CVR file's count and Merkle root (with --election, which lets the CVRs be read); "
                    + "the election (with --election); the mode (with --mode); not imported before (with a workspace).",
                "Exit code 0 when valid, 2 when not."})
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "PKG.zip", description = "The package.")
        Path pkg;

        @Option(names = "--trust", paramLabel = "DIR", description = "A folder of .pub files: the keys to trust, with the roles they state.")
        Path trust;

        @picocli.CommandLine.Mixin
        WorkspaceOptions workspace;

        @Option(names = "--election", paramLabel = "FILE", description = "The election definition the package must belong to.")
        Path election;

        @Option(names = "--mode", paramLabel = "MODE", description = "test or official: the mode the package must be in.")
        String mode;

        @Override
        public Integer call() throws Exception {
            Io io = Bulwark.of(spec).io();
            Optional<Mode> expectedMode = Optional.ofNullable(mode).map(m -> mode(m, spec));
            boolean inWorkspace = workspace.isGiven();
            if (inWorkspace == (trust != null)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "give either --trust DIR or a workspace (--workspace FILE or --db URL) to take the trusted keys from");
            }
            Optional<ElectionIndex> index = Optional.ofNullable(election)
                    .map(e -> ElectionIndex.of(Elections.loadUsable(e, io.err()).election()));
            Optional<String> fingerprint = index.map(i -> ElectionFingerprint.of(i.election()).sha256());
            // With the election at hand, the CVRs can be read (after every hash has passed) and their Merkle roots recomputed.
            Optional<CvrReader> cvrReader = index.map(i -> (in, name, sink) -> CvrFiles.read(in, name, i, CvrReadOptions.strict(), sink));
            Verification v = inWorkspace ? PackageWorkspace.verify(workspace, io, pkg, fingerprint, expectedMode, cvrReader)
                    : Packages.verify(pkg, TrustFolder.read(trust), new Packages.Expectations(fingerprint, expectedMode,
                            Optional.empty(), cvrReader, ZipLimits.DEFAULT));
            return switch (v) {
                case Verification.Failed f -> {
                    io.out().println(pkg + ": NOT VALID: the " + f.check().words() + " check failed.");
                    io.err().println("bulwark: " + f.message());
                    yield Bulwark.BAD_INPUT;
                }
                case Verification.Valid ok -> {
                    Manifest m = ok.manifest();
                    io.out().println(pkg + ": valid " + m.mode().word() + " " + m.type().word() + " package, signed by " + ok.signer().key().describe()
                            + ", created " + m.created() + ", " + m.files().size() + (m.files().size() == 1 ? " file" : " files") + ".");
                    io.out().println("  election: " + m.election().map(e -> e.substring(0, 7)).orElse("none named")
                            + (fingerprint.isPresent() ? " (matches " + election + ")" : " (not compared: give --election FILE to check it)"));
                    if (!ok.cvrRootsChecked() && m.files().stream().anyMatch(f -> f.cvrs().isPresent())) {
                        io.out().println("  CVR Merkle roots: not recomputed (give --election FILE to read the CVRs and check them)");
                    }
                    if (expectedMode.isEmpty()) {
                        io.out().println("  mode: not compared (give --mode to check it)");
                    }
                    io.out().println(ok.replayChecked() ? "  replay: not imported into the workspace before"
                            : "  replay: not checked: without a workspace there is no record of what was imported before");
                    yield Bulwark.OK;
                }
            };
        }
    }

    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = {"Verify a results package against the workspace (every check of 'package verify', with the workspace's trust "
                    + "registry and its record of imported packages) and only then import its CVR files, all in one transaction: "
                    + "each CVR is checked against the election and each file's CVR count and Merkle root against the signed manifest. "
                    + "A refused package changes nothing. The import is logged.",
                "Exit code 0 when imported, 2 when refused."})
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "PKG.zip", description = "The results package.")
        Path pkg;

        @Mixin
        WorkspaceOptions workspace;

        @Option(names = "--mode", required = true, paramLabel = "MODE",
                description = "test or official: the mode you expect; a package in the other mode is refused.")
        String mode;

        @Option(names = "--election", paramLabel = "ID",
                description = "The election's number in the workspace the package must be for (default: the one the package names).")
        Optional<Long> election;

        @Option(names = "--counting-group", paramLabel = "GROUP", converter = CountingGroupConverter.class,
                description = "How the ballots were cast: election-day (default), absentee, early or provisional.")
        CountingGroup countingGroup = CountingGroup.ELECTION_DAY;

        @Override
        public Integer call() throws Exception {
            Io io = Bulwark.of(spec).io();
            Mode expected = mode(mode, spec);
            try (Workspace ws = LedgerWorkspaceCommands.open(workspace, io)) {
                PackageImports.Request request = new PackageImports.Request(pkg, election.map(ElectionRef::new), expected, countingGroup);
                return switch (ws.packageImports().importPackage(request)) {
                    case PackageImports.Outcome.Refused r -> {
                        io.out().println(pkg + ": NOT IMPORTED (" + r.refusal().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                                + "); nothing was changed in " + ws.location().describe() + ".");
                        io.err().println("bulwark: " + r.message());
                        yield Bulwark.BAD_INPUT;
                    }
                    case PackageImports.Outcome.Imported ok -> {
                        io.out().println("Imported " + pkg + ": " + ok.manifest().mode().word() + " results package signed by "
                                + ok.signer().key().describe() + ", " + Progress.count(ok.cvrCount()) + " CVRs in " + ok.files().size()
                                + (ok.files().size() == 1 ? " file" : " files") + " as " + countingGroup.nist() + ", into " + ok.election().ref()
                                + " (\"" + ok.election().title() + "\").");
                        for (ImportedFile f : ok.files()) {
                            io.out().println("  " + f.sourceName() + ": " + Progress.count(f.cvrCount()) + " CVRs (CVR import #" + f.id() + ")");
                        }
                        io.out().println("Logged as entry " + ok.logIndex() + " (package " + ok.id().shortForm() + ").");
                        yield Bulwark.OK;
                    }
                };
            }
        }
    }
}
