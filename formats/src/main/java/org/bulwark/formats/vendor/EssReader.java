package org.bulwark.formats.vendor;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    /** Distinct cell texts remembered; a file with more (ids in the ranking columns?) is read without the cache. */
    private static final int CHOICE_CACHE = 10_000;

    private final String file;
    private final String fileName;
    private final Columns columns;
    private final ChoiceLabels labels;
    private final Optional<Pattern> delimiter;
    private final boolean blankIsWriteIn;
    private final Consumer<? super RankedBallot> sink;
    private final BallotBuilder ballot = new BallotBuilder();
    /** Each distinct cell text's meaning, worked out once: a large file repeats a few dozen texts a million times. */
    private final Map<String, Optional<Choice>> choices = new HashMap<>();
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
        Optional<String> id = Sheet.text(cells, columns.idColumn());
        int nextRank = 1;
        for (Sheet.Cell cell : cells) {
            int c = cell.column();
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
        sink.accept(ballot.build(ballotId, Sheet.text(cells, columns.precinctColumn()), Sheet.text(cells, columns.batchColumn())));
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
            Optional<Choice> choice = choices.get(text);
            if (choice == null) {
                choice = labels.choiceFor(text);
                if (choices.size() < CHOICE_CACHE) {
                    choices.put(text, choice);
                }
            }
            if (choice.isPresent()) {
                ballot.add(rank, choice.get());
            }
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
