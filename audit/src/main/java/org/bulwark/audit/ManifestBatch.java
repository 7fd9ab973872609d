package org.bulwark.audit;

import java.util.Optional;

/**
 * One line of a ballot manifest: where a batch of paper ballots is stored and how many it holds.
 *
 * @param container the box or container the batch is stored in, when the manifest names one
 * @param tabulator the scanner that counted the batch (the CVRs' CreatingDeviceId), when named
 * @param batch the batch name (the CVRs' BatchId)
 * @param line the line of the manifest file, for messages
 */
public record ManifestBatch(Optional<String> container, Optional<String> tabulator, String batch, long ballots, long line) {
    public ManifestBatch {
        if (batch.isBlank()) {
            throw new IllegalArgumentException("a batch needs a name");
        }
        if (ballots < 0) {
            throw new IllegalArgumentException("batch " + batch + " has " + ballots + " ballots");
        }
    }

    /** How a person finds the batch: "container C, tabulator T, batch B". */
    public String describe() {
        StringBuilder s = new StringBuilder();
        container.ifPresent(c -> s.append("container ").append(c).append(", "));
        tabulator.ifPresent(t -> s.append("tabulator ").append(t).append(", "));
        return s.append("batch ").append(batch).toString();
    }
}
