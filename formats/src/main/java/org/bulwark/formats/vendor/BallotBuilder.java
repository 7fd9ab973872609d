package org.bulwark.formats.vendor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.bulwark.model.ranked.RankedBallot;
import org.bulwark.model.ranked.RankedBallot.Choice;
import org.bulwark.model.ranked.RankedBallot.RankedChoice;

/**
 * Collects one ballot's choices in the order the source lists them and hands out a {@link RankedBallot} with
 * them in rank order. The sort is stable, so several choices at one rank (an overvote) keep the source's order.
 */
final class BallotBuilder {
    /** No real ballot has more ranks than this; a larger number is a damaged file, not a long ballot. */
    static final int MAX_RANK = 1000;

    private final List<RankedChoice> choices = new ArrayList<>();

    void add(int rank, Choice choice) {
        choices.add(new RankedChoice(rank, choice));
    }

    RankedBallot build(String ballotId, Optional<String> precinct, Optional<String> batch) {
        List<RankedChoice> sorted = new ArrayList<>(choices);
        if (!inRankOrder()) {
            sorted.sort(Comparator.comparingInt(RankedChoice::rank));
        }
        choices.clear();
        return new RankedBallot(ballotId, precinct, batch, sorted);
    }

    private boolean inRankOrder() {
        for (int i = 1; i < choices.size(); i++) {
            if (choices.get(i).rank() < choices.get(i - 1).rank()) {
                return false;
            }
        }
        return true;
    }

    /** Checks a rank read from a file, for the message of the exception thrown when it is out of range. */
    static Optional<String> rankProblem(long rank) {
        if (rank < 1) {
            return Optional.of("rank " + rank + " is below 1");
        }
        if (rank > MAX_RANK) {
            return Optional.of("rank " + rank + " is above " + MAX_RANK + ", the most Bulwark accepts");
        }
        return Optional.empty();
    }
}
