package org.bulwark.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bulwark.model.BallotStyle;
import org.bulwark.model.Candidate;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.Contest;
import org.bulwark.model.ContestSelection;
import org.bulwark.model.CvrContest;
import org.bulwark.model.Election;
import org.bulwark.model.ElectionIndex;
import org.bulwark.model.ElectionValidator;
import org.bulwark.model.GpUnit;
import org.bulwark.model.GpUnitId;
import org.bulwark.model.GpUnitType;
import org.bulwark.model.Indication;
import org.bulwark.model.Mark;

/** Checks that what the generator produced hangs together; shared by the example and property tests. */
final class GeneratedElectionCheck {
    private GeneratedElectionCheck() {}

    static void definitionIsConsistent(Election e, StatewideGenerator.Settings s) {
        assertThat(ElectionValidator.validate(e)).as("validator issues").isEmpty();
        ElectionIndex index = ElectionIndex.of(e);
        assertUnique(e.gpUnits().stream().map(u -> u.id().value()).toList(), "gp unit ids");
        assertUnique(e.contests().stream().map(c -> c.id().value()).toList(), "contest ids");
        assertUnique(e.contests().stream().flatMap(c -> c.selections().stream()).map(x -> x.id().value()).toList(), "selection ids");
        assertUnique(e.candidates().stream().map(c -> c.id().value()).toList(), "candidate ids");
        assertUnique(e.candidates().stream().map(Candidate::ballotName).toList(), "candidate names");
        assertUnique(e.ballotStyles().stream().map(b -> b.id().value()).toList(), "ballot style ids");

        assertThat(e.gpUnits().stream().filter(GpUnit::authority).count()).isEqualTo(s.authorities());
        assertThat(e.gpUnits().stream().filter(u -> u.type() == GpUnitType.PRECINCT).count()).isEqualTo(s.precincts());
        assertThat(index.gpUnit(e.scope())).map(GpUnit::type).contains(GpUnitType.STATE);
        for (GpUnit u : e.gpUnits()) {
            for (GpUnitId c : u.composingUnits()) {
                assertThat(index.gpUnit(c)).as("%s composed of %s", u.id(), c).isPresent();
            }
        }
        for (Contest c : e.contests()) {
            assertThat(index.gpUnit(c.district())).as("district of %s", c.id()).isPresent();
            assertThat(c.votesAllowed()).isBetween(1, 3);
            for (ContestSelection sel : c.selections()) {
                if (sel instanceof ContestSelection.CandidateSelection cs) {
                    cs.candidates().forEach(id -> assertThat(index.candidate(id)).as("candidate %s", id).isPresent());
                }
            }
        }
        for (Candidate c : e.candidates()) {
            c.party().ifPresent(p -> assertThat(index.party(p)).isPresent());
        }
        // Every unit where ballots are cast has exactly one style, and every style serves some unit.
        Map<GpUnitId, Integer> stylesOfUnit = new HashMap<>();
        for (BallotStyle b : e.ballotStyles()) {
            assertThat(b.gpUnits()).isNotEmpty();
            assertThat(b.contests()).isNotEmpty();
            b.contests().forEach(id -> assertThat(index.contest(id)).isPresent());
            b.gpUnits().forEach(u -> stylesOfUnit.merge(u, 1, Integer::sum));
        }
        Set<GpUnitId> votingUnits = new HashSet<>();
        for (GpUnit u : e.gpUnits()) {
            boolean splitParent = u.type() == GpUnitType.PRECINCT && !u.composingUnits().isEmpty();
            if (u.type() == GpUnitType.SPLIT_PRECINCT || (u.type() == GpUnitType.PRECINCT && !splitParent)) {
                votingUnits.add(u.id());
            }
        }
        assertThat(stylesOfUnit.keySet()).isEqualTo(votingUnits);
        assertThat(stylesOfUnit.values()).containsOnly(1);
        // Every contest is on some ballot.
        Set<Object> onBallots = new HashSet<>();
        e.ballotStyles().forEach(b -> onBallots.addAll(b.contests()));
        assertThat(onBallots).hasSize(e.contests().size());
    }

    /** Checks every ballot against the definition; returns the ballot ids so callers can count them. */
    static void ballotIsConsistent(CastVoteRecord cvr, ElectionIndex index, Set<String> seenIds) {
        assertThat(seenIds.add(cvr.ballotId())).as("ballot id %s unique", cvr.ballotId()).isTrue();
        BallotStyle style = index.ballotStyle(cvr.ballotStyle()).orElseThrow();
        assertThat(style.gpUnits()).contains(cvr.ballotStyleUnit());
        assertThat(cvr.contests().stream().map(CvrContest::contest).toList()).isEqualTo(style.contests());
        assertThat(cvr.creatingDevice()).isPresent();
        assertThat(cvr.batch()).isPresent();
        for (CvrContest c : cvr.contests()) {
            Contest contest = index.contest(c.contest()).orElseThrow();
            int allowed = contest.votesAllowed();
            List<Mark> marks = c.marks();
            marks.forEach(m -> assertThat(index.contestOf(m.selection())).contains(contest));
            assertThat(marks.stream().map(Mark::selection).distinct().count()).isEqualTo(marks.size());
            int over = c.recordedOvervotes().orElseThrow();
            int under = c.recordedUndervotes().orElseThrow();
            if (over > 0) {
                assertThat(over).isEqualTo(allowed);
                assertThat(under).isZero();
                assertThat(marks).hasSizeGreaterThan(allowed).allMatch(m -> m.allocable() == Indication.UNKNOWN && m.countsAsVote());
            } else {
                assertThat(marks).hasSizeLessThanOrEqualTo(allowed).allMatch(Mark::countsAsVote);
                assertThat(under).isEqualTo(allowed - marks.size());
            }
            for (Mark m : marks) {
                boolean writeInLine = index.selection(m.selection()).orElseThrow() instanceof ContestSelection.WriteIn;
                assertThat(m.writeInName().isPresent()).isEqualTo(writeInLine);
            }
        }
    }

    private static void assertUnique(List<String> values, String what) {
        assertThat(new HashSet<>(values)).as(what).hasSize(values.size());
    }
}
