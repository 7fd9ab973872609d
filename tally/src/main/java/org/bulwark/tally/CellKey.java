package org.bulwark.tally;

import java.util.Optional;
import org.bulwark.model.BallotStyleId;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.CountingGroup;
import org.bulwark.model.GpUnitId;

/**
 * The finest group ballots are counted in: every breakdown (unit, style, counting group, device,
 * batch) is a sum of cells, so each ballot updates one cell only and the breakdowns are added up
 * once at the end.
 */
record CellKey(GpUnitId unit, BallotStyleId style, CountingGroup group, Optional<String> device, Optional<String> batch) {
    static CellKey of(CastVoteRecord cvr) {
        return new CellKey(cvr.ballotStyleUnit(), cvr.ballotStyle(), cvr.countingGroup(), cvr.creatingDevice(), cvr.batch());
    }

    boolean matches(CastVoteRecord cvr) {
        return group == cvr.countingGroup()
                && unit.equals(cvr.ballotStyleUnit())
                && style.equals(cvr.ballotStyle())
                && batch.equals(cvr.batch())
                && device.equals(cvr.creatingDevice());
    }
}
