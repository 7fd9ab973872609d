package org.bulwark.model;

import java.util.List;
import java.util.Optional;

/**
 * One ballot as counted: the current snapshot of a NIST SP 1500-103 CVR. It carries no time of
 * casting and no voter identity.
 *
 * @param ballotId the CVR's UniqueId or BallotPrePrintedId, or the position in its file when it has neither
 * @param ballotStyleUnit the precinct or split the ballot was cast in (BallotStyleUnitId)
 * @param parties the party of the ballot in a primary (PartyIds), empty otherwise
 * @param creatingDevice the scanner or ballot-marking device (CreatingDeviceId)
 * @param batch the batch it was scanned in (BatchId)
 * @param ballotImages references to images of the ballot (BallotImage file names or URIs)
 */
public record CastVoteRecord(
        String ballotId,
        BallotStyleId ballotStyle,
        GpUnitId ballotStyleUnit,
        List<PartyId> parties,
        Optional<String> creatingDevice,
        Optional<String> batch,
        CountingGroup countingGroup,
        List<String> ballotImages,
        List<CvrContest> contests) {
    public CastVoteRecord {
        parties = List.copyOf(parties);
        ballotImages = List.copyOf(ballotImages);
        contests = List.copyOf(contests);
    }
}
