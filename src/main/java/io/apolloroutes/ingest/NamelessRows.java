package io.apolloroutes.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rows without a sequence name that continue the sequence above them. People type a sequence's name
 * once for a block of step rows, or merge it over them; saved as CSV, a merged cell leaves its value in
 * the first row only. Read as sequences of their own, those rows would be invalid and the sequence above
 * them would be sent without its later steps.
 *
 * <p>A row is taken as part of the sequence above it only when nothing says otherwise: it comes right
 * below a row of that sequence (no empty row between), its step number is that row's or the next one
 * (another variant of the step, or the next step), and it sets nothing that belongs to a sequence
 * (permissions, labels, ...), which would mark the start of another one. Anything else keeps its empty
 * name and is reported as before. Which rows were read so is said once per file, as a warning.
 */
final class NamelessRows {

    /** Blocks named in the warning; the rest are counted. */
    private static final int BLOCKS_SHOWN = 5;

    private final boolean workbook;
    private final List<String> shown = new ArrayList<>();
    private String lastName;
    private int lastStep = -1;
    private int blockStart;
    private int blockEnd;
    private String blockName;
    private int blocks;
    private int rows;

    /** @param workbook true for workbooks, whose record numbers may carry a sheet ({@link SheetRowNumbers}) */
    NamelessRows(boolean workbook) {
        this.workbook = workbook;
    }

    /** An empty row: the row after it continues nothing. */
    void blank() {
        lastName = null;
        lastStep = -1;
    }

    /**
     * The sequence a record belongs to: its own name, or the name of the sequence it continues, or null.
     */
    String nameOf(String name, SourceRecord record, TableLayout layout) {
        // the wide layout has no step column, so none of its rows continues another
        if (!(record instanceof SourceRecord.TableRow row) || layout == null) {
            lastName = null;
            return name;
        }
        int step = step(row, layout);
        if (name == null && lastName != null && step >= 0 && (step == lastStep || step == lastStep + 1)
                && !setsSequence(row, layout)) {
            note(lastName, row.number());
            lastStep = step;
            return lastName;
        }
        lastName = name;
        lastStep = step;
        return name;
    }

    /** The warning for the report and the log, when any row was read as part of the sequence above it. */
    Optional<String> warning() {
        closeBlock();
        if (rows == 0) {
            return Optional.empty();
        }
        String more = blocks > shown.size() ? ", and " + (blocks - shown.size()) + " more" : "";
        return Optional.of(rows + (rows == 1 ? " row without a sequence name was read as a step of the sequence above"
                + " it, whose step numbers it continues" : " rows without a sequence name were read as steps of the"
                + " sequence above them, whose step numbers they continue")
                + " (a name typed once, or merged cells saved as CSV): " + String.join("; ", shown) + more
                + ". If a row starts another sequence, type its name into it");
    }

    private void note(String name, int number) {
        rows++;
        if (name.equals(blockName) && number == blockEnd + 1) {
            blockEnd = number;
            return;
        }
        closeBlock();
        blocks++;
        blockName = name;
        blockStart = number;
        blockEnd = number;
    }

    private void closeBlock() {
        if (blockName != null && shown.size() < BLOCKS_SHOWN) {
            boolean sheet = workbook && SheetRowNumbers.hasSheet(blockStart);
            String rowsWord = blockStart == blockEnd ? "row " : "rows ";
            shown.add((sheet ? SheetRowNumbers.sheetOf(blockStart) + " " : "") + rowsWord + SheetRowNumbers.rowOf(blockStart)
                    + (blockStart == blockEnd ? "" : "-" + SheetRowNumbers.rowOf(blockEnd)) + " (\"" + blockName + "\")");
        }
        blockName = null;
    }

    /** The row's step number, or -1 when it has none written as plain digits. */
    private static int step(SourceRecord.TableRow row, TableLayout layout) {
        int index = layout.indexOf(Column.STEP);
        if (index < 0 || index >= row.cells().size()) {
            return -1;
        }
        String cell = EdgeBlanks.strip(row.cells().get(index));
        if (cell.isEmpty() || cell.length() > 6) {
            return -1;
        }
        for (int i = 0; i < cell.length(); i++) {
            if (cell.charAt(i) < '0' || cell.charAt(i) > '9') {
                return -1;
            }
        }
        return Integer.parseInt(cell);
    }

    /**
     * Whether any sequence column of the row holds something; the sequence column itself too, which is
     * how a name that could not be read ({@code #N/A}) keeps its row to its own message.
     */
    private static boolean setsSequence(SourceRecord.TableRow row, TableLayout layout) {
        List<String> cells = row.cells();
        for (int i = 0; i < cells.size(); i++) {
            Optional<Column> column = layout.columnAt(i);
            if (column.isPresent() && column.get().level() == Column.Level.SEQUENCE && !EdgeBlanks.isBlank(cells.get(i))) {
                return true;
            }
        }
        return false;
    }
}
