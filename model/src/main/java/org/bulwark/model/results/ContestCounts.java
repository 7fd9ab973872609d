package org.bulwark.model.results;

import java.util.Map;
import org.bulwark.model.SelectionId;

/**
 * What the ballots of one group show for one contest. Over- and undervotes are in NIST's vote
 * units: an overvoted ballot adds the contest's votes allowed to {@code overvotes} (none of its
 * votes count), a ballot with fewer votes than allowed adds the difference to {@code undervotes}.
 * So for every contest {@code ballotsCast * votesAllowed == votes + undervotes + overvotes}.
 *
 * @param votes votes per selection, in ballot order, every selection listed (zeros included)
 * @param ballotsCast ballots on which the contest appeared and was counted
 * @param blankBallots ballots on which the contest appeared with no vote at all
 * @param writeInVotes votes on write-in positions, named or not
 * @param writeInNames unresolved write-in names as read, with their votes (a subset of {@code writeInVotes})
 */
public record ContestCounts(
        Map<SelectionId, Long> votes,
        long overvotes,
        long undervotes,
        long ballotsCast,
        long blankBallots,
        long writeInVotes,
        Map<String, Long> writeInNames) {
    public ContestCounts {
        if (!(votes instanceof SelectionVotes)) { // immutable, its counts checked when made
            votes = Ordered.copy(votes);
            votes.forEach((s, v) -> Ordered.notNegative(v, "votes for " + s));
        }
        writeInNames = Ordered.copy(writeInNames);
        Ordered.notNegative(overvotes, "overvotes");
        Ordered.notNegative(undervotes, "undervotes");
        Ordered.notNegative(ballotsCast, "ballots cast");
        Ordered.notNegative(blankBallots, "blank ballots");
        Ordered.notNegative(writeInVotes, "write-in votes");
    }

    /** Votes counted for all selections together. */
    public long totalVotes() {
        return votes.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Votes for one selection; 0 for a selection that is not in the contest. */
    public long votesFor(SelectionId selection) {
        return votes.getOrDefault(selection, 0L);
    }
}
