package org.bulwark.store;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An election held in a workspace, as listed (the definition's bytes are fetched separately).
 *
 * @param definitionId the election's own id in its definition file
 */
public record StoredElection(
        ElectionRef ref,
        String definitionId,
        String title,
        LocalDate date,
        String sourceName,
        String format,
        String fingerprint,
        boolean hasBulwarkJson,
        Instant importedAt,
        String importedBy) {}
