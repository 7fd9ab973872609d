package org.bulwark.model.results;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bulwark.model.BallotStyleId;
import org.bulwark.model.CountingGroup;
import org.bulwark.model.GpUnitId;

/**
 * Counts of one kind for the whole election scope and broken down by every dimension results are
 * reported by. Each breakdown partitions the same ballots, so each adds up to {@code total}.
 * Maps keep the order of the election definition (units, styles) or a sorted order (devices,
 * batches), so that reports list them predictably.
 *
 * @param byUnit by precinct or split, as the CVRs name it (BallotStyleUnitId)
 * @param byDevice by creating device; the empty key holds ballots whose CVR names no device
 */
public record Breakdown<T>(
        T total,
        Map<GpUnitId, T> byUnit,
        Map<BallotStyleId, T> byBallotStyle,
        Map<CountingGroup, T> byCountingGroup,
        Map<Optional<String>, T> byDevice,
        Map<BatchKey, T> byBatch) {
    public Breakdown {
        Objects.requireNonNull(total, "total");
        byUnit = Ordered.copy(byUnit);
        byBallotStyle = Ordered.copy(byBallotStyle);
        byCountingGroup = Ordered.copy(byCountingGroup);
        byDevice = Ordered.copy(byDevice);
        byBatch = Ordered.copy(byBatch);
    }
}
