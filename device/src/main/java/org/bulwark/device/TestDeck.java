package org.bulwark.device;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bulwark.ledger.pkg.Mode;
import org.bulwark.model.BallotStyle;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.Contest;
import org.bulwark.model.ContestId;
import org.bulwark.model.ContestSelection;
import org.bulwark.model.Election;
import org.bulwark.model.ElectionFingerprint;
import org.bulwark.model.ElectionIndex;
import org.bulwark.model.GpUnitId;
import org.bulwark.model.SelectionId;
import org.bulwark.model.StraightParty;

/**
 * The logic and accuracy test deck of an election (RSMo 115.233; 15 CSR 30-10.140), built the same
 * way every time (docs/device.md, "The L&amp;A test deck"). Per ballot style:
 *
 * <ul>
 *   <li>straight-party ballots: the party at position i (0-based) is marked alone on i + 1 ballots,
 *       one of them with a hand mark that overrides the party's in one contest;</li>
 *   <li>in every other plurality contest, the selection at position i ends with i + 1 + E votes, E the
 *       most any selection got from the straight-party ballots, so each position's count differs from
 *       every other and swapped positions show; a vote-for-N contest fills ballots with N picks while it
 *       can (full ballots) and fewer at the end, at least one (partial ballots); a yes/no question gets
 *       1 yes and 2 no; write-in positions carry a name;</li>
 *   <li>in a ranked-choice contest, every selection a different count at every rank ({@link #rankedBallots});</li>
 *   <li>one overvoted ballot: the first vote-for-N contest with more than N selections gets N + 1 picks (or,
 *       with none, a ranked-choice contest two first choices);</li>
 *   <li>two blank ballots.</li>
 * </ul>
 *
 * The expected tally is added up here, ballot by ballot as the deck is made, and never through the
 * tally module the device counts with, so that a fault there cannot hide itself.
 */
public record TestDeck(String electionFingerprint, List<DeckBallot> ballots) {
    public TestDeck {
        ballots = List.copyOf(ballots);
    }

    /** One ballot of the deck; {@code overvoted} ones are expected to be returned by a device that refuses overvotes. */
    public record DeckBallot(Ballot ballot, boolean overvoted) {}

    /**
     * What the device's results must show for the deck: per plurality contest the votes of every
     * selection, overvotes and undervotes; per ranked-choice contest the ballots ranking every
     * selection at every rank (list index rank - 1) and its first choices; and the ballots counted.
     */
    public record Expected(Map<ContestId, Map<SelectionId, Long>> votes, Map<ContestId, Long> overvotes,
            Map<ContestId, Long> undervotes, Map<ContestId, Map<SelectionId, List<Long>>> rankings,
            Map<ContestId, Map<SelectionId, Long>> firstChoices, long ballotsCounted) {}

    public static TestDeck of(Election election) {
        ElectionIndex index = ElectionIndex.of(election);
        List<DeckBallot> deck = new ArrayList<>();
        for (BallotStyle style : election.ballotStyles()) {
            if (style.gpUnits().isEmpty()) {
                continue; // a style used in no precinct cannot be cast
            }
            GpUnitId precinct = style.gpUnits().get(0);
            List<Ballot> straight = straightPartyBallots(index, style, precinct);
            straight.forEach(b -> deck.add(new DeckBallot(b, false)));
            // What the straight-party ballots give each selection, so the hand-marked ballots can top every
            // position up to a count of its own.
            Map<ContestId, Map<SelectionId, Long>> given = new LinkedHashMap<>();
            for (Ballot b : straight) {
                effectivePicks(index, style, b).forEach((c, picks) -> picks.forEach(p ->
                        given.computeIfAbsent(c, k -> new LinkedHashMap<>()).merge(p.selection(), 1L, Long::sum)));
            }
            Map<ContestId, List<List<Ballot.Pick>>> perContest = new LinkedHashMap<>();
            int rows = 0;
            for (ContestId id : style.contests()) {
                Optional<Contest> contest = index.contest(id);
                if (contest.isPresent() && !(contest.get() instanceof Contest.PartyContest)) {
                    List<List<Ballot.Pick>> ballots = BallotRules.ranks(contest.get()) > 0 ? rankedBallots(contest.get())
                            : contestBallots(contest.get(), topUp(contest.get(), given.getOrDefault(id, Map.of())));
                    perContest.put(id, ballots);
                    rows = Math.max(rows, ballots.size());
                }
            }
            for (int r = 0; r < rows; r++) {
                List<Ballot.ContestVote> votes = new ArrayList<>();
                for (Map.Entry<ContestId, List<List<Ballot.Pick>>> e : perContest.entrySet()) {
                    if (r < e.getValue().size()) {
                        votes.add(new Ballot.ContestVote(e.getKey(), e.getValue().get(r)));
                    }
                }
                deck.add(new DeckBallot(new Ballot(style.id(), precinct, votes), false));
            }
            overvote(index, style).ifPresent(v -> deck.add(new DeckBallot(new Ballot(style.id(), precinct, List.of(v)), true)));
            for (int blank = 0; blank < 2; blank++) {
                deck.add(new DeckBallot(new Ballot(style.id(), precinct, List.of()), false));
            }
        }
        return new TestDeck(ElectionFingerprint.of(election).sha256(), deck);
    }

    /**
     * The style's overvote: N + 1 picks in the first vote-for-N contest with more than N selections, or
     * failing one, two first choices in a ranked-choice contest, so every style tests the device's overvote rule.
     */
    private static Optional<Ballot.ContestVote> overvote(ElectionIndex index, BallotStyle style) {
        List<Contest> contests = style.contests().stream().flatMap(id -> index.contest(id).stream()).toList();
        return contests.stream().filter(c -> BallotRules.ranks(c) == 0 && c.selections().size() > c.votesAllowed()).findFirst()
                .map(c -> new Ballot.ContestVote(c.id(), c.selections().subList(0, c.votesAllowed() + 1).stream().map(s -> pick(s, 0)).toList()))
                .or(() -> contests.stream().filter(c -> BallotRules.ranks(c) > 0 && c.selections().size() > 1).findFirst()
                        .map(c -> new Ballot.ContestVote(c.id(), c.selections().subList(0, 2).stream().map(s -> pick(s, 1)).toList())));
    }

    /**
     * Straight-party ballots of a style: the party at position i of a straight-party contest is marked
     * alone on i + 1 ballots, and the last party's first ballot also marks by hand, in the first contest
     * its vote reaches, a selection that is not the party's (an explicit mark overrides the party's).
     */
    private static List<Ballot> straightPartyBallots(ElectionIndex index, BallotStyle style, GpUnitId precinct) {
        List<Ballot> out = new ArrayList<>();
        for (ContestId id : style.contests()) {
            if (!(index.contest(id).orElse(null) instanceof Contest.PartyContest party)) {
                continue;
            }
            List<ContestSelection> parties = party.selections();
            for (int i = 0; i < parties.size(); i++) {
                Ballot.ContestVote vote = new Ballot.ContestVote(id, List.of(Ballot.Pick.of(parties.get(i).id())));
                for (int n = 0; n <= i; n++) {
                    out.add(new Ballot(style.id(), precinct, List.of(vote)));
                }
            }
            Ballot last = out.get(out.size() - parties.size());
            override(index, style, last).ifPresent(o -> out.set(out.size() - parties.size(), o));
        }
        return out;
    }

    /** The ballot with a hand mark added where its straight-party vote reaches first, for a selection not the party's. */
    private static Optional<Ballot> override(ElectionIndex index, BallotStyle style, Ballot ballot) {
        for (Map.Entry<ContestId, List<Ballot.Pick>> e : effectivePicks(index, style, ballot).entrySet()) {
            Contest contest = index.contest(e.getKey()).orElseThrow();
            if (contest instanceof Contest.PartyContest || e.getValue().isEmpty()) {
                continue;
            }
            List<SelectionId> party = e.getValue().stream().map(Ballot.Pick::selection).toList();
            Optional<ContestSelection> other = contest.selections().stream().filter(s -> !party.contains(s.id())).findFirst();
            if (other.isPresent()) {
                List<Ballot.ContestVote> votes = new ArrayList<>(ballot.contests());
                votes.add(new Ballot.ContestVote(contest.id(), List.of(pick(other.get(), 0))));
                return Optional.of(new Ballot(ballot.style(), ballot.precinct(), votes));
            }
        }
        return Optional.empty();
    }

    /**
     * Votes to give each position by hand: position i ends with i + 1 + E votes in all, E the most any
     * position got from straight-party ballots, so every position's count still differs from every other.
     */
    private static long[] topUp(Contest contest, Map<SelectionId, Long> given) {
        long most = given.values().stream().mapToLong(Long::longValue).max().orElse(0);
        long[] counts = new long[contest.selections().size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = i + 1 + most - given.getOrDefault(contest.selections().get(i).id(), 0L);
        }
        return counts;
    }

    /** The ballots of one plurality contest: position i picked counts[i] times, at most N picks a ballot. */
    private static List<List<Ballot.Pick>> contestBallots(Contest contest, long[] counts) {
        int perBallot = contest.votesAllowed();
        List<ContestSelection> selections = contest.selections();
        long[] remaining = counts.clone();
        List<List<Ballot.Pick>> ballots = new ArrayList<>();
        while (true) {
            // Take the positions with the most votes still to give, so the counts run down evenly.
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < remaining.length; i++) {
                if (remaining[i] > 0) {
                    order.add(i);
                }
            }
            if (order.isEmpty()) {
                // A vote-for-N contest must also be tested with a partial ballot: split a full one in two (same counts).
                if (perBallot > 1 && !ballots.isEmpty() && ballots.stream().allMatch(b -> b.size() == perBallot)) {
                    List<Ballot.Pick> last = ballots.remove(ballots.size() - 1);
                    ballots.add(last.subList(0, 1));
                    ballots.add(last.subList(1, last.size()));
                }
                return ballots;
            }
            order.sort(Comparator.comparingLong((Integer i) -> -remaining[i]).thenComparingInt(i -> i));
            List<Ballot.Pick> picks = new ArrayList<>();
            for (int i : order.subList(0, Math.min(perBallot, order.size()))) {
                remaining[i]--;
                picks.add(pick(selections.get(i), 0));
            }
            ballots.add(picks);
        }
    }

    /**
     * The ballots of one ranked-choice contest of n selections and R ranks: rotation k (0-based) ranks
     * selection (k + r - 1) mod n at rank r, and is cast k + 1 times. So at every rank r, selection i is
     * ranked ((i - r + 1) mod n) + 1 times: every selection a different count at every rank, and a swap
     * of two selections at any rank shows.
     */
    private static List<List<Ballot.Pick>> rankedBallots(Contest contest) {
        List<ContestSelection> selections = contest.selections();
        int n = selections.size();
        int ranks = BallotRules.ranks(contest);
        List<List<Ballot.Pick>> ballots = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            List<Ballot.Pick> picks = new ArrayList<>();
            for (int r = 1; r <= ranks; r++) {
                picks.add(pick(selections.get((k + r - 1) % n), r));
            }
            for (int copy = 0; copy <= k; copy++) {
                ballots.add(picks);
            }
        }
        return ballots;
    }

    private static Ballot.Pick pick(ContestSelection s, int rank) {
        return new Ballot.Pick(s.id(), rank, s instanceof ContestSelection.WriteIn
                ? Optional.of("L&A Write-In " + s.id().value()) : Optional.empty());
    }

    /**
     * The picks that count in each contest of a ballot: the hand marks, or where there are none the
     * marks its straight-party vote stands for (the election's one rule, {@link StraightParty}).
     */
    private static Map<ContestId, List<Ballot.Pick>> effectivePicks(ElectionIndex index, BallotStyle style, Ballot ballot) {
        Map<ContestId, List<SelectionId>> hand = new LinkedHashMap<>();
        ballot.contests().forEach(v -> hand.put(v.contest(), v.picks().stream().map(Ballot.Pick::selection).toList()));
        Map<ContestId, List<SelectionId>> derived = StraightParty.derived(index, style, hand);
        Map<ContestId, List<Ballot.Pick>> out = new LinkedHashMap<>();
        for (ContestId id : style.contests()) {
            List<Ballot.Pick> picks = ballot.contests().stream().filter(c -> c.contest().equals(id)).findFirst()
                    .map(Ballot.ContestVote::picks).orElse(List.of());
            out.put(id, !picks.isEmpty() ? picks : derived.getOrDefault(id, List.of()).stream().map(Ballot.Pick::of).toList());
        }
        return out;
    }

    /**
     * The expected tally, added up from the deck itself, ballot by ballot: the tally module the device
     * counts with is never used, so a fault there cannot hide. Straight-party votes count through the
     * election's rule ({@link StraightParty}); ranked-choice contests give their candidate x rank table.
     *
     * @param overvotesAccepted true for a scanner set to accept overvotes; otherwise overvoted ballots are returned and not counted
     */
    public Expected expected(ElectionIndex index, boolean overvotesAccepted) {
        Map<ContestId, Map<SelectionId, Long>> votes = new LinkedHashMap<>();
        Map<ContestId, Long> over = new LinkedHashMap<>();
        Map<ContestId, Long> under = new LinkedHashMap<>();
        Map<ContestId, Map<SelectionId, List<Long>>> rankings = new LinkedHashMap<>();
        Map<ContestId, Map<SelectionId, Long>> firstChoices = new LinkedHashMap<>();
        long counted = 0;
        for (DeckBallot b : ballots) {
            if (b.overvoted() && !overvotesAccepted) {
                continue;
            }
            counted++;
            BallotStyle style = index.ballotStyle(b.ballot().style()).orElseThrow();
            for (Map.Entry<ContestId, List<Ballot.Pick>> e : effectivePicks(index, style, b.ballot()).entrySet()) {
                ContestId id = e.getKey();
                Contest contest = index.contest(id).orElse(null);
                if (contest == null) {
                    continue;
                }
                List<Ballot.Pick> picks = e.getValue();
                if (BallotRules.ranks(contest) > 0) {
                    Map<SelectionId, List<Long>> t = rankings.computeIfAbsent(id, k -> zeroRanks(contest));
                    Map<SelectionId, Long> f = firstChoices.computeIfAbsent(id, k -> zero(contest));
                    for (Ballot.Pick p : picks) {
                        List<Long> row = new ArrayList<>(t.get(p.selection()));
                        row.set(p.rank() - 1, row.get(p.rank() - 1) + 1);
                        t.put(p.selection(), row);
                    }
                    List<Ballot.Pick> first = picks.stream().filter(p -> p.rank() == 1).toList();
                    if (first.size() == 1) {
                        f.merge(first.get(0).selection(), 1L, Long::sum);
                    }
                    continue;
                }
                Map<SelectionId, Long> v = votes.computeIfAbsent(id, k -> zero(contest));
                over.putIfAbsent(id, 0L);
                under.putIfAbsent(id, 0L);
                if (picks.size() > contest.votesAllowed()) {
                    over.merge(id, (long) contest.votesAllowed(), Long::sum);
                } else {
                    picks.forEach(p -> v.merge(p.selection(), 1L, Long::sum));
                    under.merge(id, (long) (contest.votesAllowed() - picks.size()), Long::sum);
                }
            }
        }
        return new Expected(votes, over, under, rankings, firstChoices, counted);
    }

    private static Map<SelectionId, Long> zero(Contest contest) {
        Map<SelectionId, Long> zero = new LinkedHashMap<>();
        contest.selections().forEach(s -> zero.put(s.id(), 0L));
        return zero;
    }

    private static Map<SelectionId, List<Long>> zeroRanks(Contest contest) {
        Map<SelectionId, List<Long>> zero = new LinkedHashMap<>();
        contest.selections().forEach(s -> zero.put(s.id(), java.util.Collections.nCopies(BallotRules.ranks(contest), 0L)));
        return zero;
    }

    /**
     * Writes the deck as people and machines use it: a paper record PDF per ballot in {@code dir}
     * (deck-0001.pdf ...) and the NIST CVR file deck-cvrs.json. Ballot ids are "lat-" and the number.
     */
    public void write(Election election, Path dir) throws IOException {
        ElectionIndex index = ElectionIndex.of(election);
        BallotRules rules = new BallotRules(index);
        Files.createDirectories(dir);
        List<CastVoteRecord> cvrs = new ArrayList<>();
        for (int i = 0; i < ballots.size(); i++) {
            Ballot b = ballots.get(i).ballot();
            String id = String.format("lat-%04d", i + 1);
            CastVoteRecord cvr = rules.cvr(b, id, "test-deck");
            cvrs.add(cvr);
            PaperRecord record = new PaperRecord(electionFingerprint, Mode.TEST, "test-deck", id, b.style(), b.precinct(),
                    rules.positions(b));
            Card.write(dir.resolve(String.format("deck-%04d.pdf", i + 1)), PaperRecordPdf.write(index, cvr, record, "L&A test deck"));
        }
        try (OutputStream out = Files.newOutputStream(dir.resolve("deck-cvrs.json"))) {
            PaperRecords.writeCvrJson(index, cvrs, "test-deck", OffsetDateTime.parse(election.date() + "T00:00:00Z"), out);
        }
    }
}
