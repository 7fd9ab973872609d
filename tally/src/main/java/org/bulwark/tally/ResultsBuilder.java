package org.bulwark.tally;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.bulwark.model.BallotStyle;
import org.bulwark.model.BallotStyleId;
import org.bulwark.model.CountingGroup;
import org.bulwark.model.GpUnit;
import org.bulwark.model.GpUnitId;
import org.bulwark.model.results.BallotCounts;
import org.bulwark.model.results.BatchKey;
import org.bulwark.model.results.Breakdown;
import org.bulwark.model.results.ContestCounts;
import org.bulwark.model.results.ContestResult;
import org.bulwark.model.results.ElectionResults;
import org.bulwark.model.results.NotTabulated;
import org.bulwark.model.results.SelectionVotes;

/** Adds the cells of a tally up into every breakdown and turns the counters into result records. */
final class ResultsBuilder {
    private final Tabulator tabulator;
    private final Map<GpUnitId, Integer> unitOrder = new HashMap<>();
    private final Map<BallotStyleId, Integer> styleOrder = new HashMap<>();
    /** Per contest index: its selections, shared by the votes of all its groups. */
    private final SelectionVotes.Selections[] selections;

    ResultsBuilder(Tabulator tabulator) {
        this.tabulator = tabulator;
        for (GpUnit u : tabulator.election.gpUnits()) {
            unitOrder.putIfAbsent(u.id(), unitOrder.size());
        }
        for (BallotStyle s : tabulator.election.ballotStyles()) {
            styleOrder.putIfAbsent(s.id(), styleOrder.size());
        }
        this.selections = tabulator.contests.stream()
                .map(c -> SelectionVotes.selections(c.slotSelections()))
                .toArray(SelectionVotes.Selections[]::new);
    }

    ElectionResults build(Map<CellKey, Counters> cells) {
        Counters total = new Counters(tabulator.contests.size());
        Map<GpUnitId, Counters> byUnit = new HashMap<>();
        Map<BallotStyleId, Counters> byStyle = new HashMap<>();
        Map<CountingGroup, Counters> byGroup = new HashMap<>();
        Map<Optional<String>, Counters> byDevice = new HashMap<>();
        Map<BatchKey, Counters> byBatch = new HashMap<>();
        cells.forEach((key, cell) -> {
            total.addAll(cell);
            into(byUnit, key.unit(), cell);
            into(byStyle, key.style(), cell);
            into(byGroup, key.group(), cell);
            into(byDevice, key.device(), cell);
            into(byBatch, new BatchKey(key.device(), key.batch()), cell);
        });
        Breakdown<Counters> all = new Breakdown<>(
                total,
                sorted(byUnit, definitionOrder(unitOrder, GpUnitId::value)),
                sorted(byStyle, definitionOrder(styleOrder, BallotStyleId::value)),
                sorted(byGroup, Comparator.naturalOrder()),
                sorted(byDevice, BatchKey.deviceOrder()),
                sorted(byBatch, Comparator.naturalOrder()));

        List<ContestResult> contests = new ArrayList<>();
        List<NotTabulated> notTabulated = new ArrayList<>();
        List<Breakdown<ContestCounts>> byContest = contestBreakdowns(all);
        for (ContestLayout c : tabulator.contests) {
            if (c.ranked()) {
                notTabulated.add(new NotTabulated(c.contest().id(), Tabulator.RANKED_CHOICE_REASON));
            } else {
                contests.add(new ContestResult(c.contest().id(), c.votesAllowed(), byContest.get(c.index())));
            }
        }
        return new ElectionResults(tabulator.election.id(), tabulator.election.scope(),
                map(all, this::ballotCounts), contests, notTabulated);
    }

    private static <K> void into(Map<K, Counters> map, K key, Counters cell) {
        map.computeIfAbsent(key, k -> new Counters(cell.contests.length)).addAll(cell);
    }

    /** Units and styles in the order the election defines them; any others after, by id. */
    private static <K> Comparator<K> definitionOrder(Map<K, Integer> order, Function<K, String> id) {
        return Comparator.comparing((K k) -> order.getOrDefault(k, Integer.MAX_VALUE)).thenComparing(id);
    }

    private static <K> Map<K, Counters> sorted(Map<K, Counters> map, Comparator<? super K> order) {
        Map<K, Counters> sorted = new LinkedHashMap<>();
        map.keySet().stream().sorted(order).forEach(k -> sorted.put(k, map.get(k)));
        return sorted;
    }

    private BallotCounts ballotCounts(Counters c) {
        long[] k = c.ballots;
        return new BallotCounts(k[Counters.BALLOTS], k[Counters.BLANK_BALLOTS], k[Counters.PARTY_UNDETERMINED]);
    }

    /**
     * Every contest's counts in every group, in one pass over each breakdown: a group lists only the
     * contests on its ballots, so going group by group touches each counter once, where going contest by
     * contest would look at every group for every contest (772 contests times thousands of groups in a
     * statewide election). A contest is reported in a group only when it appeared on ballots of that group;
     * ranked contests, not tabulated here, get no counts.
     */
    private List<Breakdown<ContestCounts>> contestBreakdowns(Breakdown<Counters> all) {
        List<ContestGroups> groups = new ArrayList<>();
        for (int i = 0; i < tabulator.contests.size(); i++) {
            groups.add(new ContestGroups());
        }
        spread(all.byUnit(), groups, ContestGroups::byUnit);
        spread(all.byBallotStyle(), groups, ContestGroups::byStyle);
        spread(all.byCountingGroup(), groups, ContestGroups::byGroup);
        spread(all.byDevice(), groups, ContestGroups::byDevice);
        spread(all.byBatch(), groups, ContestGroups::byBatch);
        List<Breakdown<ContestCounts>> breakdowns = new ArrayList<>();
        for (ContestLayout c : tabulator.contests) {
            ContestGroups g = groups.get(c.index());
            breakdowns.add(c.ranked() ? null : new Breakdown<>(contestCounts(all.total(), c),
                    g.byUnit, g.byStyle, g.byGroup, g.byDevice, g.byBatch));
        }
        return breakdowns;
    }

    /** One contest's counts per group of each breakdown, filled in the breakdown's order. */
    private record ContestGroups(
            Map<GpUnitId, ContestCounts> byUnit,
            Map<BallotStyleId, ContestCounts> byStyle,
            Map<CountingGroup, ContestCounts> byGroup,
            Map<Optional<String>, ContestCounts> byDevice,
            Map<BatchKey, ContestCounts> byBatch) {
        ContestGroups() {
            this(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>());
        }
    }

    private <K> void spread(Map<K, Counters> breakdown, List<ContestGroups> groups, Function<ContestGroups, Map<K, ContestCounts>> into) {
        List<ContestLayout> layouts = tabulator.contests;
        breakdown.forEach((key, counters) -> {
            long[][] perContest = counters.contests;
            for (int i = 0; i < perContest.length; i++) {
                long[] k = perContest[i];
                ContestLayout c = layouts.get(i);
                if (k != null && !c.ranked() && k[c.ballotsCast()] > 0) {
                    into.apply(groups.get(i)).put(key, contestCounts(counters, c));
                }
            }
        });
    }

    private static <T> Breakdown<T> map(Breakdown<Counters> all, Function<Counters, T> f) {
        return new Breakdown<>(
                f.apply(all.total()),
                mapValues(all.byUnit(), f),
                mapValues(all.byBallotStyle(), f),
                mapValues(all.byCountingGroup(), f),
                mapValues(all.byDevice(), f),
                mapValues(all.byBatch(), f));
    }

    private static <K, T> Map<K, T> mapValues(Map<K, Counters> map, Function<Counters, T> f) {
        Map<K, T> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k, f.apply(v)));
        return out;
    }

    private ContestCounts contestCounts(Counters counters, ContestLayout c) {
        long[] k = counters.contests[c.index()] == null ? new long[c.width()] : counters.contests[c.index()];
        long writeIns = 0;
        for (int slot = c.writeIns().nextSetBit(0); slot >= 0; slot = c.writeIns().nextSetBit(slot + 1)) {
            writeIns += k[slot];
        }
        Map<String, Long> names = new LinkedHashMap<>();
        Map<String, Long> written = counters.writeInNames.get(c.index());
        if (written != null) {
            written.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> names.put(e.getKey(), e.getValue()));
        }
        return new ContestCounts(selections[c.index()].votes(k), k[c.overvotes()], k[c.undervotes()], k[c.ballotsCast()], k[c.blank()],
                writeIns, names);
    }
}
