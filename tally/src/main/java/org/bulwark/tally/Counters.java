package org.bulwark.tally;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The counters of one group of ballots. A contest's counter array is made the first time the
 * contest is counted in the group: a statewide election has thousands of contests and thousands of
 * batches, but each batch sees only its own precincts' contests. Write-in names are rare, so they
 * live in maps beside the arrays.
 */
final class Counters {
    static final int BALLOTS = 0;
    static final int BLANK_BALLOTS = 1;
    static final int PARTY_UNDETERMINED = 2;

    /** Per contest index; null until the contest is counted in this group. */
    final long[][] contests;
    /**
     * The indexes of the contests counted in this group, in the order they were first counted: a group
     * has a few dozen of the election's contests, and adding groups up walks these, not every index.
     */
    private int[] counted = new int[8];
    private int countedSize;
    final long[] ballots = new long[3];
    final Map<Integer, Map<String, Long>> writeInNames = new HashMap<>();

    Counters(int contestCount) {
        this.contests = new long[contestCount][];
    }

    /** The contest's counters, made on first use. */
    long[] contest(ContestLayout c) {
        long[] k = contests[c.index()];
        if (k == null) {
            k = new long[c.width()];
            set(c.index(), k);
        }
        return k;
    }

    private void set(int contest, long[] counters) {
        contests[contest] = counters;
        if (countedSize == counted.length) {
            counted = Arrays.copyOf(counted, countedSize * 2);
        }
        counted[countedSize++] = contest;
    }

    /** How many contests are counted in this group; {@link #countedContest} gives each one's index. */
    int countedContests() {
        return countedSize;
    }

    int countedContest(int i) {
        return counted[i];
    }

    void addWriteInName(int contest, String name, long votes) {
        writeInNames.computeIfAbsent(contest, c -> new HashMap<>()).merge(name, votes, Long::sum);
    }

    void addAll(Counters other) {
        for (int n = 0; n < other.countedSize; n++) {
            int c = other.counted[n];
            long[] from = other.contests[c];
            if (contests[c] == null) {
                set(c, from.clone());
            } else {
                long[] to = contests[c];
                for (int i = 0; i < from.length; i++) {
                    to[i] += from[i];
                }
            }
        }
        for (int i = 0; i < ballots.length; i++) {
            ballots[i] += other.ballots[i];
        }
        other.writeInNames.forEach((contest, names) -> names.forEach((name, votes) -> addWriteInName(contest, name, votes)));
    }
}
