package org.bulwark.custody;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.bulwark.ledger.exchange.Names;

/**
 * An incident as it stands: opened (by a rule or a person), perhaps assigned, perhaps resolved with
 * a note. An incident that is not resolved blocks certification of its authority's results.
 */
public record Incident(long id, IncidentKind kind, AuthorityId authority, Optional<AssetTag> asset, String description,
        Instant opened, Optional<String> assignedTo, Optional<Resolution> resolution) {
    /** How an incident was closed: by whom, when, with what note. */
    public record Resolution(String by, Instant at, String note) {
        public Resolution {
            Names.check("resolved by", by);
            Objects.requireNonNull(at, "at");
            if (note == null || note.isBlank()) {
                throw new IllegalArgumentException("a resolution needs a note saying what was found and done");
            }
        }
    }

    public Incident {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(opened, "opened");
        Objects.requireNonNull(assignedTo, "assignedTo");
        Objects.requireNonNull(resolution, "resolution");
    }

    public boolean open() {
        return resolution.isEmpty();
    }

    public String status() {
        return resolution.isPresent() ? "resolved" : assignedTo.isPresent() ? "assigned" : "open";
    }
}
