package org.bulwark.formats.results;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Who issues a results file, when, and how final it is.
 *
 * @param generated when the file was made; NIST allows no fractional seconds, so they are dropped
 * @param test true for results of test ballots (logic and accuracy tests): the file says so (IsTest)
 */
public record ResultsHeader(
        String issuer,
        String issuerAbbreviation,
        String vendorApplicationId,
        ResultsStatus status,
        OffsetDateTime generated,
        boolean test) {
    public ResultsHeader {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(issuerAbbreviation, "issuerAbbreviation");
        Objects.requireNonNull(vendorApplicationId, "vendorApplicationId");
        Objects.requireNonNull(status, "status");
        generated = generated.truncatedTo(ChronoUnit.SECONDS);
    }
}
