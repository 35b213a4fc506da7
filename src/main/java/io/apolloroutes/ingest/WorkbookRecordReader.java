package io.apolloroutes.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.hssf.usermodel.HSSFSheet;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Reads an {@code .xlsx} or {@code .xls} workbook as a table, row by row, the way a CSV export of it
 * would be read: one sheet with a header row, or a {@code Sequences} sheet (one row per sequence) and
 * a {@code Steps} sheet (one row per step variant, with a sequence column naming its sequence). Row
 * numbers are the ones the spreadsheet shows; for the pair they carry the sheet (see
 * {@link SheetRowNumbers}).
 */
final class WorkbookRecordReader implements RecordReader {


    private final ReadOptions options;
    private final Map<String, String> renames;

    /**
     * @param renames the source's header names → the column names the pack knows
     */
    WorkbookRecordReader(ReadOptions options, Map<String, String> renames) {
        this.options = options;
        this.renames = renames;
    }

    @Override
    public void read(Path file, RecordSink sink) throws IOException {
        try (WorkbookOpener.Opened workbook = WorkbookOpener.open(file)) {
            CellText cellText = new CellText(workbook.date1904(), options.timeZone());
            // in an .xls chart sheets are not told apart: one in front is refused as a sheet without rows,
            // naming the others
            XlsxSheetList parts = workbook.workbook() instanceof HSSFWorkbook ? null : XlsxSheetList.of(file);
            WorkbookSheets sheets = WorkbookSheets.choose(workbook.workbook(), options.sheet(),
                    parts == null ? Map.of() : parts.others());
            TextBudget text = new TextBudget(options.limits().maxFileBytes());
            if (sheets.isPair()) {
                readPair(table(file, parts, sheets.sequences(), cellText, text),
                        table(file, parts, sheets.steps(), cellText, text), sink);
            } else {
                readSingle(table(file, parts, sheets.single(), cellText, text), sink, sheets.others());
            }
        }
    }

    /**
     * A refusal of the first visible sheet, naming the sheet and the others the workbook has: an instructions
     * or lookup sheet in front of the data would otherwise be refused as if the rows were missing.
     */
    private static UnreadableInputException otherSheets(UnreadableInputException refused, SheetTable table,
                                                        List<String> others) {
        if (others.isEmpty()) {
            return refused;
        }
        return new UnreadableInputException(refused.recordNumber(), refused.getMessage() + " (read from sheet \""
                + table.name() + "\", the first visible one; the workbook also has "
                + String.join(", ", others.stream().map(name -> "\"" + name + "\"").toList())
                + ": if the rows are on another sheet, name it in input.sheet or the source's sheet setting)");
    }

    /** @param parts an .xlsx's sheet list, read once for the workbook; null for an .xls */
    private SheetTable table(Path file, XlsxSheetList parts, Sheet sheet, CellText cellText, TextBudget text) {
        List<CellRangeAddress> merged;
        SheetLinks links;
        List<XlsxTableTotals> totals;
        if (sheet instanceof HSSFSheet hssf) {
            // an .xls keeps its merged cells and links with the sheet, and no Excel tables (saved as .xls,
            // a table becomes a plain range)
            merged = WorkbookFailures.guard(hssf::getMergedRegions);
            links = WorkbookFailures.guard(() -> SheetLinks.of(hssf));
            totals = List.of();
        } else {
            // an .xlsx lists them after the rows
            XlsxAfterRows afterRows = WorkbookFailures.guard(() -> XlsxAfterRows.of(file,
                    parts.worksheets().get(sheet.getSheetName())));
            if (afterRows.phoneticAt() != null) {
                throw new UnreadableInputException(0, "has phonetic guides (furigana) kept inside the text of cells on"
                        + " sheet \"" + sheet.getSheetName() + "\"" + (afterRows.phoneticAt().isEmpty() ? ""
                        : " (first at " + afterRows.phoneticAt() + ")") + ", which"
                        + " would be read as part of the text; open the workbook in Excel and save it (Excel keeps"
                        + " the guides apart from the text), or save the sheet as CSV UTF-8, and drop it again");
            }
            merged = afterRows.merged();
            links = new SheetLinks(afterRows.links());
            totals = afterRows.totals();
        }
        return new SheetTable(sheet, cellText, options.limits(), new MergedAreas(merged, text), links,
                text, totals);
    }

    /** @param others the workbook's other visible sheets, when this one was taken for being the first */
    private void readSingle(SheetTable table, RecordSink sink, List<String> others) throws IOException {
        TitleRows titles = new TitleRows(renames);
        TableLayout layout;
        try {
            List<String> header = table.header(titles);
            if (header == null) {
                throw new UnreadableInputException(0, "has nothing on sheet \"" + table.name() + "\"; it needs a"
                        + " header row and at least one row of data");
            }
            layout = sheetHeader(header);
        } catch (UnreadableInputException refused) {
            throw otherSheets(refused, table, others);
        }
        titles.warning(table.headerRow()).ifPresent(sink::warning);
        sink.layout(layout);
        int sequence = layout.indexOf(Column.SEQUENCE);
        // an errors file saved as a workbook (failed-rows.csv opened and saved as .xlsx) keeps its guard apostrophes
        boolean guarded = layout.errorColumnIndex() >= 0;
        table.readDataRows((number, cells, problems, blanksBefore) -> {
            blanks(sink, blanksBefore);
            if (guarded) {
                cells.replaceAll(FormulaGuard::unguard);
            }
            sink.record(name(cells, problems, sequence), new SourceRecord.TableRow(number, cells, problems));
        });
        table.totalsLeftOut().forEach(sink::warning);
    }

    /**
     * Both sheets in one layout: the Sequences header, then the Steps columns it does not have. Each row
     * keeps its cells at those combined positions, so the mapper and the dead-letter file see one table.
     */
    private void readPair(SheetTable sequences, SheetTable steps, RecordSink sink) throws IOException {
        List<String> sequencesHeader = header(sequences, sink);
        List<String> stepsHeader = header(steps, sink);
        TableLayout sequencesLayout = sheetLayout(sequences, sequencesHeader);
        TableLayout stepsLayout = sheetLayout(steps, stepsHeader);

        List<String> labels = new ArrayList<>(sequencesHeader);
        int[] stepsPositions = new int[stepsHeader.size()];
        for (int i = 0; i < stepsHeader.size(); i++) {
            int position = samePosition(sequencesLayout, stepsLayout.columnAt(i), stepsHeader.get(i));
            if (position < 0) {
                position = labels.size();
                labels.add(stepsHeader.get(i));
            }
            stepsPositions[i] = position;
        }
        int[] sequencesPositions = new int[sequencesHeader.size()];
        for (int i = 0; i < sequencesPositions.length; i++) {
            sequencesPositions[i] = i;
        }
        TableLayout layout = TableLayout.of(labels, renames);
        sink.layout(layout);
        int sequence = layout.indexOf(Column.SEQUENCE);

        Map<String, Integer> listed = new HashMap<>();
        // the names as a person reads them, built only once a step row names a sequence not listed
        Map<String, String> listedLoosely = new HashMap<>();
        sequences.readDataRows((number, cells, problems, blanksBefore) -> {
            blanks(sink, blanksBefore);
            Placed row = place(cells, problems, sequencesPositions, labels.size());
            String name = name(row.cells, row.problems, sequence);
            Integer first = name == null ? null : listed.putIfAbsent(name, number);
            if (first != null) {
                row.problems.put(sequence, "names sequence '" + name + "' a second time (it is first on Sequences row "
                        + first + "); give each sequence one row on the Sequences sheet");
            }
            sink.record(name, new SourceRecord.TableRow(SheetRowNumbers.encode(SheetRowNumbers.SEQUENCES, number), row.cells, row.problems));
        });
        steps.readDataRows((number, cells, problems, blanksBefore) -> {
            blanks(sink, blanksBefore);
            Placed row = place(cells, problems, stepsPositions, labels.size());
            String name = name(row.cells, row.problems, sequence);
            if (name != null && !listed.containsKey(name)) {
                if (listedLoosely.isEmpty()) {
                    // the spelling listed first, when two differ only in case or spaces
                    listed.forEach((listedName, at) -> listedLoosely.merge(LookalikeNames.loosely(listedName), listedName,
                            (one, other) -> listed.get(one) <= listed.get(other) ? one : other));
                }
                String near = listedLoosely.get(LookalikeNames.loosely(name));
                row.problems.put(sequence, "names sequence '" + name + "', which the Sequences sheet does not list;"
                        + (near == null ? " add a row for it there or correct the name"
                        : " it lists '" + near + "' (Sequences row " + listed.get(near) + "); write the name exactly"
                        + " as there, since two spellings would be two sequences in Apollo"));
            }
            sink.record(name, new SourceRecord.TableRow(SheetRowNumbers.encode(SheetRowNumbers.STEPS, number), row.cells, row.problems));
        });
        for (SheetTable sheet : List.of(sequences, steps)) {
            sheet.totalsLeftOut().forEach(totals -> sink.warning(sheet.name() + " sheet: " + totals));
        }
    }

    private List<String> header(SheetTable sheet, RecordSink sink) {
        TitleRows titles = new TitleRows(renames);
        List<String> header;
        try {
            header = sheet.header(titles);
        } catch (TitleRows.UnusableHeader unusable) {
            throw unusableHeader(sheet.name(), unusable.recordNumber(), unusable.reason());
        }
        titles.warning(sheet.headerRow()).ifPresent(title -> sink.warning(sheet.name() + " sheet: " + title));
        if (header == null) {
            throw new UnreadableInputException(0, "has an empty " + sheet.name() + " sheet; it needs a header row ("
                    + (sheet.name().equalsIgnoreCase("steps") ? "sequence, step, subject, body, ..."
                    : "sequence, permissions, schedule_id, ...") + ") and rows of data");
        }
        return header;
    }

    /** Each sheet's own header must stand on its own, so a message can name the sheet at fault. */
    private TableLayout sheetLayout(SheetTable sheet, List<String> header) {
        try {
            return sheetHeader(header);
        } catch (UnreadableInputException e) {
            throw unusableHeader(sheet.name(), sheet.headerRow(), e.getMessage());
        }
    }

    /** A sheet's header; one cell of column names is what a CSV opened in a locale with another separator leaves. */
    private TableLayout sheetHeader(List<String> header) {
        try {
            return TableLayout.of(header, renames);
        } catch (TableLayout.OneCellHeader oneCell) {
            throw oneCell.advising("split the column at " + oneCell.delimiter() + " (Excel: Data > Text to Columns),"
                    + " or drop the CSV file the sheet was opened from instead");
        }
    }

    private static UnreadableInputException unusableHeader(String sheet, int row, String reason) {
        return new UnreadableInputException(0, "has a " + sheet + " sheet whose header (row " + row + ") is not usable: "
                + reason);
    }

    /** Where the Sequences header already has a Steps column: the same known column, or the same unknown label. */
    private static int samePosition(TableLayout sequences, Optional<Column> column, String label) {
        if (column.isPresent()) {
            return sequences.indexOf(column.get());
        }
        String wanted = ColumnNames.normalise(label);
        for (int i = 0; i < sequences.labels().size(); i++) {
            if (!wanted.isEmpty() && sequences.columnAt(i).isEmpty()
                    && ColumnNames.normalise(sequences.labels().get(i)).equals(wanted)) {
                return i;
            }
        }
        return -1;
    }

    private record Placed(List<String> cells, Map<Integer, String> problems) {
    }

    /** Moves a sheet row's cells to their combined positions; values right of the header stay past it. */
    private static Placed place(List<String> cells, Map<Integer, String> problems, int[] positions, int width) {
        List<String> placed = new ArrayList<>(width);
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).isEmpty()) {
                continue;
            }
            int position = positions[i];
            while (placed.size() <= position) {
                placed.add("");
            }
            placed.set(position, cells.get(i));
        }
        Map<Integer, String> moved = new HashMap<>();
        problems.forEach((index, problem) -> moved.put(index < positions.length ? positions[index] : width, problem));
        return new Placed(placed, moved);
    }

    /** A name as a person reads it: without regard to case or to how many spaces stand between words. */
    /** The sequence a row is filed under; none when the cell is empty or holds no usable value. */
    private static String name(List<String> cells, Map<Integer, String> problems, int sequence) {
        if (sequence >= cells.size() || problems.containsKey(sequence)) {
            return null;
        }
        String name = EdgeBlanks.strip(cells.get(sequence));
        return name.isEmpty() ? null : name;
    }

    /** Empty rows between rows with content (those after the last one are not reported). */
    private static void blanks(RecordSink sink, int count) {
        for (int i = 0; i < count; i++) {
            sink.blank();
        }
    }
}
