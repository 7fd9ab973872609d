package org.bulwark.store;

import java.time.Instant;

/**
 * The results of one tabulation run, as stored.
 *
 * @param id the run's number in the workspace
 * @param errJson the NIST SP 1500-100 v2 election results report (JSON), byte for byte
 */
public record StoredResults(long id, ElectionRef election, Instant savedAt, ResultsSummary summary, byte[] errJson) {
    public StoredResults {
        errJson = errJson.clone();
    }

    @Override
    public byte[] errJson() {
        return errJson.clone();
    }
}
