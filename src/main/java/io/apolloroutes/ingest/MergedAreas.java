package io.apolloroutes.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * The merged cells of one sheet, visited row by row from the top, so that a row reads what the sheet
 * shows on it. A sequence name merged down over the rows of its steps is shown on every one of those
 * rows, but the file stores it only in the first; read as stored, the first row would make a sequence
 * of one step and the others would have no sequence at all.
 *
 * <p>So an area merged over several rows gives each of its rows the value of its top-left cell, in the
 * area's first column (where the first row holds it too). A merged area's other cells show nothing,
 * whatever the file keeps in them (LibreOffice can keep the text of cells it merged away, hidden). The
 * value is given only to rows with something else on them: a row that shows nothing but the merged
 * value is still an empty row.
 *
 * <p>Areas never overlap, so the areas on one row are kept by first column: finding the one over a cell
 * costs a lookup, not a pass over all of them, however many columns a hostile sheet merges.
 *
 * <p>A value given to the rows below costs the file nothing per row: a few bytes of {@code mergeCell}
 * can repeat a long text down a million rows, and thousands of such areas side by side. So each value
 * given counts in the workbook's {@link TextBudget}, as it would in a CSV export of the sheet.
 */
final class MergedAreas {

    /**
     * Most merged areas a sheet may have. A sheet of sequences has a few per sequence at most; a sheet
     * with millions would hold the streaming reader's list of them in memory, so it is refused instead.
     */
    static final int MAX_AREAS = 250_000;

    /** One merged area, and what its top-left cell holds once its first row has been read. */
    private static final class Area {
        final CellRangeAddress range;
        String value;
        String problem;

        Area(CellRangeAddress range) {
            this.range = range;
        }
    }

    private final Iterator<CellRangeAddress> ahead;
    private CellRangeAddress next;
    /** The areas over the current row, by first column. */
    private final TreeMap<Integer, Area> current = new TreeMap<>();
    /** The same areas, the one that ends first on top. */
    private final PriorityQueue<Area> ending = new PriorityQueue<>(Comparator.comparingInt(area -> area.range.getLastRow()));
    private int row = -1;
    /** The workbook's text, which the values given to the rows below count in. */
    private final TextBudget text;

    /**
     * @param ranges    the sheet's merged areas, in any order
     * @param text      the workbook's text budget, which the values given to the rows below count in
     */
    MergedAreas(List<CellRangeAddress> ranges, TextBudget text) {
        this.text = text;
        if (ranges.size() > MAX_AREAS) {
            throw tooMany();
        }
        List<CellRangeAddress> sorted = new ArrayList<>();
        for (CellRangeAddress range : ranges) {
            if (range.getNumberOfCells() > 1) {
                sorted.add(range);
            }
        }
        sorted.sort(Comparator.comparingInt(CellRangeAddress::getFirstRow));
        this.ahead = sorted.iterator();
        this.next = ahead.hasNext() ? ahead.next() : null;
    }

    /** The answer to a sheet with more than {@value #MAX_AREAS} merged areas. */
    static UnreadableInputException tooMany() {
        return new UnreadableInputException(0, "has more than " + MAX_AREAS + " merged cell areas on one sheet, far more"
                + " than a sheet of sequences needs, so it is not read; unmerge the cells (select all, then turn Merge"
                + " Cells off) and save it again");
    }

    /** Moves to a row (0-based); rows come in order from the top. */
    void moveTo(int rowIndex) {
        row = rowIndex;
        while (!ending.isEmpty() && ending.peek().range.getLastRow() < rowIndex) {
            Area ended = ending.poll();
            // only that area: a damaged file may list overlapping areas, and a later one may hold the column now
            current.remove(ended.range.getFirstColumn(), ended);
        }
        while (next != null && next.getFirstRow() <= rowIndex) {
            if (next.getLastRow() >= rowIndex) {
                Area area = new Area(next);
                current.put(next.getFirstColumn(), area);
                ending.add(area);
            }
            next = ahead.hasNext() ? ahead.next() : null;
        }
    }

    /** True for a cell of the current row that a merged area covers: it shows nothing of its own. */
    boolean isCovered(int column) {
        if (current.isEmpty()) {
            return false; // most rows of most sheets: nothing merged
        }
        Map.Entry<Integer, Area> left = current.floorEntry(column);
        if (left == null) {
            return false;
        }
        CellRangeAddress range = left.getValue().range;
        return range.containsColumn(column) && !(range.getFirstRow() == row && range.getFirstColumn() == column);
    }

    /**
     * Gives a row with content the values of the areas merged down over it, and keeps the values of
     * areas that start on it for the rows below.
     *
     * @param cells    the row's cells, extended as needed
     * @param problems the row's cell problems, which a value carries along
     * @param width    columns with a header; a value right of them is reported on the area's first row
     */
    void fill(List<String> cells, Map<Integer, String> problems, int width) {
        if (current.isEmpty()) {
            return;
        }
        for (Area area : current.headMap(width).values()) {
            int column = area.range.getFirstColumn();
            if (area.range.getFirstRow() == row) {
                area.value = column < cells.size() ? cells.get(column) : "";
                area.problem = problems.get(column);
            } else if (area.value != null && !area.value.isEmpty()) {
                text.spend(area.value.length());
                while (cells.size() <= column) {
                    cells.add("");
                }
                cells.set(column, area.value);
                if (area.problem != null) {
                    problems.put(column, area.problem);
                }
            }
        }
    }
}
