package org.bulwark.device;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bulwark.model.BallotStyle;
import org.bulwark.model.BallotStyleId;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.Contest;
import org.bulwark.model.ContestId;
import org.bulwark.model.ContestSelection;
import org.bulwark.model.CountingGroup;
import org.bulwark.model.CvrContest;
import org.bulwark.model.ElectionIndex;
import org.bulwark.model.Indication;
import org.bulwark.model.Mark;
import org.bulwark.model.SelectionId;
import org.bulwark.model.StraightParty;
import org.bulwark.model.ValidationIssue;

/**
 * A ballot checked against the election, then turned into what the device records: the CVR and the
 * paper record's positions. One path serves the device and paper read-back, so that a paper record
 * read back gives exactly the CVR the device stored.
 */
final class BallotRules {
    private static final int MAX_WRITE_IN = 80;

    private final ElectionIndex index;
    private final Map<BallotStyleId, BallotStyle> styles;

    BallotRules(ElectionIndex index) {
        this.index = index;
        this.styles = index.election().ballotStyles().stream()
                .collect(Collectors.toMap(BallotStyle::id, Function.identity(), (a, b) -> a));
    }

    /** What is wrong with the ballot, every problem with its place; overvotes are not problems here. */
    List<ValidationIssue> problems(Ballot ballot) {
        List<ValidationIssue> issues = new ArrayList<>();
        BallotStyle style = styles.get(ballot.style());
        if (style == null) {
            issues.add(new ValidationIssue("style", "the election has no ballot style '" + ballot.style().value() + "'"));
            return issues;
        }
        if (!style.gpUnits().contains(ballot.precinct())) {
            issues.add(new ValidationIssue("precinct", "ballot style " + style.id().value() + " is not used in '"
                    + ballot.precinct().value() + "'; it serves " + style.gpUnits().stream().map(u -> u.value()).toList()));
        }
        Set<ContestId> seen = new HashSet<>();
        for (int i = 0; i < ballot.contests().size(); i++) {
            Ballot.ContestVote vote = ballot.contests().get(i);
            String path = "contests[" + i + "]";
            if (!style.contests().contains(vote.contest())) {
                issues.add(new ValidationIssue(path, "contest '" + vote.contest().value() + "' is not on ballot style " + style.id().value()));
                continue;
            }
            if (!seen.add(vote.contest())) {
                issues.add(new ValidationIssue(path, "contest '" + vote.contest().value() + "' is given twice"));
                continue;
            }
            Contest contest = index.contest(vote.contest()).orElseThrow();
            int ranks = ranks(contest);
            Set<SelectionId> picked = new HashSet<>();
            for (int j = 0; j < vote.picks().size(); j++) {
                Ballot.Pick p = vote.picks().get(j);
                String at = path + ".picks[" + j + "]";
                Optional<ContestSelection> s = contest.selections().stream().filter(x -> x.id().equals(p.selection())).findFirst();
                if (s.isEmpty()) {
                    issues.add(new ValidationIssue(at, "'" + p.selection().value() + "' is not a selection of " + contest.id().value()));
                    continue;
                }
                if (!picked.add(p.selection())) {
                    issues.add(new ValidationIssue(at, "'" + p.selection().value() + "' is picked twice"));
                }
                if (ranks == 0 && p.rank() != 0) {
                    issues.add(new ValidationIssue(at, "contest " + contest.id().value() + " is not ranked: rank must be 0"));
                }
                if (ranks > 0 && (p.rank() < 1 || p.rank() > ranks)) {
                    issues.add(new ValidationIssue(at, "rank " + p.rank() + " is outside 1.." + ranks));
                }
                boolean writeIn = s.get() instanceof ContestSelection.WriteIn;
                if (p.writeInName().isPresent() && !writeIn) {
                    issues.add(new ValidationIssue(at, "a name can only be written in on a write-in position"));
                }
                p.writeInName().ifPresent(n -> {
                    if (n.isBlank() || n.length() > MAX_WRITE_IN || n.chars().anyMatch(Character::isISOControl)) {
                        issues.add(new ValidationIssue(at, "a written-in name must be 1 to " + MAX_WRITE_IN
                                + " printable characters"));
                    }
                });
            }
        }
        return issues;
    }

    /** Contests of the ballot with more picks than allowed (or two picks at one rank), by contest id. */
    List<ContestId> overvoted(Ballot ballot) {
        List<ContestId> over = new ArrayList<>();
        for (Ballot.ContestVote v : ballot.contests()) {
            Contest contest = index.contest(v.contest()).orElseThrow();
            boolean overvoted = ranks(contest) > 0
                    ? v.picks().stream().map(Ballot.Pick::rank).distinct().count() < v.picks().size()
                    : v.picks().size() > contest.votesAllowed();
            if (overvoted) {
                over.add(v.contest());
            }
        }
        return over;
    }

    /** Contests with fewer picks than allowed (none at all included): for the voter's warning. */
    List<ContestId> undervoted(Ballot ballot) {
        BallotStyle style = styles.get(ballot.style());
        List<ContestId> under = new ArrayList<>();
        Map<ContestId, List<SelectionId>> derived = straightParty(ballot, style);
        for (ContestId id : style.contests()) {
            int picks = Math.max(picks(ballot, id).size(), derived.getOrDefault(id, List.of()).size());
            Contest contest = index.contest(id).orElseThrow();
            if (picks < (ranks(contest) > 0 ? 1 : contest.votesAllowed())) {
                under.add(id);
            }
        }
        return under;
    }

    /**
     * The CVR of a checked ballot: every contest of the style in ballot order, with recorded over- and
     * undervotes. A straight-party vote adds the marks it stands for ({@link StraightParty}), flagged as
     * generated by rules, as NIST's gen-01 CVRs carry them.
     */
    CastVoteRecord cvr(Ballot ballot, String ballotId, String deviceSerial) {
        BallotStyle style = styles.get(ballot.style());
        Map<ContestId, List<SelectionId>> derived = straightParty(ballot, style);
        List<CvrContest> contests = new ArrayList<>();
        for (ContestId id : style.contests()) {
            Contest contest = index.contest(id).orElseThrow();
            List<Ballot.Pick> picks = sortedPicks(contest, picks(ballot, id));
            boolean ranked = ranks(contest) > 0;
            boolean over = ranked ? picks.stream().map(Ballot.Pick::rank).distinct().count() < picks.size()
                    : picks.size() > contest.votesAllowed();
            // An overvoted contest keeps its marks (the paper shows them) but leaves allocation to the contest rules.
            Indication allocable = over ? Indication.UNKNOWN : Indication.YES;
            List<Mark> marks = new ArrayList<>(picks.stream()
                    .map(p -> new Mark(p.selection(), 1, Indication.YES, allocable, p.rank(), p.writeInName(), false)).toList());
            derived.getOrDefault(id, List.of()).forEach(s -> marks.add(new Mark(s, 1, Indication.YES, Indication.YES, 0, Optional.empty(), true)));
            int allowed = ranked ? 1 : contest.votesAllowed();
            int undervotes = over ? 0 : Math.max(0, allowed - (ranked ? Math.min(1, marks.size()) : marks.size()));
            contests.add(new CvrContest(id, marks, OptionalInt.of(over ? allowed : 0), OptionalInt.of(undervotes)));
        }
        return new CastVoteRecord(ballotId, style.id(), ballot.precinct(), style.parties(), Optional.of(deviceSerial),
                Optional.empty(), CountingGroup.ELECTION_DAY, List.of(), contests);
    }

    /** What the ballot's straight-party vote stands for, per contest (the paper record holds only the hand marks). */
    Map<ContestId, List<SelectionId>> straightParty(Ballot ballot, BallotStyle style) {
        Map<ContestId, List<SelectionId>> hand = new java.util.HashMap<>();
        ballot.contests().forEach(v -> hand.put(v.contest(), v.picks().stream().map(Ballot.Pick::selection).toList()));
        return StraightParty.derived(index, style, hand);
    }

    /** The paper record's positions for a checked ballot. */
    List<List<PaperRecord.CodedPick>> positions(Ballot ballot) {
        BallotStyle style = styles.get(ballot.style());
        List<List<PaperRecord.CodedPick>> out = new ArrayList<>();
        for (ContestId id : style.contests()) {
            Contest contest = index.contest(id).orElseThrow();
            List<SelectionId> order = contest.selections().stream().map(ContestSelection::id).toList();
            out.add(sortedPicks(contest, picks(ballot, id)).stream()
                    .map(p -> new PaperRecord.CodedPick(order.indexOf(p.selection()), p.rank(), p.writeInName())).toList());
        }
        return out;
    }

    /** Picks in the contest's selection order, so that the same choices always give the same record. */
    private static List<Ballot.Pick> sortedPicks(Contest contest, List<Ballot.Pick> picks) {
        List<SelectionId> order = contest.selections().stream().map(ContestSelection::id).toList();
        return picks.stream().sorted(java.util.Comparator.comparingInt((Ballot.Pick p) -> order.indexOf(p.selection()))).toList();
    }

    private static List<Ballot.Pick> picks(Ballot ballot, ContestId id) {
        return ballot.contests().stream().filter(c -> c.contest().equals(id)).findFirst().map(Ballot.ContestVote::picks)
                .orElse(List.of());
    }

    static int ranks(Contest contest) {
        return switch (contest) {
            case Contest.CandidateContest c -> c.ranks();
            case Contest.BallotMeasureContest b -> 0;
            case Contest.PartyContest p -> 0;
        };
    }
}
