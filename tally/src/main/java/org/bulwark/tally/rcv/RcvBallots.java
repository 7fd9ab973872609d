package org.bulwark.tally.rcv;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bulwark.model.ranked.RankedBallot;
import org.bulwark.model.ranked.RankedBallot.Choice;
import org.bulwark.model.ranked.RankedBallot.RankedChoice;

/**
 * The ballots of one contest in compact form: each choice is one int (rank in the high 16 bits, candidate
 * index + 1 in the low 16 bits, 0 for the source's overvote marker), so a million ballots with a few
 * rankings each take a few tens of megabytes. Choices ranked beyond the contest's maximum number of
 * rankings are dropped as they are added, as RCTab's readers do. Each ballot's precinct and batch are
 * kept as small indexes, for counts split by precinct or batch.
 */
public final class RcvBallots {
    static final int OVERVOTE = -1;
    private static final int MAX_RANK = Short.MAX_VALUE;

    private final int count;
    private final int[] starts;
    private final int[] choices;
    /** Per slice kind: each ballot's slice (an index into sliceNames). */
    private final int[][] sliceOf;
    private final List<List<String>> sliceNames;

    private RcvBallots(int count, int[] starts, int[] choices, int[][] sliceOf, List<List<String>> sliceNames) {
        this.count = count;
        this.starts = starts;
        this.choices = choices;
        this.sliceOf = sliceOf;
        this.sliceNames = sliceNames;
    }

    public static Builder builder(RcvContest contest) {
        return new Builder(contest);
    }

    public int size() {
        return count;
    }

    int start(int ballot) {
        return starts[ballot];
    }

    int end(int ballot) {
        return starts[ballot + 1];
    }

    int rank(int entry) {
        return choices[entry] >>> 16;
    }

    /** Candidate index, or {@link #OVERVOTE}. */
    int candidate(int entry) {
        return (choices[entry] & 0xFFFF) - 1;
    }

    /** The slice each ballot is in, by index into {@link #sliceNames}. */
    int[] slices(Slice kind) {
        return sliceOf[kind.ordinal()];
    }

    List<String> sliceNames(Slice kind) {
        return sliceNames.get(kind.ordinal());
    }

    /** Collects ballots; not thread-safe. */
    public static final class Builder {
        private final Map<String, Integer> index = new HashMap<>();
        private final int writeIn;
        private final int maxRankings;
        private int count;
        private int[] starts = new int[1024];
        private int[] choices = new int[4096];
        private int used;
        private final int[][] sliceOf = new int[Slice.values().length][1024];
        private final List<Map<String, Integer>> sliceIndex = List.of(new HashMap<>(), new HashMap<>());

        private Builder(RcvContest contest) {
            List<RcvContest.Candidate> candidates = contest.candidates();
            for (int i = 0; i < candidates.size(); i++) {
                index.put(candidates.get(i).name(), i);
            }
            for (int i = 0; i < candidates.size(); i++) {
                for (String alias : candidates.get(i).aliases()) {
                    index.putIfAbsent(alias, i);
                }
            }
            writeIn = contest.undeclaredWriteIns() ? candidates.size() : -2;
            maxRankings = contest.maxRankings();
        }

        /**
         * Adds one ballot, or returns what makes it unusable (a candidate the contest does not know, a
         * write-in where the contest counts none); the ballot is then not added.
         */
        public Optional<String> add(RankedBallot ballot) {
            int mark = used;
            for (RankedChoice rc : ballot.choices()) {
                if (rc.rank() > maxRankings) {
                    break; // choices come in rank order: the rest are beyond the limit too
                }
                if (rc.rank() > MAX_RANK) {
                    used = mark;
                    return Optional.of("rank " + rc.rank() + " is above the largest supported rank " + MAX_RANK);
                }
                int candidate;
                switch (rc.choice()) {
                    case Choice.Candidate c -> {
                        Integer i = index.get(c.nameOrCode());
                        if (i == null) {
                            used = mark;
                            return Optional.of("candidate \"" + c.nameOrCode() + "\" at rank " + rc.rank()
                                    + " is not a candidate of this contest (nor an alias of one)");
                        }
                        candidate = i;
                    }
                    case Choice.Overvote o -> candidate = OVERVOTE;
                    case Choice.UndeclaredWriteIn w -> {
                        if (writeIn < 0) {
                            used = mark;
                            return Optional.of("undeclared write-in at rank " + rc.rank()
                                    + ", but the contest counts no undeclared write-ins");
                        }
                        candidate = writeIn;
                    }
                }
                if (used == choices.length) {
                    choices = Arrays.copyOf(choices, choices.length * 2);
                }
                choices[used++] = (rc.rank() << 16) | (candidate + 1);
            }
            if (count + 2 > starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
                for (int k = 0; k < sliceOf.length; k++) {
                    sliceOf[k] = Arrays.copyOf(sliceOf[k], starts.length);
                }
            }
            slice(Slice.PRECINCT, ballot.precinct());
            slice(Slice.BATCH, ballot.batch());
            count++;
            starts[count] = used;
            return Optional.empty();
        }

        private void slice(Slice kind, Optional<String> name) {
            String id = name.filter(n -> !n.isBlank()).orElse(kind.missing());
            Map<String, Integer> index = sliceIndex.get(kind.ordinal());
            Integer i = index.get(id);
            if (i == null) {
                i = index.size();
                index.put(id, i);
            }
            sliceOf[kind.ordinal()][count] = i;
        }

        public RcvBallots build() {
            int[][] slices = new int[sliceOf.length][];
            List<List<String>> names = new java.util.ArrayList<>();
            for (int k = 0; k < sliceOf.length; k++) {
                slices[k] = Arrays.copyOf(sliceOf[k], count);
                String[] byIndex = new String[sliceIndex.get(k).size()];
                sliceIndex.get(k).forEach((name, i) -> byIndex[i] = name);
                names.add(List.of(byIndex));
            }
            return new RcvBallots(count, Arrays.copyOf(starts, count + 1), Arrays.copyOf(choices, used), slices,
                    names);
        }
    }
}
