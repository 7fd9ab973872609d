package org.bulwark.store;

import java.time.Instant;
import org.bulwark.model.CountingGroup;

/**
 * A CVR file imported into a workspace.
 *
 * @param id the import's number in the workspace
 * @param sha256 the SHA-256 of the file's bytes, lower-case hex
 * @param sourceName the file as the user named it
 * @param countingGroup the counting group the file was imported as
 * @param importedBy who or what imported it (user and program)
 */
public record ImportedFile(
        long id,
        ElectionRef election,
        String sha256,
        String sourceName,
        String format,
        CountingGroup countingGroup,
        long cvrCount,
        Instant importedAt,
        String importedBy) {}
