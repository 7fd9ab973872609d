package org.bulwark.custody;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.bulwark.ledger.exchange.Fingerprint;
import org.bulwark.ledger.exchange.LatRecord;
import org.bulwark.ledger.exchange.Names;

/**
 * Everything a person can record in custody, as data: the command line and the web portal build
 * these, the store checks each against {@link CustodyRules} and appends it (or its refusal's
 * incidents) with its log event in one transaction. {@code at} is when it happened, as the paper
 * or the person says; the store also keeps when it was recorded.
 */
public sealed interface CustodyAction {
    record RecordRegistryEntry(RegistryEntry entry) implements CustodyAction {
        public RecordRegistryEntry {
            Objects.requireNonNull(entry, "entry");
        }
    }

    record AddAsset(Asset asset, String reason) implements CustodyAction {
        public AddAsset {
            Objects.requireNonNull(asset, "asset");
            Names.check("reason", reason);
        }
    }

    /** A new status, home location or custodian for an asset, or a correction of them. */
    record ChangeAsset(AssetTag tag, Optional<AssetStatus> status, Optional<String> location, Optional<String> custodian, String reason,
            Instant at) implements CustodyAction {
        public ChangeAsset {
            Objects.requireNonNull(tag, "tag");
            location.ifPresent(l -> Names.check("location", l));
            custodian.ifPresent(c -> Names.check("custodian", c));
            Names.check("reason", reason);
            if (status.isEmpty() && location.isEmpty() && custodian.isEmpty()) {
                throw new IllegalArgumentException("a change needs a new status, location or custodian");
            }
        }
    }

    record IssueSeals(SealStock stock) implements CustodyAction {
        public IssueSeals {
            Objects.requireNonNull(stock, "stock");
        }
    }

    record ApplySeal(AssetTag tag, String point, long number, TwoPeople by, Instant at) implements CustodyAction {
        public ApplySeal {
            Objects.requireNonNull(tag, "tag");
            Names.check("seal point", point);
            SealStock.checkNumber(number);
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(at, "at");
        }
    }

    record VerifySeal(AssetTag tag, String point, long observed, boolean intact, String place, boolean pollingPlace, TwoPeople by,
            Instant at) implements CustodyAction {
        public VerifySeal {
            Objects.requireNonNull(tag, "tag");
            Names.check("seal point", point);
            Names.check("place", place);
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(at, "at");
        }
    }

    record BreakSeal(AssetTag tag, String point, String reason, TwoPeople by, Instant at) implements CustodyAction {
        public BreakSeal {
            Objects.requireNonNull(tag, "tag");
            Names.check("seal point", point);
            Names.check("reason", reason);
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(at, "at");
        }
    }

    record ReplaceSeal(AssetTag tag, String point, long number, String reason, TwoPeople by, Instant at) implements CustodyAction {
        public ReplaceSeal {
            Objects.requireNonNull(tag, "tag");
            Names.check("seal point", point);
            SealStock.checkNumber(number);
            Names.check("reason", reason);
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(at, "at");
        }
    }

    record TransferCustody(Transfer transfer, Instant at) implements CustodyAction {
        public TransferCustody {
            Objects.requireNonNull(transfer, "transfer");
            Objects.requireNonNull(at, "at");
        }
    }

    record AccessMemory(AssetTag tag, String action, String person, String purpose, Optional<AssetTag> device, Instant at)
            implements CustodyAction {
        public AccessMemory {
            Objects.requireNonNull(tag, "tag");
            Names.check("action", action);
            Names.check("person", person);
            Names.check("purpose", purpose);
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(at, "at");
        }
    }

    /** An L&A record read from a device's lat-record.json, with the file's name and SHA-256. */
    record RecordLat(LatRecord record, String sourceName, Fingerprint fileSha256, Instant at) implements CustodyAction {
        public RecordLat {
            Objects.requireNonNull(record, "record");
            Names.check("source name", sourceName);
            Objects.requireNonNull(fileSha256, "fileSha256");
            Objects.requireNonNull(at, "at");
        }
    }

    record OpenIncident(IncidentDraft incident) implements CustodyAction {
        public OpenIncident {
            Objects.requireNonNull(incident, "incident");
        }
    }

    record AssignIncident(long incident, String assignee) implements CustodyAction {
        public AssignIncident {
            Names.check("assignee", assignee);
        }
    }

    record ResolveIncident(long incident, String by, String note) implements CustodyAction {
        public ResolveIncident {
            Names.check("resolved by", by);
            if (note == null || note.isBlank()) {
                throw new IllegalArgumentException("a resolution needs a note saying what was found and done");
            }
        }
    }
}
