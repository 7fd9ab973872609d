package org.bulwark.formats.vendor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.bulwark.formats.vendor.VendorSource.Columns;
import org.bulwark.model.BadInputException;
import org.bulwark.model.ranked.RankedBallot;
import org.bulwark.model.ranked.RankedBallot.Choice;

/**
 * RCTab's generic CSV: one column per candidate, named in the first row from the first vote column on; one
 * ballot per row from the first vote row on; a cell holds the rank the voter gave that column's candidate, or
 * nothing. The column named by the undeclared write-in label collects undeclared write-ins. Two candidates with
 * one rank are an overvote, one candidate with two ranks a duplicate ranking: both kept as read.
 */
final class GenericCsvReader implements Sheet.RowHandler {
    private final String file;
    private final String fileName;
    private final Columns columns;
    private final ChoiceLabels labels;
    private final Consumer<? super RankedBallot> sink;
    private final BallotBuilder ballot = new BallotBuilder();
    private final List<Choice> candidates = new ArrayList<>();
    private long ballots;

    private GenericCsvReader(VendorSource source, Columns columns, Consumer<? super RankedBallot> sink) {
        this.file = source.path().toString();
        this.fileName = source.path().getFileName().toString();
        this.columns = columns;
        this.labels = new ChoiceLabels(source.labels());
        this.sink = sink;
    }

    static long read(VendorSource source, Consumer<? super RankedBallot> sink) throws IOException {
        GenericCsvReader reader = new GenericCsvReader(source, VendorCvrs.columns(source), sink);
        new CsvRows(source.path()).read(reader);
        if (reader.candidates.isEmpty()) {
            throw new BadInputException(reader.file, "row 1", "names no candidate from column " + reader.columns.firstVoteColumn() + " on");
        }
        return reader.ballots;
    }

    @Override
    public void row(int row, List<Sheet.Cell> cells) {
        int first = columns.firstVoteColumn();
        if (row == 1) {
            header(cells, first);
            return;
        }
        if (row < columns.firstVoteRow()) {
            return;
        }
        for (Sheet.Cell cell : cells) {
            int c = cell.column();
            String text = cell.text().trim();
            if (c < first || text.isEmpty()) {
                continue;
            }
            if (c - first >= candidates.size()) {
                throw new BadInputException(file, Sheet.place(row, c), "holds \"" + text + "\" but row 1 names no candidate for this column");
            }
            ballot.add(rank(row, c, text), candidates.get(c - first));
        }
        ballots++;
        Optional<String> id = Sheet.text(cells, columns.idColumn()).filter(s -> !s.isEmpty());
        sink.accept(ballot.build(id.orElse(fileName + " row " + row), Sheet.text(cells, columns.precinctColumn()),
                Sheet.text(cells, columns.batchColumn())));
    }

    private void header(List<Sheet.Cell> cells, int first) {
        int expected = first;
        for (Sheet.Cell cell : cells) {
            if (cell.column() < first) {
                continue;
            }
            String name = cell.text().trim();
            if (cell.column() != expected || name.isEmpty()) {
                throw new BadInputException(file, Sheet.place(1, expected), "the candidate name is empty");
            }
            candidates.add(labels.isUndeclaredWriteIn(name) ? ChoiceLabels.undeclaredWriteIn() : new Choice.Candidate(name));
            expected++;
        }
    }

    private int rank(int row, int column, String text) {
        long rank;
        try {
            rank = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new BadInputException(file, Sheet.place(row, column), "\"" + text + "\" is not a rank (a whole number)");
        }
        Optional<String> problem = BallotBuilder.rankProblem(rank);
        if (problem.isPresent()) {
            throw new BadInputException(file, Sheet.place(row, column), problem.get());
        }
        return (int) rank;
    }
}
