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
import org.bulwark.model.SelectionId;

/**
 * The logic and accuracy test deck of an election (RSMo 115.233; 15 CSR 30-10.140), built the same
 * way every time (docs/device.md, "The L&amp;A test deck"). Per ballot style:
 *
 * <ul>
 *   <li>in every contest, the selection at position i (0-based) gets i + 1 votes, so each position's
 *       count differs from every other and swapped positions show; a vote-for-N contest fills ballots
 *       with N picks while it can (full ballots) and fewer at the end, at least one (partial ballots); a yes/no
 *       question gets 1 yes and 2 no; write-in positions carry a name;</li>
 *   <li>one overvoted ballot: the first vote-for-N contest with more than N selections gets N + 1 picks;</li>
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

    /** What the device's results must show, contest by contest, for the deck. */
    public record Expected(Map<ContestId, Map<SelectionId, Long>> votes, Map<ContestId, Long> overvotes,
            Map<ContestId, Long> undervotes, long ballotsCounted) {}

    public static TestDeck of(Election election) {
        ElectionIndex index = ElectionIndex.of(election);
        List<DeckBallot> deck = new ArrayList<>();
        for (BallotStyle style : election.ballotStyles()) {
            if (style.gpUnits().isEmpty()) {
                continue; // a style used in no precinct cannot be cast
            }
            Map<ContestId, List<List<Ballot.Pick>>> perContest = new LinkedHashMap<>();
            int rows = 0;
            for (ContestId id : style.contests()) {
                Optional<Contest> contest = index.contest(id);
                if (contest.isPresent()) {
                    List<List<Ballot.Pick>> ballots = contestBallots(contest.get());
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
                deck.add(new DeckBallot(new Ballot(style.id(), style.gpUnits().get(0), votes), false));
            }
            perContest.keySet().stream().map(id -> index.contest(id).orElseThrow())
                    .filter(c -> BallotRules.ranks(c) == 0 && c.selections().size() > c.votesAllowed())
                    .findFirst()
                    .ifPresent(c -> deck.add(new DeckBallot(new Ballot(style.id(), style.gpUnits().get(0), List.of(
                            new Ballot.ContestVote(c.id(), c.selections().subList(0, c.votesAllowed() + 1).stream()
                                    .map(s -> pick(s, 0)).toList()))), true)));
            for (int blank = 0; blank < 2; blank++) {
                deck.add(new DeckBallot(new Ballot(style.id(), style.gpUnits().get(0), List.of()), false));
            }
        }
        return new TestDeck(ElectionFingerprint.of(election).sha256(), deck);
    }

    /** The ballots of one contest: position i picked i + 1 times, at most N picks (or one rank-1 pick) a ballot. */
    private static List<List<Ballot.Pick>> contestBallots(Contest contest) {
        boolean ranked = BallotRules.ranks(contest) > 0;
        int perBallot = ranked ? 1 : contest.votesAllowed();
        List<ContestSelection> selections = contest.selections();
        long[] remaining = new long[selections.size()];
        for (int i = 0; i < remaining.length; i++) {
            remaining[i] = i + 1;
        }
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
                picks.add(pick(selections.get(i), ranked ? 1 : 0));
            }
            ballots.add(picks);
        }
    }

    private static Ballot.Pick pick(ContestSelection s, int rank) {
        return new Ballot.Pick(s.id(), rank, s instanceof ContestSelection.WriteIn
                ? Optional.of("L&A Write-In " + s.id().value()) : Optional.empty());
    }

    /**
     * The expected tally, added up from the deck itself. Ranked-choice contests are left out: the
     * device prints no tally for them (they are counted centrally by ranked-choice tabulation).
     *
     * @param overvotesAccepted true for a scanner set to accept overvotes; otherwise overvoted ballots are returned and not counted
     */
    public Expected expected(ElectionIndex index, boolean overvotesAccepted) {
        Map<ContestId, Map<SelectionId, Long>> votes = new LinkedHashMap<>();
        Map<ContestId, Long> over = new LinkedHashMap<>();
        Map<ContestId, Long> under = new LinkedHashMap<>();
        long counted = 0;
        for (DeckBallot b : ballots) {
            if (b.overvoted() && !overvotesAccepted) {
                continue;
            }
            counted++;
            BallotStyle style = index.ballotStyle(b.ballot().style()).orElseThrow();
            for (ContestId id : style.contests()) {
                Contest contest = index.contest(id).orElse(null);
                if (contest == null || BallotRules.ranks(contest) > 0) {
                    continue;
                }
                Map<SelectionId, Long> v = votes.computeIfAbsent(id, k -> {
                    Map<SelectionId, Long> zero = new LinkedHashMap<>();
                    contest.selections().forEach(s -> zero.put(s.id(), 0L));
                    return zero;
                });
                List<Ballot.Pick> picks = b.ballot().contests().stream().filter(c -> c.contest().equals(id)).findFirst()
                        .map(Ballot.ContestVote::picks).orElse(List.of());
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
        return new Expected(votes, over, under, counted);
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
