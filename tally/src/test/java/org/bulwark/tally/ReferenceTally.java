package org.bulwark.tally;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.bulwark.model.BallotStyle;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.Contest;
import org.bulwark.model.ContestId;
import org.bulwark.model.ContestSelection;
import org.bulwark.model.CvrContest;
import org.bulwark.model.Election;
import org.bulwark.model.Mark;
import org.bulwark.model.PartyId;
import org.bulwark.model.SelectionId;
import org.bulwark.model.results.BallotCounts;
import org.bulwark.model.results.BatchKey;
import org.bulwark.model.results.Breakdown;
import org.bulwark.model.results.ContestCounts;
import org.bulwark.model.results.ContestResult;
import org.bulwark.model.results.ElectionResults;
import org.bulwark.model.results.NotTabulated;

/**
 * A deliberately plain tally to check the fast one against: one ballot at a time, maps keyed by
 * (dimension, group, contest), no layout, no cells, no cleverness.
 */
final class ReferenceTally {
    private record Group(String dimension, Object key) {}

    private static final Group TOTAL = new Group("total", "total");

    private static final class Counts {
        final Map<SelectionId, Long> votes = new HashMap<>();
        long over;
        long under;
        long cast;
        long blank;
        final Map<String, Long> names = new HashMap<>();
    }

    private final Election election;
    private final Map<Group, Map<ContestId, Counts>> contests = new HashMap<>();
    private final Map<Group, long[]> ballots = new HashMap<>();

    private ReferenceTally(Election election) {
        this.election = election;
    }

    static ElectionResults tally(Election election, List<CastVoteRecord> cvrs) {
        ReferenceTally t = new ReferenceTally(election);
        cvrs.forEach(t::add);
        return t.results();
    }

    private Contest contest(ContestId id) {
        return election.contests().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    private Optional<BallotStyle> style(CastVoteRecord cvr) {
        return election.ballotStyles().stream().filter(s -> s.id().equals(cvr.ballotStyle())).findFirst();
    }

    private static boolean counts(Mark m) {
        return m.countsAsVote() && m.votes() > 0;
    }

    private static boolean ranked(Contest c) {
        return c instanceof Contest.CandidateContest cc && cc.isRankedChoice();
    }

    private static List<PartyId> partiesOf(Contest c) {
        return c instanceof Contest.CandidateContest cc ? cc.primaryParties() : List.of();
    }

    private void add(CastVoteRecord cvr) {
        List<Group> groups = List.of(TOTAL,
                new Group("unit", cvr.ballotStyleUnit()),
                new Group("style", cvr.ballotStyle()),
                new Group("countingGroup", cvr.countingGroup()),
                new Group("device", cvr.creatingDevice()),
                new Group("batch", new BatchKey(cvr.creatingDevice(), cvr.batch())));

        Map<ContestId, List<Mark>> appeared = new LinkedHashMap<>();
        for (CvrContest cc : cvr.contests()) {
            appeared.put(cc.contest(), cc.marks());
        }
        style(cvr).ifPresent(s -> s.contests().forEach(c -> appeared.putIfAbsent(c, List.of())));

        boolean primary = election.type().isPrimary();
        Set<PartyId> party = new HashSet<>(cvr.parties());
        if (party.isEmpty()) {
            style(cvr).ifPresent(s -> party.addAll(s.parties()));
        }
        if (primary && party.isEmpty()) {
            Set<PartyId> inferred = null;
            for (CvrContest cc : cvr.contests()) {
                List<PartyId> contestParties = partiesOf(contest(cc.contest()));
                if (!contestParties.isEmpty() && cc.marks().stream().anyMatch(ReferenceTally::counts)) {
                    if (inferred == null) {
                        inferred = new HashSet<>(contestParties);
                    } else {
                        inferred.retainAll(contestParties);
                    }
                }
            }
            if (inferred != null) {
                party.addAll(inferred);
            }
        }

        boolean blank = cvr.contests().stream().flatMap(c -> c.marks().stream()).noneMatch(ReferenceTally::counts);
        boolean undetermined = false;
        for (var e : appeared.entrySet()) {
            Contest contest = contest(e.getKey());
            if (ranked(contest)) {
                continue;
            }
            List<PartyId> contestParties = partiesOf(contest);
            if (primary && !contestParties.isEmpty() && contestParties.stream().noneMatch(party::contains)) {
                undetermined |= party.isEmpty();
                continue;
            }
            long votes = 0;
            for (Mark m : e.getValue()) {
                if (m.countsAsVote()) {
                    votes += m.votes();
                }
            }
            for (Group g : groups) {
                Counts c = contests.computeIfAbsent(g, x -> new HashMap<>()).computeIfAbsent(contest.id(), x -> new Counts());
                c.cast++;
                if (votes > contest.votesAllowed()) {
                    c.over += contest.votesAllowed();
                    continue;
                }
                c.under += contest.votesAllowed() - votes;
                if (votes == 0) {
                    c.blank++;
                }
                for (Mark m : e.getValue()) {
                    if (m.countsAsVote()) {
                        c.votes.merge(m.selection(), (long) m.votes(), Long::sum);
                        boolean writeInPosition = contest.selections().stream()
                                .anyMatch(s -> s.id().equals(m.selection()) && s instanceof ContestSelection.WriteIn);
                        if (writeInPosition && m.writeInName().isPresent() && m.votes() > 0) {
                            c.names.merge(m.writeInName().get(), (long) m.votes(), Long::sum);
                        }
                    }
                }
            }
        }
        for (Group g : groups) {
            long[] b = ballots.computeIfAbsent(g, x -> new long[3]);
            b[0]++;
            b[1] += blank ? 1 : 0;
            b[2] += undetermined ? 1 : 0;
        }
    }

    private ElectionResults results() {
        List<ContestResult> results = new ArrayList<>();
        List<NotTabulated> notTabulated = new ArrayList<>();
        Set<ContestId> done = new LinkedHashSet<>();
        for (Contest contest : election.contests()) {
            if (!done.add(contest.id())) {
                continue;
            }
            if (ranked(contest)) {
                notTabulated.add(new NotTabulated(contest.id(), Tabulator.RANKED_CHOICE_REASON));
                continue;
            }
            Breakdown<ContestCounts> counts = breakdown(g -> {
                Counts c = contests.getOrDefault(g, Map.of()).get(contest.id());
                return c == null ? null : record(contest, c);
            }, record(contest, new Counts()));
            results.add(new ContestResult(contest.id(), contest.votesAllowed(), counts));
        }
        Breakdown<BallotCounts> ballotCounts = breakdown(g -> {
            long[] b = ballots.get(g);
            return b == null ? null : new BallotCounts(b[0], b[1], b[2]);
        }, new BallotCounts(0, 0, 0));
        return new ElectionResults(election.id(), election.scope(), ballotCounts, results, notTabulated);
    }

    /** Groups a contest did not appear in are left out; the total is always there. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private <T> Breakdown<T> breakdown(Function<Group, T> of, T zero) {
        Map<String, Map<Object, T>> by = new HashMap<>();
        for (Group g : union()) {
            T value = of.apply(g);
            if (value != null && !g.equals(TOTAL)) {
                by.computeIfAbsent(g.dimension(), x -> new HashMap<>()).put(g.key(), value);
            }
        }
        T total = of.apply(TOTAL);
        return new Breakdown<>(total == null ? zero : total,
                (Map) by.getOrDefault("unit", Map.of()),
                (Map) by.getOrDefault("style", Map.of()),
                (Map) by.getOrDefault("countingGroup", Map.of()),
                (Map) by.getOrDefault("device", Map.of()),
                (Map) by.getOrDefault("batch", Map.of()));
    }

    private Set<Group> union() {
        Set<Group> all = new HashSet<>(ballots.keySet());
        all.addAll(contests.keySet());
        return all;
    }

    private ContestCounts record(Contest contest, Counts c) {
        Map<SelectionId, Long> votes = new LinkedHashMap<>();
        long writeIns = 0;
        for (ContestSelection s : contest.selections()) {
            long v = c.votes.getOrDefault(s.id(), 0L);
            votes.put(s.id(), v);
            if (s instanceof ContestSelection.WriteIn) {
                writeIns += v;
            }
        }
        return new ContestCounts(votes, c.over, c.under, c.cast, c.blank, writeIns, c.names);
    }
}
