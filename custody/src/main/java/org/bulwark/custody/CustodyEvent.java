package org.bulwark.custody;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.bulwark.ledger.exchange.LatRecord;
import org.bulwark.ledger.exchange.Names;

/**
 * One entry of an asset's custody timeline. Entries are never changed: a correction is a new entry
 * (a seal broken and replaced, a transfer recorded late), so the timeline is the paper log sheet's
 * faithful replacement.
 */
public sealed interface CustodyEvent {
    /** When it happened. */
    Instant at();

    /** What the timeline and the log sheet print for it. */
    String describe();

    /** A numbered seal put on a seal point (15 CSR 30-10.060: sealed in the presence of a bipartisan team). */
    record SealApplied(Instant at, String point, long number, TwoPeople by) implements CustodyEvent {
        public SealApplied {
            Objects.requireNonNull(at, "at");
            Names.check("seal point", point);
            SealStock.checkNumber(number);
            Objects.requireNonNull(by, "by");
        }

        public String describe() {
            return "seal " + number + " applied to " + point + " by " + by;
        }
    }

    /** A seal checked: the number expected (recorded when applied) against the one observed, and whether it was intact. */
    record SealVerified(Instant at, String point, long expected, long observed, boolean intact, String place,
            boolean pollingPlace, TwoPeople by) implements CustodyEvent {
        public SealVerified {
            Objects.requireNonNull(at, "at");
            Names.check("seal point", point);
            Names.check("place", place);
            Objects.requireNonNull(by, "by");
        }

        public boolean good() {
            return intact && expected == observed;
        }

        public String describe() {
            return "seal on " + point + " verified at " + place + (pollingPlace ? " (polling place)" : "") + ": expected " + expected
                    + ", observed " + observed + ", " + (intact ? "intact" : "NOT intact") + (good() ? "" : " - DISCREPANCY") + "; by " + by;
        }
    }

    /** A seal broken on purpose, with the reason (maintenance, memory card retrieval, canvass). */
    record SealBroken(Instant at, String point, long number, String reason, TwoPeople by) implements CustodyEvent {
        public SealBroken {
            Objects.requireNonNull(at, "at");
            Names.check("seal point", point);
            Names.check("reason", reason);
            Objects.requireNonNull(by, "by");
        }

        public String describe() {
            return "seal " + number + " on " + point + " broken (" + reason + ") by " + by;
        }
    }

    /** The asset moved as one of the items of a transfer. */
    record Transferred(Instant at, long transferId, Transfer transfer) implements CustodyEvent {
        public Transferred {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(transfer, "transfer");
        }

        public String describe() {
            return "transfer #" + transferId + ": " + transfer.fromPerson() + " at " + transfer.fromPlace() + " to " + transfer.toPerson()
                    + " at " + transfer.toPlace() + " (" + transfer.purpose() + "); condition " + transfer.condition() + "; "
                    + transfer.statement() + " Signed by " + transfer.signedBy();
        }
    }

    /** A memory card or USB drive accessed: read, written, inserted into or removed from a device, formatted. */
    record MemoryAccessed(Instant at, String action, String person, String purpose, Optional<AssetTag> device) implements CustodyEvent {
        public MemoryAccessed {
            Objects.requireNonNull(at, "at");
            Names.check("action", action);
            Names.check("person", person);
            Names.check("purpose", purpose);
            Objects.requireNonNull(device, "device");
        }

        public String describe() {
            return action + " by " + person + device.map(d -> " in " + d).orElse("") + " (" + purpose + ")";
        }
    }

    /** An L&A test of the device was recorded (from its lat-record.json). */
    record LatRecorded(Instant at, LatRecord record) implements CustodyEvent {
        public LatRecorded {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(record, "record");
        }

        public String describe() {
            return record.kind().word() + " L&A test on " + record.date() + ": " + (record.passed() ? "passed" : "FAILED ("
                    + record.mismatches().size() + " mismatches)") + ", software " + record.softwareFingerprint().shortForm()
                    + ", election " + record.electionFingerprint().shortForm();
        }
    }

    /** The asset's own record changed: a new status, home location or custodian (a correction is such an entry). */
    record RecordChanged(Instant at, Asset now, String reason) implements CustodyEvent {
        public RecordChanged {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(now, "now");
            Names.check("reason", reason);
        }

        public String describe() {
            return "record changed (" + reason + "): status " + now.status().word() + ", location " + now.location() + ", custodian "
                    + now.custodian();
        }
    }

    /** The item's current seal at a point, if any: applied and not broken since. */
    static Optional<SealApplied> currentSeal(Iterable<CustodyEvent> timeline, String point) {
        SealApplied current = null;
        for (CustodyEvent e : timeline) {
            switch (e) {
                case SealApplied a when a.point().equals(point) -> current = a;
                case SealBroken b when b.point().equals(point) -> current = null;
                default -> { }
            }
        }
        return Optional.ofNullable(current);
    }
}
