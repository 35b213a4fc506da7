package io.apolloroutes.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Rows above the column names that only title the sheet ("Q4 outbound plan", "Owner: Ada", a date), as
 * people put them on top of a sheet they share. Left out when, and only when, the first row that is
 * not such a row is a usable header. When that row names columns but cannot be the header, its own
 * fault is told; when it names none, the first row stays the header and its refusal stands, so a file
 * without a header is told so exactly as before.
 *
 * <p>A title row has at most {@value #MAX_CELLS} filled cells and none of them names a column: a row
 * with more is data or a second header, never skipped. At most {@value #MAX_ROWS} title rows are looked
 * past; empty rows among them do not count, as a workbook's empty rows above its header never did.
 */
final class TitleRows {

    private static final int MAX_ROWS = 10;
    private static final int MAX_CELLS = 3;
    private static final int QUOTED = 60;

    private final Map<String, String> renames;
    private final Function<String, String> renamed;
    private final List<Integer> rows = new ArrayList<>();
    /** The positions of each title row's filled cells (at most three each), to check them against the header. */
    private final List<List<Integer>> filled = new ArrayList<>();
    private String firstText;

    TitleRows(Map<String, String> renames) {
        this.renames = renames;
        this.renamed = ColumnNames.renamer(renames);
    }

    /** A row as a reader gives it: its number as the file shows it, and its cells. */
    record Row(int number, List<String> cells) {
    }

    /** A usable header found below title rows: its layout and its row. */
    record Header(TableLayout layout, Row row) {
    }

    /** The rows after the first, as a reader walks them. */
    interface Rows {

        /** The next row, or null at the end. */
        Row next();

        /** True when another row follows the one {@link #next} gave last: the last row is never a title. */
        boolean hasNext();
    }

    /**
     * The usable header below the title rows that start with {@code first}, or empty when none follows them:
     * then the first row is the header, and is refused as such. Rows looked at are used up either way, which
     * is safe, as a file or sheet whose header is not found is refused whole.
     */
    Optional<Header> below(Row first, Rows rest) {
        lookedPast(first.number(), first.cells());
        Row row = rest.next();
        while (row != null && rest.hasNext() && mayBeTitle(row.cells())) {
            lookedPast(row.number(), row.cells());
            row = rest.next();
        }
        if (row == null) {
            return Optional.empty();
        }
        Row candidate = row;
        return header(candidate.cells(), candidate.number()).map(layout -> new Header(layout, candidate));
    }

    /** True when the row may be a title (or an empty row between title and header), and so may be looked past. */
    boolean mayBeTitle(List<String> cells) {
        if (rows.size() >= MAX_ROWS) {
            return false;
        }
        int filled = 0;
        for (String cell : cells) {
            if (!EdgeBlanks.isBlank(cell)) {
                filled++;
                if (filled > MAX_CELLS || namesColumn(cell)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Remembers a row looked past, for the warning once the header below it is found. */
    private void lookedPast(int row, List<String> cells) {
        if (cells.stream().allMatch(EdgeBlanks::isBlank)) {
            // empty rows above the header are left out without a word, as a workbook's always were
            return;
        }
        rows.add(row);
        List<Integer> positions = new ArrayList<>(MAX_CELLS);
        for (int i = 0; i < cells.size(); i++) {
            if (!EdgeBlanks.isBlank(cells.get(i))) {
                positions.add(i);
            }
        }
        filled.add(positions);
        if (firstText == null) {
            cells.stream().filter(cell -> !EdgeBlanks.isBlank(cell)).findFirst().map(EdgeBlanks::strip)
                    .ifPresent(text -> firstText = text.length() > QUOTED ? text.substring(0, QUOTED) + "…" : text);
        }
    }

    /**
     * The header's layout, when these cells are a usable header; empty when they are no header at all.
     *
     * @throws UnusableHeader when they name columns but cannot be the header (no sequence column, a column
     *                        twice): that is what to fix, not the rows above; or when a row above them is data
     */
    private Optional<TableLayout> header(List<String> cells, int row) {
        TableLayout layout;
        try {
            layout = TableLayout.of(cells, renames);
        } catch (UnreadableInputException refused) {
            // one column word among data ("Status", "Note") does not make a header: two do
            if (known(cells) >= 2) {
                throw new UnusableHeader(row, rows.isEmpty() ? "empty rows" : "the title", refused.getMessage());
            }
            return Optional.empty();
        }
        refuseDataAbove(layout, cells, row);
        return Optional.of(layout);
    }

    /**
     * A row above the header that fills the sequence column and another column of it is a row of data, as
     * when a sort took the header row along: left out, it would have no outcome at all, so the file is refused.
     */
    private void refuseDataAbove(TableLayout layout, List<String> header, int headerRow) {
        int sequence = layout.indexOf(Column.SEQUENCE);
        for (int r = 0; r < rows.size(); r++) {
            List<Integer> positions = filled.get(r);
            if (!positions.contains(sequence)) {
                continue;
            }
            for (int other : positions) {
                if (other != sequence && other < header.size() && namesColumn(header.get(other))) {
                    throw new UnusableHeader(headerRow, "the title", String.format("row %d above it fills \"%s\""
                            + " and \"%s\" like a row of data, and would be left out; move the column names to the"
                            + " first row (a sort that took the header row along puts it below data), or delete the"
                            + " row if it is a title", rows.get(r), header.get(sequence), header.get(other)));
                }
            }
        }
    }

    private int known(List<String> cells) {
        int known = 0;
        for (String cell : cells) {
            if (!EdgeBlanks.isBlank(cell) && namesColumn(cell)) {
                known++;
            }
        }
        return known;
    }

    /** True when the cell is a column name the pack reads, under the source's renames. */
    private boolean namesColumn(String cell) {
        return ColumnNames.isKnown(renamed.apply(cell));
    }

    /** Column names below a title (or empty rows) that cannot be the header, and why. */
    static final class UnusableHeader extends UnreadableInputException {

        private final String reason;

        UnusableHeader(int row, String above, String reason) {
            super(row, "row " + row + ", the column names below " + above + ", is not a usable header: " + reason);
            this.reason = reason;
        }

        /** What is wrong with the header itself, without where it is. */
        String reason() {
            return reason;
        }
    }

    /** What the report says about the title rows left out, if any were. */
    Optional<String> warning(int headerRow) {
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        String which = rows.size() == 1 ? "row " + rows.get(0) : "rows " + rows.get(0) + "-" + rows.get(rows.size() - 1);
        return Optional.of(which + ", above the column names in row " + headerRow + ", left out as a title: '"
                + firstText + "'");
    }
}
