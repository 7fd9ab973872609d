package org.bulwark.audit;

/** CSV cells as RFC 4180 writes them, with formula-looking cells made inert for spreadsheets. */
final class Csv {
    private Csv() {}

    static String cell(String value) {
        // A cell starting with = + - @ would run as a formula when an official opens the file in a spreadsheet.
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    static String row(Object... cells) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                s.append(',');
            }
            s.append(cell(String.valueOf(cells[i])));
        }
        return s.append("\r\n").toString();
    }
}
