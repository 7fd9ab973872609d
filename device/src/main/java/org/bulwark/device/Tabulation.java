package org.bulwark.device;

import java.util.List;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.ElectionIndex;
import org.bulwark.model.results.ElectionResults;
import org.bulwark.tally.PartialTally;
import org.bulwark.tally.Tabulator;

/**
 * How the device counts its ballots for its reports. One implementation ships (the tally module's);
 * tests configure faulty ones (swapped positions, a dropped contest) to prove that L&A catches them.
 */
@FunctionalInterface
interface Tabulation {
    ElectionResults count(ElectionIndex index, List<CastVoteRecord> cvrs);

    Tabulation STANDARD = (index, cvrs) -> {
        PartialTally tally = Tabulator.of(index).newPartial();
        cvrs.forEach(tally::add);
        return tally.results();
    };
}
