package org.bulwark.tally.rcv;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.bulwark.tally.rcv.RcvRules.WinnerMode;

/**
 * One pass of RCTab's tabulation loop over compact ballots. RCTab visits every ballot in every round:
 * an inactive ballot is counted under its reason, a ballot whose candidate is still continuing stays
 * with it, and any other ballot is read again from its first rank under the contest's rules. The
 * totals of the first two kinds cannot change between rounds, so they are carried over, and only the
 * ballots of candidates who stopped continuing are read again (each candidate's ballots are kept as a
 * linked list): the same figures, with work proportional to the votes that move.
 * Vote values are exact: a ballot worth one whole vote is counted as a long (the common case, and the
 * only one in single-winner contests); a ballot that helped elect a winner carries a BigDecimal value
 * with RCTab's scale, so every total prints as RCTab's does.
 */
final class PassTabulation {
    private static final byte CONTINUING = 0;
    private static final byte WINNER = 1;
    private static final byte ELIMINATED = 2;
    private static final byte EXCLUDED = 3;
    private static final byte ACTIVE = -1;
    private static final Inactive[] REASONS = Inactive.values();

    private final RcvRules rules;
    private final WinnerMode mode;
    private final RcvBallots ballots;
    private final String[] names;
    private final int declaredCount;
    private final int writeIn;
    private final int seats;
    private final boolean surpluses;
    private final List<String> nameSetOrder;
    private final TieBreaker ties;

    private final byte[] state;
    private final int[] wonIn;
    private final int[] eliminatedIn;
    private final List<Integer> winners = new ArrayList<>();
    private final List<Integer> eliminated = new ArrayList<>();
    private final BigDecimal[] kept;
    private final int[] recipient;
    /** The ballots each candidate holds, as linked lists: first ballot per candidate, next ballot per ballot. */
    private final int[] head;
    private final int[] next;
    private final byte[] status;
    private final BigDecimal[] values;
    private final int[] seenStamp;
    private int stamp;

    private final List<Map<String, BigDecimal>> history = new ArrayList<>();
    private final List<RoundDraft> drafts = new ArrayList<>();
    private BigDecimal residual = BigDecimal.ZERO;

    private Sum[] candidateSums;
    private Sum[] reasonSums;
    private Sum[][] transferSums;

    // the same figures split by precinct or batch: [slicing][slice][candidate, reason or source]
    private final Slice[] slicing;
    private final int[][] sliceOf;
    private final List<List<String>> sliceNames = new ArrayList<>();
    private final BigDecimal[][][] keptBySlice;
    private Sum[][][] sliceCandidateSums;
    private Sum[][][] sliceReasonSums;
    private Sum[][][][] sliceTransferSums;

    /**
     * @param seats seats this pass fills
     * @param alsoExcluded candidates excluded on top of the contest's own (earlier multi-pass winners)
     * @param slices the splits (by precinct, by batch) whose figures are kept as well
     */
    PassTabulation(RcvContest contest, RcvBallots ballots, int seats, Set<String> alsoExcluded, TieOperator operator,
            Set<Slice> slices) {
        this.rules = contest.rules();
        this.mode = rules.winnerMode();
        this.ballots = ballots;
        List<String> all = contest.allNames();
        this.names = all.toArray(String[]::new);
        this.declaredCount = contest.candidates().size();
        this.writeIn = contest.undeclaredWriteIns() ? declaredCount : -1;
        this.seats = seats;
        this.surpluses = seats > 1 && mode != WinnerMode.BOTTOMS_UP;
        // RCTab's set of candidate names: declared names in configuration order, then the write-ins
        this.nameSetOrder = RctabOrder.hashOrder(all);
        this.ties = new TieBreaker(rules, all.subList(0, declaredCount), operator);

        int n = names.length;
        state = new byte[n];
        for (int c = 0; c < declaredCount; c++) {
            RcvContest.Candidate candidate = contest.candidates().get(c);
            if (candidate.excluded() || alsoExcluded.contains(candidate.name())) {
                state[c] = EXCLUDED;
            }
        }
        wonIn = new int[n];
        eliminatedIn = new int[n];
        kept = new BigDecimal[n];
        recipient = new int[ballots.size()];
        Arrays.fill(recipient, -1);
        head = new int[n];
        Arrays.fill(head, -1);
        next = new int[ballots.size()];
        status = new byte[ballots.size()];
        Arrays.fill(status, ACTIVE);
        values = surpluses ? new BigDecimal[ballots.size()] : null;
        seenStamp = new int[n + 1];
        slicing = slices.stream().sorted().toArray(Slice[]::new);
        sliceOf = new int[slicing.length][];
        keptBySlice = new BigDecimal[slicing.length][n][];
        for (int j = 0; j < slicing.length; j++) {
            sliceOf[j] = ballots.slices(slicing[j]);
            sliceNames.add(ballots.sliceNames(slicing[j]));
        }
    }

    /** Runs the pass; a reason when the rules could not settle it. */
    Result run() {
        int round = 0;
        while (keepGoing(round)) {
            round++;
            count();
            Optional<String> problem = decide(round);
            if (problem.isPresent()) {
                return new Result.Stopped(problem.get());
            }
        }
        return new Result.Done(finish());
    }

    sealed interface Result {
        record Done(RcvPass pass) implements Result {}

        record Stopped(String reason) implements Result {}
    }

    private int candidateCount() {
        int excluded = 0;
        for (int c = 0; c < declaredCount; c++) {
            if (state[c] == EXCLUDED) {
                excluded++;
            }
        }
        return names.length - excluded;
    }

    private boolean keepGoing(int round) {
        if (round >= rules.stopAfterRound().orElse(Integer.MAX_VALUE)) {
            return false;
        }
        if (rules.continueUntilTwoCandidatesRemain()) {
            return eliminated.size() + winners.size() + 1 < candidateCount()
                    || (round > 0 && eliminated.stream().anyMatch(c -> eliminatedIn[c] == round));
        }
        if (mode == WinnerMode.BOTTOMS_UP_PERCENTAGE) {
            return winners.isEmpty();
        }
        return winners.size() < seats
                || (seats > 1 && round > 0 && winners.stream().anyMatch(c -> wonIn[c] == round)
                        && mode != WinnerMode.BOTTOMS_UP);
    }

    private boolean continuing(int c) {
        return state[c] == CONTINUING || (state[c] == WINNER && rules.continueUntilTwoCandidatesRemain());
    }

    // ---- counting one round --------------------------------------------------------------------------

    private void count() {
        int n = names.length;
        Sum[] heldBefore = candidateSums;
        Sum[] inactiveBefore = reasonSums;
        candidateSums = new Sum[n];
        for (int c = 0; c < n; c++) {
            if (continuing(c)) {
                candidateSums[c] = heldBefore == null || heldBefore[c] == null ? new Sum() : heldBefore[c].copy();
            }
        }
        reasonSums = new Sum[REASONS.length];
        for (int r = 0; r < REASONS.length; r++) {
            reasonSums[r] = inactiveBefore == null ? new Sum() : inactiveBefore[r].copy();
        }
        transferSums = new Sum[n][];
        carrySlices(heldBefore == null);
        if (heldBefore == null) {
            for (int b = 0; b < recipient.length; b++) {
                reread(b);
            }
            return;
        }
        // Inactive ballots and ballots of continuing candidates count as they did last round; only the
        // ballots of candidates who stopped continuing are read again.
        for (int c = 0; c < n; c++) {
            if (!continuing(c) && head[c] >= 0) {
                int b = head[c];
                head[c] = -1;
                while (b >= 0) {
                    int following = next[b];
                    reread(b);
                    b = following;
                }
            }
        }
    }

    private void carrySlices(boolean firstRound) {
        int n = names.length;
        Sum[][][] heldBefore = sliceCandidateSums;
        Sum[][][] inactiveBefore = sliceReasonSums;
        sliceCandidateSums = new Sum[slicing.length][][];
        sliceReasonSums = new Sum[slicing.length][][];
        sliceTransferSums = new Sum[slicing.length][][][];
        for (int j = 0; j < slicing.length; j++) {
            int count = sliceNames.get(j).size();
            sliceCandidateSums[j] = new Sum[count][n];
            sliceReasonSums[j] = new Sum[count][REASONS.length];
            sliceTransferSums[j] = new Sum[count][][];
            for (int s = 0; s < count; s++) {
                for (int c = 0; c < n; c++) {
                    if (continuing(c)) {
                        Sum before = firstRound ? null : heldBefore[j][s][c];
                        sliceCandidateSums[j][s][c] = before == null ? new Sum() : before.copy();
                    }
                }
                for (int r = 0; r < REASONS.length; r++) {
                    sliceReasonSums[j][s][r] = firstRound ? new Sum() : inactiveBefore[j][s][r].copy();
                }
            }
        }
    }

    private BigDecimal value(int ballot) {
        return values == null ? null : values[ballot];
    }

    /** Reads a ballot from its first rank and settles it: a continuing candidate, or a reason it is inactive. */
    private void reread(int b) {
        int start = ballots.start(b);
        int end = ballots.end(b);
        if (start == end) {
            settle(b, -1, Inactive.NO_RANKINGS);
            return;
        }
        int maxRank = ballots.rank(end - 1);
        int lastRank = 0;
        stamp++;
        int p = start;
        while (p < end) {
            int rank = ballots.rank(p);
            int q = p + 1;
            while (q < end && ballots.rank(q) == rank) {
                q++;
            }
            if (surpluses && winners.size() == seats) {
                settle(b, -1, Inactive.FINAL_ROUND_SURPLUS);
                return;
            }
            if (rules.maxSkippedRanks().isPresent() && rank - lastRank > rules.maxSkippedRanks().getAsInt() + 1) {
                settle(b, -1, Inactive.SKIPPED_RANKINGS);
                return;
            }
            lastRank = rank;
            if (rules.exhaustOnDuplicateCandidate() && repeats(p, q)) {
                settle(b, -1, Inactive.REPEATED_RANKING);
                return;
            }
            switch (overvote(p, q)) {
                case EXHAUST -> {
                    settle(b, -1, Inactive.OVERVOTE);
                    return;
                }
                case SKIP -> {
                    if (rank == maxRank) {
                        // an overvote at the last rank leaves nothing to skip to
                        settle(b, -1, Inactive.EXHAUSTED_CHOICES);
                        return;
                    }
                    p = q;
                    continue;
                }
                case NONE -> { }
            }
            for (int k = p; k < q; k++) {
                int c = ballots.candidate(k);
                if (c >= 0 && continuing(c)) {
                    settle(b, c, null);
                    return;
                }
            }
            if (rank == maxRank) {
                settle(b, -1, Inactive.EXHAUSTED_CHOICES);
                return;
            }
            p = q;
        }
    }

    private boolean repeats(int p, int q) {
        for (int k = p; k < q; k++) {
            int key = ballots.candidate(k) + 1; // the overvote marker counts as a choice of its own, as in RCTab
            if (seenStamp[key] == stamp) {
                return true;
            }
            seenStamp[key] = stamp;
        }
        return false;
    }

    private enum Overvote { NONE, EXHAUST, SKIP }

    private Overvote overvote(int p, int q) {
        boolean marker = false;
        for (int k = p; k < q; k++) {
            marker |= ballots.candidate(k) == RcvBallots.OVERVOTE;
        }
        if (!marker && q - p <= 1) {
            return Overvote.NONE;
        }
        return switch (rules.overvoteRule()) {
            case ALWAYS_SKIP_TO_NEXT_RANK -> Overvote.SKIP;
            // a marker names no candidates, so "if multiple continuing" cannot look: it exhausts
            case EXHAUST_IMMEDIATELY -> Overvote.EXHAUST;
            case EXHAUST_IF_MULTIPLE_CONTINUING -> marker || continuingAmong(p, q) > 1 ? Overvote.EXHAUST : Overvote.NONE;
        };
    }

    private int continuingAmong(int p, int q) {
        int count = 0;
        for (int k = p; k < q; k++) {
            int c = ballots.candidate(k);
            if (c >= 0 && continuing(c)) {
                count++;
            }
        }
        return count;
    }

    /** Moves a ballot to a candidate ({@code reason} null) or makes it inactive, recording the transfer. */
    private void settle(int b, int target, Inactive reason) {
        BigDecimal v = value(b);
        int source = recipient[b];
        boolean moves = source >= 0 && (v == null || v.signum() > 0);
        if (moves) {
            transfer(source, target < 0 ? names.length : target).add(v);
        }
        for (int j = 0; j < slicing.length; j++) {
            int s = sliceOf[j][b];
            if (moves) {
                sliceTransfer(j, s, source, target < 0 ? names.length : target).add(v);
            }
            if (target < 0) {
                sliceReasonSums[j][s][reason.ordinal()].add(v);
            } else {
                sliceCandidateSums[j][s][target].add(v);
            }
        }
        recipient[b] = target;
        if (target < 0) {
            status[b] = (byte) reason.ordinal();
            reasonSums[reason.ordinal()].add(v);
        } else {
            candidateSums[target].add(v);
            next[b] = head[target];
            head[target] = b;
        }
    }

    private Sum transfer(int source, int target) {
        return cell(transferSums, source, target);
    }

    private Sum sliceTransfer(int slicing, int slice, int source, int target) {
        Sum[][] sums = sliceTransferSums[slicing][slice];
        if (sums == null) {
            sums = new Sum[names.length][];
            sliceTransferSums[slicing][slice] = sums;
        }
        return cell(sums, source, target);
    }

    private Sum cell(Sum[][] sums, int source, int target) {
        Sum[] row = sums[source];
        if (row == null) {
            row = new Sum[names.length + 2];
            sums[source] = row;
        }
        Sum s = row[target];
        if (s == null) {
            s = new Sum();
            row[target] = s;
        }
        return s;
    }

    // ---- deciding one round --------------------------------------------------------------------------

    private Optional<String> decide(int round) {
        // the continuing candidates in the order of RCTab's round tally (a HashMap filled from its name set)
        List<String> keyNames = new ArrayList<>();
        for (String name : nameSetOrder) {
            if (continuing(indexOf(name))) {
                keyNames.add(name);
            }
        }
        List<Integer> keys = new ArrayList<>();
        for (String name : RctabOrder.hashOrder(keyNames)) {
            keys.add(indexOf(name));
        }
        BigDecimal[] votes = new BigDecimal[names.length];
        BigDecimal active = BigDecimal.ZERO;
        for (int c : keys) {
            votes[c] = candidateSums[c].value();
            active = active.add(votes[c]);
        }
        TreeMap<BigDecimal, List<Integer>> byVotes = new TreeMap<>();
        for (int c : keys) {
            byVotes.computeIfAbsent(votes[c], k -> new ArrayList<>()).add(c);
        }
        BigDecimal threshold = round == 1 || (seats <= 1 && !rules.firstRoundDeterminesThreshold())
                ? threshold(active) : drafts.get(round - 2).threshold;
        Map<String, BigDecimal> tally = new LinkedHashMap<>();
        for (int c : keys) {
            tally.put(names[c], votes[c]);
        }
        history.add(tally);
        Set<String> byTie = new HashSet<>();

        Optional<List<Integer>> elected = electWinners(round, keys, votes, byVotes, threshold, byTie);
        if (elected.isEmpty()) {
            return Optional.of(tieStop(round, true));
        }
        List<Integer> chosen = elected.get();
        if (!chosen.isEmpty()) {
            for (int w : chosen) {
                state[w] = WINNER;
                wonIn[w] = round;
                winners.add(w);
            }
            if (surpluses) {
                chosen.forEach(w -> transferSurplus(w, votes[w], threshold));
            }
        } else if (winners.size() < seats
                || (rules.continueUntilTwoCandidatesRemain() && eliminated.size() < candidateCount() - 2)
                || mode == WinnerMode.BOTTOMS_UP_PERCENTAGE) {
            Optional<List<Integer>> losers = eliminate(round, keys, votes, byVotes, byTie);
            if (losers.isEmpty()) {
                return Optional.of(tieStop(round, false));
            }
            if (losers.get().isEmpty()) {
                return Optional.of("round " + round + ": no candidate could be eliminated, since every continuing "
                        + "candidate is below the minimum vote threshold of " + rules.minimumVoteThreshold());
            }
            for (int c : losers.get()) {
                state[c] = ELIMINATED;
                eliminatedIn[c] = round;
                eliminated.add(c);
            }
        } else if (!keepGoing(round)) {
            // nothing to do and nothing left to do: the loop ends normally
        } else {
            return Optional.of("round " + round + ": the rules neither elect nor eliminate anyone");
        }
        BigDecimal lockedIn = seats > 1 ? lockInWinners(round, tally, threshold) : BigDecimal.ZERO;
        drafts.add(new RoundDraft(round, tally, threshold, reasonTotals(reasonSums), active, lockedIn, residual, byTie,
                transfersByName(transferSums), sliceDrafts(round, keys)));
        return Optional.empty();
    }

    /**
     * This round's figures for each precinct (or batch): the same candidates, and earlier winners' votes
     * as their ballots in that slice kept them (RCTab sets no residual surplus aside per slice).
     */
    private List<List<SliceDraft>> sliceDrafts(int round, List<Integer> keys) {
        List<List<SliceDraft>> all = new ArrayList<>();
        for (int j = 0; j < slicing.length; j++) {
            List<SliceDraft> bySlice = new ArrayList<>();
            for (int s = 0; s < sliceNames.get(j).size(); s++) {
                Map<String, BigDecimal> tally = new LinkedHashMap<>();
                BigDecimal active = BigDecimal.ZERO;
                for (int c : keys) {
                    BigDecimal v = sliceCandidateSums[j][s][c].value();
                    tally.put(names[c], v);
                    active = active.add(v);
                }
                BigDecimal lockedIn = BigDecimal.ZERO;
                if (seats > 1) {
                    Map<String, BigDecimal> previous = round > 1 ? drafts.get(round - 2).slices().get(j).get(s).tally()
                            : Map.of();
                    for (int w : winners) {
                        if (wonIn[w] < round) {
                            BigDecimal v = wonIn[w] == round - 1 ? keptBySlice[j][w][s] : previous.get(names[w]);
                            tally.put(names[w], v);
                            lockedIn = lockedIn.add(v);
                        }
                    }
                }
                bySlice.add(new SliceDraft(tally, reasonTotals(sliceReasonSums[j][s]), active, lockedIn,
                        transfersByName(sliceTransferSums[j][s])));
            }
            all.add(bySlice);
        }
        return all;
    }

    private String tieStop(int round, boolean winner) {
        return "round " + round + ": a tie for " + (winner ? "election" : "elimination")
                + " needs an election official's decision and none was given";
    }

    private int indexOf(String name) {
        if (name.equals(RcvContest.UNDECLARED_WRITE_INS) && writeIn >= 0) {
            return writeIn;
        }
        for (int c = 0; c < declaredCount; c++) {
            if (names[c].equals(name)) {
                return c;
            }
        }
        throw new IllegalStateException("unknown candidate " + name);
    }

    /** RCTab's winning threshold for a round whose continuing candidates hold {@code active} votes. */
    private BigDecimal threshold(BigDecimal active) {
        BigDecimal threshold;
        int d = rules.decimalPlaces();
        if (mode == WinnerMode.BOTTOMS_UP_PERCENTAGE) {
            BigDecimal share = new BigDecimal(rules.bottomsUpPercentage().orElseThrow())
                    .divide(BigDecimal.valueOf(100), d, RoundingMode.DOWN);
            threshold = active.multiply(share);
        } else {
            BigDecimal divisor = BigDecimal.valueOf(rules.hareQuota() ? seats : seats + 1L);
            int decimals = rules.nonIntegerWinningThreshold() ? d : 0;
            threshold = rules.hareQuota()
                    ? active.divide(divisor, decimals, RoundingMode.UP) // reaching V/S is enough
                    : active.divide(divisor, decimals, RoundingMode.DOWN)
                            .add(BigDecimal.ONE.divide(BigDecimal.TEN.pow(decimals))); // more than V/(S+1)
        }
        BigDecimal minimum = rules.minimumVoteThreshold();
        return minimum.signum() > 0 && minimum.compareTo(threshold) > 0 ? minimum : threshold;
    }

    /** Winners of this round, empty list when none; empty optional when a tie needed an operator. */
    private Optional<List<Integer>> electWinners(int round, List<Integer> keys, BigDecimal[] votes,
            TreeMap<BigDecimal, List<Integer>> byVotes, BigDecimal threshold, Set<String> byTie) {
        List<Integer> selected = new ArrayList<>();
        if (writeIn >= 0 && votes[writeIn] != null && votes[writeIn].signum() != 0) {
            return Optional.of(selected); // nobody wins while undeclared write-ins still hold votes
        }
        if (mode == WinnerMode.BOTTOMS_UP_PERCENTAGE) {
            if (keys.stream().allMatch(c -> votes[c].compareTo(threshold) > 0)) {
                selected.addAll(keys);
            }
            return Optional.of(selected);
        }
        int unfilled = seats - winners.size();
        if (unfilled > 0) {
            if (keys.size() == unfilled) {
                selected.addAll(keys);
            } else if (rules.firstRoundDeterminesThreshold() && keys.size() - 1 == seats) {
                selected.addAll(byVotes.lastEntry().getValue());
            } else if (mode != WinnerMode.BOTTOMS_UP) {
                for (var entry : byVotes.tailMap(threshold, true).entrySet()) {
                    entry.getValue().stream().filter(c -> c != writeIn).forEach(selected::add);
                }
            }
        }
        boolean onlyOne = selected.size() > 1
                && (mode == WinnerMode.MULTI_WINNER_ONE_PER_ROUND || rules.firstRoundDeterminesThreshold());
        boolean lastTwo = seats == 1 && selected.isEmpty() && keys.size() == 2 && unfilled == 1
                && byVotes.keySet().stream().allMatch(v -> v.compareTo(rules.minimumVoteThreshold()) >= 0);
        if (onlyOne || lastTwo) {
            var top = byVotes.lastEntry();
            selected = new ArrayList<>(top.getValue());
            if (selected.size() > 1) {
                Optional<String> w = ties.select(true, namesOf(selected), round, top.getKey(), history.subList(0, round - 1));
                if (w.isEmpty()) {
                    return Optional.empty();
                }
                byTie.add(w.get());
                selected = List.of(indexOf(w.get()));
            }
        }
        return Optional.of(selected);
    }

    /** Losers of this round, empty list when none can be found; empty optional when a tie needed an operator. */
    private Optional<List<Integer>> eliminate(int round, List<Integer> keys, BigDecimal[] votes,
            TreeMap<BigDecimal, List<Integer>> byVotes, Set<String> byTie) {
        if (writeIn >= 0 && votes[writeIn] != null && votes[writeIn].signum() > 0) {
            return Optional.of(List.of(writeIn)); // undeclared write-ins always go first
        }
        BigDecimal minimum = rules.minimumVoteThreshold();
        if (minimum.signum() > 0 && byVotes.firstKey().compareTo(minimum) < 0) {
            List<Integer> below = new ArrayList<>();
            byVotes.headMap(minimum, false).values().forEach(below::addAll);
            return Optional.of(below.size() == declaredCount || below.size() == keys.size() ? List.of() : below);
        }
        if (rules.batchElimination()) {
            List<Integer> batch = batch(byVotes);
            if (batch.size() > 1) {
                return Optional.of(batch);
            }
        }
        var lowest = byVotes.firstEntry();
        if (lowest.getValue().size() == 1) {
            return Optional.of(List.of(lowest.getValue().get(0)));
        }
        Optional<String> loser = ties.select(false, namesOf(lowest.getValue()), round, lowest.getKey(),
                history.subList(0, round - 1));
        loser.ifPresent(byTie::add);
        return loser.map(name -> List.of(indexOf(name)));
    }

    /**
     * Batch elimination: every candidate whose votes, added to those of everyone below, still fall short
     * of the next candidate up could never overtake anyone, so all of them go at once.
     */
    private List<Integer> batch(TreeMap<BigDecimal, List<Integer>> byVotes) {
        BigDecimal running = BigDecimal.ZERO;
        List<Integer> seen = new ArrayList<>();
        List<Integer> batch = new ArrayList<>();
        List<Integer> previous = new ArrayList<>();
        for (var entry : byVotes.entrySet()) {
            if (running.compareTo(entry.getKey()) < 0 && seen.size() > batch.size()) {
                previous = batch;
                batch = new ArrayList<>(seen);
            }
            running = running.add(entry.getKey().multiply(BigDecimal.valueOf(entry.getValue().size())));
            seen.addAll(entry.getValue());
        }
        if (rules.continueUntilTwoCandidatesRemain() && batch.size() + eliminated.size() == candidateCount() - 1) {
            return previous; // keep two candidates in the count
        }
        return batch;
    }

    private List<String> namesOf(List<Integer> candidates) {
        return candidates.stream().map(c -> names[c]).toList();
    }

    /**
     * A winner's surplus: each of its ballots keeps (1 - surplus fraction) of its value for the winner,
     * the transfer rounded down to decimalPlaces so the winner never drops below the threshold.
     */
    private void transferSurplus(int winner, BigDecimal votes, BigDecimal threshold) {
        int d = rules.decimalPlaces();
        BigDecimal extra = votes.subtract(threshold);
        BigDecimal fraction = extra.signum() > 0 ? extra.divide(votes, d, RoundingMode.DOWN) : BigDecimal.ZERO;
        BigDecimal sum = BigDecimal.ZERO;
        for (int j = 0; j < slicing.length; j++) {
            keptBySlice[j][winner] = new BigDecimal[sliceNames.get(j).size()];
            Arrays.fill(keptBySlice[j][winner], BigDecimal.ZERO);
        }
        for (int b = head[winner]; b >= 0; b = next[b]) {
            BigDecimal v = values[b] == null ? BigDecimal.ONE : values[b];
            BigDecimal keep = v.subtract(v.multiply(fraction).setScale(d, RoundingMode.DOWN));
            sum = sum.add(keep);
            values[b] = v.subtract(keep);
            for (int j = 0; j < slicing.length; j++) {
                int s = sliceOf[j][b];
                keptBySlice[j][winner][s] = keptBySlice[j][winner][s].add(keep);
            }
        }
        kept[winner] = sum;
    }

    /**
     * Adds the earlier winners' votes to this round's tally (they no longer take part in the count): the
     * value their ballots kept, in the round after they won, less any residual surplus above the
     * threshold, which rounding left untransferable; afterwards the same figure each round.
     */
    private BigDecimal lockInWinners(int round, Map<String, BigDecimal> tally, BigDecimal threshold) {
        BigDecimal lockedIn = BigDecimal.ZERO;
        Map<String, BigDecimal> previous = round > 1 ? drafts.get(round - 2).tally : Map.of();
        for (int w : winners) {
            if (wonIn[w] == round) {
                continue;
            }
            BigDecimal votes = wonIn[w] == round - 1 ? kept[w] : previous.get(names[w]);
            tally.put(names[w], votes);
            lockedIn = lockedIn.add(votes);
        }
        for (int w : winners) {
            if (wonIn[w] == round - 1) {
                BigDecimal extra = tally.get(names[w]).subtract(threshold);
                if (extra.signum() > 0) {
                    residual = residual.add(extra);
                    lockedIn = lockedIn.add(threshold.subtract(tally.get(names[w])));
                    tally.put(names[w], threshold);
                    transfer(w, names.length + 1).add(extra);
                }
            }
        }
        return lockedIn;
    }

    private static Map<Inactive, BigDecimal> reasonTotals(Sum[] sums) {
        Map<Inactive, BigDecimal> totals = new EnumMap<>(Inactive.class);
        for (Inactive reason : REASONS) {
            totals.put(reason, sums[reason.ordinal()].value());
        }
        return totals;
    }

    private Map<String, Map<String, BigDecimal>> transfersByName(Sum[][] sums) {
        Map<String, Map<String, BigDecimal>> out = new LinkedHashMap<>();
        for (int source = 0; sums != null && source < names.length; source++) {
            Sum[] row = sums[source];
            if (row == null) {
                continue;
            }
            Map<String, BigDecimal> targets = new LinkedHashMap<>();
            for (int target = 0; target < row.length; target++) {
                if (row[target] != null) {
                    String label = target < names.length ? names[target]
                            : target == names.length ? RcvRound.EXHAUSTED : RcvRound.RESIDUAL_SURPLUS;
                    targets.put(label, row[target].value());
                }
            }
            out.put(names[source], targets);
        }
        return out;
    }

    // ---- the finished pass ---------------------------------------------------------------------------

    private RcvPass finish() {
        List<RcvRound> rounds = new ArrayList<>();
        for (RoundDraft d : drafts) {
            // RCTab 2 lists the candidates elected (or eliminated) in one round by name
            List<String> elected = winners.stream().filter(c -> wonIn[c] == d.number).map(c -> names[c]).sorted().toList();
            List<String> out = eliminated.stream().filter(c -> eliminatedIn[c] == d.number).map(c -> names[c]).sorted()
                    .toList();
            rounds.add(new RcvRound(d.number, d.tally, d.threshold, d.inactive, d.active, d.lockedIn, d.residual,
                    elected, out, d.byTie, d.transfers));
        }
        Map<Slice, Map<String, List<RcvRound>>> slices = new EnumMap<>(Slice.class);
        for (int j = 0; j < slicing.length; j++) {
            Map<String, List<RcvRound>> bySlice = new LinkedHashMap<>();
            for (int s = 0; s < sliceNames.get(j).size(); s++) {
                List<RcvRound> sliceRounds = new ArrayList<>();
                for (int r = 0; r < drafts.size(); r++) {
                    RcvRound whole = rounds.get(r);
                    SliceDraft d = drafts.get(r).slices().get(j).get(s);
                    sliceRounds.add(new RcvRound(whole.number(), d.tally(), whole.threshold(), d.inactive(), d.active(),
                            d.lockedIn(), BigDecimal.ZERO, whole.elected(), whole.eliminated(), whole.decidedByTie(),
                            d.transfers()));
                }
                bySlice.put(sliceNames.get(j).get(s), sliceRounds);
            }
            slices.put(slicing[j], bySlice);
        }
        return new RcvPass(1, seats, candidateCount(), names.length, namesOf(winners), rounds, slices);
    }

    private record RoundDraft(int number, Map<String, BigDecimal> tally, BigDecimal threshold,
            Map<Inactive, BigDecimal> inactive, BigDecimal active, BigDecimal lockedIn, BigDecimal residual,
            Set<String> byTie, Map<String, Map<String, BigDecimal>> transfers, List<List<SliceDraft>> slices) {}

    private record SliceDraft(Map<String, BigDecimal> tally, Map<Inactive, BigDecimal> inactive, BigDecimal active,
            BigDecimal lockedIn, Map<String, Map<String, BigDecimal>> transfers) {}

    /**
     * An exact sum of ballot values: whole votes counted in a long, fractional values (null = one whole
     * vote) added as BigDecimal. Its value has the scale RCTab's running BigDecimal sum would have.
     */
    private static final class Sum {
        private long whole;
        private BigDecimal part;

        void add(BigDecimal value) {
            if (value == null) {
                whole++;
            } else {
                part = part == null ? value : part.add(value);
            }
        }

        BigDecimal value() {
            BigDecimal w = BigDecimal.valueOf(whole);
            return part == null ? w : w.add(part);
        }

        Sum copy() {
            Sum s = new Sum();
            s.whole = whole;
            s.part = part;
            return s;
        }
    }
}
