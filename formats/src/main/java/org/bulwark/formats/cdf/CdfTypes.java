package org.bulwark.formats.cdf;

import org.bulwark.model.Contest;
import org.bulwark.model.ContestSelection;

/**
 * The NIST type names of the model's contests and selections, which the CVR (SP 1500-103) and
 * results (SP 1500-100) schemas spell alike; a write-in is a CandidateSelection with IsWriteIn.
 */
public final class CdfTypes {
    private CdfTypes() {}

    public static String of(Contest contest) {
        return switch (contest) {
            case Contest.CandidateContest c -> "CandidateContest";
            case Contest.BallotMeasureContest b -> "BallotMeasureContest";
            case Contest.PartyContest p -> "PartyContest";
        };
    }

    public static String of(ContestSelection selection) {
        return switch (selection) {
            case ContestSelection.CandidateSelection c -> "CandidateSelection";
            case ContestSelection.WriteIn w -> "CandidateSelection";
            case ContestSelection.BallotMeasureSelection b -> "BallotMeasureSelection";
            case ContestSelection.PartySelection p -> "PartySelection";
        };
    }
}
