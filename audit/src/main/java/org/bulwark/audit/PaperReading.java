package org.bulwark.audit;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.ContestId;
import org.bulwark.model.SelectionId;

/**
 * What an audit board found for one sampled paper ballot: the marks its two members read, the
 * ballot's paper record decoded by a reader (the device module's read-back), or no ballot at that
 * place. A ballot that cannot be found counts the worst way for every reported winner.
 */
public sealed interface PaperReading {
    /**
     * The marks the board read, per contest on the ballot; a contest left out was not on the ballot
     * or had no mark, which an audit treats alike.
     */
    record Marks(Map<ContestId, Set<SelectionId>> marked) implements PaperReading {
        public Marks {
            marked = marked.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Set.copyOf(e.getValue())));
        }
    }

    /** The ballot's paper record as decoded from its code: what the voter verified on paper. */
    record Decoded(CastVoteRecord record) implements PaperReading {}

    /** No ballot at the manifest's place; the note says what the board saw (an empty slot, a wrong batch). */
    record NotFound(String note) implements PaperReading {}
}
