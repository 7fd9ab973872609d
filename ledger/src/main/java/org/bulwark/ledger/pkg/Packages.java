package org.bulwark.ledger.pkg;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bulwark.ledger.keys.Ed25519;
import org.bulwark.ledger.keys.LoadedPrivateKey;
import org.bulwark.ledger.trust.PackageType;
import org.bulwark.ledger.trust.TrustRegistry;
import org.bulwark.ledger.trust.TrustVerdict;
import org.bulwark.ledger.pkg.Verification.Check;
import org.bulwark.ledger.pkg.Verification.Failed;
import org.bulwark.model.BadInputException;

/** Signed packages for removable media: create, inspect, verify (docs/packages-and-keys.md). */
public final class Packages {
    static final String MANIFEST = "manifest.json";
    static final String SIGNATURE = "manifest.sig";

    private Packages() {}

    /** What to package and how. */
    public record Request(PackageType type, Optional<String> election, Mode mode, List<PackageFile> files) {
        public Request {
            files = List.copyOf(files);
            if (election.isPresent() && !election.get().matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("an election fingerprint is 64 lower-case hex digits");
            }
        }
    }

    /**
     * Writes a signed package to {@code out} (refusing to overwrite it): the files, then
     * manifest.json and manifest.sig, written to a temporary name and moved into place.
     */
    public static Manifest create(Request request, LoadedPrivateKey key, Path out, Clock clock) throws IOException {
        return create(request, key, out, clock, ZipLayout.STANDARD);
    }

    /** {@link #create} in a given layout: tests force zip64 records onto small files with it. */
    static Manifest create(Request request, LoadedPrivateKey key, Path out, Clock clock, ZipLayout layout) throws IOException {
        if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            throw new BadInputException(out.toString(), "file", "already exists: choose another name for the package");
        }
        Set<String> names = new HashSet<>(Set.of(MANIFEST, SIGNATURE));
        for (PackageFile f : request.files()) {
            if (!names.add(f.name()) || names.stream().filter(n -> n.equalsIgnoreCase(f.name())).count() > 1) {
                throw new BadInputException(f.source().toString(), "name", "'" + f.name() + "' is already in the package (names must differ, also in case)");
            }
            if (!f.name().matches("[A-Za-z0-9][A-Za-z0-9._ -]{0,199}")) {
                throw new BadInputException(f.source().toString(), "name", "'" + f.name()
                        + "' cannot be a package file name: use letters, digits, '.', '_', '-' and spaces");
            }
            if (!Files.isRegularFile(f.source())) {
                throw new BadInputException(f.source().toString(), "file", Files.exists(f.source()) ? "is not a plain file" : "no such file");
            }
        }
        var pub = key.publicKey();
        Path tmp = out.resolveSibling(out.getFileName() + ".partial");
        Files.deleteIfExists(tmp);
        Manifest manifest;
        try (ZipWriter zip = new ZipWriter(tmp, layout)) {
            List<Manifest.FileEntry> entries = new ArrayList<>();
            for (PackageFile f : request.files()) {
                ZipWriter.Added added = zip.add(f.name(), f.source());
                entries.add(new Manifest.FileEntry(f.name(), added.size(), added.sha256(), f.cvrs()));
            }
            manifest = new Manifest(request.type(), Manifest.FORMAT_VERSION, request.election(), key.id(), key.role(), key.jurisdiction(),
                    Ed25519.fingerprint(pub), clock.instant(), request.mode(), entries);
            byte[] manifestBytes = ManifestJson.write(manifest);
            byte[] signature = Ed25519.sign(key.key(), SignatureFile.signedMessage(request.type(), manifestBytes));
            zip.add(MANIFEST, manifestBytes);
            zip.add(SIGNATURE, new SignatureFile(request.type(), pub, signature).bytes());
            zip.finish();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        try {
            Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, out);
        }
        return manifest;
    }

    /** What to check besides the package itself. */
    public record Expectations(Optional<String> election, Optional<Mode> mode, Optional<ReplayGuard> replay, Optional<CvrReader> cvrs,
            ZipLimits limits) {
        public static Expectations none() {
            return new Expectations(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), ZipLimits.DEFAULT);
        }

        public Expectations withCvrs(CvrReader reader) {
            return new Expectations(election, mode, replay, Optional.of(reader), limits);
        }
    }

    /**
     * Verifies a package, in order, stopping at the first failure: archive form, signature, signed
     * manifest, signer, every file's hash, file set, CVR Merkle roots (with a CVR reader), election,
     * mode, replay. No file content is read before the signature and signer hold, and none is
     * parsed before every hash has passed.
     */
    public static Verification verify(Path pkg, TrustRegistry trust, Expectations expect) throws IOException {
        return verify(pkg, trust, expect, (valid, files) -> { });
    }

    /** What to do with a package's files once it has passed verification, while its archive is still open. */
    @FunctionalInterface
    public interface VerifiedUse {
        void use(Verification.Valid valid, VerifiedFiles files) throws IOException;
    }

    /**
     * Verifies a package as {@link #verify(Path, TrustRegistry, Expectations)} does and, only when it
     * is valid, hands its files to {@code use} before the archive is closed. Verify and use read the
     * same open file, and {@link VerifiedFiles} hashes what is read again, so bytes that change on the
     * medium after verification are noticed too.
     */
    public static Verification verify(Path pkg, TrustRegistry trust, Expectations expect, VerifiedUse use) throws IOException {
        return verify(pkg, trust, expect, use, ZipLayout.STANDARD);
    }

    static Verification verify(Path pkg, TrustRegistry trust, Expectations expect, VerifiedUse use, ZipLayout layout) throws IOException {
        String file = pkg.getFileName().toString();
        try (SafeZip zip = SafeZip.open(pkg, expect.limits(), layout)) {
            Verification v = check(zip, file, trust, expect);
            if (v instanceof Verification.Valid valid) {
                use.use(valid, new VerifiedFiles(zip, valid.manifest(), file));
            }
            return v;
        } catch (SafeZip.Unsafe u) {
            return new Failed(Check.ARCHIVE, file + ": archive: " + u.getMessage());
        }
    }

    private static Verification check(SafeZip zip, String file, TrustRegistry trust, Expectations expect)
            throws IOException, SafeZip.Unsafe {
        Optional<SafeZip.Entry> manifestEntry = zip.entry(MANIFEST);
        Optional<SafeZip.Entry> signatureEntry = zip.entry(SIGNATURE);
        if (signatureEntry.isEmpty()) {
            return new Failed(Check.SIGNATURE, file + ": signature: there is no manifest.sig: the package is not signed");
        }
        if (manifestEntry.isEmpty()) {
            return new Failed(Check.SIGNATURE, file + ": signature: there is no manifest.json: there is nothing the signature could cover");
        }
        Optional<byte[]> sigBytes = zip.readSmall(signatureEntry.get(), SignatureFile.MAX_BYTES);
        Optional<byte[]> manifestBytes = zip.readSmall(manifestEntry.get(), expect.limits().maxManifestBytes());
        if (sigBytes.isEmpty() || manifestBytes.isEmpty()) {
            return new Failed(Check.SIGNATURE, file + ": signature: " + (sigBytes.isEmpty() ? SIGNATURE : MANIFEST)
                    + " does not match its zip checksum: the package was altered");
        }
        SignatureFile sig;
        try {
            sig = SignatureFile.parse(sigBytes.get());
        } catch (ManifestJson.Problem p) {
            return new Failed(Check.SIGNATURE, file + ": signature: " + p.getMessage());
        }
        if (!Ed25519.verify(sig.key(), SignatureFile.signedMessage(sig.type(), manifestBytes.get()), sig.signature())) {
            return new Failed(Check.SIGNATURE, file + ": signature: the signature in manifest.sig does not match manifest.json "
                    + "for " + sig.type().aPackage() + ": the manifest or signature was altered, or was signed as another kind");
        }
        Manifest manifest;
        try {
            manifest = ManifestJson.read(manifestBytes.get());
        } catch (ManifestJson.Problem p) {
            return new Failed(Check.MANIFEST, file + ": manifest.json: " + p.getMessage());
        }
        if (!manifest.type().equals(sig.type())) {
            return new Failed(Check.MANIFEST, file + ": manifest.json: says it is " + manifest.type().aPackage()
                    + " but was signed as " + sig.type().aPackage());
        }
        if (!manifest.producerKey().equals(Ed25519.fingerprint(sig.key()))) {
            return new Failed(Check.MANIFEST, file + ": manifest.json: names the producer key " + manifest.producerKey().shortForm()
                    + " but was signed with key " + Ed25519.fingerprint(sig.key()).shortForm());
        }
        // Validity is judged at the creation time the signer vouched for; revocation holds whatever that time.
        TrustVerdict verdict = trust.check(sig.key(), manifest.type(), manifest.created());
        if (!(verdict instanceof TrustVerdict.Trusted trusted)) {
            return new Failed(Check.SIGNER, file + ": signer: " + verdict.message());
        }
        Optional<Failed> files = checkFiles(zip, manifest, file);
        if (files.isPresent()) {
            return files.get();
        }
        if (expect.cvrs().isPresent()) {
            Optional<Failed> roots = checkCvrRoots(zip, manifest, expect.cvrs().get(), file);
            if (roots.isPresent()) {
                return roots.get();
            }
        }
        if (expect.election().isPresent() && !manifest.election().equals(expect.election())) {
            return new Failed(Check.ELECTION, file + ": election: the package is for election "
                    + manifest.election().map(e -> e.substring(0, 7)).orElse("(none named)") + ", not " + expect.election().get().substring(0, 7));
        }
        if (expect.mode().isPresent() && manifest.mode() != expect.mode().get()) {
            return new Failed(Check.MODE, file + ": mode: the package is " + manifest.mode().word() + " material, not " + expect.mode().get().word());
        }
        PackageId id = new PackageId(HexFormat.of().formatHex(CvrMerkle.sha256().digest(manifestBytes.get())));
        if (expect.replay().isPresent() && expect.replay().get().alreadyImported(id)) {
            return new Failed(Check.REPLAY, file + ": replay: this package (" + id.shortForm() + ") was already imported");
        }
        return new Verification.Valid(id, manifest, trusted.entry(), expect.cvrs().isPresent(), expect.replay().isPresent());
    }

    private static Optional<Failed> checkFiles(SafeZip zip, Manifest manifest, String file) throws IOException {
        Set<String> listed = new HashSet<>();
        for (Manifest.FileEntry f : manifest.files()) {
            if (!listed.add(f.name()) || f.name().equals(MANIFEST) || f.name().equals(SIGNATURE)) {
                return Optional.of(new Failed(Check.MANIFEST, file + ": manifest.json: lists '" + f.name() + "' twice or as a manifest file"));
            }
            Optional<SafeZip.Entry> entry = zip.entry(f.name());
            if (entry.isEmpty()) {
                continue; // a missing file is the file-set check's to report
            }
            if (entry.get().size() != f.size()) {
                return Optional.of(new Failed(Check.FILE_HASH, file + ": file hash: '" + f.name() + "' is " + entry.get().size()
                        + " bytes; the manifest says " + f.size()));
            }
            SafeZip.Hashed h = zip.hash(entry.get());
            if (!h.sha256().equals(f.sha256())) {
                return Optional.of(new Failed(Check.FILE_HASH, file + ": file hash: '" + f.name() + "' has SHA-256 " + h.sha256().substring(0, 16)
                        + "..., the manifest says " + f.sha256().substring(0, 16) + "...: the file was altered or replaced"));
            }
            if (!h.crcMatches()) {
                return Optional.of(new Failed(Check.ARCHIVE, file + ": archive: '" + f.name() + "' does not match its zip checksum"));
            }
        }
        for (Manifest.FileEntry f : manifest.files()) {
            if (zip.entry(f.name()).isEmpty()) {
                return Optional.of(new Failed(Check.FILE_SET, file + ": file set: '" + f.name() + "' is listed in the manifest but missing from the package"));
            }
        }
        for (SafeZip.Entry e : zip.entries()) {
            if (!listed.contains(e.name()) && !e.name().equals(MANIFEST) && !e.name().equals(SIGNATURE)) {
                return Optional.of(new Failed(Check.FILE_SET, file + ": file set: '" + e.name() + "' is in the package but not in the manifest"));
            }
        }
        return Optional.empty();
    }

    /** Content is parsed only here, after every hash has passed and the file set is complete. */
    private static Optional<Failed> checkCvrRoots(SafeZip zip, Manifest manifest, CvrReader reader, String file) throws IOException {
        for (Manifest.FileEntry f : manifest.files()) {
            if (f.cvrs().isEmpty()) {
                continue;
            }
            CvrMerkle merkle = new CvrMerkle();
            try (var in = zip.open(zip.entry(f.name()).orElseThrow())) {
                reader.read(in, file + "!" + f.name(), merkle::add);
            } catch (BadInputException e) {
                return Optional.of(new Failed(Check.CVR_ROOT, file + ": CVR Merkle root: '" + f.name() + "' cannot be read as CVRs: " + e.getMessage()));
            }
            Optional<String> mismatch = cvrMismatch(file, f, merkle.summary());
            if (mismatch.isPresent()) {
                return Optional.of(new Failed(Check.CVR_ROOT, mismatch.get()));
            }
        }
        return Optional.empty();
    }

    /**
     * How the CVRs read from a listed CVR file differ from what the signed manifest says of them
     * (count and Merkle root), or empty when they agree.
     */
    public static Optional<String> cvrMismatch(String packageName, Manifest.FileEntry file, Manifest.CvrSummary actual) {
        Manifest.CvrSummary claimed = file.cvrs().orElseThrow(() -> new IllegalArgumentException("'" + file.name() + "' is not a CVR file"));
        if (actual.equals(claimed)) {
            return Optional.empty();
        }
        return Optional.of(packageName + ": CVR Merkle root: '" + file.name() + "' holds " + actual.count() + " CVRs with Merkle root "
                + actual.merkleRoot().substring(0, 16) + "...; the manifest says " + claimed.count() + " with root "
                + claimed.merkleRoot().substring(0, 16) + "...");
    }

    /** A package's manifest as it claims, without any check but the archive's form. */
    public sealed interface Inspection {
        record Read(Manifest manifest, boolean signaturePresent) implements Inspection {}

        record Unreadable(String message) implements Inspection {}
    }

    /** Reads the manifest without verifying anything: for people to look at a package, never to trust it. */
    public static Inspection inspect(Path pkg) throws IOException {
        String file = pkg.getFileName().toString();
        try (SafeZip zip = SafeZip.open(pkg, ZipLimits.DEFAULT, ZipLayout.STANDARD)) {
            Optional<SafeZip.Entry> m = zip.entry(MANIFEST);
            if (m.isEmpty()) {
                return new Inspection.Unreadable(file + ": there is no manifest.json");
            }
            Optional<byte[]> bytes = zip.readSmall(m.get(), ZipLimits.DEFAULT.maxManifestBytes());
            if (bytes.isEmpty()) {
                return new Inspection.Unreadable(file + ": manifest.json does not match its zip checksum");
            }
            return new Inspection.Read(ManifestJson.read(bytes.get()), zip.entry(SIGNATURE).isPresent());
        } catch (SafeZip.Unsafe u) {
            return new Inspection.Unreadable(file + ": archive: " + u.getMessage());
        } catch (ManifestJson.Problem p) {
            return new Inspection.Unreadable(file + ": manifest.json: " + p.getMessage());
        }
    }
}
