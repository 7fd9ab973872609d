package org.bulwark.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.bulwark.formats.cvr.CvrFiles;
import org.bulwark.formats.cvr.CvrReadOptions;
import org.bulwark.ledger.pkg.CvrMerkle;
import org.bulwark.ledger.pkg.Manifest;
import org.bulwark.ledger.pkg.Mode;
import org.bulwark.ledger.pkg.PackageId;
import org.bulwark.ledger.pkg.Packages;
import org.bulwark.ledger.pkg.Verification;
import org.bulwark.ledger.pkg.VerifiedFiles;
import org.bulwark.ledger.pkg.ZipLimits;
import org.bulwark.ledger.trust.PackageType;
import org.bulwark.ledger.trust.TrustEntry;
import org.bulwark.model.BadInputException;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.CountingGroup;
import org.bulwark.model.ElectionIndex;
import org.bulwark.model.GpUnit;
import org.bulwark.model.GpUnitId;
import org.bulwark.model.events.LogEvent;
import org.bulwark.store.WorkspaceException.DuplicateImport;

/**
 * Verify-then-import of a signed results package into a workspace: the one code path for the
 * command line ({@code bulwark package import}) and the web portal's uploads.
 *
 * <p>Everything happens in ONE write transaction: the package is verified against the workspace's
 * trust registry and its record of imported packages (signature, signer, file hashes, file set,
 * election, mode, replay), and only then are its CVR files read, each CVR checked against the
 * election and staged, each file's CVR count and Merkle root compared with the signed manifest and
 * its bytes hashed again as read. The PACKAGE_IMPORTED event and the replay record land in the same
 * transaction. Any refusal, at any step, rolls everything back: a refused package changes nothing,
 * not even the log.
 */
public final class PackageImports {
    private static final String FORMAT = "NIST SP 1500-103 (from a signed results package)";

    private final Workspace workspace;
    /**
     * The election imported into last, read and indexed: a stored election never changes (it is
     * its fingerprint), and reading and validating a statewide definition costs far more than a
     * precinct's package, which an election night brings hundreds of.
     */
    private Optional<Indexed> last = Optional.empty();

    private record Indexed(long id, String fingerprint, ElectionIndex index) {}

    PackageImports(Workspace workspace) {
        this.workspace = workspace;
    }

    /**
     * What to import and how.
     *
     * @param election the workspace election the package must be for; empty: the one whose
     *     fingerprint the manifest names
     * @param mode the mode the package must be in: the importer states it, so test material never
     *     lands in an official count by accident
     * @param countingGroup how the package's ballots were cast (NIST CVRs do not say)
     * @param authority the election authority (GpUnit id) the package is for, as the portal's upload
     *     page states it: every CVR must be of one of its precincts. Empty: the signer's jurisdiction,
     *     when it names an election authority of the election (by id or name); a jurisdiction that
     *     names none is not checked (see docs/packages-and-keys.md)
     */
    public record Request(Path pkg, Optional<ElectionRef> election, Mode mode, CountingGroup countingGroup, Optional<GpUnitId> authority) {
        public Request {
            Objects.requireNonNull(pkg, "pkg");
            Objects.requireNonNull(election, "election");
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(countingGroup, "countingGroup");
            Objects.requireNonNull(authority, "authority");
        }

        /** The authority is the signer's jurisdiction (the command line's {@code package import}). */
        public Request(Path pkg, Optional<ElectionRef> election, Mode mode, CountingGroup countingGroup) {
            this(pkg, election, mode, countingGroup, Optional.empty());
        }
    }

    /** Why a package was not imported; each with its own message. */
    public enum Refusal {
        /** The zip is not in the one safe package form (traversal, links, duplicates, truncation, ...). */
        ARCHIVE,
        /** manifest.sig is missing or does not verify. */
        SIGNATURE,
        /** The signed manifest cannot be read or contradicts the signature. */
        MANIFEST,
        /** The signer is unknown, revoked, outside its validity or may not sign this type. */
        SIGNER,
        /** A file's bytes are not those the manifest lists (also: changed on the medium after verification). */
        FILE_HASH,
        /** A listed file is missing or an unlisted one is present. */
        FILE_SET,
        /** The package is for another election, names none, or its election is not in the workspace. */
        ELECTION,
        /** The package is test material and official was stated, or the other way round. */
        MODE,
        /** This package was imported before. */
        REPLAY,
        /** Not a results package: only results packages carry CVRs to import. */
        NOT_RESULTS,
        /** The results package holds no CVR file. */
        NO_CVR_FILES,
        /** A CVR file cannot be read as CVRs of the election. */
        UNREADABLE_CVRS,
        /** A CVR file's CVRs do not give the count and Merkle root the manifest signs. */
        CVR_ROOT,
        /** A CVR file of the package (same SHA-256) is already in the workspace, e.g. imported by hand. */
        CVR_FILE_ALREADY_IMPORTED,
        /** CVRs of precincts outside the authority the package is for, or an authority the election does not have. */
        OUTSIDE_AUTHORITY;

        static Refusal of(Verification.Check check) {
            return switch (check) {
                case ARCHIVE -> ARCHIVE;
                case SIGNATURE -> SIGNATURE;
                case MANIFEST -> MANIFEST;
                case SIGNER -> SIGNER;
                case FILE_HASH -> FILE_HASH;
                case FILE_SET -> FILE_SET;
                case CVR_ROOT -> CVR_ROOT;
                case ELECTION -> ELECTION;
                case MODE -> MODE;
                case REPLAY -> REPLAY;
            };
        }
    }

    /** The outcome of an import. */
    public sealed interface Outcome {
        /** The package was verified and its CVR files imported; {@code logIndex} is its PACKAGE_IMPORTED entry. */
        record Imported(PackageId id, Manifest manifest, TrustEntry signer, StoredElection election, List<ImportedFile> files,
                long logIndex) implements Outcome {
            public Imported {
                files = List.copyOf(files);
            }

            public long cvrCount() {
                return files.stream().mapToLong(ImportedFile::cvrCount).sum();
            }
        }

        /** Nothing was imported or logged; the message names the package, the place and the problem. */
        record Refused(Refusal refusal, String message) implements Outcome {}
    }

    private ElectionIndex index(StoredElection election) throws SQLException {
        Optional<Indexed> cached = last.filter(i -> i.id() == election.ref().id() && i.fingerprint().equals(election.fingerprint()));
        if (cached.isPresent()) {
            return cached.get().index();
        }
        ElectionIndex index = ElectionIndex.of(workspace.readElection(election));
        last = Optional.of(new Indexed(election.ref().id(), election.fingerprint(), index));
        return index;
    }

    /** A refusal found inside the transaction, thrown so that the transaction rolls back. */
    private static final class RefusedImport extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Outcome.Refused refused;

        RefusedImport(Refusal refusal, String message) {
            super(message, null, false, false);
            this.refused = new Outcome.Refused(refusal, message);
        }
    }

    /**
     * Verifies the package and, if it passes, imports its CVR files, all in one transaction.
     *
     * @throws WorkspaceException.UnknownElection when {@code request.election()} is not in the workspace
     * @throws IOException when the package file cannot be read (it is not there, a read error)
     */
    public Outcome importPackage(Request request) throws IOException {
        Optional<StoredElection> chosen = request.election().map(workspace::election);
        String name = request.pkg().getFileName().toString();
        try {
            return workspace.write("import the package " + name, () -> inTransaction(request, chosen, name));
        } catch (RefusedImport r) {
            return r.refused;
        }
    }

    private Outcome.Imported inTransaction(Request request, Optional<StoredElection> chosen, String name) throws IOException, SQLException {
        Packages.Expectations expect = new Packages.Expectations(chosen.map(StoredElection::fingerprint), Optional.of(request.mode()),
                Optional.of(id -> {
                    try {
                        return workspace.packageImported(id.sha256());
                    } catch (SQLException e) {
                        throw new LogStore.SqlInReader(e);
                    }
                }), Optional.empty(), ZipLimits.DEFAULT);
        List<Outcome.Imported> imported = new ArrayList<>(1);
        Verification v = Packages.verify(request.pkg(), workspace.replayTrust(), expect,
                (valid, files) -> imported.add(sql(() -> importVerified(request, chosen, name, valid, files))));
        return switch (v) {
            case Verification.Failed f -> throw new RefusedImport(Refusal.of(f.check()), f.message());
            case Verification.Valid valid -> imported.getFirst();
        };
    }

    private Outcome.Imported importVerified(Request request, Optional<StoredElection> chosen, String name, Verification.Valid valid,
            VerifiedFiles files) throws SQLException, IOException {
        Manifest manifest = valid.manifest();
        if (!(manifest.type() instanceof PackageType.Results)) {
            throw new RefusedImport(Refusal.NOT_RESULTS, name + ": import: this is " + manifest.type().aPackage()
                    + "; only results packages carry CVRs to import (check it with bulwark package verify)");
        }
        List<Manifest.FileEntry> cvrFiles = manifest.files().stream().filter(f -> f.cvrs().isPresent()).toList();
        if (cvrFiles.isEmpty()) {
            throw new RefusedImport(Refusal.NO_CVR_FILES, name + ": import: the package lists no CVR file (no file with a CVR count "
                    + "and Merkle root in its manifest), so there is nothing to import");
        }
        StoredElection election = chosen.isPresent() ? chosen.get() : electionNamedBy(manifest, name);
        ElectionIndex index = index(election);
        CvrReadOptions options = CvrReadOptions.strict().withCountingGroup(request.countingGroup());
        Optional<Authority> authority = authority(request, valid, index, name);
        Map<GpUnitId, Long> outside = new TreeMap<>(Comparator.comparing(GpUnitId::value));
        Consumer<CastVoteRecord> counted = cvr -> {
            if (authority.isPresent() && !authority.get().units().contains(cvr.ballotStyleUnit())) {
                outside.merge(cvr.ballotStyleUnit(), 1L, Long::sum);
            }
        };
        List<ImportedFile> imported = new ArrayList<>();
        for (Manifest.FileEntry file : cvrFiles) {
            imported.add(importCvrFile(request, name, election, index, options, file, files, counted));
        }
        if (!outside.isEmpty()) {
            GpUnit a = authority.orElseThrow().unit();
            long cvrs = outside.values().stream().mapToLong(Long::longValue).sum();
            List<String> listed = outside.entrySet().stream().limit(MAX_LISTED)
                    .map(e -> e.getKey().value() + index.gpUnit(e.getKey()).map(u -> " " + u.name()).orElse("") + " (" + e.getValue()
                            + (e.getValue() == 1 ? " CVR)" : " CVRs)")).toList();
            throw new RefusedImport(Refusal.OUTSIDE_AUTHORITY, name + ": precincts: " + cvrs + (cvrs == 1 ? " CVR is" : " CVRs are")
                    + " of " + (outside.size() == 1 ? "a precinct" : outside.size() + " precincts") + " outside " + a.name() + " (" + a.id().value()
                    + "): " + String.join(", ", listed) + (outside.size() > MAX_LISTED ? ", ..." : "")
                    + "; a results package of an authority holds only the ballots of its own precincts");
        }
        Optional<Long> logIndex = workspace.recordPackageImportIn(new LogEvent.PackageImported(
                workspace.header(workspace.now(), workspace.electionFacts(election.ref()).jurisdiction()),
                valid.id().sha256(), manifest.type().word()));
        if (logIndex.isEmpty()) {
            throw new RefusedImport(Refusal.REPLAY, name + ": replay: this package (" + valid.id().shortForm()
                    + ") was imported by someone else while this import ran");
        }
        return new Outcome.Imported(valid.id(), manifest, valid.signer(), election, imported, logIndex.get());
    }

    /** The most precincts a refusal lists by name. */
    private static final int MAX_LISTED = 20;

    /** The election authority whose precincts the package's CVRs must be of. */
    private record Authority(GpUnit unit, Set<GpUnitId> units) {}

    private static Optional<Authority> authority(Request request, Verification.Valid valid, ElectionIndex index, String name) {
        List<GpUnit> authorities = index.election().gpUnits().stream().filter(GpUnit::authority).toList();
        Optional<GpUnit> unit;
        if (request.authority().isPresent()) {
            GpUnitId given = request.authority().get();
            unit = authorities.stream().filter(u -> u.id().equals(given)).findFirst();
            if (unit.isEmpty()) {
                throw new RefusedImport(Refusal.OUTSIDE_AUTHORITY, name + ": authority: the election has no election authority "
                        + given.value() + "; its authorities: " + String.join(", ", authorities.stream().map(u -> u.id().value()).toList()));
            }
        } else {
            Optional<String> jurisdiction = valid.signer().key().jurisdiction();
            unit = authorities.stream().filter(u -> jurisdiction.filter(j -> j.equals(u.id().value()) || j.equals(u.name())).isPresent())
                    .findFirst();
        }
        return unit.map(u -> new Authority(u, index.unitsComposing(u.id())));
    }

    private StoredElection electionNamedBy(Manifest manifest, String name) throws SQLException {
        if (manifest.election().isEmpty()) {
            throw new RefusedImport(Refusal.ELECTION, name + ": election: the package names no election; a results package must "
                    + "name the election its CVRs belong to");
        }
        String fingerprint = manifest.election().get();
        return workspace.findElection("fingerprint = ?", fingerprint).orElseThrow(() -> new RefusedImport(Refusal.ELECTION,
                name + ": election: the package is for election " + fingerprint.substring(0, 7)
                        + ", which is not in this workspace; import its definition first"));
    }

    private ImportedFile importCvrFile(Request request, String name, StoredElection election, ElectionIndex index,
            CvrReadOptions options, Manifest.FileEntry file, VerifiedFiles files, Consumer<CastVoteRecord> seen)
            throws SQLException, IOException {
        String source = name + "!" + file.name();
        CvrMerkle merkle = new CvrMerkle();
        ImportedFile done;
        try {
            done = workspace.importInTransaction(election.ref(), source, FORMAT, file.sha256(), request.countingGroup(), sink -> {
                try (InputStream in = files.open(file)) {
                    CvrFiles.read(in, source, index, options, cvr -> {
                        merkle.add(cvr);
                        seen.accept(cvr);
                        sink.accept(cvr);
                    });
                    in.transferTo(OutputStream.nullOutputStream()); // to the end, where the bytes' hash is checked
                }
            });
        } catch (VerifiedFiles.Changed e) {
            throw new RefusedImport(Refusal.FILE_HASH, e.getMessage());
        } catch (DuplicateImport e) {
            throw new RefusedImport(Refusal.CVR_FILE_ALREADY_IMPORTED, source + ": import: this CVR file is already in the workspace"
                    + " (CVR import #" + e.earlierId() + ", " + e.earlierSourceName() + ", at " + e.earlierImportedAt() + ")");
        } catch (Workspace.LostRace e) {
            throw new RefusedImport(Refusal.CVR_FILE_ALREADY_IMPORTED, source + ": import: this CVR file was imported by someone else"
                    + " while this import ran");
        } catch (BadInputException e) {
            throw new RefusedImport(Refusal.UNREADABLE_CVRS, name + ": CVRs: '" + file.name() + "' cannot be imported: " + e.getMessage());
        }
        Optional<String> mismatch = Packages.cvrMismatch(name, file, merkle.summary());
        if (mismatch.isPresent()) {
            throw new RefusedImport(Refusal.CVR_ROOT, mismatch.get());
        }
        return done;
    }

    /** SQL inside the package reader's callbacks, whose interfaces allow no SQLException. */
    @FunctionalInterface
    private interface Sql<T> {
        T run() throws SQLException, IOException;
    }

    private static <T> T sql(Sql<T> work) throws IOException {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new LogStore.SqlInReader(e);
        }
    }
}
