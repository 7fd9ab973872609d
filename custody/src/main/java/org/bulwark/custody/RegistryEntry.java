package org.bulwark.custody;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.bulwark.ledger.exchange.Fingerprint;
import org.bulwark.ledger.exchange.Names;

/**
 * The state's record of one voting-system product version: who makes it, its EAC certification,
 * the state's approval (date, conditions, status), the approved fingerprint of each component,
 * and the points where the model takes tamper-evident seals. A change (a withdrawal, a corrected
 * condition) is a new entry for the same model and version; the newest one holds.
 */
public record RegistryEntry(String model, String version, String vendor, String eacCertification, LocalDate approvedOn,
        String conditions, ApprovalStatus status, List<Component> components, List<String> sealPoints) {
    public RegistryEntry {
        Names.check("model", model);
        Names.check("version", version);
        Names.check("vendor", vendor);
        Names.check("EAC certification number", eacCertification);
        Objects.requireNonNull(approvedOn, "approvedOn");
        Objects.requireNonNull(conditions, "conditions");
        Objects.requireNonNull(status, "status");
        components = List.copyOf(components);
        sealPoints = List.copyOf(sealPoints);
        sealPoints.forEach(p -> Names.check("seal point", p));
        if (new HashSet<>(sealPoints).size() != sealPoints.size()) {
            throw new IllegalArgumentException("a seal point is listed twice in " + sealPoints);
        }
        if (components.stream().map(Component::name).distinct().count() != components.size()) {
            throw new IllegalArgumentException("a component is listed twice in " + components);
        }
    }

    /** Whether a device reporting this software fingerprint runs approved software of this version. */
    public boolean approves(Fingerprint software) {
        return components.stream().anyMatch(c -> c.fingerprint().equals(software));
    }

    public RegistryEntry withStatus(ApprovalStatus newStatus, String newConditions) {
        return new RegistryEntry(model, version, vendor, eacCertification, approvedOn, newConditions, newStatus, components, sealPoints);
    }
}
