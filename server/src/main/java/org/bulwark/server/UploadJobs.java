package org.bulwark.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.bulwark.ledger.pkg.Manifest;
import org.bulwark.ledger.pkg.Mode;
import org.bulwark.ledger.pkg.Packages;
import org.bulwark.model.CountingGroup;
import org.bulwark.model.GpUnitId;
import org.bulwark.model.events.Actor;
import org.bulwark.model.events.Disposition;
import org.bulwark.model.events.EventHeader;
import org.bulwark.model.events.Jurisdiction;
import org.bulwark.model.events.LogEvent;
import org.bulwark.store.PackageImports;
import org.bulwark.store.Workspace;

/**
 * Results-package uploads, each worked on its own thread while its page shows how far it got:
 * the package must claim the authority it is uploaded for, then the store's verify-then-import
 * ({@link PackageImports}: archive, signature, signer and role in the workspace's trust registry,
 * every hash, election, mode, replay, then the CVRs with their Merkle roots, in one transaction)
 * does the rest. Every outcome is logged under the uploader's name: the import's own events, and
 * for a refusal (which changes nothing in the workspace) a PACKAGE_REFUSED entry naming the check.
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
        ELECTION("The package belongs to a different election."),
        MODE("The package is test material where official results were expected, or the other way round."),
        REPLAY("This package was already imported."),
        NOT_RESULTS("This is not a results package."),
        NO_CVR_FILES("The results package holds no cast vote records."),
        UNREADABLE_CVRS("The package's cast vote records cannot be read as CVRs of this election."),
        CVR_ROOT("The cast vote records do not match the counts and Merkle roots the device signed."),
        CVR_FILE_ALREADY_IMPORTED("A CVR file of this package is already in the workspace."),
        JURISDICTION("The package was signed for another authority."),
        OUTSIDE_AUTHORITY("The package holds ballots of precincts that are not this authority's."),
        IMPORT("The package could not be read from the server's disk.");

        final String headline;

        Failure(String headline) {
            this.headline = headline;
        }

        static Failure of(PackageImports.Refusal refusal) {
            return switch (refusal) {
                case ARCHIVE -> ARCHIVE;
                case SIGNATURE -> SIGNATURE;
                case MANIFEST -> MANIFEST;
                case SIGNER -> SIGNER;
                case FILE_HASH -> FILE_HASH;
                case FILE_SET -> FILE_SET;
                case ELECTION -> ELECTION;
                case MODE -> MODE;
                case REPLAY -> REPLAY;
                case NOT_RESULTS -> NOT_RESULTS;
                case NO_CVR_FILES -> NO_CVR_FILES;
                case UNREADABLE_CVRS -> UNREADABLE_CVRS;
                case CVR_ROOT -> CVR_ROOT;
                case CVR_FILE_ALREADY_IMPORTED -> CVR_FILE_ALREADY_IMPORTED;
                case OUTSIDE_AUTHORITY -> OUTSIDE_AUTHORITY;
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
     * Runs an upload to its end on the calling thread (the job's own thread, or a test or benchmark):
     * the jurisdiction the package claims is compared with the authority first (a package for
     * another authority is not even verified; one claiming none is left to the signer check, as only
     * state keys have none and they may not sign results), then the store's {@link PackageImports} verifies and
     * imports it in one transaction, under the uploader's name. The claim read before verification
     * is safe to act on only as a refusal: the import verifies the signature over the very bytes it
     * was read from (the server's own copy of the upload).
     */
    Stage run(Job job, Path upload) throws IOException {
        Request r = job.request();
        if (Packages.inspect(upload) instanceof Packages.Inspection.Read claimed
                && claimed.manifest().producerJurisdiction().filter(j -> !j.equals(r.authority().value())).isPresent()) {
            Manifest m = claimed.manifest();
            return refuse(r, Failure.JURISDICTION, r.fileName() + ": signer: it says it was signed by " + m.producerRole().text() + " "
                    + m.producerId() + " of " + m.producerJurisdiction().orElse("no authority") + ", not of " + r.authority().value());
        }
        job.stage().set(new Stage.Working("Verifying the signature, the signer and every hash, then importing the CVRs "
                + "(one transaction: all or nothing)", 0));
        PackageImports.Outcome outcome;
        try (Workspace as = Workspace.open(portal.location, portal.clock, r.user().actor())) {
            outcome = as.packageImports().importPackage(new PackageImports.Request(upload, Optional.of(r.election().stored().ref()),
                    r.mode(), r.countingGroup(), Optional.of(r.authority())));
        } finally {
            portal.data.changed();
        }
        return switch (outcome) {
            case PackageImports.Outcome.Refused no -> refuse(r, Failure.of(no.refusal()),
                    no.message().replace(upload.getFileName().toString(), r.fileName()));
            case PackageImports.Outcome.Imported ok -> new Stage.Imported(ok.id().shortForm(), ok.files().size(), ok.cvrCount());
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
