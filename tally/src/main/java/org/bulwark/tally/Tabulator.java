package org.bulwark.tally;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bulwark.model.BallotStyle;
import org.bulwark.model.BallotStyleId;
import org.bulwark.model.Contest;
import org.bulwark.model.ContestId;
import org.bulwark.model.ContestSelection;
import org.bulwark.model.Election;
import org.bulwark.model.ElectionIndex;
import org.bulwark.model.PartyId;
import org.bulwark.model.SelectionId;

/**
 * Tabulation of cast vote records for one election: vote-for-N candidate contests, ballot
 * measures and straight-party contests (whose rule-generated marks the CVRs already carry).
 * Ranked-choice contests are listed as not tabulated.
 *
 * <p>The tabulator resolves the election once into an array layout; each thread then fills its own
 * {@link PartialTally} as CVRs arrive and the partial tallies are merged at the end. A tabulator is
 * immutable and can be shared between threads; a partial tally cannot.
 *
 * <pre>{@code
 * Tabulator tabulator = Tabulator.of(index);
 * PartialTally tally = tabulator.newPartial();
 * cvrs.forEach(tally::add);
 * ElectionResults results = tally.results();
 * }</pre>
 */
public final class Tabulator {
    static final String RANKED_CHOICE_REASON = "ranked-choice contest: counted by ranked-choice tabulation, not here";

    final Election election;
    final boolean primary;
    final List<ContestLayout> contests;
    final Map<ContestId, ContestLayout> contestById;
    final Map<BallotStyleId, ContestLayout[]> styleContests;
    final Map<BallotStyleId, BitSet> styleParties;
    final Map<PartyId, Integer> partyIndex;

    private Tabulator(ElectionIndex index) {
        this.election = index.election();
        this.primary = election.type().isPrimary();
        this.partyIndex = new HashMap<>();
        election.parties().forEach(p -> partyIndex.putIfAbsent(p.id(), partyIndex.size()));

        List<ContestLayout> layouts = new ArrayList<>();
        Map<ContestId, ContestLayout> byId = new LinkedHashMap<>();
        for (Contest contest : election.contests()) {
            if (byId.containsKey(contest.id())) {
                continue; // duplicate id: the first definition wins, as in ElectionIndex
            }
            Map<SelectionId, Integer> selections = new LinkedHashMap<>();
            BitSet writeIns = new BitSet();
            for (ContestSelection s : contest.selections()) {
                if (!selections.containsKey(s.id())) {
                    if (s instanceof ContestSelection.WriteIn) {
                        writeIns.set(selections.size());
                    }
                    selections.put(s.id(), selections.size());
                }
            }
            ContestLayout layout = new ContestLayout(layouts.size(), contest, List.copyOf(selections.keySet()), lookUp(selections),
                    writeIns, parties(primaryParties(contest)), isRanked(contest));
            layouts.add(layout);
            byId.put(contest.id(), layout);
        }
        this.contests = List.copyOf(layouts);
        this.contestById = lookUp(byId);

        this.styleContests = new HashMap<>();
        this.styleParties = new HashMap<>();
        for (BallotStyle style : election.ballotStyles()) {
            if (styleContests.containsKey(style.id())) {
                continue;
            }
            // Contests a style lists that the election does not define cannot be counted; the
            // election validator reports them.
            styleContests.put(style.id(), style.contests().stream().distinct()
                    .map(contestById::get).filter(c -> c != null).toArray(ContestLayout[]::new));
            styleParties.put(style.id(), parties(style.parties()));
        }
    }

    /**
     * An unmodifiable HashMap, not Map.copyOf: asked for every contest and mark of every ballot with
     * the election's own id objects, it compares hashes and identity before equals, where Map.copyOf's
     * map calls a record's equals on each slot it passes.
     */
    private static <K, V> Map<K, V> lookUp(Map<K, V> map) {
        return Collections.unmodifiableMap(new HashMap<>(map));
    }

    /** Resolves the election's contests, selections, styles and parties once, for fast counting. */
    public static Tabulator of(ElectionIndex index) {
        return new Tabulator(index);
    }

    /** A new, empty tally to be filled by one thread. */
    public PartialTally newPartial() {
        return new PartialTally(this);
    }

    private static List<PartyId> primaryParties(Contest contest) {
        return switch (contest) {
            case Contest.CandidateContest c -> c.primaryParties();
            case Contest.BallotMeasureContest b -> List.of();
            case Contest.PartyContest p -> List.of();
        };
    }

    private static boolean isRanked(Contest contest) {
        return switch (contest) {
            case Contest.CandidateContest c -> c.isRankedChoice();
            case Contest.BallotMeasureContest b -> false;
            case Contest.PartyContest p -> false;
        };
    }

    /** The parties as a set of party indexes; parties the election does not define are left out. */
    BitSet parties(Collection<PartyId> parties) {
        BitSet bits = new BitSet();
        for (PartyId p : parties) {
            Integer i = partyIndex.get(p);
            if (i != null) {
                bits.set(i);
            }
        }
        return bits;
    }
}
