package org.bulwark.model;

import java.time.LocalDate;
import java.util.List;

/**
 * An election definition: everything needed to print, cast and count its ballots. Ids are kept as
 * the source file spelled them, so that results can be exported with the same ids.
 *
 * @param scope the unit the election is held in (the state, or an authority for a local election)
 */
public record Election(
        String id,
        String title,
        LocalDate date,
        ElectionType type,
        String state,
        GpUnitId scope,
        List<GpUnit> gpUnits,
        List<Party> parties,
        List<Candidate> candidates,
        List<Contest> contests,
        List<BallotStyle> ballotStyles,
        List<CountingGroup> countingGroups) {
    public Election {
        gpUnits = List.copyOf(gpUnits);
        parties = List.copyOf(parties);
        candidates = List.copyOf(candidates);
        contests = List.copyOf(contests);
        ballotStyles = List.copyOf(ballotStyles);
        countingGroups = List.copyOf(countingGroups);
    }
}
