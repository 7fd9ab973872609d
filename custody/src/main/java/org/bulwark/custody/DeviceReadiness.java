package org.bulwark.custody;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One device's readiness: which checks failed, each with the reason in words. Ready when none failed. */
public record DeviceReadiness(AssetTag device, AuthorityId authority, Map<ReadinessCheck, String> failed) {
    public DeviceReadiness {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(authority, "authority");
        failed = Map.copyOf(failed);
    }

    public boolean ready() {
        return failed.isEmpty();
    }

    /** The failed checks in their fixed order. */
    public List<ReadinessCheck> failedChecks() {
        return java.util.Arrays.stream(ReadinessCheck.values()).filter(failed::containsKey).toList();
    }

    public int bits() {
        return failed.keySet().stream().mapToInt(ReadinessCheck::bit).sum();
    }
}
