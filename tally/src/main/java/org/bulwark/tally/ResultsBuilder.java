package org.bulwark.tally;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.bulwark.model.BallotStyle;
import org.bulwark.model.BallotStyleId;
import org.bulwark.model.ContestSelection;
import org.bulwark.model.CountingGroup;
import org.bulwark.model.GpUnit;
import org.bulwark.model.GpUnitId;
import org.bulwark.model.SelectionId;
import org.bulwark.model.results.BallotCounts;
import org.bulwark.model.results.BatchKey;
import org.bulwark.model.results.Breakdown;
import org.bulwark.model.results.ContestCounts;
import org.bulwark.model.results.ContestResult;
import org.bulwark.model.results.ElectionResults;
import org.bulwark.model.results.NotTabulated;

/** Adds the cells of a tally up into every breakdown and turns the counters into result records. */
final class ResultsBuilder {
    private final Tabulator tabulator;
    private final Map<GpUnitId, Integer> unitOrder = new HashMap<>();
    private final Map<BallotStyleId, Integer> styleOrder = new HashMap<>();

    ResultsBuilder(Tabulator tabulator) {
        this.tabulator = tabulator;
        for (GpUnit u : tabulator.election.gpUnits()) {
            unitOrder.putIfAbsent(u.id(), unitOrder.size());
        }
        for (BallotStyle s : tabulator.election.ballotStyles()) {
            styleOrder.putIfAbsent(s.id(), styleOrder.size());
        }
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
        for (ContestLayout c : tabulator.contests) {
            if (c.ranked()) {
                notTabulated.add(new NotTabulated(c.contest().id(), Tabulator.RANKED_CHOICE_REASON));
            } else {
                contests.add(new ContestResult(c.contest().id(), c.votesAllowed(), contestBreakdown(all, c)));
            }
        }
        return new ElectionResults(tabulator.election.id(), tabulator.election.scope(),
                map(all, this::ballotCounts, x -> true), contests, notTabulated);
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

    /** A contest is reported in a group only when it appeared on ballots of that group. */
    private Breakdown<ContestCounts> contestBreakdown(Breakdown<Counters> all, ContestLayout c) {
        return map(all, counters -> contestCounts(counters, c), counters -> {
            long[] k = counters.contests[c.index()];
            return k != null && k[c.ballotsCast()] > 0;
        });
    }

    private static <T> Breakdown<T> map(
            Breakdown<Counters> all, Function<Counters, T> f, Predicate<Counters> include) {
        return new Breakdown<>(
                f.apply(all.total()),
                mapValues(all.byUnit(), f, include),
                mapValues(all.byBallotStyle(), f, include),
                mapValues(all.byCountingGroup(), f, include),
                mapValues(all.byDevice(), f, include),
                mapValues(all.byBatch(), f, include));
    }

    private static <K, T> Map<K, T> mapValues(
            Map<K, Counters> map, Function<Counters, T> f, Predicate<Counters> include) {
        Map<K, T> out = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (include.test(v)) {
                out.put(k, f.apply(v));
            }
        });
        return out;
    }

    private ContestCounts contestCounts(Counters counters, ContestLayout c) {
        long[] k = counters.contests[c.index()] == null ? new long[c.width()] : counters.contests[c.index()];
        Map<SelectionId, Long> votes = new LinkedHashMap<>();
        long writeIns = 0;
        for (ContestSelection s : c.contest().selections()) {
            if (votes.containsKey(s.id())) {
                continue; // a repeated selection id has one counter
            }
            int slot = c.selectionSlots().get(s.id());
            votes.put(s.id(), k[slot]);
            if (c.writeIns().get(slot)) {
                writeIns += k[slot];
            }
        }
        Map<String, Long> names = new LinkedHashMap<>();
        counters.writeInNames.getOrDefault(c.index(), Map.of()).entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> names.put(e.getKey(), e.getValue()));
        return new ContestCounts(votes, k[c.overvotes()], k[c.undervotes()], k[c.ballotsCast()], k[c.blank()],
                writeIns, names);
    }
}
