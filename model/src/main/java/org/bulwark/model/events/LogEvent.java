package org.bulwark.model.events;

import java.util.List;
import java.util.Optional;

/**
 * An entry of the transparency log: one typed event. To add a kind, add a record here and a
 * constant to {@link EventKind} that reads it back; the encoding, the NIST export and the catalog
 * documentation follow from those two.
 *
 * <p>What is never logged: ballot selections, marks, ballot images, CVR contents, or anything that
 * identifies a voter. Only the typed fields below exist, each a bounded text, a count or a digest.
 */
public sealed interface LogEvent {
    EventHeader header();

    EventKind kind();

    /** The kind-specific fields in their fixed order (the order of the canonical encoding). */
    List<Detail> details();

    private static Detail text(String name, String value) {
        return new Detail.TextValue(name, value);
    }

    private static Detail count(String name, long value) {
        return new Detail.Count(name, value);
    }

    private static Detail digest(String name, Sha256 value) {
        return new Detail.Digest(name, value);
    }

    record ElectionDefinitionImported(EventHeader header, String electionId, Sha256 fingerprint, String sourceName)
            implements LogEvent {
        public ElectionDefinitionImported {
            Text.check("electionId", electionId, Text.SHORT);
            Text.check("sourceName", sourceName, Text.LONG);
        }

        public EventKind kind() {
            return EventKind.ELECTION_DEFINITION_IMPORTED;
        }

        public List<Detail> details() {
            return List.of(text("electionId", electionId), digest("fingerprint", fingerprint),
                    text("sourceName", sourceName));
        }
    }

    record CvrFileImported(EventHeader header, Sha256 electionFingerprint, Sha256 fileSha256, String sourceName,
            String countingGroup, long cvrCount) implements LogEvent {
        public CvrFileImported {
            Text.check("sourceName", sourceName, Text.LONG);
            Text.check("countingGroup", countingGroup, Text.SHORT);
        }

        public EventKind kind() {
            return EventKind.CVR_FILE_IMPORTED;
        }

        public List<Detail> details() {
            return List.of(digest("electionFingerprint", electionFingerprint), digest("fileSha256", fileSha256),
                    text("sourceName", sourceName), text("countingGroup", countingGroup), count("cvrCount", cvrCount));
        }
    }

    record ResultsTabulated(EventHeader header, Sha256 electionFingerprint, long ballotsCounted, long cvrFiles,
            long contests, Sha256 resultsSha256) implements LogEvent {
        public EventKind kind() {
            return EventKind.RESULTS_TABULATED;
        }

        public List<Detail> details() {
            return List.of(digest("electionFingerprint", electionFingerprint), count("ballotsCounted", ballotsCounted),
                    count("cvrFiles", cvrFiles), count("contests", contests), digest("resultsSha256", resultsSha256));
        }
    }

    record KeyAdmitted(EventHeader header, String keyId, String role, Sha256 publicKeySha256, String admittedBy)
            implements LogEvent {
        public KeyAdmitted {
            Text.check("keyId", keyId, Text.SHORT);
            Text.check("role", role, Text.SHORT);
            Text.check("admittedBy", admittedBy, Text.SHORT);
        }

        public EventKind kind() {
            return EventKind.KEY_ADMITTED;
        }

        public List<Detail> details() {
            return List.of(text("keyId", keyId), text("role", role), digest("publicKeySha256", publicKeySha256),
                    text("admittedBy", admittedBy));
        }
    }

    record KeyRevoked(EventHeader header, String keyId, String reason, String revokedBy) implements LogEvent {
        public KeyRevoked {
            Text.check("keyId", keyId, Text.SHORT);
            Text.check("reason", reason, Text.LONG);
            Text.check("revokedBy", revokedBy, Text.SHORT);
        }

        public EventKind kind() {
            return EventKind.KEY_REVOKED;
        }

        public List<Detail> details() {
            return List.of(text("keyId", keyId), text("reason", reason), text("revokedBy", revokedBy));
        }
    }

    record PackageCreated(EventHeader header, String packageId, String packageType, Sha256 manifestSha256)
            implements LogEvent {
        public PackageCreated {
            Text.check("packageId", packageId, Text.SHORT);
            Text.check("packageType", packageType, Text.SHORT);
        }

        public EventKind kind() {
            return EventKind.PACKAGE_CREATED;
        }

        public List<Detail> details() {
            return List.of(text("packageId", packageId), text("packageType", packageType),
                    digest("manifestSha256", manifestSha256));
        }
    }

    record PackageVerified(EventHeader header, String packageId, String packageType, String signerKeyId)
            implements LogEvent {
        public PackageVerified {
            Text.check("packageId", packageId, Text.SHORT);
            Text.check("packageType", packageType, Text.SHORT);
            Text.check("signerKeyId", signerKeyId, Text.SHORT);
        }

        public EventKind kind() {
            return EventKind.PACKAGE_VERIFIED;
        }

        public List<Detail> details() {
            return List.of(text("packageId", packageId), text("packageType", packageType),
                    text("signerKeyId", signerKeyId));
        }
    }

    record PackageImported(EventHeader header, String packageId, String packageType) implements LogEvent {
        public PackageImported {
            Text.check("packageId", packageId, Text.SHORT);
            Text.check("packageType", packageType, Text.SHORT);
        }

        public EventKind kind() {
            return EventKind.PACKAGE_IMPORTED;
        }

        public List<Detail> details() {
            return List.of(text("packageId", packageId), text("packageType", packageType));
        }
    }

    record PackageRefused(EventHeader header, String packageName, String failedCheck) implements LogEvent {
        public PackageRefused {
            Text.check("packageName", packageName, Text.LONG);
            Text.check("failedCheck", failedCheck, Text.LONG);
        }

        public EventKind kind() {
            return EventKind.PACKAGE_REFUSED;
        }

        public List<Detail> details() {
            return List.of(text("packageName", packageName), text("failedCheck", failedCheck));
        }
    }

    record CheckpointSigned(EventHeader header, String origin, long treeSize, Sha256 rootHash, String signerKeyId)
            implements LogEvent {
        public CheckpointSigned {
            Text.check("origin", origin, Text.SHORT);
            Text.check("signerKeyId", signerKeyId, Text.SHORT);
        }

        public EventKind kind() {
            return EventKind.CHECKPOINT_SIGNED;
        }

        public List<Detail> details() {
            return List.of(text("origin", origin), count("treeSize", treeSize), digest("rootHash", rootHash),
                    text("signerKeyId", signerKeyId));
        }
    }

    record CheckpointCosigned(EventHeader header, String origin, long treeSize, Sha256 rootHash, String cosignerKeyId)
            implements LogEvent {
        public CheckpointCosigned {
            Text.check("origin", origin, Text.SHORT);
            Text.check("cosignerKeyId", cosignerKeyId, Text.SHORT);
        }

        public EventKind kind() {
            return EventKind.CHECKPOINT_COSIGNED;
        }

        public List<Detail> details() {
            return List.of(text("origin", origin), count("treeSize", treeSize), digest("rootHash", rootHash),
                    text("cosignerKeyId", cosignerKeyId));
        }
    }

    record DeviceLogImported(EventHeader header, String sourceName, Sha256 fileSha256, long eventCount,
            String hashChain) implements LogEvent {
        public DeviceLogImported {
            Text.check("sourceName", sourceName, Text.LONG);
            Text.check("hashChain", hashChain, Text.LONG);
        }

        public EventKind kind() {
            return EventKind.DEVICE_LOG_IMPORTED;
        }

        public List<Detail> details() {
            return List.of(text("sourceName", sourceName), digest("fileSha256", fileSha256),
                    count("eventCount", eventCount), text("hashChain", hashChain));
        }
    }

    /**
     * One event of an imported device log, header taken from the device (its time stamp, user id,
     * device id, disposition). The device's free-text Details and Description are not carried over:
     * they are the one place a device could have written anything, so only its codes are kept.
     */
    record DeviceEventImported(EventHeader header, String eventId, String eventType, String sequence)
            implements LogEvent {
        public DeviceEventImported {
            if (header.device().isEmpty()) {
                throw new IllegalArgumentException("an imported device event needs its device id");
            }
            Text.check("eventId", eventId, Text.SHORT);
            Text.check("eventType", eventType, Text.SHORT);
            Text.check("sequence", sequence, Text.SHORT);
        }

        public EventKind kind() {
            return EventKind.DEVICE_EVENT_IMPORTED;
        }

        public List<Detail> details() {
            return List.of(text("eventId", eventId), text("eventType", eventType), text("sequence", sequence));
        }
    }

    /** A post-election audit was set up for an election (kind: "missouri" or "rla"). */
    record AuditCreated(EventHeader header, String auditId, Sha256 electionFingerprint, String auditKind) implements LogEvent {
        public AuditCreated {
            Text.check("auditId", auditId, Text.SHORT);
            Text.check("auditKind", auditKind, Text.SHORT);
        }

        public EventKind kind() {
            return EventKind.AUDIT_CREATED;
        }

        public List<Detail> details() {
            return List.of(text("auditId", auditId), digest("electionFingerprint", electionFingerprint), text("auditKind", auditKind));
        }
    }

    /** The public random seed of an audit, as rolled at the public ceremony: logged before any sample is drawn. */
    record AuditSeedEntered(EventHeader header, String auditId, String seed) implements LogEvent {
        public AuditSeedEntered {
            Text.check("auditId", auditId, Text.SHORT);
            Text.check("seed", seed, Text.SHORT);
        }

        public EventKind kind() {
            return EventKind.AUDIT_SEED_ENTERED;
        }

        public List<Detail> details() {
            return List.of(text("auditId", auditId), text("seed", seed));
        }
    }

    /** A ballot manifest was imported into an audit. */
    record AuditManifestImported(EventHeader header, String auditId, String sourceName, Sha256 fileSha256, long ballots)
            implements LogEvent {
        public AuditManifestImported {
            Text.check("auditId", auditId, Text.SHORT);
            Text.check("sourceName", sourceName, Text.LONG);
        }

        public EventKind kind() {
            return EventKind.AUDIT_MANIFEST_IMPORTED;
        }

        public List<Detail> details() {
            return List.of(text("auditId", auditId), text("sourceName", sourceName), digest("fileSha256", fileSha256),
                    count("ballots", ballots));
        }
    }

    /** An audit round was opened and its sample drawn (the digest covers the drawn numbers in order). */
    record AuditSampleDrawn(EventHeader header, String auditId, long round, long draws, Sha256 sampleSha256) implements LogEvent {
        public AuditSampleDrawn {
            Text.check("auditId", auditId, Text.SHORT);
        }

        public EventKind kind() {
            return EventKind.AUDIT_SAMPLE_DRAWN;
        }

        public List<Detail> details() {
            return List.of(text("auditId", auditId), count("round", round), count("draws", draws), digest("sampleSha256", sampleSha256));
        }
    }

    /** An audit round was closed with its outcome (stop, escalate, full hand count). */
    record AuditRoundClosed(EventHeader header, String auditId, long round, String outcome) implements LogEvent {
        public AuditRoundClosed {
            Text.check("auditId", auditId, Text.SHORT);
            Text.check("outcome", outcome, Text.LONG);
        }

        public EventKind kind() {
            return EventKind.AUDIT_ROUND_CLOSED;
        }

        public List<Detail> details() {
            return List.of(text("auditId", auditId), count("round", round), text("outcome", outcome));
        }
    }

    /**
     * A hand count or an audit board's reading was entered; {@code place} says which (precinct and
     * contest, or ballot number). The counts themselves stay in the audit records: only their digest is logged.
     */
    record AuditEntryRecorded(EventHeader header, String auditId, String place, Sha256 entrySha256, String enteredBy)
            implements LogEvent {
        public AuditEntryRecorded {
            Text.check("auditId", auditId, Text.SHORT);
            Text.check("place", place, Text.LONG);
            Text.check("enteredBy", enteredBy, Text.LONG);
        }

        public EventKind kind() {
            return EventKind.AUDIT_ENTRY_RECORDED;
        }

        public List<Detail> details() {
            return List.of(text("auditId", auditId), text("place", place), digest("entrySha256", entrySha256), text("enteredBy", enteredBy));
        }
    }

    /** A discrepancy found by an audit was investigated and resolved. */
    record AuditDiscrepancyResolved(EventHeader header, String auditId, String discrepancy, String resolvedBy) implements LogEvent {
        public AuditDiscrepancyResolved {
            Text.check("auditId", auditId, Text.SHORT);
            Text.check("discrepancy", discrepancy, Text.LONG);
            Text.check("resolvedBy", resolvedBy, Text.LONG);
        }

        public EventKind kind() {
            return EventKind.AUDIT_DISCREPANCY_RESOLVED;
        }

        public List<Detail> details() {
            return List.of(text("auditId", auditId), text("discrepancy", discrepancy), text("resolvedBy", resolvedBy));
        }
    }

    /** The device, when the event happened on one. */
    default Optional<DeviceId> device() {
        return header().device();
    }
}
