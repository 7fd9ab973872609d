package org.bulwark.model.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.bulwark.model.GpUnitId;

/** One sample of every kind, and random events of every kind shaped like the samples. */
public final class SampleEvents {
    private SampleEvents() {}

    static final Sha256 A = new Sha256("a".repeat(64));
    static final Sha256 B = new Sha256("0123456789abcdef".repeat(4));

    public static EventHeader header() {
        return new EventHeader(Instant.parse("2026-11-03T19:30:00Z"), new Actor("clerk-1"), Optional.empty(),
                new Jurisdiction.Unit(new GpUnitId("county-1")), Disposition.SUCCESS);
    }

    public static LogEvent sample(EventKind kind) {
        EventHeader h = header();
        return switch (kind) {
            case ELECTION_DEFINITION_IMPORTED -> new LogEvent.ElectionDefinitionImported(h, "gen-01", A, "bd.json");
            case CVR_FILE_IMPORTED -> new LogEvent.CvrFileImported(h, A, B, "cvr.json", "election-day", 12);
            case RESULTS_TABULATED -> new LogEvent.ResultsTabulated(h, A, 100, 2, 7, B);
            case KEY_ADMITTED -> new LogEvent.KeyAdmitted(h, "county-1", "county", B, "state");
            case KEY_REVOKED -> new LogEvent.KeyRevoked(h, "county-1", "lost", "state");
            case PACKAGE_CREATED -> new LogEvent.PackageCreated(h, "pkg-1", "results", A);
            case PACKAGE_VERIFIED -> new LogEvent.PackageVerified(h, "pkg-1", "results", "county-1");
            case PACKAGE_IMPORTED -> new LogEvent.PackageImported(h, "pkg-1", "results");
            case PACKAGE_REFUSED -> new LogEvent.PackageRefused(h, "p.zip", "signature does not verify");
            case CHECKPOINT_SIGNED -> new LogEvent.CheckpointSigned(h, "example.org/log", 5, A, "county-1");
            case CHECKPOINT_COSIGNED -> new LogEvent.CheckpointCosigned(h, "example.org/log", 5, A, "state");
            case DEVICE_LOG_IMPORTED -> new LogEvent.DeviceLogImported(h, "eel.json", B, 10, "no hash chain to verify");
            case DEVICE_EVENT_IMPORTED -> new LogEvent.DeviceEventImported(new EventHeader(h.time(), h.actor(),
                    Optional.of(new DeviceId("scanner-7")), h.jurisdiction(), h.disposition()), "VC-EE-PO",
                    "GSF-NCSM", "2");
            case AUDIT_CREATED -> new LogEvent.AuditCreated(h, "audit-1", A, "rla");
            case AUDIT_SEED_ENTERED -> new LogEvent.AuditSeedEntered(h, "audit-1", "12345678901234567890");
            case AUDIT_MANIFEST_IMPORTED -> new LogEvent.AuditManifestImported(h, "audit-1", "manifest.csv", B, 1000);
            case AUDIT_SAMPLE_DRAWN -> new LogEvent.AuditSampleDrawn(h, "audit-1", 1, 27, A);
            case AUDIT_ROUND_CLOSED -> new LogEvent.AuditRoundClosed(h, "audit-1", 1, "stop");
            case AUDIT_ENTRY_RECORDED -> new LogEvent.AuditEntryRecorded(h, "audit-1", "ballot 17", B, "Ann, Bo");
            case AUDIT_DISCREPANCY_RESOLVED -> new LogEvent.AuditDiscrepancyResolved(h, "audit-1", "p1/c1/s1", "clerk");
            case RESULTS_CERTIFIED -> new LogEvent.ResultsCertified(h, B, "Boone", "Ann Lee, county clerk");
            case LAT_CERTIFICATE_ATTACHED -> new LogEvent.LatCertificateAttached(h, 7, "SN-1", "Ann Dee (Democratic); Bob Arr (Republican)", 1, A);
            case REGISTRY_ENTRY_RECORDED -> new LogEvent.RegistryEntryRecorded(h, "DS200", "2.17", "withdrawn", "ESS-EVS-6021");
            case ASSET_RECORDED -> new LogEvent.AssetRecorded(h, "BC-0001", "voting-device", "in-repair", "sent for repair");
            case ASSETS_IMPORTED -> new LogEvent.AssetsImported(h, "assets.csv", A, 30_000);
            case SEALS_ISSUED -> new LogEvent.SealsIssued(h, "Boone", 1000, 1999);
            case SEAL_APPLIED -> new LogEvent.SealApplied(h, "BC-0001", "case", 1001, "Ann (Democratic), Bob (Republican)");
            case SEAL_VERIFIED -> new LogEvent.SealVerified(h, "BC-0001", "case", 1001, 1002, "not intact", "Precinct 12",
                    "Ann (Democratic), Bob (Republican)");
            case SEAL_BROKEN -> new LogEvent.SealBroken(h, "BC-0001", "case", 1001, "maintenance", "Ann (Democratic), Bob (Republican)");
            case CUSTODY_TRANSFERRED -> new LogEvent.CustodyTransferred(h, 7, 3, "Warehouse", "Precinct 12", "delivery",
                    "No election material was added, subtracted or altered.", "Ann (Democratic), Bob (Republican)");
            case MEMORY_ACCESSED -> new LogEvent.MemoryAccessed(h, "MC-1", "read", "Ann", "results upload");
            case LAT_RECORDED -> new LogEvent.LatRecorded(h, "SN-1", "pre-election", "passed", A);
            case INCIDENT_OPENED -> new LogEvent.IncidentOpened(h, 4, "seal-mismatch", "expected 1001, observed 1002");
            case INCIDENT_ASSIGNED -> new LogEvent.IncidentAssigned(h, 4, "Deputy clerk");
            case INCIDENT_RESOLVED -> new LogEvent.IncidentResolved(h, 4, "seal log sheet had a typo; verified again");
            case READINESS_CLEARED -> new LogEvent.ReadinessCleared(h, "SN-1", A, "not ready", "lat-passed");
            case ACCOUNT_CREATED -> new LogEvent.AccountCreated(h, "clerk-2", "authority staff", "county-1");
            case SIGN_IN -> new LogEvent.SignIn(h, "clerk-2", "totp", "signed in");
            case SIGN_OUT -> new LogEvent.SignOut(h, "clerk-2", "idle for 30 minutes");
            case DEVICE_TRANSITION -> new LogEvent.DeviceTransition(onDevice(h), "open-polls", "configured (official)",
                    "polls open (official)");
            case DEVICE_TRANSITION_REFUSED -> new LogEvent.DeviceTransitionRefused(onDevice(h), "open-polls",
                    "polls closed (official)", "the polls were already closed");
            case DEVICE_ELECTION_LOADED -> new LogEvent.DeviceElectionLoaded(onDevice(h), A, "pkg-1", "county-1", B);
            case DEVICE_ELECTION_REFUSED -> new LogEvent.DeviceElectionRefused(onDevice(h), "election.zip",
                    "software fingerprint not certified");
            case DEVICE_BALLOT_CAST -> new LogEvent.DeviceBallotCast(onDevice(h), "official", 3);
            case DEVICE_BALLOT_REFUSED -> new LogEvent.DeviceBallotRefused(onDevice(h), "official", "overvote in contest-1");
            case DEVICE_OFFICIAL_OVERRIDE -> new LogEvent.DeviceOfficialOverride(onDevice(h), "readiness",
                    "clearance package lost; seals checked by J. Doe");
        };
    }

    private static EventHeader onDevice(EventHeader h) {
        return new EventHeader(h.time(), h.actor(), Optional.of(new DeviceId("scanner-7")), h.jurisdiction(),
                h.disposition());
    }

    public static Arbitrary<LogEvent> events() {
        return Arbitraries.of(EventKind.class).flatMap(kind -> {
            LogEvent template = sample(kind);
            List<Arbitrary<Detail>> shaped = new ArrayList<>();
            for (Detail d : template.details()) {
                shaped.add(switch (d) {
                    case Detail.TextValue t -> texts().map(v -> (Detail) new Detail.TextValue(t.name(), v));
                    case Detail.Count c -> Arbitraries.longs().greaterOrEqual(0)
                            .map(v -> (Detail) new Detail.Count(c.name(), v));
                    case Detail.Digest g -> Arbitraries.bytes().array(byte[].class).ofSize(32)
                            .map(v -> (Detail) new Detail.Digest(g.name(), Sha256.of(v)));
                });
            }
            Arbitrary<List<Detail>> details = Combinators.combine(shaped).as(List::copyOf);
            return Combinators.combine(headers(kind == EventKind.DEVICE_EVENT_IMPORTED || kind.id().startsWith("BW-DEVICE-") && kind != EventKind.DEVICE_LOG_IMPORTED), details)
                    .as((h, ds) -> kind.read(new DetailReader(h, ds)));
        });
    }

    static Arbitrary<String> texts() {
        return Arbitraries.strings().all().ofMinLength(1).ofMaxLength(40)
                .filter(s -> !s.isBlank() && s.equals(s.strip()) && s.chars().noneMatch(Character::isISOControl)
                        && s.codePoints().allMatch(Character::isDefined) && !hasLoneSurrogate(s));
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1)))) {
                return true;
            }
            if (Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)))) {
                return true;
            }
        }
        return false;
    }

    static Arbitrary<EventHeader> headers(boolean needsDevice) {
        Arbitrary<Instant> times = Arbitraries.longs().between(-10_000_000_000L, 10_000_000_000L)
                .flatMap(s -> Arbitraries.integers().between(0, 999_999_999).map(n -> Instant.ofEpochSecond(s, n)));
        Arbitrary<Optional<DeviceId>> devices = needsDevice
                ? texts().map(t -> Optional.of(new DeviceId(t)))
                : texts().map(DeviceId::new).optional();
        Arbitrary<Jurisdiction> places = Arbitraries.oneOf(
                texts().map(t -> (Jurisdiction) new Jurisdiction.Unit(new GpUnitId(t))),
                texts().map(t -> (Jurisdiction) new Jurisdiction.Named(t)));
        return Combinators.combine(times, texts().map(Actor::new), devices, places,
                Arbitraries.of(Disposition.class)).as(EventHeader::new);
    }
}
