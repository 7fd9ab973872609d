package org.bulwark.tally;

import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.bulwark.model.Contest;
import org.bulwark.model.SelectionId;

/**
 * How one contest is counted: its counter array holds the selections' votes from index 0, then
 * overvotes, undervotes, ballots cast and blank contests.
 *
 * @param index the contest's position in the election definition, and in every counter table
 * @param slotSelections the selection counted in each slot, in ballot order (a repeated id has one slot)
 * @param selectionSlots the counter index of each selection of the contest
 * @param writeIns the counter indexes that are write-in positions
 * @param parties the contest's primary parties as party indexes; empty for a nonpartisan contest
 * @param ranked a ranked-choice contest, not counted here
 */
record ContestLayout(
        int index,
        Contest contest,
        List<SelectionId> slotSelections,
        Map<SelectionId, Integer> selectionSlots,
        BitSet writeIns,
        BitSet parties,
        boolean ranked) {

    /** The number of selection slots, where the counters of overvotes, undervotes and so on begin. */
    int selections() {
        return slotSelections.size();
    }

    int overvotes() {
        return selections();
    }

    int undervotes() {
        return selections() + 1;
    }

    int ballotsCast() {
        return selections() + 2;
    }

    int blank() {
        return selections() + 3;
    }

    /** The length of the contest's counter array. */
    int width() {
        return selections() + 4;
    }

    int votesAllowed() {
        return contest.votesAllowed();
    }
}
