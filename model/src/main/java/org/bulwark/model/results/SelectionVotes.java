package org.bulwark.model.results;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;
import org.bulwark.model.SelectionId;

/**
 * Votes per selection of one contest in one group of ballots, in ballot order: an immutable map held
 * as one array of counts over the contest's selection list, which every group shares. A statewide
 * election's results hold hundreds of thousands of these (every contest in every precinct, style,
 * device and batch), so each is an array, not a map of boxed numbers. Equal to any map with the same
 * entries, as a map must be.
 */
public final class SelectionVotes extends AbstractMap<SelectionId, Long> {
    private final Selections selections;
    private final long[] votes;

    private SelectionVotes(Selections selections, long[] votes) {
        this.selections = selections;
        this.votes = votes;
    }

    /** A contest's selections in ballot order, shared by the votes of all its groups. */
    public static final class Selections {
        private final SelectionId[] ids;
        private final Map<SelectionId, Integer> index = new HashMap<>();

        private Selections(SelectionId[] ids) {
            this.ids = ids;
            for (int i = 0; i < ids.length; i++) {
                if (index.putIfAbsent(ids[i], i) != null) {
                    throw new IllegalArgumentException("selection " + ids[i] + " is listed twice");
                }
            }
        }

        /** The votes of one group: {@code counts[i]} is the votes of selection i; later elements are ignored. */
        public SelectionVotes votes(long[] counts) {
            if (counts.length < ids.length) {
                throw new IllegalArgumentException(ids.length + " selections but " + counts.length + " counts");
            }
            long[] votes = Arrays.copyOf(counts, ids.length);
            for (int i = 0; i < votes.length; i++) {
                Ordered.notNegative(votes[i], "votes for " + ids[i]);
            }
            return new SelectionVotes(this, votes);
        }
    }

    /** @param ids distinct selections, in ballot order */
    public static Selections selections(List<SelectionId> ids) {
        return new Selections(ids.toArray(SelectionId[]::new));
    }

    @Override
    public int size() {
        return votes.length;
    }

    @Override
    public boolean containsKey(Object key) {
        return selections.index.containsKey(key);
    }

    @Override
    public Long get(Object key) {
        Integer i = selections.index.get(key);
        return i == null ? null : votes[i];
    }

    @Override
    public void forEach(BiConsumer<? super SelectionId, ? super Long> action) {
        for (int i = 0; i < votes.length; i++) {
            action.accept(selections.ids[i], votes[i]);
        }
    }

    @Override
    public Set<Map.Entry<SelectionId, Long>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return votes.length;
            }

            @Override
            public Iterator<Map.Entry<SelectionId, Long>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < votes.length;
                    }

                    @Override
                    public Map.Entry<SelectionId, Long> next() {
                        if (next >= votes.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return Map.entry(selections.ids[i], votes[i]);
                    }
                };
            }
        };
    }
}
