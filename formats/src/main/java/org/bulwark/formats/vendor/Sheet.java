package org.bulwark.formats.vendor;

import java.io.IOException;
import java.util.List;

/** A spreadsheet's rows as the readers of spreadsheet-shaped sources (xlsx, CSV) see them. */
final class Sheet {
    private Sheet() {}

    /** A non-empty cell; columns count from 1. */
    record Cell(int column, String text) {}

    /** Receives every row of a sheet in order, with its non-empty cells in column order; rows count from 1. */
    interface RowHandler {
        void row(int row, List<Cell> cells);
    }

    /** Reads a sheet's rows into a handler. */
    interface Rows {
        void read(RowHandler handler) throws IOException;
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
