package org.bulwark.model;

import java.util.List;

/**
 * A ballot style: the contests, in ballot order, printed on the ballots of the precincts or splits
 * it serves. In a closed primary, {@code parties} names the party whose voters receive it.
 */
public record BallotStyle(BallotStyleId id, List<GpUnitId> gpUnits, List<ContestId> contests, List<PartyId> parties) {
    public BallotStyle {
        gpUnits = List.copyOf(gpUnits);
        contests = List.copyOf(contests);
        parties = List.copyOf(parties);
    }
}
