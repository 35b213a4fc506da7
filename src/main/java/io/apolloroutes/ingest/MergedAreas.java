package io.apolloroutes.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
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
 */
final class MergedAreas {

    /** A sheet without merged cells. */
    static final MergedAreas NONE = new MergedAreas(List.of());

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
    private final List<Area> current = new ArrayList<>();
    private int row = -1;

    MergedAreas(List<CellRangeAddress> ranges) {
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

    /** Moves to a row (0-based); rows come in order from the top. */
    void moveTo(int rowIndex) {
        row = rowIndex;
        current.removeIf(area -> area.range.getLastRow() < rowIndex);
        while (next != null && next.getFirstRow() <= rowIndex) {
            if (next.getLastRow() >= rowIndex) {
                current.add(new Area(next));
            }
            next = ahead.hasNext() ? ahead.next() : null;
        }
    }

    /** True for a cell of the current row that a merged area covers: it shows nothing of its own. */
    boolean isCovered(int column) {
        for (Area area : current) {
            CellRangeAddress range = area.range;
            if (range.containsColumn(column) && !(range.getFirstRow() == row && range.getFirstColumn() == column)) {
                return true;
            }
        }
        return false;
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
        for (Area area : current) {
            int column = area.range.getFirstColumn();
            if (area.range.getFirstRow() == row) {
                area.value = column < cells.size() ? cells.get(column) : "";
                area.problem = problems.get(column);
            } else if (area.value != null && !area.value.isEmpty() && column < width) {
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
