package org.bulwark.formats.vendor;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** A spreadsheet's rows as the readers of spreadsheet-shaped sources (xlsx, CSV) see them. */
final class Sheet {
    private Sheet() {}

    /** A non-empty cell; columns count from 1. */
    record Cell(int column, String text) {}

    /**
     * Receives every row of a sheet in order, with its non-empty cells in column order; rows count from 1. The
     * list is the reader's own, reused for the next row: read it during the call, do not keep it.
     */
    interface RowHandler {
        void row(int row, List<Cell> cells);
    }

    /** Reads a sheet's rows into a handler. */
    interface Rows {
        void read(RowHandler handler) throws IOException;
    }

    /** The trimmed text of the row's cell in the given column, when the column is set and the cell is there. */
    static Optional<String> text(List<Cell> cells, OptionalInt column) {
        if (column.isPresent()) {
            for (Cell cell : cells) {
                if (cell.column() == column.getAsInt()) {
                    return Optional.of(cell.text().trim());
                }
            }
        }
        return Optional.empty();
    }

    /** "row 12, column 3 (C)": the number for CSV users, the letter for spreadsheet users. */
    static String place(int row, int column) {
        return "row " + row + ", column " + column + " (" + columnLetters(column) + ")";
    }

    static String columnLetters(int column) {
        StringBuilder letters = new StringBuilder();
        for (int c = column; c > 0; c = (c - 1) / 26) {
            letters.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return letters.toString();
    }
}
