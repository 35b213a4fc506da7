package io.apolloroutes.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;

/**
 * One worksheet read as a table, one row at a time: the first row with any content is the header,
 * the rows below it are data. Row numbers are the ones the spreadsheet shows. Empty rows between data
 * rows are counted; empty rows after the last data row and empty cells after the last value of a row
 * are not there as far as the pack is concerned (spreadsheets often carry formatting far beyond the
 * data). A cell merged down over several rows is read on each of them (see {@link MergedAreas}); a
 * cell that carries a link is a cell problem, since only its text is read (see {@link SheetLinks}).
 */
final class SheetTable {

    /** Receives the data rows of a sheet. */
    interface DataRows {

        /**
         * @param number       the row number as the spreadsheet shows it
         * @param cells        the cells up to the last value under the header
         * @param problems     cells that hold no usable value, by index; values right of the header are
         *                     reported at the index just past the header
         * @param blanksBefore empty rows between this row and the previous row with content
         */
        void row(int number, List<String> cells, Map<Integer, String> problems, int blanksBefore)
                throws IOException;
    }

    private final String name;
    private final Iterator<Row> rows;
    private final CellText cellText;
    private final int maxCellLength;
    private final MergedAreas merged;
    private final SheetLinks links;
    private final TextBudget text;
    /** The totals rows of the sheet's Excel tables: row number, table name. */
    private final Map<Integer, String> totals = new HashMap<>();
    /** The totals rows left out, for the report. */
    private final List<String> totalsLeftOut = new ArrayList<>();
    private List<String> header;
    private int headerRow;

    /**
     * @param links  the cells that carry a link, which only their text would be read of
     * @param text   the workbook's text budget, shared by its sheets: every cell read counts in it
     * @param totals the totals rows of the sheet's Excel tables, which are left out
     */
    SheetTable(Sheet sheet, CellText cellText, InputLimits limits, MergedAreas merged, SheetLinks links,
               TextBudget text, List<XlsxTableTotals> totals) {
        this.name = sheet.getSheetName();
        this.rows = WorkbookFailures.guard(sheet::rowIterator);
        this.cellText = cellText;
        this.maxCellLength = limits.maxCellLength();
        this.merged = merged;
        this.links = links;
        this.text = text;
        totals.forEach(table -> this.totals.put(table.row(), table.table()));
    }

    String name() {
        return name;
    }

    /**
     * The header cells, without trailing empty ones; null when the sheet has no content at all. The
     * header is the first row with content, or the first usable header below title rows ({@link TitleRows}).
     */
    List<String> header(TitleRows titles) {
        if (headerRow == 0) {
            TitleRows.Row first = nextFilledRow();
            if (first == null) {
                headerRow = -1;
                return null;
            }
            TitleRows.Row found = !titles.mayBeTitle(first.cells()) ? first
                    : titles.below(first, new TitleRows.Rows() {
                        @Override
                        public TitleRows.Row next() {
                            return nextFilledRow();
                        }

                        @Override
                        public boolean hasNext() {
                            return hasNextRow();
                        }
                    }).map(TitleRows.Header::row).orElse(first);
            header = found.cells();
            headerRow = found.number();
        }
        return header;
    }

    /** The next row with content, or null at the end of the sheet. */
    private TitleRows.Row nextFilledRow() {
        while (hasNextRow()) {
            Row row = nextRow();
            List<String> cells = new ArrayList<>();
            Map<Integer, String> ignored = new HashMap<>();
            read(row, Integer.MAX_VALUE, cells, ignored);
            if (!cells.isEmpty()) {
                return new TitleRows.Row(row.getRowNum() + 1, cells);
            }
        }
        return null;
    }

    /** The row number of the header, as the spreadsheet shows it. */
    int headerRow() {
        return headerRow;
    }

    /** Hands every data row below the header to {@code out}; call {@link #header()} first. */
    void readDataRows(DataRows out) throws IOException {
        int width = header.size();
        int previous = headerRow;
        while (hasNextRow()) {
            Row row = nextRow();
            List<String> cells = new ArrayList<>(width);
            Map<Integer, String> problems = new HashMap<>(2);
            int number = row.getRowNum() + 1;
            if (!read(row, width, cells, problems)) {
                continue;
            }
            int blanksBefore = number - previous - 1;
            previous = number;
            String table = totals.get(number);
            if (table != null) {
                // the table's summary ("Total" and a count), which Excel fills in itself: no row to send
                totalsLeftOut.add("row " + number + ", the totals row of table \"" + table + "\", left out");
                continue;
            }
            merged.fill(cells, problems, width);
            out.row(number, cells, problems, blanksBefore);
        }
    }

    /** A note for each totals row of an Excel table that {@link #readDataRows} left out. */
    List<String> totalsLeftOut() {
        return totalsLeftOut;
    }

    /**
     * Reads the cells of a row up to {@code width} columns into {@code cells}, ending at the last value.
     *
     * @return true when the row shows anything ({@link EmptyRow}), including values right of the header
     */
    private boolean read(Row row, int width, List<String> cells, Map<Integer, String> problems) {
        int strays = 0;
        String firstStray = null;
        merged.moveTo(row.getRowNum());
        links.moveTo(row.getRowNum());
        for (Iterator<Cell> it = row.cellIterator(); it.hasNext(); ) {
            Cell cell = it.next();
            int index = cell.getColumnIndex();
            if (merged.isCovered(index)) {
                continue; // the sheet shows the merged area's value here, not what the file may keep
            }
            CellText.Value value = cellText.of(cell);
            if (value.isBlank()) {
                continue;
            }
            // one shared string may stand for millions of cells: what counts is the text read out
            text.spend(value.text().length());
            if (index >= width) {
                // a value with no header above it: named in a message rather than silently dropped
                if (strays++ == 0) {
                    firstStray = new CellReference(row.getRowNum(), index).formatAsString(false) + " holds '"
                            + preview(value.text()) + "'";
                }
                continue;
            }
            while (cells.size() <= index) {
                cells.add("");
            }
            cells.set(index, value.text());
            String problem = value.problem() != null ? value.problem() : links.problem(index, value.text());
            if (problem != null) {
                problems.put(index, problem);
            } else if (value.text().length() > maxCellLength) {
                problems.put(index, "holds " + value.text().length() + " characters; a cell may hold at most "
                        + maxCellLength + ", so shorten it");
            }
        }
        if (firstStray != null) {
            problems.put(width, "cell " + firstStray + (strays > 1 ? " (and " + (strays - 1) + " more cells right"
                    + " of it)" : "") + ", but there is no header above it; give the column a header or clear the cell");
        }
        return firstStray != null || !EmptyRow.showsNothing(cells);
    }

    private boolean hasNextRow() {
        return WorkbookFailures.guard(rows::hasNext);
    }

    private Row nextRow() {
        return WorkbookFailures.guard(rows::next);
    }

    private static String preview(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
