package org.bulwark.formats.vendor;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.bulwark.formats.vendor.VendorSource.Columns;
import org.bulwark.model.BadInputException;
import org.bulwark.model.ranked.RankedBallot;
import org.bulwark.model.ranked.RankedBallot.Choice;

/**
 * ES&S cast vote record spreadsheets (xlsx, or the same layout saved as CSV), read as RCTab reads them: one
 * ballot per row from the first vote row on, the cell in ranking column k is the choice at rank k. A cell
 * holding the skipped-rank label (ES&S writes "undervote") is no choice; the overvote label is an overvote;
 * the undeclared write-in label a write-in; with an overvote delimiter a cell may name several candidates
 * (an overvote with its candidates known); a blank cell is no choice, or an undeclared write-in when the
 * source says so. Every row element is a ballot, even one with no cells, as in RCTab.
 */
final class EssReader implements Sheet.RowHandler {
    private final String file;
    private final String fileName;
    private final Columns columns;
    private final ChoiceLabels labels;
    private final Optional<Pattern> delimiter;
    private final boolean blankIsWriteIn;
    private final Consumer<? super RankedBallot> sink;
    private final BallotBuilder ballot = new BallotBuilder();
    private int widestColumn;
    private long ballots;

    private EssReader(VendorSource source, Columns columns, Consumer<? super RankedBallot> sink) {
        this.file = source.path().toString();
        this.fileName = source.path().getFileName().toString();
        this.columns = columns;
        this.labels = new ChoiceLabels(source.labels());
        this.delimiter = source.labels().overvoteDelimiter().filter(d -> !d.isEmpty()).map(Pattern::quote).map(Pattern::compile);
        this.blankIsWriteIn = source.labels().treatBlankAsUndeclaredWriteIn();
        this.sink = sink;
    }

    static long read(VendorSource source, Consumer<? super RankedBallot> sink) throws IOException {
        Columns columns = VendorCvrs.columns(source);
        EssReader reader = new EssReader(source, columns, sink);
        String name = source.path().getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        Sheet.Rows rows = name.endsWith(".csv") ? new CsvRows(source.path()) : new XlsxRows(source.path());
        rows.read(reader);
        return reader.ballots;
    }

    @Override
    public void row(int row, List<Sheet.Cell> cells) {
        if (!cells.isEmpty()) {
            widestColumn = Math.max(widestColumn, cells.getLast().column());
        }
        if (row < columns.firstVoteRow()) {
            return;
        }
        int first = columns.firstVoteColumn();
        int last = first + columns.rankColumns().orElse(Math.max(widestColumn - first + 1, 0)) - 1;
        Optional<String> id = Optional.empty();
        Optional<String> precinct = Optional.empty();
        Optional<String> batch = Optional.empty();
        int nextRank = 1;
        for (Sheet.Cell cell : cells) {
            int c = cell.column();
            if (isColumn(columns.idColumn(), c)) {
                id = Optional.of(cell.text().trim());
            }
            if (isColumn(columns.precinctColumn(), c)) {
                precinct = Optional.of(cell.text().trim());
            }
            if (isColumn(columns.batchColumn(), c)) {
                batch = Optional.of(cell.text().trim());
            }
            if (c < first || c > last) {
                continue;
            }
            int rank = c - first + 1;
            blanks(nextRank, rank);
            rankedCell(row, cell, rank);
            nextRank = rank + 1;
        }
        blanks(nextRank, last - first + 2);
        if (columns.idColumn().isPresent() && id.isEmpty()) {
            // As RCTab: a ballot without its id is a damaged export, not an anonymous ballot.
            throw new BadInputException(file, Sheet.place(row, columns.idColumn().getAsInt()), "the ballot has no id");
        }
        ballots++;
        String ballotId = id.orElse(fileName + " row " + row);
        sink.accept(ballot.build(ballotId, precinct, batch));
    }

    static boolean isColumn(OptionalInt column, int c) {
        return column.isPresent() && column.getAsInt() == c;
    }

    /** Ranks from..to-1 had no cell: a skipped rank, or an undeclared write-in when the source says blanks are. */
    private void blanks(int from, int to) {
        if (blankIsWriteIn) {
            for (int rank = from; rank < to; rank++) {
                ballot.add(rank, ChoiceLabels.undeclaredWriteIn());
            }
        }
    }

    private void rankedCell(int row, Sheet.Cell cell, int rank) {
        String text = cell.text().trim();
        if (text.isEmpty()) {
            blanks(rank, rank + 1);
            return;
        }
        if (delimiter.isEmpty()) {
            labels.choiceFor(text).ifPresent(choice -> ballot.add(rank, choice));
            return;
        }
        for (String part : delimiter.get().split(text, -1)) {
            String name = part.trim();
            if (name.isEmpty()) {
                throw new BadInputException(file, Sheet.place(row, cell.column()),
                        "\"" + text + "\" has an empty name between overvote delimiters");
            }
            Optional<Choice> choice = labels.choiceFor(name);
            choice.ifPresent(c -> ballot.add(rank, c));
        }
    }
}
