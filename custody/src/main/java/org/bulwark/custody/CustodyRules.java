package org.bulwark.custody;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bulwark.ledger.exchange.Fingerprint;
import org.bulwark.ledger.exchange.LatRecord;

/**
 * The rules of seals, custody and readiness, as pure functions of an asset's history: the one
 * public entry point of the custody domain. Each method checks an action against the history and
 * returns a {@link Decision}; the store appends what was accepted and opens the incidents either way.
 *
 * @param parties the state's major parties, for the bipartisan pairs
 * @param zone the state's time zone, in which "sealed after the L&A date" is judged
 */
public record CustodyRules(MajorParties parties, ZoneId zone) {
    public static final CustodyRules MISSOURI = new CustodyRules(MajorParties.MISSOURI, ZoneId.of("America/Chicago"));

    public CustodyRules {
        Objects.requireNonNull(parties, "parties");
        Objects.requireNonNull(zone, "zone");
    }

    /** What is known in the store about a seal number: the authority it was issued to and the asset it was applied to, if any. */
    public record SealNumberFacts(Optional<AuthorityId> issuedTo, Optional<AssetTag> appliedTo) {}

    /**
     * Applies a numbered seal (15 CSR 30-10.060). Refused: signers not a bipartisan pair, a point the
     * model does not have, a point already sealed; refused AND reported as an incident: a number never
     * issued, issued to another authority, or already applied once.
     */
    public Decision apply(AssetHistory h, Optional<RegistryEntry> entry, String point, long number, SealNumberFacts facts,
            TwoPeople by, Instant at) {
        Optional<String> pair = parties.refusal(by);
        if (pair.isPresent()) {
            return Decision.Refused.plainly(pair.get());
        }
        Asset a = h.current();
        Optional<String> badPoint = checkPoint(a, entry, point);
        if (badPoint.isPresent()) {
            return Decision.Refused.plainly(badPoint.get());
        }
        if (facts.issuedTo().isEmpty()) {
            return refusedWithIncident(IncidentKind.SEAL_UNISSUED, a, "seal number " + number + " presented for " + a.tag() + " (" + point
                    + ") was never issued to any authority; it was not applied");
        }
        if (!facts.issuedTo().get().equals(a.authority())) {
            return refusedWithIncident(IncidentKind.SEAL_FOREIGN, a, "seal number " + number + " presented for " + a.tag() + " (" + point
                    + ") was issued to " + facts.issuedTo().get() + ", not to " + a.authority() + "; it was not applied");
        }
        if (facts.appliedTo().isPresent()) {
            return refusedWithIncident(IncidentKind.SEAL_REUSED, a, "seal number " + number + " presented for " + a.tag() + " (" + point
                    + ") was already applied once, to " + facts.appliedTo().get() + "; a seal number is applied once only");
        }
        Optional<CustodyEvent.SealApplied> current = h.currentSeal(point);
        if (current.isPresent()) {
            return Decision.Refused.plainly(a.tag() + " already has seal " + current.get().number() + " on " + point
                    + ": record its break first, or replace it");
        }
        return new Decision.Accepted(List.of(new CustodyEvent.SealApplied(at, point, number, by)), List.of());
    }

    /**
     * Verifies the seal on a point against the number recorded when it was applied. Always recorded
     * when there is a seal to verify; a different number or a seal not intact opens an incident, and
     * so does a verification at a place where the asset is not recorded to be.
     */
    public Decision verify(AssetHistory h, String point, long observed, boolean intact, String place, boolean pollingPlace, TwoPeople by,
            Instant at) {
        Optional<String> pair = parties.refusal(by);
        if (pair.isPresent()) {
            return Decision.Refused.plainly(pair.get());
        }
        Asset a = h.current();
        Optional<CustodyEvent.SealApplied> current = h.currentSeal(point);
        if (current.isEmpty()) {
            return Decision.Refused.plainly("no seal is recorded on " + point + " of " + a.tag()
                    + ": there is nothing to verify (apply a seal, or report an incident if one was found there)");
        }
        long expected = current.get().number();
        List<IncidentDraft> incidents = new ArrayList<>();
        if (observed != expected) {
            incidents.add(incident(IncidentKind.SEAL_MISMATCH, a, "seal on " + point + " of " + a.tag() + " at " + place + ": expected number "
                    + expected + " (applied " + current.get().at() + "), observed " + observed));
        }
        if (!intact) {
            incidents.add(incident(IncidentKind.SEAL_BROKEN_UNRECORDED, a, "seal " + observed + " on " + point + " of " + a.tag() + " found broken at "
                    + place + " with no recorded break"));
        }
        wrongPlace(a, place).ifPresent(incidents::add);
        return new Decision.Accepted(List.of(new CustodyEvent.SealVerified(at, point, expected, observed, intact, place, pollingPlace, by)),
                incidents);
    }

    /** Records a deliberate break of the seal on a point, with its reason. */
    public Decision breakSeal(AssetHistory h, String point, String reason, TwoPeople by, Instant at) {
        Optional<String> pair = parties.refusal(by);
        if (pair.isPresent()) {
            return Decision.Refused.plainly(pair.get());
        }
        Optional<CustodyEvent.SealApplied> current = h.currentSeal(point);
        if (current.isEmpty()) {
            return Decision.Refused.plainly("no seal is recorded on " + point + " of " + h.current().tag() + ": there is nothing to break");
        }
        return new Decision.Accepted(List.of(new CustodyEvent.SealBroken(at, point, current.get().number(), reason, by)), List.of());
    }

    /** Breaks the seal on a point and applies a new one, as one action: both are recorded or neither. */
    public Decision replace(AssetHistory h, Optional<RegistryEntry> entry, String point, long number, SealNumberFacts facts, String reason,
            TwoPeople by, Instant at) {
        Decision broken = breakSeal(h, point, reason, by, at);
        if (!(broken instanceof Decision.Accepted b)) {
            return broken;
        }
        List<CustodyEvent> after = new ArrayList<>(h.timeline());
        after.addAll(b.events());
        Decision applied = apply(new AssetHistory(h.current(), after), entry, point, number, facts, by, at);
        return switch (applied) {
            case Decision.Accepted a -> new Decision.Accepted(concat(b.events(), a.events()), a.incidents());
            case Decision.Refused r -> r;
        };
    }

    /**
     * A custody transfer of the given items (each with its history). Refused only when its signers are
     * not a bipartisan pair; otherwise recorded, with a custody-break incident for an item handed over
     * at a place where it is not recorded to be, and for a seal on arrival that differs from the one
     * recorded at departure.
     */
    public Decision transfer(List<AssetHistory> items, Transfer t, long transferId, Instant at) {
        Optional<String> pair = parties.refusal(t.signedBy());
        if (pair.isPresent()) {
            return Decision.Refused.plainly(pair.get());
        }
        List<CustodyEvent> events = new ArrayList<>();
        List<IncidentDraft> incidents = new ArrayList<>();
        for (AssetHistory h : items) {
            Asset a = h.current();
            wrongPlace(a, t.fromPlace()).ifPresent(incidents::add);
            for (SealCheck s : t.sealsOnArrival()) {
                if (!s.asset().equals(a.tag())) {
                    continue;
                }
                Optional<CustodyEvent.SealApplied> departed = h.currentSeal(s.point());
                if (departed.isEmpty()) {
                    incidents.add(incident(IncidentKind.CUSTODY_BREAK, a, "transfer #" + transferId + ": seal " + s.number() + " found on "
                            + s.point() + " of " + a.tag() + " at " + t.toPlace() + ", but no seal was recorded there at departure"));
                } else if (departed.get().number() != s.number()) {
                    incidents.add(incident(IncidentKind.CUSTODY_BREAK, a, "transfer #" + transferId + ": seal on " + s.point() + " of " + a.tag()
                            + " was " + departed.get().number() + " at departure from " + t.fromPlace() + " but " + s.number() + " on arrival at "
                            + t.toPlace()));
                }
            }
            events.add(new CustodyEvent.Transferred(at, transferId, t));
        }
        return new Decision.Accepted(events, incidents);
    }

    /** An access to a memory card or USB drive; refused for assets that are not memory. */
    public Decision memoryAccess(AssetHistory h, String action, String person, String purpose, Optional<AssetTag> device, Instant at) {
        if (!h.current().kind().isMemory()) {
            return Decision.Refused.plainly(h.current().tag() + " is a " + h.current().kind().word()
                    + ", not a memory card or USB drive: memory access is logged for memory components only");
        }
        return new Decision.Accepted(List.of(new CustodyEvent.MemoryAccessed(at, action, person, purpose, device)), List.of());
    }

    /**
     * The readiness of a voting device: an approved version (not withdrawn) whose approved software
     * fingerprint is what the device reported at its pre-election L&A test; that test passed; every
     * seal point of its model sealed on or after the L&A date and not broken since; every seal
     * verified, intact and matching, at the polling place after it was applied. With an election, the
     * L&A test must also have been of that election.
     */
    public DeviceReadiness readiness(AssetHistory h, Optional<RegistryEntry> entry, Optional<Fingerprint> election) {
        Asset a = h.current();
        Map<ReadinessCheck, String> failed = new EnumMap<>(ReadinessCheck.class);
        Optional<LatRecord> lat = h.latestLat(LatRecord.Kind.PRE_ELECTION);
        String version = a.model() + " " + a.version().orElse("(no version)");
        if (entry.isEmpty()) {
            failed.put(ReadinessCheck.APPROVED_VERSION, version + " is not in the certification registry");
        } else if (!entry.get().status().usable()) {
            failed.put(ReadinessCheck.APPROVED_VERSION, version + " has status " + entry.get().status().word());
        }
        if (lat.isEmpty()) {
            failed.put(ReadinessCheck.SOFTWARE_FINGERPRINT, "no pre-election L&A record reports the device's software fingerprint");
            failed.put(ReadinessCheck.LAT_PASSED, "no pre-election L&A test is recorded");
        } else {
            if (entry.isEmpty() || !entry.get().approves(lat.get().softwareFingerprint())) {
                failed.put(ReadinessCheck.SOFTWARE_FINGERPRINT, "the device reported software " + lat.get().softwareFingerprint().shortForm()
                        + ", which is not an approved fingerprint of " + version);
            }
            if (!lat.get().passed()) {
                failed.put(ReadinessCheck.LAT_PASSED, "the L&A test of " + lat.get().date() + " failed with " + lat.get().mismatches().size()
                        + " mismatches");
            }
        }
        List<String> points = entry.map(RegistryEntry::sealPoints).orElse(List.of());
        if (points.isEmpty()) {
            failed.put(ReadinessCheck.SEALED_AFTER_LAT, "no seal points are registered for " + version);
            failed.put(ReadinessCheck.SEALS_VERIFIED, "no seal points are registered for " + version);
        }
        for (String point : points) {
            Optional<CustodyEvent.SealApplied> seal = h.currentSeal(point);
            if (seal.isEmpty()) {
                failed.putIfAbsent(ReadinessCheck.SEALED_AFTER_LAT, "no seal on " + point);
                failed.putIfAbsent(ReadinessCheck.SEALS_VERIFIED, "no seal on " + point + " to verify");
                continue;
            }
            LocalDate sealedOn = LocalDate.ofInstant(seal.get().at(), zone);
            if (lat.isEmpty() || sealedOn.isBefore(lat.get().date())) {
                failed.putIfAbsent(ReadinessCheck.SEALED_AFTER_LAT, "seal " + seal.get().number() + " on " + point + " was applied "
                        + sealedOn + (lat.isEmpty() ? ", and no L&A test is recorded" : ", before the L&A test of " + lat.get().date()));
            }
            lastVerification(h, seal.get()).ifPresentOrElse(v -> {
                if (!v.good() || !v.pollingPlace()) {
                    failed.putIfAbsent(ReadinessCheck.SEALS_VERIFIED, "the last check of " + point + " was " + (v.good() ? "not at a polling place"
                            : "a discrepancy (expected " + v.expected() + ", observed " + v.observed() + (v.intact() ? "" : ", not intact") + ")"));
                }
            }, () -> failed.putIfAbsent(ReadinessCheck.SEALS_VERIFIED, "seal " + seal.get().number() + " on " + point
                    + " has not been verified at the polling place"));
        }
        if (election.isPresent()) {
            if (lat.isEmpty() || !lat.get().electionFingerprint().equals(election.get())) {
                failed.put(ReadinessCheck.ELECTION_FINGERPRINT, "the L&A test was "
                        + lat.map(l -> "of election " + l.electionFingerprint().shortForm()).orElse("not recorded") + ", not of election "
                        + election.get().shortForm());
            }
        }
        return new DeviceReadiness(a.tag(), a.authority(), failed);
    }

    private static Optional<CustodyEvent.SealVerified> lastVerification(AssetHistory h, CustodyEvent.SealApplied seal) {
        CustodyEvent.SealVerified last = null;
        boolean after = false;
        for (CustodyEvent e : h.timeline()) {
            if (e == seal) {
                after = true;
            } else if (after && e instanceof CustodyEvent.SealVerified v && v.point().equals(seal.point())) {
                last = v;
            }
        }
        return Optional.ofNullable(last);
    }

    private static Optional<String> checkPoint(Asset a, Optional<RegistryEntry> entry, String point) {
        if (!a.kind().runsCertifiedVersion()) {
            return Optional.empty(); // containers and memory have no registered model: their seal points are named on the log sheet
        }
        List<String> points = entry.map(RegistryEntry::sealPoints).orElse(List.of());
        if (points.isEmpty()) {
            return Optional.of("no seal points are registered for " + a.model() + " " + a.version().orElse("")
                    + ": register them with the version in the certification registry first");
        }
        if (!points.contains(point)) {
            return Optional.of("\"" + point + "\" is not a seal point of " + a.model() + "; its seal points are " + String.join(", ", points));
        }
        return Optional.empty();
    }

    private static Optional<IncidentDraft> wrongPlace(Asset a, String place) {
        if (a.location().equals(place)) {
            return Optional.empty();
        }
        return Optional.of(incident(IncidentKind.CUSTODY_BREAK, a, a.tag() + " turned up at " + place + " but is recorded at " + a.location()
                + " with no transfer between them"));
    }

    private static Decision.Refused refusedWithIncident(IncidentKind kind, Asset a, String description) {
        return new Decision.Refused(description, List.of(incident(kind, a, description)));
    }

    private static IncidentDraft incident(IncidentKind kind, Asset a, String description) {
        return new IncidentDraft(kind, a.authority(), Optional.of(a.tag()), description);
    }

    private static <T> List<T> concat(List<? extends T> a, List<? extends T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
