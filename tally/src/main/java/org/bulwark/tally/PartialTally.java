package org.bulwark.tally;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.CvrContest;
import org.bulwark.model.Mark;
import org.bulwark.model.results.ElectionResults;

/**
 * A tally filled by one thread, one CVR at a time; it keeps counters, never the CVRs. Tallies of
 * the same {@link Tabulator} merge by adding their counters, which is associative and commutative:
 * the results do not depend on how the CVRs were split between threads, nor on their order.
 *
 * <p>Counting rules, per ballot and contest: a mark counts when {@link Mark#countsAsVote()}; when
 * the votes counted exceed the contest's votes allowed the contest is overvoted on that ballot: no
 * vote counts and the overvotes grow by the votes allowed; otherwise the undervotes grow by the
 * votes allowed minus the votes. A contest appears on a ballot when the CVR lists it or the
 * ballot's style does (a style contest the CVR leaves out is a fully undervoted contest). In a
 * primary a ballot counts only in the contests of its party and in nonpartisan contests; its party
 * is the CVR's, else its style's, else (open primary) the one party whose contests it has votes in.
 */
public final class PartialTally {
    private final Tabulator tabulator;
    private final Map<CellKey, Counters> cells = new HashMap<>();
    /** Per contest, the number of the last ballot that listed it: finds duplicates and style contests left out. */
    private final long[] seen;
    private long ballotNumber;
    /** The counter slot of each mark of the ballot being counted, contest after contest (see {@link #resolve}). */
    private int[] markSlots = new int[64];
    /** Where each listed contest's marks start in {@link #markSlots}. */
    private int[] markStart = new int[32];
    private CellKey lastKey;
    private Counters lastCell;

    PartialTally(Tabulator tabulator) {
        this.tabulator = tabulator;
        this.seen = new long[tabulator.contests.size()];
    }

    /**
     * Counts one ballot.
     *
     * @throws IllegalArgumentException when the CVR names a contest or selection the election does
     *     not define, or lists a contest twice: the CVR reader checks these against the election,
     *     so reaching here is a bug, and nothing is counted from that CVR
     */
    public void add(CastVoteRecord cvr) {
        List<CvrContest> listed = cvr.contests();
        ContestLayout[] layouts = resolve(cvr, listed);
        Counters cell = cell(cvr);
        BitSet parties = tabulator.primary ? ballotParties(cvr, listed, layouts) : null;
        boolean partisanSkipped = false;
        boolean anyVote = false;
        for (int i = 0; i < layouts.length; i++) {
            ContestLayout c = layouts[i];
            List<Mark> marks = listed.get(i).marks();
            anyVote |= hasVote(marks);
            if (c.ranked()) {
                continue;
            }
            if (parties != null && !eligible(c, parties)) {
                partisanSkipped |= parties.isEmpty();
                continue;
            }
            count(cell, c, marks, markStart[i]);
        }
        ContestLayout[] style = tabulator.styleContests.get(cvr.ballotStyle());
        if (style != null) {
            for (ContestLayout c : style) {
                if (seen[c.index()] == ballotNumber || c.ranked()) {
                    continue;
                }
                if (parties != null && !eligible(c, parties)) {
                    partisanSkipped |= parties.isEmpty();
                    continue;
                }
                long[] k = cell.contest(c);
                k[c.undervotes()] += c.votesAllowed();
                k[c.ballotsCast()]++;
                k[c.blank()]++;
            }
        }
        cell.ballots[Counters.BALLOTS]++;
        if (!anyVote) {
            cell.ballots[Counters.BLANK_BALLOTS]++;
        }
        if (partisanSkipped) {
            cell.ballots[Counters.PARTY_UNDETERMINED]++;
        }
    }

    /**
     * Looks up every contest of the CVR, and the counter slot of each of its marks, before anything is
     * counted, so a bad CVR changes nothing.
     */
    private ContestLayout[] resolve(CastVoteRecord cvr, List<CvrContest> listed) {
        ballotNumber++;
        ContestLayout[] layouts = new ContestLayout[listed.size()];
        if (markStart.length < layouts.length) {
            markStart = new int[Math.max(layouts.length, markStart.length * 2)];
        }
        int next = 0;
        for (int i = 0; i < layouts.length; i++) {
            CvrContest cc = listed.get(i);
            ContestLayout c = tabulator.contestById.get(cc.contest());
            if (c == null) {
                throw new IllegalArgumentException(
                        "ballot " + cvr.ballotId() + ": contest " + cc.contest() + " is not in the election");
            }
            if (seen[c.index()] == ballotNumber) {
                throw new IllegalArgumentException(
                        "ballot " + cvr.ballotId() + ": contest " + cc.contest() + " is listed twice");
            }
            seen[c.index()] = ballotNumber;
            List<Mark> marks = cc.marks();
            if (markSlots.length < next + marks.size()) {
                markSlots = Arrays.copyOf(markSlots, Math.max(next + marks.size(), markSlots.length * 2));
            }
            markStart[i] = next;
            for (Mark m : marks) {
                Integer slot = c.selectionSlots().get(m.selection());
                if (slot == null) {
                    throw new IllegalArgumentException("ballot " + cvr.ballotId() + ": selection " + m.selection()
                            + " is not a selection of contest " + cc.contest());
                }
                markSlots[next++] = slot;
            }
            layouts[i] = c;
        }
        return layouts;
    }

    private Counters cell(CastVoteRecord cvr) {
        // Consecutive CVRs usually come from the same batch: skip the hash look-up then.
        if (lastKey == null || !lastKey.matches(cvr)) {
            lastKey = CellKey.of(cvr);
            lastCell = cells.computeIfAbsent(lastKey, key -> new Counters(tabulator.contests.size()));
        }
        return lastCell;
    }

    /** Counts one contest of the ballot; its marks' slots start at {@code slots} in {@link #markSlots}. */
    private void count(Counters cell, ContestLayout c, List<Mark> marks, int slots) {
        long[] k = cell.contest(c);
        int n = marks.size();
        long votes = 0;
        for (int i = 0; i < n; i++) {
            Mark m = marks.get(i);
            if (m.countsAsVote()) {
                votes += m.votes();
            }
        }
        int allowed = c.votesAllowed();
        k[c.ballotsCast()]++;
        if (votes > allowed) {
            k[c.overvotes()] += allowed;
            return;
        }
        k[c.undervotes()] += allowed - votes;
        if (votes == 0) {
            k[c.blank()]++;
            return;
        }
        for (int i = 0; i < n; i++) {
            Mark m = marks.get(i);
            if (m.countsAsVote() && m.votes() > 0) {
                int slot = markSlots[slots + i];
                k[slot] += m.votes();
                if (m.writeInName().isPresent() && c.writeIns().get(slot)) {
                    cell.addWriteInName(c.index(), m.writeInName().get(), m.votes());
                }
            }
        }
    }

    private static boolean hasVote(List<Mark> marks) {
        for (Mark m : marks) {
            if (m.countsAsVote() && m.votes() > 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean eligible(ContestLayout c, BitSet parties) {
        return c.parties().isEmpty() || c.parties().intersects(parties);
    }

    /** The parties a primary ballot votes in; empty when they cannot be determined. */
    private BitSet ballotParties(CastVoteRecord cvr, List<CvrContest> listed, ContestLayout[] layouts) {
        if (!cvr.parties().isEmpty()) {
            return tabulator.parties(cvr.parties());
        }
        BitSet style = tabulator.styleParties.get(cvr.ballotStyle());
        if (style != null && !style.isEmpty()) {
            return style;
        }
        // Open primary: the party whose contests the voter chose to vote in. Votes in contests of
        // parties with nothing in common (a crossover) leave it undetermined.
        BitSet inferred = null;
        for (int i = 0; i < layouts.length; i++) {
            ContestLayout c = layouts[i];
            if (!c.parties().isEmpty() && hasVote(listed.get(i).marks())) {
                if (inferred == null) {
                    inferred = (BitSet) c.parties().clone();
                } else {
                    inferred.and(c.parties());
                }
            }
        }
        return inferred == null ? new BitSet() : inferred;
    }

    /**
     * Adds another partial tally of the same tabulator into this one; {@code other} is unchanged.
     * Merging is associative and commutative.
     */
    public void merge(PartialTally other) {
        if (other.tabulator != tabulator) {
            throw new IllegalArgumentException("cannot merge tallies of different tabulators");
        }
        if (other == this) {
            throw new IllegalArgumentException("cannot merge a tally into itself");
        }
        other.cells.forEach((key, counters) -> cells.computeIfAbsent(key, x -> new Counters(tabulator.contests.size())).addAll(counters));
    }

    /** The number of ballots counted so far. */
    public long ballotsCounted() {
        long n = 0;
        for (Counters c : cells.values()) {
            n += c.ballots[Counters.BALLOTS];
        }
        return n;
    }

    /** The results of the ballots counted so far; the tally can go on counting afterwards. */
    public ElectionResults results() {
        return new ResultsBuilder(tabulator).build(cells);
    }
}
