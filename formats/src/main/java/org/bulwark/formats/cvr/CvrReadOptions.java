package org.bulwark.formats.cvr;

import java.util.Objects;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.bulwark.model.CountingGroup;

/**
 * How to read a cast vote record file.
 *
 * @param mode STRICT or LENIENT (see {@link Mode})
 * @param countingGroup the counting group of every ballot in the file: NIST CVRs do not record how a
 *     ballot was cast, so the person importing the file says so
 * @param progress called now and then with the number of bytes read so far, for a progress bar
 * @param threads how many threads may parse one JSON file in strict mode (1: the calling thread alone);
 *     the CVRs still come out one at a time, in file order, and a bad file gets the same error either way
 */
public record CvrReadOptions(Mode mode, CountingGroup countingGroup, Optional<LongConsumer> progress, int threads) {
    public CvrReadOptions {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(countingGroup, "countingGroup");
        Objects.requireNonNull(progress, "progress");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
    }

    /** Read on the calling thread alone. */
    public CvrReadOptions(Mode mode, CountingGroup countingGroup, Optional<LongConsumer> progress) {
        this(mode, countingGroup, progress, 1);
    }

    /**
     * STRICT: the file must be valid against the NIST SP 1500-103 v1 schema (XML: the XSD; JSON: the
     * JSON schema's required properties, property names, types and enumerations) and every id it
     * uses must refer to an element of the right type declared in the report.
     *
     * <p>LENIENT accepts, in addition, what vendors emit: the pre-v1 XML namespace
     * {@code NIST_V0_cast_vote_records.xsd} or no namespace; JSON {@code @type} values without the
     * {@code CVR.} prefix ({@code "CVR"} for {@code "CVR.CVR"}) and missing {@code @type}; properties
     * and elements the schema does not define (skipped); integers written as JSON strings; a CVR
     * without CurrentSnapshotId when it has exactly one snapshot; and it does not check the report's
     * own references (the check of every CVR against the election definition is made in both modes).
     */
    public enum Mode {
        STRICT,
        LENIENT
    }

    public static CvrReadOptions strict() {
        return new CvrReadOptions(Mode.STRICT, CountingGroup.ELECTION_DAY, Optional.empty());
    }

    public static CvrReadOptions lenient() {
        return new CvrReadOptions(Mode.LENIENT, CountingGroup.ELECTION_DAY, Optional.empty());
    }

    public CvrReadOptions withCountingGroup(CountingGroup group) {
        return new CvrReadOptions(mode, group, progress, threads);
    }

    public CvrReadOptions withProgress(LongConsumer listener) {
        return new CvrReadOptions(mode, countingGroup, Optional.of(listener), threads);
    }

    boolean isStrict() {
        return mode == Mode.STRICT;
    }
}
