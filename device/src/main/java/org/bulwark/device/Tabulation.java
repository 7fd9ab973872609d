package org.bulwark.device;

import java.util.List;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.ElectionIndex;
import org.bulwark.model.results.ElectionResults;
import org.bulwark.tally.PartialTally;
import org.bulwark.tally.Tabulator;
import org.bulwark.tally.rcv.RankTable;

/**
 * How the device counts its ballots for its reports. One implementation ships (the tally module's);
 * tests configure faulty ones (swapped positions, a dropped contest, swapped ranks) to prove that L&A
 * catches them.
 */
@FunctionalInterface
interface Tabulation {
    ElectionResults count(ElectionIndex index, List<CastVoteRecord> cvrs);

    /** The ranked-choice contests' candidate x rank tables (the tally module's; the rounds are central count's). */
    default List<RankTable> ranks(ElectionIndex index, List<CastVoteRecord> cvrs) {
        return RankTable.count(index, cvrs);
    }

    Tabulation STANDARD = (index, cvrs) -> {
        PartialTally tally = Tabulator.of(index).newPartial();
        cvrs.forEach(tally::add);
        return tally.results();
    };
}
