package org.bulwark.model.results;

import java.util.Comparator;
import java.util.Optional;

/**
 * A batch of ballots, named by the device that scanned it: batch ids are usually unique only per
 * scanner. Either part is empty when the CVRs did not record it (CreatingDeviceId, BatchId), so
 * every ballot belongs to exactly one batch key and the batch breakdown adds up to the total.
 */
public record BatchKey(Optional<String> device, Optional<String> batch) implements Comparable<BatchKey> {
    private static final Comparator<Optional<String>> ABSENT_FIRST =
            Comparator.comparing((Optional<String> o) -> o.isPresent()).thenComparing(o -> o.orElse(""));
    private static final Comparator<BatchKey> ORDER =
            Comparator.comparing(BatchKey::device, ABSENT_FIRST).thenComparing(BatchKey::batch, ABSENT_FIRST);

    /** Order for reports: unrecorded parts first, then by device, then by batch. */
    @Override
    public int compareTo(BatchKey other) {
        return ORDER.compare(this, other);
    }

    /** Absent-first order of optional device ids, the order the device breakdown is reported in. */
    public static Comparator<Optional<String>> deviceOrder() {
        return ABSENT_FIRST;
    }
}
