package org.bulwark.store;

/**
 * The headline figures of one tabulation run, kept beside its results document.
 *
 * @param ballotsCounted ballots (CVRs) tabulated
 * @param cvrFiles CVR files the run included
 * @param contests contests tabulated
 */
public record ResultsSummary(long ballotsCounted, int cvrFiles, int contests) {
    public ResultsSummary {
        if (ballotsCounted < 0 || cvrFiles < 0 || contests < 0) {
            throw new IllegalArgumentException("results figures must not be negative");
        }
    }
}
