package io.apolloroutes.mapping;

import io.apolloroutes.ingest.Column;
import io.apolloroutes.ingest.SequenceCandidate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the rows, the header and the text as typed behind a JSON path of a request that
 * {@link TabularSequenceMapper} built from step rows (or wide rows), so a rule that fails on
 * {@code emailer_steps[1].type} names the row, the "Step Type" column and the user's "Auto Emial".
 *
 * @param sequenceColumnRows for each sequence column, the rows that fill it
 * @param stepRows           the row numbers of each step, in step order
 * @param stepCells          the rows of each step
 * @param touchCells         the email rows of each step, in touch order
 * @param dayMode            true when waits come from a day column, so a wait is computed, not typed
 * @param unread             cells whose value the mapper could not read: the value sent, if any, is another's
 */
record TabularLocator(SequenceCandidate candidate, List<RowCells> rows, ColumnLabels labels,
                      Map<Column, List<Integer>> sequenceColumnRows, List<List<Integer>> stepRows,
                      List<List<RowCells>> stepCells, List<List<RowCells>> touchCells, boolean dayMode,
                      Set<RowCells.Cell> unread)
        implements SourceLocator {

    @Override
    public Location locate(String jsonPath) {
        List<Integer> all = candidate.recordNumbers();
        JsonPath path = JsonPath.parse(jsonPath);
        if (path.isEmpty()) {
            return new Location(all, null);
        }
        JsonPath.Segment first = path.segment(0);
        if (!"emailer_steps".equals(first.name())) {
            return sequenceField(path, all);
        }
        if (first.index() == null && path.size() == 1 && stepRows.isEmpty()
                && rows.stream().anyMatch(row -> row.has(Column.STEP))) {
            // no step although rows give step numbers: every one was refused (step 0, "one"), and told on
            // the step column; located there, validation's "is empty" is known for an echo of that
            return new Location(all, labels.of(Column.STEP));
        }
        if (first.index() == null || first.index() >= stepRows.size()) {
            return new Location(all, null);
        }
        int step = first.index();
        if (path.size() == 1) {
            return new Location(stepRows.get(step), null);
        }
        JsonPath.Segment second = path.segment(1);
        if ("emailer_touches".equals(second.name())) {
            return touchField(path, step);
        }
        // in day mode a wait is the difference of two typed days: located on the day column, but not quoted
        Column column = "wait_time".equals(second.name()) && dayMode ? Column.DAY
                : columnFor(Column.Level.STEP, second.name());
        if (column == null) {
            return new Location(stepRows.get(step), null);
        }
        List<RowCells> cells = stepCells.get(step);
        boolean fromOneCell = path.size() == 2 && column != Column.DAY
                && !(column == Column.WAIT_MODE && labels.unitInWaitHeader(cells));
        String typed = fromOneCell ? typed(cells, column) : null;
        return new Location(stepRows.get(step), labels.of(column, cells), typed);
    }

    private Location sequenceField(JsonPath path, List<Integer> all) {
        JsonPath.Segment first = path.segment(0);
        Column column = columnFor(Column.Level.SEQUENCE, first.name());
        if (column == null) {
            return new Location(all, null);
        }
        // one entry of a list column is not the whole cell: the entry itself is the value to quote
        boolean whole = path.size() == 1 && first.index() == null;
        List<Integer> rowsWithValue = sequenceColumnRows.get(column);
        String constant = candidate.file().source().constants().get(column);
        if (rowsWithValue == null && constant != null) {
            // the value came from the mapping file: a column of that name may not even be in the file
            return new Location(all, ColumnLabels.constant(column), whole ? constant : null);
        }
        return new Location(rowsWithValue != null ? rowsWithValue : all, labels.of(column),
                whole ? typed(rows, column) : null);
    }

    private Location touchField(JsonPath path, int step) {
        JsonPath.Segment second = path.segment(1);
        List<RowCells> touches = touchCells.get(step);
        if (second.index() == null) {
            // a step without an email is told by the mapping, on the body column (see noEmail); located
            // there too, validation's "has no email" is known for an echo when the body cell was refused
            return new Location(stepRows.get(step), touches.size() > 1 ? variantsColumn(step, touches)
                    : labels.of(Column.BODY, stepCells.get(step)));
        }
        if (second.index() >= touches.size()) {
            return new Location(stepRows.get(step), null);
        }
        RowCells touch = touches.get(second.index());
        Column column = columnFor(Column.Level.TOUCH, path.last().name());
        if (column == null) {
            return new Location(List.of(touch.number()), null);
        }
        return new Location(List.of(touch.number()), labels.of(column, List.of(touch)), typed(List.of(touch), column));
    }

    /**
     * Where a step's emails are more than one (an A/B test): on step rows, the step column, whose number
     * the rows share; in the wide layout, the column of the second variant ("Step 1 Body B"), since
     * variant A is the step's ordinary email.
     */
    private String variantsColumn(int step, List<RowCells> touches) {
        RowCells second = touches.get(1);
        if (second.number() != touches.get(0).number()) {
            return labels.of(Column.STEP, stepCells.get(step));
        }
        for (Map.Entry<Column, RowCells.Cell> cell : second.cells().entrySet()) {
            if (cell.getKey().level() == Column.Level.TOUCH) {
                return cell.getValue().label();
            }
        }
        return null;
    }

    private String typed(List<RowCells> scope, Column column) {
        return RowCells.typed(scope, column, unread);
    }

    private static Column columnFor(Column.Level level, String apolloField) {
        for (Column column : Column.values()) {
            if (column.level() == level && apolloField.equals(column.apolloField())) {
                return column;
            }
        }
        return null;
    }
}
