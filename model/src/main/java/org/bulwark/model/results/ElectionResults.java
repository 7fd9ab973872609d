package org.bulwark.model.results;

import java.util.List;
import java.util.Optional;
import org.bulwark.model.ContestId;
import org.bulwark.model.GpUnitId;

/**
 * The results of tabulating the cast vote records of one election: ballot counts and, for every
 * contest counted, the votes per selection with over- and undervotes, each for the election scope
 * and broken down by unit, ballot style, counting group, device and batch.
 *
 * @param electionId the id of the election definition the results belong to
 * @param scope the unit the election is held in; the {@code total} of every breakdown is for it
 * @param contests in the order of the election definition
 * @param notTabulated contests of the election that were not counted, with the reason
 */
public record ElectionResults(
        String electionId,
        GpUnitId scope,
        Breakdown<BallotCounts> ballots,
        List<ContestResult> contests,
        List<NotTabulated> notTabulated) {
    public ElectionResults {
        contests = List.copyOf(contests);
        notTabulated = List.copyOf(notTabulated);
    }

    public Optional<ContestResult> contest(ContestId id) {
        return contests.stream().filter(c -> c.contest().equals(id)).findFirst();
    }
}
