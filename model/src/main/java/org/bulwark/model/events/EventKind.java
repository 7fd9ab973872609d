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
            VvsgCategory.ELECTION_EVENT, r -> new LogEvent.ElectionDefinitionImported(r.header(),
                    r.text("electionId"), r.digest("fingerprint"), r.text("sourceName"))),
    CVR_FILE_IMPORTED("BW-CVR-IMPORTED", "Cast vote record file imported into the workspace",
            VvsgCategory.ELECTION_EVENT, r -> new LogEvent.CvrFileImported(r.header(), r.digest("electionFingerprint"),
                    r.digest("fileSha256"), r.text("sourceName"), r.text("countingGroup"), r.count("cvrCount"))),
    RESULTS_TABULATED("BW-RESULTS-TABULATED", "Results tabulated and saved", VvsgCategory.ELECTION_EVENT,
            r -> new LogEvent.ResultsTabulated(r.header(), r.digest("electionFingerprint"), r.count("ballotsCounted"),
                    r.count("cvrFiles"), r.count("contests"), r.digest("resultsSha256"))),
    KEY_ADMITTED("BW-KEY-ADMITTED", "Public key admitted to the trust registry", VvsgCategory.AUTHENTICATION,
            r -> new LogEvent.KeyAdmitted(r.header(), r.text("keyId"), r.text("role"), r.digest("publicKeySha256"),
                    r.text("admittedBy"))),
    KEY_REVOKED("BW-KEY-REVOKED", "Public key revoked in the trust registry", VvsgCategory.AUTHENTICATION,
            r -> new LogEvent.KeyRevoked(r.header(), r.text("keyId"), r.text("reason"), r.text("revokedBy"))),
    PACKAGE_CREATED("BW-PACKAGE-CREATED", "Signed package created", VvsgCategory.USER_ACTION,
            r -> new LogEvent.PackageCreated(r.header(), r.text("packageId"), r.text("packageType"),
                    r.digest("manifestSha256"))),
    PACKAGE_VERIFIED("BW-PACKAGE-VERIFIED", "Signed package verified", VvsgCategory.AUTHENTICATION,
            r -> new LogEvent.PackageVerified(r.header(), r.text("packageId"), r.text("packageType"),
                    r.text("signerKeyId"))),
    PACKAGE_IMPORTED("BW-PACKAGE-IMPORTED", "Signed package imported into the workspace", VvsgCategory.USER_ACTION,
            r -> new LogEvent.PackageImported(r.header(), r.text("packageId"), r.text("packageType"))),
    PACKAGE_REFUSED("BW-PACKAGE-REFUSED", "Package refused by verification", VvsgCategory.AUTHENTICATION,
            r -> new LogEvent.PackageRefused(r.header(), r.text("packageName"), r.text("failedCheck"))),
    CHECKPOINT_SIGNED("BW-CHECKPOINT-SIGNED", "Log checkpoint signed", VvsgCategory.CRITICAL_STATUS,
            r -> new LogEvent.CheckpointSigned(r.header(), r.text("origin"), r.count("treeSize"), r.digest("rootHash"),
                    r.text("signerKeyId"))),
    CHECKPOINT_COSIGNED("BW-CHECKPOINT-COSIGNED", "Log checkpoint cosigned by another authority",
            VvsgCategory.CRITICAL_STATUS, r -> new LogEvent.CheckpointCosigned(r.header(), r.text("origin"),
                    r.count("treeSize"), r.digest("rootHash"), r.text("cosignerKeyId"))),
    DEVICE_LOG_IMPORTED("BW-DEVICE-LOG-IMPORTED", "Device event log imported", VvsgCategory.USER_ACTION,
            r -> new LogEvent.DeviceLogImported(r.header(), r.text("sourceName"), r.digest("fileSha256"),
                    r.count("eventCount"), r.text("hashChain"))),
    DEVICE_EVENT_IMPORTED("BW-DEVICE-EVENT", "Event recorded by a device, from its imported event log",
            VvsgCategory.NON_CRITICAL_STATUS, r -> new LogEvent.DeviceEventImported(r.header(), r.text("eventId"),
                    r.text("eventType"), r.text("sequence"))),
    AUDIT_CREATED("BW-AUDIT-CREATED", "Post-election audit set up", VvsgCategory.ELECTION_EVENT,
            r -> new LogEvent.AuditCreated(r.header(), r.text("auditId"), r.digest("electionFingerprint"), r.text("auditKind"))),
    AUDIT_SEED_ENTERED("BW-AUDIT-SEED", "Public random seed of an audit entered", VvsgCategory.ELECTION_EVENT,
            r -> new LogEvent.AuditSeedEntered(r.header(), r.text("auditId"), r.text("seed"))),
    AUDIT_MANIFEST_IMPORTED("BW-AUDIT-MANIFEST", "Ballot manifest imported into an audit", VvsgCategory.USER_ACTION,
            r -> new LogEvent.AuditManifestImported(r.header(), r.text("auditId"), r.text("sourceName"), r.digest("fileSha256"),
                    r.count("ballots"))),
    AUDIT_SAMPLE_DRAWN("BW-AUDIT-SAMPLE", "Audit round opened and its sample drawn", VvsgCategory.ELECTION_EVENT,
            r -> new LogEvent.AuditSampleDrawn(r.header(), r.text("auditId"), r.count("round"), r.count("draws"), r.digest("sampleSha256"))),
    AUDIT_ROUND_CLOSED("BW-AUDIT-ROUND-CLOSED", "Audit round closed with its outcome", VvsgCategory.ELECTION_EVENT,
            r -> new LogEvent.AuditRoundClosed(r.header(), r.text("auditId"), r.count("round"), r.text("outcome"))),
    AUDIT_ENTRY_RECORDED("BW-AUDIT-ENTRY", "Audit hand count or ballot reading entered", VvsgCategory.USER_ACTION,
            r -> new LogEvent.AuditEntryRecorded(r.header(), r.text("auditId"), r.text("place"), r.digest("entrySha256"),
                    r.text("enteredBy"))),
    AUDIT_DISCREPANCY_RESOLVED("BW-AUDIT-RESOLVED", "Audit discrepancy resolved", VvsgCategory.OFFICIAL_INTERVENTION,
            r -> new LogEvent.AuditDiscrepancyResolved(r.header(), r.text("auditId"), r.text("discrepancy"), r.text("resolvedBy")));

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
