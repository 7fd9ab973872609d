package org.bulwark.custody;

import java.util.Objects;
import java.util.Optional;

/** An incident a rule wants opened, before the store gives it its number. */
public record IncidentDraft(IncidentKind kind, AuthorityId authority, Optional<AssetTag> asset, String description) {
    public IncidentDraft {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(asset, "asset");
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("an incident needs a description");
        }
    }
}
