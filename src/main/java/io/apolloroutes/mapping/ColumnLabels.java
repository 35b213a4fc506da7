package io.apolloroutes.mapping;

import io.apolloroutes.ingest.Column;
import io.apolloroutes.ingest.SequenceCandidate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The user's own header for each column of one sequence's rows, so messages name "Wait Days" or
 * "Step 2 Body" rather than the canonical {@code wait_time} or {@code body}. A column no row fills is
 * named by the file's header for it, and a column the file lacks by its canonical name, the header to add.
 */
final class ColumnLabels {

    private final SequenceCandidate candidate;
    private final Map<Column, String> seen = new EnumMap<>(Column.class);

    ColumnLabels(SequenceCandidate candidate, List<RowCells> rows) {
        this.candidate = candidate;
        for (RowCells row : rows) {
            row.cells().forEach((column, cell) -> seen.putIfAbsent(column, cell.label()));
        }
    }

    /** The header of a column in this sequence's rows, else in the file, else the column's own name. */
    String of(Column column) {
        String label = seen.get(column);
        if (label != null) {
            return label;
        }
        int index = candidate.layout() == null ? -1 : candidate.layout().indexOf(column);
        return index >= 0 ? candidate.layout().labels().get(index) : column.canonicalName();
    }

    /** Whether the file has the column, under any header: filled in some row of this sequence, or in its header. */
    boolean fileHas(Column column) {
        return seen.containsKey(column) || candidate.layout() != null && candidate.layout().indexOf(column) >= 0;
    }

    /** The header within some rows (one step's): in the wide layout each step has its own ("Step 2 Wait Days"). */
    String of(Column column, List<RowCells> scope) {
        for (RowCells row : scope) {
            String header = row.header(column);
            if (header != null) {
                return header;
            }
        }
        return of(column);
    }

    /**
     * True when a step's wait unit comes from its wait column's header ("Step 2 Wait Hours", "Wait Days"):
     * one cell holds the wait, and the header says its unit, which no cell says.
     */
    boolean unitInWaitHeader(List<RowCells> step) {
        return of(Column.WAIT_MODE, step).equals(of(Column.WAIT_TIME, step));
    }

    /** Where a message about a mapping-file constant points: the constant, which no cell of the file holds. */
    static String constant(Column column) {
        return Objects.requireNonNull(column).canonicalName() + " (mapping file constant)";
    }
}
