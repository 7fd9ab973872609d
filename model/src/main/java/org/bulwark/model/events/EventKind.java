package org.bulwark.model.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The event catalog: every kind of log entry with its stable id (written in the canonical encoding
 * and as a NIST Event's Id), its description and its VVSG 2.0 Table 15-1 category, and how its
 * details are read back. Ids never change once released: a published log refers to them.
 */
public enum EventKind {
    ELECTION_DEFINITION_IMPORTED("BW-ELECTION-IMPORTED", "Election definition imported into the workspace",
            VvsgCategory.BALLOT_DEFINITION, r -> new LogEvent.ElectionDefinitionImported(r.header(),
                    r.text("electionId"), r.digest("fingerprint"), r.text("sourceName"))),
    CVR_FILE_IMPORTED("BW-CVR-IMPORTED", "Cast vote record file imported into the workspace",
            VvsgCategory.FILES_ADDED_OR_DELETED, r -> new LogEvent.CvrFileImported(r.header(), r.digest("electionFingerprint"),
                    r.digest("fileSha256"), r.text("sourceName"), r.text("countingGroup"), r.count("cvrCount"))),
    RESULTS_TABULATED("BW-RESULTS-TABULATED", "Results tabulated and saved", VvsgCategory.ELECTION_EVENT,
            r -> new LogEvent.ResultsTabulated(r.header(), r.digest("electionFingerprint"), r.count("ballotsCounted"),
                    r.count("cvrFiles"), r.count("contests"), r.digest("resultsSha256"))),
    KEY_ADMITTED("BW-KEY-ADMITTED", "Public key admitted to the trust registry", VvsgCategory.CRYPTOGRAPHIC_KEY_CHANGE,
            r -> new LogEvent.KeyAdmitted(r.header(), r.text("keyId"), r.text("role"), r.digest("publicKeySha256"),
                    r.text("admittedBy"))),
    KEY_REVOKED("BW-KEY-REVOKED", "Public key revoked in the trust registry", VvsgCategory.CRYPTOGRAPHIC_KEY_CHANGE,
            r -> new LogEvent.KeyRevoked(r.header(), r.text("keyId"), r.text("reason"), r.text("revokedBy"))),
    PACKAGE_CREATED("BW-PACKAGE-CREATED", "Signed package created", VvsgCategory.FILES_ADDED_OR_DELETED,
            r -> new LogEvent.PackageCreated(r.header(), r.text("packageId"), r.text("packageType"),
                    r.digest("manifestSha256"))),
    PACKAGE_VERIFIED("BW-PACKAGE-VERIFIED", "Signed package verified", VvsgCategory.AUTHENTICATION,
            r -> new LogEvent.PackageVerified(r.header(), r.text("packageId"), r.text("packageType"),
                    r.text("signerKeyId"))),
    PACKAGE_IMPORTED("BW-PACKAGE-IMPORTED", "Signed package imported into the workspace", VvsgCategory.FILES_ADDED_OR_DELETED,
            r -> new LogEvent.PackageImported(r.header(), r.text("packageId"), r.text("packageType"))),
    PACKAGE_REFUSED("BW-PACKAGE-REFUSED", "Package refused by verification", VvsgCategory.AUTHENTICATION,
            r -> new LogEvent.PackageRefused(r.header(), r.text("packageName"), r.text("failedCheck"))),
    CHECKPOINT_SIGNED("BW-CHECKPOINT-SIGNED", "Log checkpoint signed", VvsgCategory.CRITICAL_STATUS,
            r -> new LogEvent.CheckpointSigned(r.header(), r.text("origin"), r.count("treeSize"), r.digest("rootHash"),
                    r.text("signerKeyId"))),
    CHECKPOINT_COSIGNED("BW-CHECKPOINT-COSIGNED", "Log checkpoint cosigned by another authority",
            VvsgCategory.CRITICAL_STATUS, r -> new LogEvent.CheckpointCosigned(r.header(), r.text("origin"),
                    r.count("treeSize"), r.digest("rootHash"), r.text("cosignerKeyId"))),
    DEVICE_LOG_IMPORTED("BW-DEVICE-LOG-IMPORTED", "Device event log imported", VvsgCategory.FILES_ADDED_OR_DELETED,
            r -> new LogEvent.DeviceLogImported(r.header(), r.text("sourceName"), r.digest("fileSha256"),
                    r.count("eventCount"), r.text("hashChain"))),
    DEVICE_EVENT_IMPORTED("BW-DEVICE-EVENT", "Event recorded by a device, from its imported event log",
            VvsgCategory.NON_CRITICAL_STATUS, r -> new LogEvent.DeviceEventImported(r.header(), r.text("eventId"),
                    r.text("eventType"), r.text("sequence"))),
    REGISTRY_ENTRY_RECORDED("BW-REGISTRY-ENTRY", "Voting-system version recorded in the certification registry",
            VvsgCategory.CONFIGURATION_CHANGE, r -> new LogEvent.RegistryEntryRecorded(r.header(), r.text("model"),
                    r.text("version"), r.text("status"), r.text("eacCertification"))),
    ASSET_RECORDED("BW-ASSET-RECORDED", "Inventory asset recorded or its record changed", VvsgCategory.CONFIGURATION_CHANGE,
            r -> new LogEvent.AssetRecorded(r.header(), r.text("assetTag"), r.text("assetKind"), r.text("status"), r.text("reason"))),
    ASSETS_IMPORTED("BW-ASSETS-IMPORTED", "Inventory assets imported from a CSV file", VvsgCategory.FILES_ADDED_OR_DELETED,
            r -> new LogEvent.AssetsImported(r.header(), r.text("sourceName"), r.digest("fileSha256"), r.count("assetCount"))),
    SEALS_ISSUED("BW-SEALS-ISSUED", "Numbered seals issued to an election authority", VvsgCategory.NON_CRITICAL_STATUS,
            r -> new LogEvent.SealsIssued(r.header(), r.text("authority"), r.count("firstNumber"), r.count("lastNumber"))),
    SEAL_APPLIED("BW-SEAL-APPLIED", "Tamper-evident seal applied", VvsgCategory.NON_CRITICAL_STATUS,
            r -> new LogEvent.SealApplied(r.header(), r.text("assetTag"), r.text("sealPoint"), r.count("sealNumber"),
                    r.text("witnesses"))),
    SEAL_VERIFIED("BW-SEAL-VERIFIED", "Tamper-evident seal verified", VvsgCategory.NON_CRITICAL_STATUS,
            r -> new LogEvent.SealVerified(r.header(), r.text("assetTag"), r.text("sealPoint"), r.count("expectedNumber"),
                    r.count("observedNumber"), r.text("condition"), r.text("place"), r.text("witnesses"))),
    SEAL_BROKEN("BW-SEAL-BROKEN", "Tamper-evident seal broken on purpose", VvsgCategory.CRITICAL_STATUS,
            r -> new LogEvent.SealBroken(r.header(), r.text("assetTag"), r.text("sealPoint"), r.count("sealNumber"),
                    r.text("reason"), r.text("witnesses"))),
    CUSTODY_TRANSFERRED("BW-CUSTODY-TRANSFER", "Custody of election equipment or material transferred", VvsgCategory.NON_CRITICAL_STATUS,
            r -> new LogEvent.CustodyTransferred(r.header(), r.count("transferId"), r.count("itemCount"), r.text("fromPlace"),
                    r.text("toPlace"), r.text("purpose"), r.text("statement"), r.text("witnesses"))),
    MEMORY_ACCESSED("BW-MEMORY-ACCESS", "Memory card or USB drive accessed", VvsgCategory.NON_CRITICAL_STATUS,
            r -> new LogEvent.MemoryAccessed(r.header(), r.text("assetTag"), r.text("action"), r.text("person"),
                    r.text("purpose"))),
    LAT_RECORDED("BW-LAT-RECORDED", "Logic and accuracy test record of a device recorded", VvsgCategory.ELECTION_EVENT,
            r -> new LogEvent.LatRecorded(r.header(), r.text("deviceSerial"), r.text("latKind"), r.text("outcome"),
                    r.digest("fileSha256"))),
    INCIDENT_OPENED("BW-INCIDENT-OPENED", "Custody incident opened", VvsgCategory.OFFICIAL_INTERVENTION,
            r -> new LogEvent.IncidentOpened(r.header(), r.count("incidentId"), r.text("incidentKind"), r.text("description"))),
    INCIDENT_ASSIGNED("BW-INCIDENT-ASSIGNED", "Custody incident assigned", VvsgCategory.OFFICIAL_INTERVENTION,
            r -> new LogEvent.IncidentAssigned(r.header(), r.count("incidentId"), r.text("assignee"))),
    INCIDENT_RESOLVED("BW-INCIDENT-RESOLVED", "Custody incident resolved", VvsgCategory.OFFICIAL_INTERVENTION,
            r -> new LogEvent.IncidentResolved(r.header(), r.count("incidentId"), r.text("note"))),
    READINESS_CLEARED("BW-READINESS-CLEARANCE", "Readiness clearance issued for a device", VvsgCategory.ELECTION_EVENT,
            r -> new LogEvent.ReadinessCleared(r.header(), r.text("deviceSerial"), r.digest("electionFingerprint"),
                    r.text("outcome"), r.text("failedChecks"))),
    ACCOUNT_CREATED("BW-ACCOUNT-CREATED", "Portal account created", VvsgCategory.AUTHENTICATION,
            r -> new LogEvent.AccountCreated(r.header(), r.text("username"), r.text("role"), r.text("authority"))),
    SIGN_IN("BW-SIGN-IN", "Portal sign-in step (password or second factor), accepted or refused",
            VvsgCategory.AUTHENTICATION, r -> new LogEvent.SignIn(r.header(), r.text("username"), r.text("factor"),
                    r.text("outcome"))),
    SIGN_OUT("BW-SIGN-OUT", "Portal session ended (signed out or idle too long)", VvsgCategory.AUTHENTICATION,
            r -> new LogEvent.SignOut(r.header(), r.text("username"), r.text("reason"))),
    DEVICE_TRANSITION("BW-DEVICE-TRANSITION", "Precinct device changed state (polls opened, closed, mode changed)",
            VvsgCategory.CRITICAL_STATUS, r -> new LogEvent.DeviceTransition(r.header(), r.text("transition"),
                    r.text("fromState"), r.text("toState"))),
    DEVICE_TRANSITION_REFUSED("BW-DEVICE-TRANSITION-REFUSED", "Precinct device refused a change of state",
            VvsgCategory.DEVICE_ERROR, r -> new LogEvent.DeviceTransitionRefused(r.header(), r.text("transition"),
                    r.text("state"), r.text("reason"))),
    DEVICE_ELECTION_LOADED("BW-DEVICE-ELECTION-LOADED", "Precinct device loaded a verified election package",
            VvsgCategory.CONFIGURATION_CHANGE, r -> new LogEvent.DeviceElectionLoaded(r.header(),
                    r.digest("electionFingerprint"), r.text("packageId"), r.text("signerKeyId"),
                    r.digest("softwareFingerprint"))),
    DEVICE_ELECTION_REFUSED("BW-DEVICE-ELECTION-REFUSED", "Precinct device refused an election package",
            VvsgCategory.AUTHENTICATION, r -> new LogEvent.DeviceElectionRefused(r.header(), r.text("packageName"),
                    r.text("reason"))),
    DEVICE_BALLOT_CAST("BW-DEVICE-BALLOT-CAST", "Ballot cast on a precinct device (paper record, CVR; no selections logged)",
            VvsgCategory.ELECTION_EVENT, r -> new LogEvent.DeviceBallotCast(r.header(), r.text("mode"),
                    r.count("ballotsCast"))),
    DEVICE_BALLOT_REFUSED("BW-DEVICE-BALLOT-REFUSED", "Ballot refused by a precinct device and returned to the voter",
            VvsgCategory.ELECTION_EVENT, r -> new LogEvent.DeviceBallotRefused(r.header(), r.text("mode"),
                    r.text("reason"))),
    DEVICE_OFFICIAL_OVERRIDE("BW-DEVICE-OVERRIDE", "Election official overrode a precinct device check, with a reason",
            VvsgCategory.OFFICIAL_INTERVENTION, r -> new LogEvent.DeviceOfficialOverride(r.header(), r.text("check"),
                    r.text("reason"))),
    AUDIT_CREATED("BW-AUDIT-CREATED", "Post-election audit set up", VvsgCategory.ELECTION_EVENT,
            r -> new LogEvent.AuditCreated(r.header(), r.text("auditId"), r.digest("electionFingerprint"), r.text("auditKind"))),
    AUDIT_SEED_ENTERED("BW-AUDIT-SEED", "Public random seed of an audit entered", VvsgCategory.ELECTION_EVENT,
            r -> new LogEvent.AuditSeedEntered(r.header(), r.text("auditId"), r.text("seed"))),
    AUDIT_MANIFEST_IMPORTED("BW-AUDIT-MANIFEST", "Ballot manifest imported into an audit", VvsgCategory.FILES_ADDED_OR_DELETED,
            r -> new LogEvent.AuditManifestImported(r.header(), r.text("auditId"), r.text("sourceName"), r.digest("fileSha256"),
                    r.count("ballots"))),
    AUDIT_SAMPLE_DRAWN("BW-AUDIT-SAMPLE", "Audit round opened and its sample drawn", VvsgCategory.ELECTION_EVENT,
            r -> new LogEvent.AuditSampleDrawn(r.header(), r.text("auditId"), r.count("round"), r.count("draws"), r.digest("sampleSha256"))),
    AUDIT_ROUND_CLOSED("BW-AUDIT-ROUND-CLOSED", "Audit round closed with its outcome", VvsgCategory.ELECTION_EVENT,
            r -> new LogEvent.AuditRoundClosed(r.header(), r.text("auditId"), r.count("round"), r.text("outcome"))),
    AUDIT_ENTRY_RECORDED("BW-AUDIT-ENTRY", "Audit hand count or ballot reading entered", VvsgCategory.ELECTION_EVENT,
            r -> new LogEvent.AuditEntryRecorded(r.header(), r.text("auditId"), r.text("place"), r.digest("entrySha256"),
                    r.text("enteredBy"))),
    AUDIT_DISCREPANCY_RESOLVED("BW-AUDIT-RESOLVED", "Audit discrepancy resolved", VvsgCategory.OFFICIAL_INTERVENTION,
            r -> new LogEvent.AuditDiscrepancyResolved(r.header(), r.text("auditId"), r.text("discrepancy"), r.text("resolvedBy"))),
    RESULTS_CERTIFIED("BW-RESULTS-CERTIFIED", "Results certified", VvsgCategory.OFFICIAL_INTERVENTION,
            r -> new LogEvent.ResultsCertified(r.header(), r.digest("electionFingerprint"), r.text("authority"), r.text("certifiedBy"))),
    LAT_CERTIFICATE_ATTACHED("BW-LAT-CERTIFICATE", "Logic and accuracy test certificate attached to a device's L&A record",
            VvsgCategory.ELECTION_EVENT, r -> new LogEvent.LatCertificateAttached(r.header(), r.count("latRecord"), r.text("deviceSerial"),
                    r.text("observers"), r.count("warnings"), r.digest("certificateSha256")));

    private static final Map<String, EventKind> BY_ID =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventKind::id, k -> k));

    private final String id;
    private final String description;
    private final VvsgCategory category;
    private final Function<DetailReader, LogEvent> reader;

    EventKind(String id, String description, VvsgCategory category, Function<DetailReader, LogEvent> reader) {
        this.id = id;
        this.description = description;
        this.category = category;
        this.reader = reader;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public VvsgCategory category() {
        return category;
    }

    public static Optional<EventKind> byId(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    LogEvent read(DetailReader details) {
        return reader.apply(details);
    }
}
