package org.bulwark.formats.cvr;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.bulwark.model.BadInputException;
import org.bulwark.model.CastVoteRecord;
import org.bulwark.model.CvrCheck;
import org.bulwark.model.ElectionIndex;
import org.bulwark.model.ValidationIssue;

/** Checks each CVR read against the election definition, then hands it on; both readers end here. */
final class CvrEmitter {
    private final String file;
    private final ElectionIndex election;
    private final Consumer<CastVoteRecord> sink;
    private long count;

    CvrEmitter(String file, ElectionIndex election, Consumer<CastVoteRecord> sink) {
        this.file = file;
        this.election = election;
        this.sink = sink;
    }

    /** The 1-based number of the CVR being read, as error messages name it. */
    long ordinal() {
        return count + 1;
    }

    long count() {
        return count;
    }

    void emit(CastVoteRecord cvr, int line, int column) {
        List<ValidationIssue> issues = CvrCheck.check(cvr, election);
        if (!issues.isEmpty()) {
            throw new BadInputException(file, place(ordinal(), cvr.ballotId(), line, column),
                    issues.stream().map(ValidationIssue::message).collect(Collectors.joining("; ")));
        }
        count++;
        sink.accept(cvr);
    }

    static String place(long ordinal, String ballotId, int line, int column) {
        return "CVR " + ordinal + " (ballot " + ballotId + "), line " + line + ", column " + column;
    }
}
