package org.bulwark.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.bulwark.formats.cvr.CvrFiles;
import org.bulwark.formats.cvr.CvrReadOptions;
import org.bulwark.ledger.pkg.CvrMerkle;
import org.bulwark.ledger.pkg.CvrReader;
import org.bulwark.ledger.pkg.Manifest;
import org.bulwark.ledger.pkg.Mode;
import org.bulwark.ledger.pkg.Packages;
import org.bulwark.ledger.pkg.Verification;
import org.bulwark.ledger.pkg.ZipLimits;
import org.bulwark.ledger.trust.PackageType;
import org.bulwark.model.BadInputException;
import org.bulwark.model.CountingGroup;
import org.bulwark.model.GpUnitId;
import org.bulwark.model.events.Actor;
import org.bulwark.model.events.Disposition;
import org.bulwark.model.events.EventHeader;
import org.bulwark.model.events.Jurisdiction;
import org.bulwark.model.events.LogEvent;
import org.bulwark.store.Workspace;
import org.bulwark.store.WorkspaceException;

/**
 * Results-package uploads, each worked on its own thread while its page shows how far it got:
 * verify first (archive, signature, signer and role in the workspace's trust registry, every
 * hash, the CVRs' Merkle roots, election, mode, replay), then check the package is a results
 * package from the authority it is uploaded for, and only then import its CVR files and record the
 * package as imported. Every outcome is logged under the uploader's name.
 *
 * <p>Until the ledger's reusable verify-then-import lands, the CVR files are imported one
 * transaction each and the package is recorded last: if the server stops half-way, the package is
 * not marked imported and uploading it again is refused by the CVR files already imported, by name.
 */
final class UploadJobs {
    /** Why an upload was refused, each with the words an official sees first. */
    enum Failure {
        ARCHIVE("The file is not a complete package: the zip is damaged, truncated or not in the package form."),
        SIGNATURE("The signature does not match: the package was altered after it was signed, or it is not signed."),
        MANIFEST("The package's manifest cannot be read or contradicts its signature."),
        SIGNER("The signer is not trusted: an unknown key, a revoked or expired one, or a key whose role may not sign results."),
        FILE_HASH("A file in the package was altered or replaced after signing."),
        FILE_SET("The package is missing a file its manifest lists, or holds one it does not list."),
        CVR_ROOT("The cast vote records do not match the counts and Merkle roots the device signed."),
        ELECTION("The package belongs to a different election."),
        MODE("The package is test material where official results were expected, or the other way round."),
        REPLAY("This package was already imported."),
        NOT_RESULTS("This is not a results package."),
        JURISDICTION("The package was signed for another authority."),
        IMPORT("The package verified but its CVRs could not be imported.");

        final String headline;

        Failure(String headline) {
            this.headline = headline;
        }

        static Failure of(Verification.Check check) {
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

    sealed interface Stage {
        record Working(String step, long cvrs) implements Stage {}

        record Imported(String packageId, int files, long cvrs) implements Stage {}

        record Refused(Failure failure, String message) implements Stage {}
    }

    /** What the uploader asked for. */
    record Request(User user, GpUnitId authority, PortalData.ElectionView election, Mode mode, CountingGroup countingGroup,
            String fileName) {}

    record Job(String id, Request request, Instant started, AtomicReference<Stage> stage) {}

    /** The folders the upload page stores packages in until their job is done. */
    static final String TEMP_PREFIX = "bulwark-upload-";

    private final PortalContext portal;
    private final ConcurrentHashMap<String, Job> jobs = new ConcurrentHashMap<>();

    UploadJobs(PortalContext portal) {
        this.portal = portal;
    }

    Optional<Job> job(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    List<Job> of(GpUnitId authority) {
        return jobs.values().stream().filter(j -> j.request().authority().equals(authority))
                .sorted((a, b) -> b.started().compareTo(a.started())).toList();
    }

    /** Starts work on an uploaded file (which this class deletes when done). */
    Job start(Request request, Path upload) {
        byte[] id = new byte[12];
        portal.random.nextBytes(id);
        Job job = new Job(HexFormat.of().formatHex(id), request, portal.clock.instant(),
                new AtomicReference<>(new Stage.Working("Received; waiting to start", 0)));
        jobs.put(job.id(), job);
        Thread.ofVirtual().name("upload-" + job.id()).start(() -> {
            try {
                job.stage().set(run(job, upload));
            } catch (RuntimeException | IOException e) {
                job.stage().set(new Stage.Refused(Failure.IMPORT, request.fileName() + ": " + message(e)));
            } finally {
                try {
                    Files.deleteIfExists(upload);
                    if (upload.getParent().getFileName().toString().startsWith(TEMP_PREFIX)) {
                        Files.deleteIfExists(upload.getParent());
                    }
                } catch (IOException e) {
                    // A temporary file left behind is removed with the temporary folder; the outcome stands.
                }
            }
        });
        return job;
    }

    /**
     * Runs an upload to its end on the calling thread (the job's own thread, or a test or benchmark).
     * A package with one CVR file (what a device writes) is read once: the signature, signer and
     * every hash are verified first, and the CVRs' Merkle root is recomputed while they are imported,
     * in the import's transaction, which a mismatch rolls back. A package with several CVR files has
     * every root checked before the first import, so that none is imported if any does not match.
     */
    Stage run(Job job, Path upload) throws IOException {
        Request r = job.request();
        Workspace ws = portal.workspace;
        Optional<Manifest> claimed = switch (Packages.inspect(upload)) {
            case Packages.Inspection.Read read -> Optional.of(read.manifest());
            case Packages.Inspection.Unreadable u -> Optional.empty();
        };
        boolean rootsWhileImporting = claimed.map(m -> m.files().stream().filter(f -> f.cvrs().isPresent()).count() == 1).orElse(false);
        job.stage().set(new Stage.Working("Verifying: signature, signer, file hashes" + (rootsWhileImporting ? "" : ", CVR Merkle roots"), 0));
        Optional<CvrReader> reader = rootsWhileImporting ? Optional.empty() : Optional.of((in, name, sink) ->
                CvrFiles.read(in, name, r.election().index(), CvrReadOptions.strict(), progress(job, "Verifying: reading the CVRs", sink)));
        Verification v = Packages.verify(upload, ws.trustRegistry(), new Packages.Expectations(
                Optional.of(r.election().fingerprint()), Optional.of(r.mode()),
                Optional.of(pid -> ws.isPackageImported(pid.sha256())), reader, ZipLimits.DEFAULT));
        if (v instanceof Verification.Failed f) {
            return refuse(r, Failure.of(f.check()), f.message().replace(upload.getFileName().toString(), r.fileName()));
        }
        Verification.Valid ok = (Verification.Valid) v;
        Manifest m = ok.manifest();
        if (!(m.type() instanceof PackageType.Results)) {
            return refuse(r, Failure.NOT_RESULTS, r.fileName() + ": type: it is " + m.type().aPackage() + ", not a results package");
        }
        if (!m.producerJurisdiction().map(r.authority().value()::equals).orElse(false)) {
            return refuse(r, Failure.JURISDICTION, r.fileName() + ": signer: it was signed by " + m.producerRole().text() + " "
                    + m.producerId() + " of " + m.producerJurisdiction().orElse("no authority") + ", not of " + r.authority().value());
        }
        ws.appendToLog(List.of(new LogEvent.PackageVerified(header(r, Disposition.SUCCESS), ok.id().sha256(), m.type().word(),
                ok.signer().key().id())));
        long imported = 0;
        int files = 0;
        try (Workspace as = Workspace.open(portal.location, portal.clock, r.user().actor());
                ZipFile zip = new ZipFile(upload.toFile())) {
            for (Manifest.FileEntry f : m.files()) {
                if (f.cvrs().isEmpty()) {
                    continue;
                }
                String name = r.fileName() + "!" + f.name();
                ZipEntry entry = zip.getEntry(f.name());
                CvrMerkle merkle = new CvrMerkle();
                try (InputStream in = zip.getInputStream(entry)) {
                    imported += as.importCvrs(r.election().stored().ref(), name,
                            "NIST SP 1500-103 in results package " + ok.id().shortForm(), HexFormat.of().parseHex(f.sha256()),
                            r.countingGroup(), sink -> {
                                CvrFiles.read(in, name, r.election().index(), CvrReadOptions.strict().withCountingGroup(r.countingGroup()),
                                        progress(job, "Importing " + f.name(), cvr -> {
                                            merkle.add(cvr);
                                            sink.accept(cvr);
                                        }));
                                if (!merkle.summary().equals(f.cvrs().get())) {
                                    throw new RootMismatch(r.fileName() + ": CVR Merkle root: '" + f.name() + "' holds "
                                            + merkle.summary().count() + " CVRs with Merkle root " + merkle.summary().merkleRoot().substring(0, 16)
                                            + "...; the manifest says " + f.cvrs().get().count() + " with root "
                                            + f.cvrs().get().merkleRoot().substring(0, 16) + "...");
                                }
                            }).cvrCount();
                }
                files++;
            }
            as.recordPackageImport(new LogEvent.PackageImported(header(r, Disposition.SUCCESS), ok.id().sha256(), m.type().word()));
        } catch (RootMismatch e) {
            return refuse(r, Failure.CVR_ROOT, e.getMessage());
        } catch (WorkspaceException.DuplicateImport | BadInputException e) {
            return refuse(r, Failure.IMPORT, e.getMessage());
        } finally {
            portal.data.changed();
        }
        return new Stage.Imported(ok.id().shortForm(), files, imported);
    }

    /** A CVR file whose records do not give the Merkle root the signer put in the manifest: the import is undone. */
    private static final class RootMismatch extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RootMismatch(String message) {
            super(message);
        }
    }

    /** Passes CVRs on, telling the job's page every thousand. */
    private static java.util.function.Consumer<org.bulwark.model.CastVoteRecord> progress(Job job, String step,
            java.util.function.Consumer<org.bulwark.model.CastVoteRecord> next) {
        AtomicLong count = new AtomicLong();
        return cvr -> {
            long n = count.incrementAndGet();
            if (n % 1_000 == 0) {
                job.stage().set(new Stage.Working(step, n));
            }
            next.accept(cvr);
        };
    }

    private Stage refuse(Request r, Failure failure, String message) {
        portal.workspace.appendToLog(List.of(new LogEvent.PackageRefused(header(r, Disposition.FAILURE), clip(r.fileName()),
                clip(failure.name().toLowerCase(java.util.Locale.ROOT) + ": " + message))));
        return new Stage.Refused(failure, message);
    }

    private EventHeader header(Request r, Disposition d) {
        return new EventHeader(portal.clock.instant(), new Actor(r.user().actor()), Optional.empty(),
                new Jurisdiction.Unit(r.authority()), d);
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    static String clip(String s) {
        String oneLine = s.replaceAll("\\p{Cntrl}", " ").strip();
        return oneLine.isEmpty() ? "(no name)" : oneLine.length() <= 1_000 ? oneLine : oneLine.substring(0, 997) + "...";
    }
}
