package org.bulwark.formats.cvr;

import org.bulwark.model.BallotStyle;
import org.bulwark.model.BallotStyleId;
import org.bulwark.model.Contest;
import org.bulwark.model.ContestId;
import org.bulwark.model.ContestSelection;
import org.bulwark.model.Election;
import org.bulwark.model.GpUnit;
import org.bulwark.model.GpUnitId;
import org.bulwark.model.Party;
import org.bulwark.model.PartyId;
import org.bulwark.model.SelectionId;

/**
 * The typed ids of one election, by their text: a CVR file names the same few hundred ids a
 * million times, and mapping each to the election's own instance saves an allocation per use and
 * makes later look-ups cheap. An id the election does not know gets a fresh instance, which the
 * check against the election then reports.
 */
final class ElectionIds {
    final IdTable<ContestId> contests = new IdTable<>();
    final IdTable<SelectionId> selections = new IdTable<>();
    final IdTable<BallotStyleId> ballotStyles = new IdTable<>();
    final IdTable<GpUnitId> gpUnits = new IdTable<>();
    final IdTable<PartyId> parties = new IdTable<>();

    ElectionIds(Election election) {
        for (Contest c : election.contests()) {
            contests.putIfAbsent(c.id().value(), c.id());
            for (ContestSelection s : c.selections()) {
                selections.putIfAbsent(s.id().value(), s.id());
            }
        }
        for (BallotStyle b : election.ballotStyles()) {
            ballotStyles.putIfAbsent(b.id().value(), b.id());
        }
        for (GpUnit u : election.gpUnits()) {
            gpUnits.putIfAbsent(u.id().value(), u.id());
        }
        for (Party p : election.parties()) {
            parties.putIfAbsent(p.id().value(), p.id());
        }
    }
}
