package org.bulwark.tally;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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

    /**
     * The results of the cells. Each breakdown is summed from the cells and split by contest on its own,
     * so devices and batches (the largest breakdowns of a statewide election) are worked out on a second
     * thread while the caller does the others: nothing is shared between the two but the cells, which
     * are only read, so the results are the same either way.
     */
    ElectionResults build(Map<CellKey, Counters> cells) {
        CompletableFuture<Dimension<Optional<String>>> byDevice = CompletableFuture.supplyAsync(
                () -> dimension(cells, CellKey::device, BatchKey.deviceOrder()));
        CompletableFuture<Dimension<BatchKey>> byBatch = byDevice.thenApplyAsync(
                done -> dimension(cells, key -> new BatchKey(key.device(), key.batch()), Comparator.naturalOrder()));
        Counters total = new Counters(tabulator.contests.size());
        cells.values().forEach(total::addAll);
        Dimension<GpUnitId> byUnit = dimension(cells, CellKey::unit, definitionOrder(unitOrder, GpUnitId::value));
        Dimension<BallotStyleId> byStyle = dimension(cells, CellKey::style, definitionOrder(styleOrder, BallotStyleId::value));
        Dimension<CountingGroup> byGroup = dimension(cells, CellKey::group, Comparator.naturalOrder());
        Dimension<Optional<String>> devices = join(byDevice);
        Dimension<BatchKey> batches = join(byBatch);

        List<ContestResult> contests = new ArrayList<>();
        List<NotTabulated> notTabulated = new ArrayList<>();
        for (ContestLayout c : tabulator.contests) {
            if (c.ranked()) {
                notTabulated.add(new NotTabulated(c.contest().id(), Tabulator.RANKED_CHOICE_REASON));
            } else {
                int i = c.index();
                contests.add(new ContestResult(c.contest().id(), c.votesAllowed(), new Breakdown<>(contestCounts(total, c),
                        byUnit.contests.get(i), byStyle.contests.get(i), byGroup.contests.get(i),
                        devices.contests.get(i), batches.contests.get(i))));
            }
        }
        Breakdown<BallotCounts> ballots = new Breakdown<>(ballotCounts(total), byUnit.ballots(), byStyle.ballots(),
                byGroup.ballots(), devices.ballots(), batches.ballots());
        return new ElectionResults(tabulator.election.id(), tabulator.election.scope(), ballots, contests, notTabulated);
    }

    private static <T> T join(CompletableFuture<T> work) {
        try {
            return work.join();
        } catch (CompletionException e) {
            switch (e.getCause()) {
                case RuntimeException unchecked -> throw unchecked;
                case Error error -> throw error;
                default -> throw e;
            }
        }
    }

    /**
     * One breakdown: the counters of each of its groups, in report order, and each contest's counts per
     * group (indexed like the tabulator's contests).
     */
    private record Dimension<K>(Map<K, Counters> groups, List<Map<K, ContestCounts>> contests) {
        Map<K, BallotCounts> ballots() {
            Map<K, BallotCounts> out = new LinkedHashMap<>();
            groups.forEach((k, v) -> out.put(k, ballotCounts(v)));
            return out;
        }
    }

    private <K> Dimension<K> dimension(Map<CellKey, Counters> cells, Function<CellKey, K> group, Comparator<? super K> order) {
        Map<K, Counters> groups = new HashMap<>();
        cells.forEach((key, cell) -> into(groups, group.apply(key), cell));
        Map<K, Counters> sorted = sorted(groups, order);
        return new Dimension<>(sorted, byContest(sorted));
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

    private static BallotCounts ballotCounts(Counters c) {
        long[] k = c.ballots;
        return new BallotCounts(k[Counters.BALLOTS], k[Counters.BLANK_BALLOTS], k[Counters.PARTY_UNDETERMINED]);
    }

    /**
     * Every contest's counts in each group, in one pass over the groups: a group lists only the contests
     * on its ballots, so going group by group touches each counter once, where going contest by contest
     * would look at every group for every contest (772 contests times thousands of groups in a statewide
     * election). A contest is reported in a group only when it appeared on ballots of that group; ranked
     * contests, not tabulated here, get no counts.
     */
    private <K> List<Map<K, ContestCounts>> byContest(Map<K, Counters> groups) {
        List<ContestLayout> layouts = tabulator.contests;
        List<Map<K, ContestCounts>> byContest = new ArrayList<>();
        for (int i = 0; i < layouts.size(); i++) {
            byContest.add(new LinkedHashMap<>());
        }
        groups.forEach((key, counters) -> {
            for (int n = 0; n < counters.countedContests(); n++) {
                ContestLayout c = layouts.get(counters.countedContest(n));
                if (!c.ranked() && counters.contests[c.index()][c.ballotsCast()] > 0) {
                    byContest.get(c.index()).put(key, contestCounts(counters, c));
                }
            }
        });
        return byContest;
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
