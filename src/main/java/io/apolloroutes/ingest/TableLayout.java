package io.apolloroutes.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The header row of a tabular file: the labels as the user wrote them and the column each one means.
 * Unknown headers are kept (their cells go back into the dead-letter file untouched) and reported as
 * warnings rather than silently dropped.
 */
public final class TableLayout {

    private final List<String> labels;
    private final List<Column> columns;
    private final Map<Column, Integer> indexOf;
    private final int errorColumnIndex;
    private final List<String> unknownColumns;

    private TableLayout(List<String> labels, List<Column> columns, Map<Column, Integer> indexOf,
                        int errorColumnIndex, List<String> unknownColumns) {
        this.labels = labels;
        this.columns = columns;
        this.indexOf = indexOf;
        this.errorColumnIndex = errorColumnIndex;
        this.unknownColumns = unknownColumns;
    }

    /**
     * Reads a header row.
     *
     * @throws UnreadableInputException when the row is not a usable header: no sequence column, or two
     *                                  headers naming the same column
     */
    public static TableLayout of(List<String> headerCells) {
        return of(headerCells, Map.of());
    }

    /**
     * Reads a header row of a source with its own header names.
     *
     * @param renames the source's header names → names the pack knows (see {@link SourceProfile#renames()})
     */
    public static TableLayout of(List<String> headerCells, Map<String, String> renames) {
        Map<String, String> renamed = new HashMap<>();
        renames.forEach((from, to) -> renamed.put(ColumnNames.normalise(from), to));
        List<String> labels = new ArrayList<>(headerCells.size());
        List<Column> columns = new ArrayList<>(headerCells.size());
        Map<Column, Integer> indexOf = new EnumMap<>(Column.class);
        List<String> unknown = new ArrayList<>();
        int errorColumn = -1;
        for (int i = 0; i < headerCells.size(); i++) {
            String label = headerCells.get(i) == null ? "" : headerCells.get(i).strip();
            labels.add(label);
            Column column = ColumnNames.resolve(renamed.getOrDefault(ColumnNames.normalise(label), label)).orElse(null);
            columns.add(column);
            if (column != null) {
                Integer earlier = indexOf.putIfAbsent(column, i);
                if (earlier != null) {
                    throw new UnreadableInputException(1, String.format(
                            "columns %d (\"%s\") and %d (\"%s\") both mean %s; keep one of them",
                            earlier + 1, labels.get(earlier), i + 1, label, column.canonicalName()));
                }
            } else if (ColumnNames.isErrorColumn(label)) {
                errorColumn = i;
            } else if (!label.isEmpty()) {
                unknown.add(label);
            }
        }
        if (indexOf.isEmpty()) {
            boolean semicolons = labels.stream().anyMatch(label -> label.contains(";"));
            throw new UnreadableInputException(1, "the first row is not a header: none of its cells is a known"
                    + " column name (expected sequence, step, subject, body, ...)" + (semicolons
                    ? "; the cells are separated by \";\", which this release does not read: export with commas" : ""));
        }
        if (!indexOf.containsKey(Column.SEQUENCE)) {
            throw new UnreadableInputException(1, "the header has no sequence column; add a column named"
                    + " \"sequence\" (or \"name\") holding each row's sequence name");
        }
        return new TableLayout(Collections.unmodifiableList(labels), Collections.unmodifiableList(columns),
                indexOf, errorColumn, List.copyOf(unknown));
    }

    public List<String> labels() {
        return labels;
    }

    /** The column at a position, or empty for unknown and ignored headers. */
    public Optional<Column> columnAt(int index) {
        return index < columns.size() ? Optional.ofNullable(columns.get(index)) : Optional.empty();
    }

    public int indexOf(Column column) {
        return indexOf.getOrDefault(column, -1);
    }

    /** Position of an {@code _error} column from an earlier dead-letter file, or -1. */
    public int errorColumnIndex() {
        return errorColumnIndex;
    }

    /** Headers that name no known column; their cells are kept but not used. */
    public List<String> unknownColumns() {
        return unknownColumns;
    }
}
