package org.bulwark.model.events;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What every event carries: when (from the workspace's injected Clock, or a device's own timestamp
 * for an imported device event), who, on which device if any, for which jurisdiction, and whether
 * it succeeded.
 */
public record EventHeader(Instant time, Actor actor, Optional<DeviceId> device, Jurisdiction jurisdiction,
        Disposition disposition) {
    public EventHeader {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(disposition, "disposition");
    }
}
