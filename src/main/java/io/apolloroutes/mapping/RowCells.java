package io.apolloroutes.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.apolloroutes.ingest.Column;
import io.apolloroutes.ingest.EdgeBlanks;
import io.apolloroutes.ingest.HeaderNames;
import io.apolloroutes.ingest.SequenceCandidate;
import io.apolloroutes.ingest.SourceRecord;
import io.apolloroutes.ingest.TableLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The non-empty cells of one tabular record (CSV row or flat JSON row) by column, with the header
 * label each came from. Cells that cannot be placed become problems instead of disappearing. A row of
 * the wide layout becomes several of these, one per email variant of each step (see {@link WideRow}).
 *
 * @param headers the user's header for columns of this record's step and variant whose cell is empty,
 *                where that differs per step (wide layout: "Step 2 Wait Days"); empty for step rows,
 *                whose headers are the layout's
 */
record RowCells(int number, Map<Column, Cell> cells, Map<Column, String> headers) {

    private static final Map<Column.Level, List<Column>> VALUE_COLUMNS = valueColumns();

    RowCells(int number, Map<Column, Cell> cells) {
        this(number, cells, Map.of());
    }

    /**
     * A cell value and the header it stood under.
     *
     * @param items the entries of a JSON array (list columns only), kept apart so an entry containing
     *              ";" is not split again; null for plain cells
     */
    record Cell(String label, String raw, List<String> items) {

        Cell(String label, String raw) {
            this(label, raw, null);
        }
    }

    boolean has(Column column) {
        return cells.containsKey(column);
    }

    Cell get(Column column) {
        return cells.get(column);
    }

    /** True when the row has a value of this level; body_format alone only says how a body is written. */
    boolean hasAny(Column.Level level) {
        for (Column column : VALUE_COLUMNS.get(level)) {
            if (cells.containsKey(column)) {
                return true;
            }
        }
        return false;
    }

    /** A level's few columns, so {@link #hasAny} looks them up rather than walking every column of the row. */
    private static Map<Column.Level, List<Column>> valueColumns() {
        Map<Column.Level, List<Column>> byLevel = new EnumMap<>(Column.Level.class);
        for (Column.Level level : Column.Level.values()) {
            byLevel.put(level, Arrays.stream(Column.values())
                    .filter(c -> c.level() == level && c != Column.BODY_FORMAT).toList());
        }
        return byLevel;
    }

    /**
     * A column's cell as the user typed it, from the first of these rows that fills it with a value the
     * mapper read (as the mapper takes the first readable one); null when none does, or for a JSON array,
     * which is no text the user typed.
     *
     * @param unread cells whose value the mapper could not read
     */
    static String typed(List<RowCells> rows, Column column, Set<Cell> unread) {
        for (RowCells row : rows) {
            Cell cell = row.get(column);
            if (cell != null && !unread.contains(cell)) {
                return cell.items() == null ? cell.raw().strip() : null;
            }
        }
        return null;
    }

    /** The header a column has for this record, filled or not; null when only the layout knows it. */
    String header(Column column) {
        return has(column) ? get(column).label() : headers.get(column);
    }

    /**
     * The records of one sequence as step rows would give them: a step row or flat JSON row is one, a
     * row of the wide layout several.
     */
    /** @param columns resolves JSON keys through the source's renames */
    static List<RowCells> of(SequenceCandidate candidate, HeaderNames columns,
                             List<Problem> problems) {
        List<SourceRecord> records = candidate.records();
        if (records.size() > 1 && records.stream().anyMatch(r -> isWide(r, candidate.layout(), columns))) {
            // a wide row is a whole sequence: merging a second one would turn its emails into A/B variants
            List<RowCells> first = of(records.get(0), candidate.layout(), columns, problems);
            problems.add(WideRow.moreThanOneRow(candidate, first));
            return first;
        }
        List<RowCells> all = new ArrayList<>();
        for (SourceRecord record : records) {
            all.addAll(of(record, candidate.layout(), columns, problems));
        }
        return all;
    }

    private static List<RowCells> of(SourceRecord record, TableLayout layout,
                                     HeaderNames columns, List<Problem> problems) {
        if (record instanceof SourceRecord.TableRow row) {
            return layout.isWide() ? WideRow.expand(row, layout, problems) : List.of(of(row, layout, problems));
        }
        if (record instanceof SourceRecord.JsonRow json) {
            return WideRow.isWide(json, columns) ? WideRow.expand(json, columns, problems) : List.of(of(json, columns, problems));
        }
        throw new IllegalArgumentException("not a tabular record: " + record);
    }

    private static boolean isWide(SourceRecord record, TableLayout layout, HeaderNames columns) {
        return record instanceof SourceRecord.TableRow ? layout.isWide()
                : record instanceof SourceRecord.JsonRow json && WideRow.isWide(json, columns);
    }

    static RowCells of(SourceRecord.TableRow row, TableLayout layout, List<Problem> problems) {
        Map<Column, Cell> cells = new EnumMap<>(Column.class);
        List<String> values = row.cells();
        for (int i = 0; i < values.size(); i++) {
            String raw = values.get(i);
            if (raw == null || raw.isBlank() || row.cellProblems().containsKey(i)) {
                continue;
            }
            if (i >= layout.labels().size()) {
                problems.add(Problem.ofRecords(List.of(row.number()), raw, String.format(
                        "has %d cells but the header has %d columns, so cell %d has no column; check the"
                                + " quoting of this row or add a header", values.size(), layout.labels().size(), i + 1)));
                continue;
            }
            if (layout.labels().get(i).isEmpty() && i != layout.errorColumnIndex()) {
                if (EdgeBlanks.isBlank(raw)) {
                    continue; // a no-break space left in an unnamed column is nothing a person sees
                }
                // an empty header cell over a value (Google Sheets' trailing column, a column left unnamed): its
                // value would be neither sent nor listed among the unknown columns
                problems.add(Problem.ofRecords(List.of(row.number()), raw, String.format(
                        "cell %d has a value, but there is no header above it; give the column a header or clear"
                                + " the cell", i + 1)));
                continue;
            }
            int index = i;
            layout.columnAt(i).ifPresent(column -> cells.put(column, new Cell(layout.labels().get(index), raw)));
            if (layout.waitUnit() != null && i == layout.indexOf(Column.WAIT_TIME)) {
                // "Wait Days: 3" is wait_time 3 and wait_mode day, both under the user's header, as in the wide layout
                cells.put(Column.WAIT_MODE, new Cell(layout.labels().get(i), layout.waitUnit()));
            }
        }
        row.cellProblems().forEach((index, problem) -> {
            if (layout.isUnknown(index)) {
                return; // a lookup helper showing #N/A beside the plan: its column is never read
            }
            String label = index < layout.labels().size() ? layout.labels().get(index) : null;
            problems.add(new Problem(List.of(row.number()), label, null, null, problem));
        });
        return new RowCells(row.number(), cells);
    }

    /** @param columns resolves keys through the source's renames */
    static RowCells of(SourceRecord.JsonRow row, HeaderNames columns, List<Problem> problems) {
        Map<Column, Cell> cells = new EnumMap<>(Column.class);
        for (Iterator<Map.Entry<String, JsonNode>> fields = row.fields().fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            Column column = columns.column(field.getKey()).orElse(null);
            JsonNode value = field.getValue();
            if (column == null || value == null || value.isNull()) {
                continue;
            }
            Cell cell = jsonCell(column, field.getKey(), value, row.number(), problems);
            if (cell == null || cell.raw().isBlank()) {
                continue;
            }
            put(cells, column, cell, row.number(), problems);
            String unit = column == Column.WAIT_TIME ? columns.waitUnit(field.getKey()) : null;
            if (unit != null) {
                // "wait_days": 3 is wait_time 3 and wait_mode day
                put(cells, Column.WAIT_MODE, new Cell(field.getKey(), unit), row.number(), problems);
            }
        }
        return new RowCells(row.number(), cells);
    }

    /** Files a cell; a second key for the same column is a problem of that key, not a silent winner. */
    private static void put(Map<Column, Cell> cells, Column column, Cell cell, int number, List<Problem> problems) {
        Cell earlier = cells.putIfAbsent(column, cell);
        if (earlier != null) {
            problems.add(new Problem(List.of(number), cell.label(), null, null, String.format(
                    "means the same column as \"%s\" (%s); keep one of them", earlier.label(), column.canonicalName())));
        }
    }

    static Cell jsonCell(Column column, String key, JsonNode value, int number, List<Problem> problems) {
        if (value.isValueNode()) {
            return new Cell(key, value.asText());
        }
        if (value.isArray() && column.kind() == Column.Kind.LIST) {
            return listCell(key, value, number, problems);
        }
        problems.add(new Problem(List.of(number), key, null, value.toString(),
                column.kind() == Column.Kind.LIST ? "must be a list of strings or a ;-separated string"
                        : "must be a single value, not " + (value.isArray() ? "a list" : "an object")));
        return null;
    }

    /**
     * A JSON array of a list column. A null item carries nothing and is left out (it is not the label
     * "null"); numbers and booleans stay as written. An object or list inside has no text to take, and
     * dropping it would lose what the user meant, so it is a problem of the cell.
     */
    private static Cell listCell(String key, JsonNode value, int number, List<Problem> problems) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (item.isContainerNode()) {
                problems.add(new Problem(List.of(number), key, null, item.toString(), String.format(
                        "must be a list of texts, but item %d is %s; write each entry as text, or remove it",
                        i + 1, item.isArray() ? "a list" : "an object")));
                return null;
            }
            if (!item.isNull() && !item.asText().isBlank()) {
                items.add(item.asText().strip());
            }
        }
        return new Cell(key, String.join("; ", items), items);
    }
}
