package org.bulwark.model;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Look-ups over an election definition by id, built once. Assumes ids are unique within their kind
 * (the validator reports duplicates); the first definition of a duplicated id wins.
 */
public final class ElectionIndex {
    private final Election election;
    private final Map<ContestId, Contest> contests;
    private final Map<SelectionId, Contest> contestOfSelection;
    private final Map<SelectionId, ContestSelection> selections;
    private final Map<BallotStyleId, BallotStyle> ballotStyles;
    private final Map<BallotStyleId, Set<ContestId>> contestsOfStyle;
    private final Map<GpUnitId, GpUnit> gpUnits;
    private final Map<PartyId, Party> parties;
    private final Map<CandidateId, Candidate> candidates;

    private ElectionIndex(Election election) {
        this.election = election;
        this.contests = byId(election.contests().stream(), Contest::id);
        this.selections = new HashMap<>();
        this.contestOfSelection = new HashMap<>();
        for (Contest c : election.contests()) {
            for (ContestSelection s : c.selections()) {
                selections.putIfAbsent(s.id(), s);
                contestOfSelection.putIfAbsent(s.id(), c);
            }
        }
        this.ballotStyles = byId(election.ballotStyles().stream(), BallotStyle::id);
        // HashSet, not Set.copyOf: asked for every contest of every CVR, it compares hashes and identity before
        // calling equals, where Set.copyOf's set calls equals on each slot it passes.
        this.contestsOfStyle = ballotStyles.values().stream()
                .collect(Collectors.toUnmodifiableMap(BallotStyle::id, b -> Collections.unmodifiableSet(new HashSet<>(b.contests()))));
        this.gpUnits = byId(election.gpUnits().stream(), GpUnit::id);
        this.parties = byId(election.parties().stream(), Party::id);
        this.candidates = byId(election.candidates().stream(), Candidate::id);
    }

    public static ElectionIndex of(Election election) {
        return new ElectionIndex(election);
    }

    private static <K, V> Map<K, V> byId(java.util.stream.Stream<V> values, Function<V, K> id) {
        Map<K, V> map = new LinkedHashMap<>();
        values.forEach(v -> map.putIfAbsent(id.apply(v), v));
        return map;
    }

    public Election election() {
        return election;
    }

    public Optional<Contest> contest(ContestId id) {
        return Optional.ofNullable(contests.get(id));
    }

    public Optional<ContestSelection> selection(SelectionId id) {
        return Optional.ofNullable(selections.get(id));
    }

    /** The contest a selection belongs to. */
    public Optional<Contest> contestOf(SelectionId id) {
        return Optional.ofNullable(contestOfSelection.get(id));
    }

    public Optional<BallotStyle> ballotStyle(BallotStyleId id) {
        return Optional.ofNullable(ballotStyles.get(id));
    }

    public boolean styleHasContest(BallotStyleId style, ContestId contest) {
        Set<ContestId> set = contestsOfStyle.get(style);
        return set != null && set.contains(contest);
    }

    public Optional<GpUnit> gpUnit(GpUnitId id) {
        return Optional.ofNullable(gpUnits.get(id));
    }

    /**
     * Every unit that composes {@code unit}, directly or through others (an authority's precincts
     * and splits), without {@code unit} itself; empty for a unit the election does not have.
     */
    public Set<GpUnitId> unitsComposing(GpUnitId unit) {
        Set<GpUnitId> found = new LinkedHashSet<>();
        ArrayDeque<GpUnitId> todo = new ArrayDeque<>();
        gpUnit(unit).ifPresent(u -> todo.addAll(u.composingUnits()));
        while (!todo.isEmpty()) {
            GpUnitId u = todo.pop();
            if (found.add(u)) {
                gpUnit(u).ifPresent(g -> todo.addAll(g.composingUnits()));
            }
        }
        found.remove(unit); // a unit listed among its own parts (a cycle) is not a part of itself
        return Collections.unmodifiableSet(found);
    }

    public Optional<Party> party(PartyId id) {
        return Optional.ofNullable(parties.get(id));
    }

    public Optional<Candidate> candidate(CandidateId id) {
        return Optional.ofNullable(candidates.get(id));
    }
}
