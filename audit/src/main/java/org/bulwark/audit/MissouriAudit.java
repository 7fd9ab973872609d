package org.bulwark.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.bulwark.model.ContestId;
import org.bulwark.model.GpUnitId;
import org.bulwark.model.SelectionId;
import org.bulwark.model.results.ContestCounts;
import org.bulwark.model.results.ElectionResults;

/**
 * Missouri's manual post-election audit, 15 CSR 30-10.110: in a public drawing, at least 5% of the
 * authority's precincts (at least one) and the contests to count, one from each of four categories
 * and at least three local ones; a bipartisan team hand counts them; every difference from the
 * machine count is a discrepancy that must be resolved before the results are certified.
 */
public final class MissouriAudit {
    public static final String RULE = "15 CSR 30-10.110";
    /** Local contests counted at least (all of them when there are this many or fewer). */
    static final int LOCAL_CONTESTS = 3;

    private MissouriAudit() {}

    /** Precincts to select out of {@code precincts}: 5% rounded up, at least one. */
    public static int precinctsToSelect(int precincts) {
        if (precincts < 1) {
            throw new IllegalArgumentException("an authority with no precincts cannot be audited");
        }
        return Math.max(1, (int) ((precincts * 5L + 99) / 100));
    }

    /**
     * The public drawing. Precincts are numbered 1..P in order of their ids, and drawn without
     * replacement with the seed followed by "-precincts"; each category's contests, numbered in
     * order of their ids, with the seed followed by "-" and the category's label. Anyone can repeat
     * each drawing with Rivest's sampler and the seed so extended.
     */
    public static Selection select(String seed, List<GpUnitId> precincts, Map<ContestId, MissouriCategory> contests) {
        List<GpUnitId> ordered = precincts.stream().distinct().sorted(Comparator.comparing(GpUnitId::value)).toList();
        Sampler precinctSampler = Sampler.over(Sampler.normalizeSeed(seed) + "-precincts", 1, ordered.size(), true);
        List<GpUnitId> chosen = precinctSampler.next(precinctsToSelect(ordered.size())).stream()
                .map(d -> ordered.get((int) d.pick() - 1)).toList();
        Map<MissouriCategory, List<ContestId>> byCategory = new EnumMap<>(MissouriCategory.class);
        contests.forEach((c, category) -> byCategory.computeIfAbsent(category, k -> new ArrayList<>()).add(c));
        List<SelectedContest> chosenContests = new ArrayList<>();
        for (MissouriCategory category : MissouriCategory.values()) {
            List<ContestId> pool = byCategory.getOrDefault(category, List.of()).stream().sorted(Comparator.comparing(ContestId::value)).toList();
            if (pool.isEmpty()) {
                continue;
            }
            int count = category == MissouriCategory.LOCAL ? Math.min(LOCAL_CONTESTS, pool.size()) : 1;
            Sampler.over(Sampler.normalizeSeed(seed) + "-" + category.label(), 1, pool.size(), true).next(count)
                    .forEach(d -> chosenContests.add(new SelectedContest(pool.get((int) d.pick() - 1), category)));
        }
        return new Selection(ordered.size(), chosen, chosenContests);
    }

    /**
     * Every difference between the hand counts and the machine counts of the same precinct and
     * contest, per selection; a count for a precinct or contest the machine count does not have
     * differs by all its votes.
     */
    public static List<HandCountDiscrepancy> compare(ElectionResults machine, List<HandCount> handCounts) {
        List<HandCountDiscrepancy> found = new ArrayList<>();
        for (HandCount count : handCounts) {
            Optional<ContestCounts> counted = machine.contest(count.contest())
                    .flatMap(r -> Optional.ofNullable(r.counts().byUnit().get(count.precinct())));
            Map<SelectionId, Long> machineVotes = counted.map(ContestCounts::votes).orElse(Map.of());
            TreeSet<SelectionId> selections = new TreeSet<>(Comparator.comparing(SelectionId::value));
            selections.addAll(machineVotes.keySet());
            selections.addAll(count.votes().keySet());
            for (SelectionId s : selections) {
                long m = machineVotes.getOrDefault(s, 0L);
                long h = count.votes().getOrDefault(s, 0L);
                if (m != h) {
                    found.add(new HandCountDiscrepancy(count.precinct(), count.contest(), s, m, h));
                }
            }
        }
        return found;
    }

    /** The drawing as the team's list: Kind, Id, Name, Category, one row per precinct and contest. */
    public static List<List<String>> selectionRows(Selection selection, java.util.function.Function<GpUnitId, String> unitName,
            java.util.function.Function<ContestId, String> contestName) {
        List<List<String>> rows = new ArrayList<>();
        selection.precincts().forEach(p -> rows.add(List.of("precinct", p.value(), unitName.apply(p), "")));
        selection.contests().forEach(c -> rows.add(List.of("contest", c.contest().value(), contestName.apply(c.contest()), c.category().description())));
        return rows;
    }

    /** The rows of {@link #selectionRows} as CSV with their header. */
    public static String selectionCsv(List<List<String>> rows) {
        StringBuilder csv = new StringBuilder(Csv.row("Kind", "Id", "Name", "Category"));
        rows.forEach(r -> csv.append(Csv.row(r.toArray())));
        return csv.toString();
    }

    /**
     * The drawing's outcome.
     *
     * @param precinctsInAuthority P, the precincts drawn from
     */
    public record Selection(int precinctsInAuthority, List<GpUnitId> precincts, List<SelectedContest> contests) {
        public Selection {
            precincts = List.copyOf(precincts);
            contests = List.copyOf(contests);
        }
    }

    public record SelectedContest(ContestId contest, MissouriCategory category) {}

    /**
     * A bipartisan team's hand count of one contest in one precinct.
     *
     * @param votes votes per selection as counted by hand
     */
    public record HandCount(GpUnitId precinct, ContestId contest, Map<SelectionId, Long> votes, String firstMember, String secondMember) {
        public HandCount {
            votes = Map.copyOf(votes);
            if (firstMember.isBlank() || secondMember.isBlank() || firstMember.strip().equalsIgnoreCase(secondMember.strip())) {
                throw new IllegalArgumentException("a hand count is entered by a team of two different people, not \""
                        + firstMember + "\" and \"" + secondMember + "\"");
            }
            votes.forEach((s, v) -> {
                if (v < 0) {
                    throw new IllegalArgumentException("the hand count for " + s.value() + " is negative: " + v);
                }
            });
        }
    }

    /** A selection whose hand count differs from the machine count in a precinct. */
    public record HandCountDiscrepancy(GpUnitId precinct, ContestId contest, SelectionId selection, long machine, long hand) {
        /** Stable key by which a resolution refers to the discrepancy. */
        public String key() {
            return precinct.value() + "/" + contest.value() + "/" + selection.value();
        }

        public String describe() {
            return "precinct " + precinct.value() + ", contest " + contest.value() + ", " + selection.value() + ": machine " + machine
                    + ", hand " + hand + " (" + (hand > machine ? "+" : "") + (hand - machine) + ")";
        }
    }
}
