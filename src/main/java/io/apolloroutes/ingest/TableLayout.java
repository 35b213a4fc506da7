package io.apolloroutes.ingest;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The header row of a tabular file: the labels as the user wrote them and the column each one means.
 * Unknown headers are kept (their cells go back into the dead-letter file untouched) and reported as
 * warnings rather than silently dropped.
 *
 * <p>A header is in one of two layouts. Step rows have one row per email of a step, with a {@code step}
 * column. The wide layout has one row per sequence with numbered step columns ({@code Step 2 Wait Days},
 * {@code step1_body_b}); it is recognised by those headers, see {@link #stepColumns()}.
 */
public final class TableLayout {

    /** The advice for a first row that is no header, which a file read from a header-row setting does not need. */
    static final String TITLE_ADVICE = "; if a title or notes stand above the column names, delete those rows so that"
            + " the column names are row 1";

    private final List<String> labels;
    private final List<Column> columns;
    private final Map<Column, Integer> indexOf;
    private final int errorColumnIndex;
    private final List<String> unknownColumns;
    private final BitSet unknownAt;
    private final StepColumns stepColumns;
    private final String waitUnit;

    private TableLayout(List<String> labels, List<Column> columns, Map<Column, Integer> indexOf,
                        int errorColumnIndex, List<String> unknownColumns, BitSet unknownAt, StepColumns stepColumns,
                        String waitUnit) {
        this.labels = labels;
        this.columns = columns;
        this.indexOf = indexOf;
        this.errorColumnIndex = errorColumnIndex;
        this.unknownColumns = unknownColumns;
        this.unknownAt = unknownAt;
        this.stepColumns = stepColumns;
        this.waitUnit = waitUnit;
    }

    /**
     * Reads a header row.
     *
     * @throws UnreadableInputException when the row is not a usable header: no sequence column, two
     *                                  headers naming the same column, or numbered step columns that
     *                                  cannot be used (see {@link #stepColumns()})
     */
    public static TableLayout of(List<String> headerCells) {
        return of(headerCells, Map.of());
    }

    /**
     * A header that is one cell holding the column names with a delimiter between them. What to change
     * depends on where the header came from, so the readers add the advice ({@link #advising}).
     */
    public static final class OneCellHeader extends UnreadableInputException {

        private final String delimiter;

        OneCellHeader(String delimiter) {
            super(1, "the first row is not a header: its one cell holds the column names, separated by " + delimiter);
            this.delimiter = delimiter;
        }

        /** The delimiter, quoted for a message ({@code ","}, {@code a tab}). */
        public String delimiter() {
            return delimiter;
        }

        public UnreadableInputException advising(String advice) {
            return new UnreadableInputException(recordNumber(), getMessage() + "; " + advice);
        }
    }

    /**
     * The delimiter that the header's only cell holds, quoted for a message ({@code ";"}, {@code a tab}), when
     * splitting it on it gives a known column name: a delimiter set for the source that the file does
     * not use leaves the whole header in one cell. A row of several cells has another problem.
     */
    private static Optional<String> delimiterInside(List<String> labels, Function<String, String> renamed) {
        List<String> filled = labels.stream().filter(label -> !label.isEmpty()).toList();
        if (filled.size() != 1) {
            return Optional.empty();
        }
        // the cell itself names no column (else the header would be usable), so a part that does was split off
        for (char delimiter : DelimiterSniffer.CANDIDATES) {
            for (String part : filled.get(0).split(Pattern.quote(String.valueOf(delimiter)))) {
                if (ColumnNames.resolve(renamed.apply(EdgeBlanks.strip(part))).isPresent()) {
                    return Optional.of(delimiter == '\t' ? "a tab" : "\"" + delimiter + "\"");
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Reads a header row of a source with its own header names.
     *
     * @param renames the source's header names → names the pack knows (see {@link SourceProfile#renames()})
     */
    public static TableLayout of(List<String> headerCells, Map<String, String> renames) {
        Function<String, String> renamed = ColumnNames.renamer(renames);
        List<String> labels = new ArrayList<>(headerCells.size());
        List<Column> columns = new ArrayList<>(headerCells.size());
        Map<Column, Integer> indexOf = new EnumMap<>(Column.class);
        List<String> unknown = new ArrayList<>();
        BitSet unknownAt = new BitSet();
        Map<String, Integer> unknownIndexOf = new HashMap<>();
        List<StepColumns.Entry> numbered = new ArrayList<>();
        int errorColumn = -1;
        for (int i = 0; i < headerCells.size(); i++) {
            String label = headerCells.get(i) == null ? "" : EdgeBlanks.strip(headerCells.get(i));
            labels.add(label);
            // a rename may point at a numbered name too (Touch 1 Text → step_1_body)
            String name = renamed.apply(label);
            Column column = ColumnNames.resolve(name).orElse(null);
            Optional<NumberedColumn> numberedName = column == null
                    ? ColumnNames.resolveNumbered(name) : Optional.empty();
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
            } else if (numberedName.isPresent()) {
                numbered.add(new StepColumns.Entry(i, label, numberedName.get()));
            } else if (!label.isEmpty()) {
                // two "Notes" columns: whichever the user edits, the other would come back in failed-rows
                Integer earlier = unknownIndexOf.putIfAbsent(ColumnNames.normalise(label), i);
                if (earlier != null) {
                    throw new UnreadableInputException(1, String.format(
                            "columns %d (\"%s\") and %d (\"%s\") have the same name; rename or remove one of them",
                            earlier + 1, labels.get(earlier), i + 1, label));
                }
                unknown.add(label);
                unknownAt.set(i);
            }
        }
        StepColumns stepColumns = StepColumns.of(numbered);
        if (indexOf.isEmpty() && stepColumns.isEmpty()) {
            Optional<String> inside = delimiterInside(labels, renamed);
            if (inside.isPresent()) {
                throw new OneCellHeader(inside.get());
            }
            throw new UnreadableInputException(1, "the first row is not a header: none of its cells is a known"
                    + " column name (expected sequence, step, subject, body, ...)" + TITLE_ADVICE);
        }
        if (!indexOf.containsKey(Column.SEQUENCE)) {
            throw new UnreadableInputException(1, "the header has no sequence column; add a column named"
                    + " \"sequence\" (or \"name\") holding each row's sequence name");
        }
        checkWide(labels, columns, numbered, stepColumns);
        return new TableLayout(Collections.unmodifiableList(labels), Collections.unmodifiableList(columns),
                indexOf, errorColumn, List.copyOf(unknown), unknownAt, stepColumns, waitUnit(labels, indexOf, renamed));
    }

    /**
     * The unit the wait column's header names ({@code Wait Days}), or null. Such a column and a wait_mode
     * column would each give the unit, so the file is refused rather than one of them quietly winning.
     */
    private static String waitUnit(List<String> labels, Map<Column, Integer> indexOf, Function<String, String> renamed) {
        Integer wait = indexOf.get(Column.WAIT_TIME);
        String unit = wait == null ? null : ColumnNames.waitUnit(renamed.apply(labels.get(wait)));
        Integer mode = indexOf.get(Column.WAIT_MODE);
        if (unit != null && mode != null) {
            throw new UnreadableInputException(1, String.format("columns %d (\"%s\") and %d (\"%s\") both give the"
                    + " wait's unit; keep one of them (a wait_time column with wait_mode, or \"%s\" alone)",
                    wait + 1, labels.get(wait), mode + 1, labels.get(mode), labels.get(wait)));
        }
        return unit;
    }

    /** Everything wrong with numbered step columns, in one message, so one edit of the header fixes it all. */
    private static void checkWide(List<String> labels, List<Column> columns, List<StepColumns.Entry> numbered,
                                  StepColumns stepColumns) {
        if (numbered.isEmpty()) {
            return;
        }
        List<String> problems = new ArrayList<>();
        List<String> stepRowColumns = new ArrayList<>();
        boolean onlyStepNumber = true;
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            // an unnumbered body_format is the format of every email of the row (see WideRow)
            if (column != null && column.level() != Column.Level.SEQUENCE && column != Column.BODY_FORMAT) {
                stepRowColumns.add(String.format("%d (\"%s\")", i + 1, labels.get(i)));
                onlyStepNumber &= column == Column.STEP;
            }
        }
        if (!stepRowColumns.isEmpty()) {
            // an unnumbered "subject", or a "step" of 2, cannot say which step of a numbered row it means
            StepColumns.Entry example = numbered.get(0);
            boolean one = stepRowColumns.size() == 1;
            problems.add(String.format("%s %s %s to the step-row layout (one row per email), but column %d (\"%s\")"
                            + " numbers its step (one row per sequence); use one layout per file: %s",
                    one ? "column" : "columns", String.join(", ", stepRowColumns), one ? "belongs" : "belong",
                    example.index() + 1, example.label(), onlyStepNumber
                            ? "remove the step column, or the numbered columns"
                            : "number " + (one ? "it" : "them") + " like \"" + example.label() + "\" (without a step"
                            + " column), or remove the numbered columns"));
        }
        stepColumns.problems().forEach(problem -> problems.add(problem.inHeader()));
        stepColumns.gap().ifPresent(problems::add);
        if (!problems.isEmpty()) {
            throw new UnreadableInputException(1, String.join("; ", problems));
        }
    }

    public List<String> labels() {
        return labels;
    }

    /**
     * The column at a position, or empty for unknown and ignored headers and for the numbered step
     * columns of the wide layout (those are in {@link #stepColumns()}).
     */
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

    /** True for the wide layout: one row per sequence, with numbered step columns. */
    public boolean isWide() {
        return !stepColumns.steps().isEmpty();
    }

    /**
     * The wait unit of every step row, when the wait column's header names it ({@code Wait Days}: day);
     * null when the rows give it in a wait_mode column, or leave it to the default.
     */
    public String waitUnit() {
        return waitUnit;
    }

    /** The numbered step columns of the wide layout; none for step rows. */
    public StepColumns stepColumns() {
        return stepColumns;
    }

    /** Headers that name no known column; their cells are kept but not used. */
    public List<String> unknownColumns() {
        return unknownColumns;
    }

    /**
     * True for a position under one of the {@link #unknownColumns()}: the pack never reads its cells, so
     * nothing in them (a lookup helper showing {@code #N/A}, a long note) is a problem of the row.
     */
    public boolean isUnknown(int index) {
        return unknownAt.get(index);
    }
}
