package org.bulwark.tally.rcv;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.Contest;
import org.bulwark.model.ContestId;
import org.bulwark.model.ContestSelection;
import org.bulwark.model.CvrContest;
import org.bulwark.model.ElectionIndex;
import org.bulwark.model.Mark;
import org.bulwark.model.SelectionId;

/**
 * What a precinct device can say about a ranked-choice contest without the contest's tabulation rules
 * (overvote rule, skipped ranks, winners), which belong to central count (RCTab's rules, {@link
 * RcvTabulator}): per selection, the ballots ranking it at each rank, and its first choices, the
 * ballots whose one mark at rank 1 is for it. Ballots with no mark at rank 1, or several, are counted
 * apart, so that first choices + no first choice + first rank overvoted = ballots.
 *
 * <p>A contest is on a ballot when the CVR lists it or its ballot style does; a mark counts when it
 * has an indication and is allocable (yes or unknown) and its rank is 1 to the contest's ranks.
 *
 * @param byRank per selection in contest order, the ballots ranking it at rank 1, 2, ... (list index rank - 1)
 * @param firstChoices per selection in contest order
 */
public record RankTable(ContestId contest, int ranks, long ballots, Map<SelectionId, List<Long>> byRank,
        Map<SelectionId, Long> firstChoices, long noFirstChoice, long firstRankOvervoted) {
    public RankTable {
        Map<SelectionId, List<Long>> copy = new LinkedHashMap<>();
        byRank.forEach((s, counts) -> copy.put(s, List.copyOf(counts)));
        byRank = Collections.unmodifiableMap(copy);
        firstChoices = Collections.unmodifiableMap(new LinkedHashMap<>(firstChoices));
    }

    /** The table of every ranked-choice contest of the election, in the definition's order. */
    public static List<RankTable> count(ElectionIndex index, List<CastVoteRecord> cvrs) {
        List<RankTable> out = new ArrayList<>();
        for (Contest contest : index.election().contests()) {
            if (contest instanceof Contest.CandidateContest c && c.isRankedChoice()) {
                out.add(count(index, c, cvrs));
            }
        }
        return out;
    }

    private static RankTable count(ElectionIndex index, Contest.CandidateContest contest, List<CastVoteRecord> cvrs) {
        Map<SelectionId, Integer> position = new LinkedHashMap<>();
        for (ContestSelection s : contest.selections()) {
            position.putIfAbsent(s.id(), position.size());
        }
        int ranks = contest.ranks();
        long[][] table = new long[position.size()][ranks];
        long[] first = new long[position.size()];
        long ballots = 0;
        long none = 0;
        long overvoted = 0;
        for (CastVoteRecord cvr : cvrs) {
            List<Mark> marks = cvr.contests().stream().filter(c -> c.contest().equals(contest.id())).findFirst()
                    .map(CvrContest::marks).orElse(null);
            if (marks == null && !index.styleHasContest(cvr.ballotStyle(), contest.id())) {
                continue;
            }
            ballots++;
            int atFirst = 0;
            int firstSelection = -1;
            for (Mark m : marks == null ? List.<Mark>of() : marks) {
                Integer p = position.get(m.selection());
                if (p == null || !m.countsAsVote() || m.rank() < 1 || m.rank() > ranks) {
                    continue;
                }
                table[p][m.rank() - 1]++;
                if (m.rank() == 1) {
                    atFirst++;
                    firstSelection = p;
                }
            }
            switch (atFirst) {
                case 0 -> none++;
                case 1 -> first[firstSelection]++;
                default -> overvoted++;
            }
        }
        Map<SelectionId, List<Long>> byRank = new LinkedHashMap<>();
        Map<SelectionId, Long> firstChoices = new LinkedHashMap<>();
        position.forEach((s, p) -> {
            byRank.put(s, java.util.Arrays.stream(table[p]).boxed().toList());
            firstChoices.put(s, first[p]);
        });
        return new RankTable(contest.id(), ranks, ballots, byRank, firstChoices, none, overvoted);
    }
}
