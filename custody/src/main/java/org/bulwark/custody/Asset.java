package org.bulwark.custody;

import java.util.Objects;
import java.util.Optional;
import org.bulwark.ledger.exchange.Names;

/**
 * One inventoried asset: its tag and serial, what it is, its model and (for equipment that runs a
 * certified version) its version as the registry lists it, the election authority that owns it, its
 * home location, its custodian and its status.
 */
public record Asset(AssetTag tag, String serial, AssetKind kind, String model, Optional<String> version,
        AuthorityId authority, String location, String custodian, AssetStatus status) {
    public Asset {
        Objects.requireNonNull(tag, "tag");
        Names.check("serial", serial);
        Objects.requireNonNull(kind, "kind");
        Names.check("model", model);
        version.ifPresent(v -> Names.check("version", v));
        Objects.requireNonNull(authority, "authority");
        Names.check("location", location);
        Names.check("custodian", custodian);
        Objects.requireNonNull(status, "status");
        if (kind.runsCertifiedVersion() && version.isEmpty()) {
            throw new IllegalArgumentException("a " + kind.word() + " needs its certified version");
        }
    }
}
