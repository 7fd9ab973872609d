package org.bulwark.formats.vendor;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.bulwark.model.BadInputException;
import org.bulwark.model.ranked.RankedBallot;
import org.bulwark.model.ranked.RankedBallot.Choice;

/**
 * Clear Ballot's RCV CSV export (ClearCount 2.1): ten fixed columns (row number, box, box position, ballot id,
 * precinct, ballot style, precinct style, scan computer, status, remade), then one column per candidate and
 * rank, headed "Choice_n_m:contest:rank:vote rule:candidate:party". A 1 in a ballot's row marks that candidate
 * at that rank; 0 or nothing leaves it unmarked. Only the columns of the source's contest are read.
 */
final class ClearBallotReader implements Sheet.RowHandler {
    static final int FIRST_CHOICE_COLUMN = 11;
    private static final int BOX_COLUMN = 2;
    private static final int BALLOT_ID_COLUMN = 4;
    private static final int PRECINCT_COLUMN = 5;
    private static final int HEADER_FIELDS = 6;

    private record RankAndChoice(int rank, Choice choice) {}

    private final String file;
    private final String contest;
    private final ChoiceLabels labels;
    private final Consumer<? super RankedBallot> sink;
    private final Map<Integer, RankAndChoice> choiceColumns = new HashMap<>();
    private final BallotBuilder ballot = new BallotBuilder();
    private boolean sawHeader;
    private long ballots;

    private ClearBallotReader(VendorSource source, String contest, Consumer<? super RankedBallot> sink) {
        this.file = source.path().toString();
        this.contest = contest;
        this.labels = new ChoiceLabels(source.labels());
        this.sink = sink;
    }

    static long read(VendorSource source, String contest, Consumer<? super RankedBallot> sink) throws IOException {
        ClearBallotReader reader = new ClearBallotReader(source, contest, sink);
        new CsvRows(source.path()).read(reader);
        if (!reader.sawHeader) {
            throw new BadInputException(reader.file, "row 1", "the file is empty: it has no header row");
        }
        return reader.ballots;
    }

    @Override
    public void row(int row, List<Sheet.Cell> cells) {
        if (row == 1) {
            header(cells);
            return;
        }
        Optional<String> id = Optional.empty();
        Optional<String> precinct = Optional.empty();
        Optional<String> box = Optional.empty();
        for (Sheet.Cell cell : cells) {
            String text = cell.text().trim();
            switch (cell.column()) {
                case BALLOT_ID_COLUMN -> id = Optional.of(text);
                case PRECINCT_COLUMN -> precinct = Optional.of(text);
                case BOX_COLUMN -> box = Optional.of(text);
                default -> choiceCell(row, cell, text);
            }
        }
        String ballotId = id.filter(s -> !s.isEmpty()).orElseThrow(
                () -> new BadInputException(file, Sheet.place(row, BALLOT_ID_COLUMN), "the ballot has no BallotID"));
        ballots++;
        sink.accept(ballot.build(ballotId, precinct, box));
    }

    private void choiceCell(int row, Sheet.Cell cell, String text) {
        if (cell.column() < FIRST_CHOICE_COLUMN) {
            return;
        }
        RankAndChoice choice = choiceColumns.get(cell.column());
        if (text.equals("1")) {
            if (choice != null) {
                ballot.add(choice.rank(), choice.choice());
            }
        } else if (!text.equals("0")) {
            throw new BadInputException(file, Sheet.place(row, cell.column()), "\"" + text + "\" is neither 1 (marked) nor 0 (not marked)");
        }
    }

    private void header(List<Sheet.Cell> cells) {
        sawHeader = true;
        for (Sheet.Cell cell : cells) {
            if (cell.column() < FIRST_CHOICE_COLUMN) {
                continue;
            }
            String[] fields = cell.text().split(":", -1);
            if (fields.length != HEADER_FIELDS) {
                throw new BadInputException(file, Sheet.place(1, cell.column()), "choice header \"" + cell.text()
                        + "\" does not have the 6 fields Choice:contest:rank:vote rule:candidate:party");
            }
            if (!fields[1].equals(contest)) {
                continue;
            }
            long rank;
            try {
                rank = Long.parseLong(fields[2]);
            } catch (NumberFormatException e) {
                throw new BadInputException(file, Sheet.place(1, cell.column()), "rank \"" + fields[2] + "\" is not a whole number");
            }
            Optional<String> problem = BallotBuilder.rankProblem(rank);
            if (problem.isPresent()) {
                throw new BadInputException(file, Sheet.place(1, cell.column()), problem.get());
            }
            choiceColumns.put(cell.column(), new RankAndChoice((int) rank, labels.markedChoice(fields[4])));
        }
        if (choiceColumns.isEmpty()) {
            throw new BadInputException(file, "row 1", "no choice column belongs to contest \"" + contest + "\"");
        }
    }
}
