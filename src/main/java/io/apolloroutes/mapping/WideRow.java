package io.apolloroutes.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.apolloroutes.ingest.Column;
import io.apolloroutes.ingest.HeaderNames;
import io.apolloroutes.ingest.NumberedColumn;
import io.apolloroutes.ingest.SequenceCandidate;
import io.apolloroutes.ingest.SourceRecord;
import io.apolloroutes.ingest.StepColumns;
import io.apolloroutes.ingest.TableLayout;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Turns a row of the wide layout (one row per sequence, numbered step columns such as
 * {@code Step 2 Wait Days} or {@code step1_body_b}) into the records the step-row layout has for the same
 * sequence: one with the sequence settings, then one per email variant of each filled step, numbered in
 * the step column. The mapper then applies its rules unchanged. Cells keep the user's headers as labels
 * and every record keeps the wide row's number, so messages name the real row and column.
 */
final class WideRow {

    private WideRow() {
    }

    /** A CSV or worksheet row under a wide header. */
    static List<RowCells> expand(SourceRecord.TableRow row, TableLayout layout, List<Problem> problems) {
        // the sequence columns, and the per-cell checks (unreadable cells, cells beyond the header), as for step rows
        RowCells all = RowCells.of(row, layout, problems);
        List<String> cells = row.cells();
        return expand(withoutBodyFormat(all), all.get(Column.BODY_FORMAT), layout.stepColumns(), new Cells() {
            @Override
            public String value(StepColumns.Entry entry) {
                // an unreadable cell (#REF!) is already a problem; it holds no value
                boolean usable = written(entry) && !row.cellProblems().containsKey(entry.index());
                return usable ? cells.get(entry.index()) : null;
            }

            @Override
            public boolean written(StepColumns.Entry entry) {
                return entry.index() < cells.size() && cells.get(entry.index()) != null
                        && !cells.get(entry.index()).isBlank();
            }
        }, problems);
    }

    /** True for a flat JSON row with numbered step keys ({@code "step_1_body"}, or a key renamed to one). */
    static boolean isWide(SourceRecord.JsonRow row, HeaderNames columns) {
        return row.fields().properties().stream()
                .anyMatch(field -> columns.numbered(field.getKey()).isPresent());
    }

    /**
     * A flat JSON row with numbered step keys. Its keys are checked as a header is, but a problem stops
     * only this row's sequence. Keys of empty steps may simply be left out.
     */
    static List<RowCells> expand(SourceRecord.JsonRow row, HeaderNames columns,
                                 List<Problem> problems) {
        RowCells all = RowCells.of(row, columns, problems);
        List<StepColumns.Entry> entries = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, JsonNode> field : row.fields().properties()) {
            int position = index++;
            columns.numbered(field.getKey())
                    .ifPresent(name -> entries.add(new StepColumns.Entry(position, field.getKey(), name)));
        }
        StepColumns steps = StepColumns.of(entries);
        List<Integer> number = List.of(row.number());
        steps.problems().forEach(p -> problems.add(new Problem(number, p.entry().label(), null, null, p.onColumn())));
        Map<Column, RowCells.Cell> settings = new EnumMap<>(Column.class);
        all.cells().forEach((column, cell) -> {
            if (column.level() == Column.Level.SEQUENCE) {
                settings.put(column, cell);
            } else if (column != Column.BODY_FORMAT) {
                problems.add(new Problem(number, cell.label(), null, null, String.format("is a step-row field, but"
                                + " this row numbers its steps (\"%s\"); number it like that too, or remove it",
                        entries.get(0).label())));
            }
        });
        return expand(new RowCells(row.number(), settings), all.get(Column.BODY_FORMAT), steps, new Cells() {
            @Override
            public String value(StepColumns.Entry entry) {
                if (!written(entry)) {
                    return null;
                }
                RowCells.Cell cell = RowCells.jsonCell(entry.name().column(), entry.label(),
                        row.fields().get(entry.label()), row.number(), problems);
                return cell == null ? null : cell.raw();
            }

            @Override
            public boolean written(StepColumns.Entry entry) {
                JsonNode value = row.fields().get(entry.label());
                return value != null && !value.isNull() && !(value.isValueNode() && value.asText().isBlank());
            }
        }, problems);
    }

    /**
     * In the wide layout a sequence is one row; two rows with one name are far more often a pasted copy
     * or a reused name than a plan.
     */
    static Problem moreThanOneRow(SequenceCandidate candidate, List<RowCells> records) {
        String label = records.stream().filter(r -> r.has(Column.SEQUENCE)).map(r -> r.get(Column.SEQUENCE).label())
                .findFirst().orElse(Column.SEQUENCE.canonicalName());
        return new Problem(candidate.recordNumbers(), label, null, candidate.name(), "is on more than one row; with"
                + " numbered step columns each sequence is one row, so give each row its own sequence name or merge"
                + " the rows into one");
    }

    /** How the numbered cells of one row are read. */
    private interface Cells {

        /** The value of a cell, or null when it is empty or holds nothing usable (reported when read). */
        String value(StepColumns.Entry entry);

        /** True when the user wrote anything in the cell, usable or not. */
        boolean written(StepColumns.Entry entry);
    }

    /**
     * An unnumbered body_format on a numbered row is the format of all its emails, as a source's
     * body_format is for all of its files; it is not a sequence setting, so the settings record leaves it.
     */
    private static RowCells withoutBodyFormat(RowCells all) {
        if (!all.has(Column.BODY_FORMAT)) {
            return all;
        }
        Map<Column, RowCells.Cell> settings = new EnumMap<>(all.cells());
        settings.remove(Column.BODY_FORMAT);
        return new RowCells(all.number(), settings);
    }

    /** @param bodyFormat the row's unnumbered body_format, for every email without its own; may be null */
    private static List<RowCells> expand(RowCells settings, RowCells.Cell bodyFormat, StepColumns columns, Cells row,
                                         List<Problem> problems) {
        List<RowCells> records = new ArrayList<>();
        records.add(settings);
        int position = 0;
        int lastFilled = 0;
        for (StepColumns.Step step : columns.steps()) {
            if (step.entries().stream().noneMatch(row::written)) {
                // trailing empty steps just mean a shorter sequence; an empty step before a filled one is a gap
                continue;
            }
            if (step.number() != lastFilled + 1) {
                problems.add(gap(settings.number(), lastFilled + 1, columns, step));
            }
            lastFilled = step.number();
            Map<Column, RowCells.Cell> stepSettings = cells(step.settings(), row);
            SortedMap<Character, Map<Column, RowCells.Cell>> emails = new TreeMap<>();
            step.variants().forEach((variant, fields) -> {
                Map<Column, RowCells.Cell> email = cells(fields, row);
                if (!email.isEmpty()) {
                    if (bodyFormat != null) {
                        email.putIfAbsent(Column.BODY_FORMAT, bodyFormat);
                    }
                    emails.put(variant, email);
                }
            });
            if (stepSettings.isEmpty() && emails.isEmpty()) {
                // only unusable cells, already reported: an empty step here would add "needs an email" on top
                continue;
            }
            // numbered by position among the filled steps: a gap is reported once (above), not again by the mapper
            position++;
            records.addAll(records(settings.number(), position, step, stepSettings, emails));
        }
        return records;
    }

    /** One record per email variant; the first carries the step settings, as one row of a step would. */
    private static List<RowCells> records(int number, int position, StepColumns.Step step,
                                          Map<Column, RowCells.Cell> stepSettings,
                                          SortedMap<Character, Map<Column, RowCells.Cell>> emails) {
        RowCells.Cell stepCell = new RowCells.Cell(step.firstLabel(), Integer.toString(position));
        if (emails.isEmpty()) {
            // a call or task step, or an email step without an email: the mapper's rules judge it
            emails.put('a', Map.of());
        }
        List<RowCells> records = new ArrayList<>();
        emails.forEach((variant, email) -> {
            Map<Column, RowCells.Cell> cells = new EnumMap<>(Column.class);
            cells.put(Column.STEP, stepCell);
            if (records.isEmpty()) {
                cells.putAll(stepSettings);
            }
            cells.putAll(email);
            records.add(new RowCells(number, cells, headers(step, variant)));
        });
        return records;
    }

    private static Map<Column, RowCells.Cell> cells(Map<Column, StepColumns.Entry> fields, Cells row) {
        Map<Column, RowCells.Cell> cells = new EnumMap<>(Column.class);
        // a header that names its wait unit fills two columns, but its cell is read (and any problem told) once
        Map<StepColumns.Entry, String> read = new HashMap<>();
        fields.forEach((column, entry) -> {
            if (!read.containsKey(entry)) {
                read.put(entry, row.value(entry));
            }
            String raw = read.get(entry);
            if (raw == null || raw.isBlank()) {
                return;
            }
            // "Step 2 Wait Days: 3" is wait_time 3 and wait_mode day, both under the user's header
            boolean unitFromHeader = column == Column.WAIT_MODE && entry.name().waitMode() != null;
            cells.put(column, new RowCells.Cell(entry.label(), unitFromHeader ? entry.name().waitMode() : raw));
        });
        return cells;
    }

    /**
     * The header of every step and email column of one variant of a step, so a message about an empty
     * cell ("wait_time is missing") names that step's column; a column the file lacks gets its documented
     * name, which is also the header to add.
     */
    private static Map<Column, String> headers(StepColumns.Step step, char variant) {
        Map<Column, String> headers = new EnumMap<>(Column.class);
        for (Column column : Column.values()) {
            if (column.level() == Column.Level.SEQUENCE || column == Column.STEP) {
                continue;
            }
            StepColumns.Entry entry = column.level() == Column.Level.STEP ? step.settings().get(column)
                    : step.variants().getOrDefault(variant, Map.of()).get(column);
            headers.put(column, entry != null ? entry.label()
                    : NumberedColumn.documentedHeader(step.number(), variant, column));
        }
        return headers;
    }

    /** Named by the empty step's first column; a JSON row may have no key for it at all. */
    private static Problem gap(int number, int empty, StepColumns columns, StepColumns.Step filled) {
        String label = columns.step(empty).map(StepColumns.Step::firstLabel).orElse(filled.firstLabel());
        return new Problem(List.of(number), label, null, null, String.format("step %d is empty, but step %d is"
                + " filled; steps run 1, 2, 3… without gaps, so fill step %d or move the later steps into its"
                + " columns", empty, filled.number(), empty));
    }
}
