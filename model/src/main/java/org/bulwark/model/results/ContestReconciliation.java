package org.bulwark.model.results;

import java.util.ArrayList;
import java.util.List;
import org.bulwark.model.ContestId;

/**
 * One contest's counts for one group of ballots checked against the ballots counted in that group:
 * every ballot on which the contest appeared must be accounted for by votes, undervotes or
 * overvotes ({@code ballotsCast * votesAllowed == votes + undervotes + overvotes}, NIST vote units),
 * and the contest cannot have appeared on more ballots than were counted.
 *
 * @param where the group checked, as a reader would say it: "election scope ru-county", "unit ps-2a"
 */
public record ContestReconciliation(
        ContestId contest,
        String where,
        long ballotsCounted,
        long ballotsCast,
        int votesAllowed,
        long votes,
        long undervotes,
        long overvotes) {

    public long expectedVoteUnits() {
        return ballotsCast * votesAllowed;
    }

    public long accountedVoteUnits() {
        return votes + undervotes + overvotes;
    }

    /** What does not add up, in words; empty when the contest balances. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (expectedVoteUnits() != accountedVoteUnits()) {
            problems.add("contest " + contest + ", " + where + ": " + ballotsCast + " ballots x " + votesAllowed
                    + " votes allowed = " + expectedVoteUnits() + ", but votes " + votes + " + undervotes "
                    + undervotes + " + overvotes " + overvotes + " = " + accountedVoteUnits());
        }
        if (ballotsCast > ballotsCounted) {
            problems.add("contest " + contest + ", " + where + ": appeared on " + ballotsCast
                    + " ballots but only " + ballotsCounted + " ballots were counted");
        }
        return problems;
    }

    public boolean balanced() {
        return balances(ballotsCounted, ballotsCast, votesAllowed, votes, undervotes, overvotes);
    }

    /** The rule {@link #problems()} words: every vote unit accounted for, and no more ballots cast than counted. */
    static boolean balances(long ballotsCounted, long ballotsCast, int votesAllowed, long votes, long undervotes, long overvotes) {
        return ballotsCast * votesAllowed == votes + undervotes + overvotes && ballotsCast <= ballotsCounted;
    }
}
