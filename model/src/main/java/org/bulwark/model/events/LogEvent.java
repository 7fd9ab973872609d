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

    // ---- custody (issue 5): registry, inventory, seals, transfers, memory, L&A, incidents, readiness ----

    record RegistryEntryRecorded(EventHeader header, String model, String version, String status, String eacCertification)
            implements LogEvent {
        public RegistryEntryRecorded {
            Text.check("model", model, Text.SHORT);
            Text.check("version", version, Text.SHORT);
            Text.check("status", status, Text.SHORT);
            Text.check("eacCertification", eacCertification, Text.SHORT);
        }

        public EventKind kind() {
            return EventKind.REGISTRY_ENTRY_RECORDED;
        }

        public List<Detail> details() {
            return List.of(text("model", model), text("version", version), text("status", status),
                    text("eacCertification", eacCertification));
        }
    }

    record AssetRecorded(EventHeader header, String assetTag, String assetKind, String status, String reason) implements LogEvent {
        public AssetRecorded {
            Text.check("assetTag", assetTag, Text.SHORT);
            Text.check("assetKind", assetKind, Text.SHORT);
            Text.check("status", status, Text.SHORT);
            Text.check("reason", reason, Text.LONG);
        }

        public EventKind kind() {
            return EventKind.ASSET_RECORDED;
        }

        public List<Detail> details() {
            return List.of(text("assetTag", assetTag), text("assetKind", assetKind), text("status", status), text("reason", reason));
        }
    }

    record AssetsImported(EventHeader header, String sourceName, Sha256 fileSha256, long assetCount) implements LogEvent {
        public AssetsImported {
            Text.check("sourceName", sourceName, Text.LONG);
        }

        public EventKind kind() {
            return EventKind.ASSETS_IMPORTED;
        }

        public List<Detail> details() {
            return List.of(text("sourceName", sourceName), digest("fileSha256", fileSha256), count("assetCount", assetCount));
        }
    }

    record SealsIssued(EventHeader header, String authority, long firstNumber, long lastNumber) implements LogEvent {
        public SealsIssued {
            Text.check("authority", authority, Text.SHORT);
        }

        public EventKind kind() {
            return EventKind.SEALS_ISSUED;
        }

        public List<Detail> details() {
            return List.of(text("authority", authority), count("firstNumber", firstNumber), count("lastNumber", lastNumber));
        }
    }

    record SealApplied(EventHeader header, String assetTag, String sealPoint, long sealNumber, String witnesses)
            implements LogEvent {
        public SealApplied {
            Text.check("assetTag", assetTag, Text.SHORT);
            Text.check("sealPoint", sealPoint, Text.SHORT);
            Text.check("witnesses", witnesses, Text.LONG);
        }

        public EventKind kind() {
            return EventKind.SEAL_APPLIED;
        }

        public List<Detail> details() {
            return List.of(text("assetTag", assetTag), text("sealPoint", sealPoint), count("sealNumber", sealNumber),
                    text("witnesses", witnesses));
        }
    }

    record SealVerified(EventHeader header, String assetTag, String sealPoint, long expectedNumber, long observedNumber,
            String condition, String place, String witnesses) implements LogEvent {
        public SealVerified {
            Text.check("assetTag", assetTag, Text.SHORT);
            Text.check("sealPoint", sealPoint, Text.SHORT);
            Text.check("condition", condition, Text.SHORT);
            Text.check("place", place, Text.SHORT);
            Text.check("witnesses", witnesses, Text.LONG);
        }

        public EventKind kind() {
            return EventKind.SEAL_VERIFIED;
        }

        public List<Detail> details() {
            return List.of(text("assetTag", assetTag), text("sealPoint", sealPoint), count("expectedNumber", expectedNumber),
                    count("observedNumber", observedNumber), text("condition", condition), text("place", place),
                    text("witnesses", witnesses));
        }
    }

    record SealBroken(EventHeader header, String assetTag, String sealPoint, long sealNumber, String reason, String witnesses)
            implements LogEvent {
        public SealBroken {
            Text.check("assetTag", assetTag, Text.SHORT);
            Text.check("sealPoint", sealPoint, Text.SHORT);
            Text.check("reason", reason, Text.LONG);
            Text.check("witnesses", witnesses, Text.LONG);
        }

        public EventKind kind() {
            return EventKind.SEAL_BROKEN;
        }

        public List<Detail> details() {
            return List.of(text("assetTag", assetTag), text("sealPoint", sealPoint), count("sealNumber", sealNumber),
                    text("reason", reason), text("witnesses", witnesses));
        }
    }

    record CustodyTransferred(EventHeader header, long transferId, long itemCount, String fromPlace, String toPlace,
            String purpose, String statement, String witnesses) implements LogEvent {
        public CustodyTransferred {
            Text.check("fromPlace", fromPlace, Text.SHORT);
            Text.check("toPlace", toPlace, Text.SHORT);
            Text.check("purpose", purpose, Text.LONG);
            Text.check("statement", statement, Text.LONG);
            Text.check("witnesses", witnesses, Text.LONG);
        }

        public EventKind kind() {
            return EventKind.CUSTODY_TRANSFERRED;
        }

        public List<Detail> details() {
            return List.of(count("transferId", transferId), count("itemCount", itemCount), text("fromPlace", fromPlace),
                    text("toPlace", toPlace), text("purpose", purpose), text("statement", statement),
                    text("witnesses", witnesses));
        }
    }

    record MemoryAccessed(EventHeader header, String assetTag, String action, String person, String purpose)
            implements LogEvent {
        public MemoryAccessed {
            Text.check("assetTag", assetTag, Text.SHORT);
            Text.check("action", action, Text.SHORT);
            Text.check("person", person, Text.SHORT);
            Text.check("purpose", purpose, Text.LONG);
        }

        public EventKind kind() {
            return EventKind.MEMORY_ACCESSED;
        }

        public List<Detail> details() {
            return List.of(text("assetTag", assetTag), text("action", action), text("person", person), text("purpose", purpose));
        }
    }

    record LatRecorded(EventHeader header, String deviceSerial, String latKind, String outcome, Sha256 fileSha256)
            implements LogEvent {
        public LatRecorded {
            Text.check("deviceSerial", deviceSerial, Text.SHORT);
            Text.check("latKind", latKind, Text.SHORT);
            Text.check("outcome", outcome, Text.SHORT);
        }

        public EventKind kind() {
            return EventKind.LAT_RECORDED;
        }

        public List<Detail> details() {
            return List.of(text("deviceSerial", deviceSerial), text("latKind", latKind), text("outcome", outcome),
                    digest("fileSha256", fileSha256));
        }
    }

    record IncidentOpened(EventHeader header, long incidentId, String incidentKind, String description) implements LogEvent {
        public IncidentOpened {
            Text.check("incidentKind", incidentKind, Text.SHORT);
            Text.check("description", description, Text.LONG);
        }

        public EventKind kind() {
            return EventKind.INCIDENT_OPENED;
        }

        public List<Detail> details() {
            return List.of(count("incidentId", incidentId), text("incidentKind", incidentKind), text("description", description));
        }
    }

    record IncidentAssigned(EventHeader header, long incidentId, String assignee) implements LogEvent {
        public IncidentAssigned {
            Text.check("assignee", assignee, Text.SHORT);
        }

        public EventKind kind() {
            return EventKind.INCIDENT_ASSIGNED;
        }

        public List<Detail> details() {
            return List.of(count("incidentId", incidentId), text("assignee", assignee));
        }
    }

    record IncidentResolved(EventHeader header, long incidentId, String note) implements LogEvent {
        public IncidentResolved {
            Text.check("note", note, Text.LONG);
        }

        public EventKind kind() {
            return EventKind.INCIDENT_RESOLVED;
        }

        public List<Detail> details() {
            return List.of(count("incidentId", incidentId), text("note", note));
        }
    }

    record ReadinessCleared(EventHeader header, String deviceSerial, Sha256 electionFingerprint, String outcome,
            String failedChecks) implements LogEvent {
        public ReadinessCleared {
            Text.check("deviceSerial", deviceSerial, Text.SHORT);
            Text.check("outcome", outcome, Text.SHORT);
            Text.check("failedChecks", failedChecks, Text.LONG);
        }

        public EventKind kind() {
            return EventKind.READINESS_CLEARED;
        }

        public List<Detail> details() {
            return List.of(text("deviceSerial", deviceSerial), digest("electionFingerprint", electionFingerprint),
                    text("outcome", outcome), text("failedChecks", failedChecks));
        }
    }

    /**
     * A portal account was created (by an administrator, or by {@code bulwark user add} for the first
     * one). The password hash and the two-factor secret are never logged.
     *
     * @param authority the authority the account is limited to, or "state" for the state's roles
     */
    record AccountCreated(EventHeader header, String username, String role, String authority) implements LogEvent {
        public AccountCreated {
            Text.check("username", username, Text.SHORT);
            Text.check("role", role, Text.SHORT);
            Text.check("authority", authority, Text.SHORT);
        }

        public EventKind kind() {
            return EventKind.ACCOUNT_CREATED;
        }

        public List<Detail> details() {
            return List.of(text("username", username), text("role", role), text("authority", authority));
        }
    }

    /**
     * One step of signing in to the portal (password, then the second factor), succeeded or refused;
     * the header's disposition says which and {@code outcome} says why in words.
     *
     * @param factor "password" or "totp"
     */
    record SignIn(EventHeader header, String username, String factor, String outcome) implements LogEvent {
        public SignIn {
            Text.check("username", username, Text.SHORT);
            Text.check("factor", factor, Text.SHORT);
            Text.check("outcome", outcome, Text.LONG);
        }

        public EventKind kind() {
            return EventKind.SIGN_IN;
        }

        public List<Detail> details() {
            return List.of(text("username", username), text("factor", factor), text("outcome", outcome));
        }
    }

    /** A portal session ended: signed out, or expired after its idle time. */
    record SignOut(EventHeader header, String username, String reason) implements LogEvent {
        public SignOut {
            Text.check("username", username, Text.SHORT);
            Text.check("reason", reason, Text.SHORT);
        }

        public EventKind kind() {
            return EventKind.SIGN_OUT;
        }

        public List<Detail> details() {
            return List.of(text("username", username), text("reason", reason));
        }
    }

    /** Requires the device id: a precinct device's own events always name it. */
    private static void onDevice(EventHeader header) {
        if (header.device().isEmpty()) {
            throw new IllegalArgumentException("a precinct device event needs its device id");
        }
    }

    /**
     * A precinct device moved from one lifecycle state to another (VVSG 2.0 15.1: polls opened,
     * closed, mode changed). States are named as docs/device.md lists them.
     */
    record DeviceTransition(EventHeader header, String transition, String fromState, String toState)
            implements LogEvent {
        public DeviceTransition {
            onDevice(header);
            Text.check("transition", transition, Text.SHORT);
            Text.check("fromState", fromState, Text.SHORT);
            Text.check("toState", toState, Text.SHORT);
        }

        public EventKind kind() {
            return EventKind.DEVICE_TRANSITION;
        }

        public List<Detail> details() {
            return List.of(text("transition", transition), text("fromState", fromState), text("toState", toState));
        }
    }

    /** A transition a person asked for and the device refused, with what it said. */
    record DeviceTransitionRefused(EventHeader header, String transition, String state, String reason)
            implements LogEvent {
        public DeviceTransitionRefused {
            onDevice(header);
            Text.check("transition", transition, Text.SHORT);
            Text.check("state", state, Text.SHORT);
            Text.check("reason", reason, Text.LONG);
        }

        public EventKind kind() {
            return EventKind.DEVICE_TRANSITION_REFUSED;
        }

        public List<Detail> details() {
            return List.of(text("transition", transition), text("state", state), text("reason", reason));
        }
    }

    /** An election package the device verified and loaded, and the software it was certified for. */
    record DeviceElectionLoaded(EventHeader header, Sha256 electionFingerprint, String packageId, String signerKeyId,
            Sha256 softwareFingerprint) implements LogEvent {
        public DeviceElectionLoaded {
            onDevice(header);
            Text.check("packageId", packageId, Text.SHORT);
            Text.check("signerKeyId", signerKeyId, Text.SHORT);
        }

        public EventKind kind() {
            return EventKind.DEVICE_ELECTION_LOADED;
        }

        public List<Detail> details() {
            return List.of(digest("electionFingerprint", electionFingerprint), text("packageId", packageId),
                    text("signerKeyId", signerKeyId), digest("softwareFingerprint", softwareFingerprint));
        }
    }

    /** An election package the device refused, and the check that failed. */
    record DeviceElectionRefused(EventHeader header, String packageName, String reason) implements LogEvent {
        public DeviceElectionRefused {
            onDevice(header);
            Text.check("packageName", packageName, Text.LONG);
            Text.check("reason", reason, Text.LONG);
        }

        public EventKind kind() {
            return EventKind.DEVICE_ELECTION_REFUSED;
        }

        public List<Detail> details() {
            return List.of(text("packageName", packageName), text("reason", reason));
        }
    }

    /**
     * A ballot was cast. Deliberately neither its ballot id nor its style nor any selection: with the
     * event's time, any of them would tie a vote to the moment a voter cast it.
     */
    record DeviceBallotCast(EventHeader header, String mode, long ballotsCast) implements LogEvent {
        public DeviceBallotCast {
            onDevice(header);
            Text.check("mode", mode, Text.SHORT);
        }

        public EventKind kind() {
            return EventKind.DEVICE_BALLOT_CAST;
        }

        public List<Detail> details() {
            return List.of(text("mode", mode), count("ballotsCast", ballotsCast));
        }
    }

    /** A ballot the device did not accept (an overvote on a ballot-marking device), returned to the voter. */
    record DeviceBallotRefused(EventHeader header, String mode, String reason) implements LogEvent {
        public DeviceBallotRefused {
            onDevice(header);
            Text.check("mode", mode, Text.SHORT);
            Text.check("reason", reason, Text.LONG);
        }

        public EventKind kind() {
            return EventKind.DEVICE_BALLOT_REFUSED;
        }

        public List<Detail> details() {
            return List.of(text("mode", mode), text("reason", reason));
        }
    }

    /** An election official overrode a device check (such as readiness clearance), giving a reason. */
    record DeviceOfficialOverride(EventHeader header, String check, String reason) implements LogEvent {
        public DeviceOfficialOverride {
            onDevice(header);
            Text.check("check", check, Text.SHORT);
            Text.check("reason", reason, Text.LONG);
        }

        public EventKind kind() {
            return EventKind.DEVICE_OFFICIAL_OVERRIDE;
        }

        public List<Detail> details() {
            return List.of(text("check", check), text("reason", reason));
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

    /**
     * An authority's results of an election were certified by the named official; recorded only when
     * no custody incident of the authority was open and no audit discrepancy of it unresolved.
     */
    record ResultsCertified(EventHeader header, Sha256 electionFingerprint, String authority, String certifiedBy) implements LogEvent {
        public ResultsCertified {
            Text.check("authority", authority, Text.SHORT);
            Text.check("certifiedBy", certifiedBy, Text.LONG);
        }

        public EventKind kind() {
            return EventKind.RESULTS_CERTIFIED;
        }

        public List<Detail> details() {
            return List.of(digest("electionFingerprint", electionFingerprint), text("authority", authority), text("certifiedBy", certifiedBy));
        }
    }

    /**
     * A device's L&A certificate (the PDF its test printed) was attached to its L&A record, with the
     * observers who attended and the warnings the certificate carries. A later attachment supersedes it.
     */
    record LatCertificateAttached(EventHeader header, long latRecord, String deviceSerial, String observers, long warnings,
            Sha256 certificateSha256) implements LogEvent {
        public LatCertificateAttached {
            Text.check("deviceSerial", deviceSerial, Text.SHORT);
            Text.check("observers", observers, Text.LONG);
        }

        public EventKind kind() {
            return EventKind.LAT_CERTIFICATE_ATTACHED;
        }

        public List<Detail> details() {
            return List.of(count("latRecord", latRecord), text("deviceSerial", deviceSerial), text("observers", observers),
                    count("warnings", warnings), digest("certificateSha256", certificateSha256));
        }
    }

    /** The device, when the event happened on one. */
    default Optional<DeviceId> device() {
        return header().device();
    }
}
