package io.apolloroutes.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads delimited text (CSV, TSV, Excel's "Unicode Text") with commons-csv, one record at a time,
 * after settling its encoding ({@link DecodedText}) and delimiter ({@link DelimiterSniffer}). Row
 * numbers are the numbers a spreadsheet shows: the header is row 1 and empty lines count as (skipped)
 * rows.
 */
final class CsvRecordReader implements RecordReader {

    /** Excel's and Google Sheets' error values, and LibreOffice's {@code Err:} codes, as a CSV export writes them. */
    private static final Pattern SPREADSHEET_ERROR = Pattern.compile("#(?:NULL!|DIV/0!|VALUE!|REF!|NAME\\?|NUM!|N/A"
            + "|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|PYTHON!|EXTERNAL!|ERROR!)|Err:5\\d\\d");

    private final ReadOptions options;
    private final Map<String, String> renames;
    private final char usualDelimiter;
    private final DecodedText settled;

    /**
     * @param usualDelimiter the delimiter of the file's extension, used when the file does not tell
     */
    CsvRecordReader(ReadOptions options, Map<String, String> renames, char usualDelimiter) {
        this(options, renames, usualDelimiter, null);
    }

    /** A reader of a file whose encoding is already settled, or null to settle it from the file. */
    private CsvRecordReader(ReadOptions options, Map<String, String> renames, char usualDelimiter,
                            DecodedText settled) {
        this.options = options;
        this.renames = renames;
        this.usualDelimiter = usualDelimiter;
        this.settled = settled;
    }

    @Override
    public void read(Path file, RecordSink sink) throws IOException {
        DecodedText text = settled != null ? settled : settle(file);
        try {
            readText(text, sink);
        } catch (StrictTextReader.InvalidTextException invalid) {
            if (text.startsOverAfter(invalid)) {
                throw new StartOver(new CsvRecordReader(options, renames, usualDelimiter, text.asLegacyEncoding(invalid)));
            }
            throw text.refusal(invalid);
        } catch (StrictTextReader.TextProblem problem) {
            throw text.refusal(problem);
        }
    }

    private DecodedText settle(Path file) throws IOException {
        try {
            return DecodedText.of(file, options.encoding());
        } catch (IOException e) {
            throw unreadable(e, 0);
        }
    }

    /** Parses the file; a problem with the text itself comes out as the {@link StrictTextReader.TextProblem}. */
    private void readText(DecodedText text, RecordSink sink) throws IOException {
        Dialect dialect = dialect(text);
        if (text.notUtf8() != null) {
            sink.warning("read as " + text.legacyName() + " because it is not UTF-8 and has no byte-order"
                    + " mark; if accented letters look wrong in Apollo, save the file as \"CSV UTF-8\" and drop it again");
        }
        try (StrictTextReader decoded = text.open()) {
            try {
                if (dialect.sepLineLength() > 0) {
                    decoded.skip(dialect.sepLineLength());
                }
                readRows(decoded, dialect.delimiter(), sink);
            } catch (UnreadableInputException rowProblem) {
                if (text.guessed()) {
                    // rows can look broken only because the encoding guess is wrong: as when the pack checked the
                    // whole file before parsing, a problem with the text further on outranks this one
                    decoded.skipRest();
                }
                throw rowProblem;
            }
        }
    }

    private void readRows(StrictTextReader decoded, char delimiter, RecordSink sink) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                // keep empty lines as records so row numbers match what a spreadsheet shows
                .setIgnoreEmptyLines(false)
                // hand-written CSV pads its separators ("Q1, 1, \"Hello, Ada\""): without this the quotes
                // would become part of the cell, or split it; spaces inside quotes are kept
                .setIgnoreSurroundingSpaces(true)
                .get();
        int lastRow = 0;
        // neither is closed here: that would close the decoded text, which the caller may still have to read
        RowLengthGuard guard = new RowLengthGuard(decoded, options.limits().maxRowChars());
        try {
            CSVParser parser = CSVParser.builder().setReader(guard).setFormat(format).get();
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw new UnreadableInputException(0, "is empty; it needs a header row and at least one row of data");
            }
            // a synced sheet's rows are named by the sheet's numbers, its header not always being row 1
            int rowsAbove = options.headerRow() - 1;
            List<String> first = records.next().toList();
            guard.rowEnded();
            lastRow = 1 + rowsAbove;
            boolean dataBelowFirst = records.hasNext();
            TitleRows titles = new TitleRows(renames);
            Optional<TitleRows.Header> below = titles.mayBeTitle(first)
                    ? belowTitles(new TitleRows.Row(lastRow, first), new RecordRows(records, guard, rowsAbove), titles)
                    : Optional.empty();
            TableLayout layout;
            if (below.isEmpty()) {
                layout = header(first, dataBelowFirst);
            } else {
                layout = below.get().layout();
                lastRow = below.get().row().number();
                titles.warning(lastRow).ifPresent(sink::warning);
            }
            sink.layout(layout);
            int sequenceColumn = layout.indexOf(Column.SEQUENCE);
            // only an errors file written by the pack has guarded cells to restore
            boolean guarded = layout.errorColumnIndex() >= 0;
            int blanksPending = 0;
            while (records.hasNext()) {
                CSVRecord record = records.next();
                guard.rowEnded();
                lastRow = (int) record.getRecordNumber() + rowsAbove;
                List<String> cells = cells(record, guarded);
                if (EmptyRow.showsNothing(cells)) {
                    // blank lines at the very end (Excel and Google Sheets leave some) are not worth a mention
                    blanksPending++;
                    continue;
                }
                for (; blanksPending > 0; blanksPending--) {
                    sink.blank();
                }
                Map<Integer, String> problems = exportedErrors(cells);
                String name = sequenceColumn < cells.size() && !problems.containsKey(sequenceColumn)
                        ? EdgeBlanks.strip(cells.get(sequenceColumn)) : "";
                sink.record(name.isEmpty() ? null : name, new SourceRecord.TableRow(lastRow, cells, problems));
            }
        } catch (UncheckedIOException e) {
            throw unreadable(e.getCause(), lastRow);
        } catch (IOException e) {
            throw unreadable(e, lastRow);
        }
    }

    private Optional<TitleRows.Header> belowTitles(TitleRows.Row first, RecordRows rest, TitleRows titles)
            throws IOException {
        try {
            return titles.below(first, rest);
        } catch (UncheckedIOException e) {
            // hasNext reads the row after the one looked at: a broken row is named by the rows read here
            throw unreadable(e.getCause(), Math.max(first.number(), rest.lastRow));
        }
    }

    /** The records after the first, for the look past title rows: each one counts as a row of its own. */
    private static final class RecordRows implements TitleRows.Rows {

        private final Iterator<CSVRecord> records;
        private final RowLengthGuard guard;
        private final int rowsAbove;
        private int lastRow;

        RecordRows(Iterator<CSVRecord> records, RowLengthGuard guard, int rowsAbove) {
            this.records = records;
            this.guard = guard;
            this.rowsAbove = rowsAbove;
        }

        @Override
        public TitleRows.Row next() {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            guard.rowEnded();
            lastRow = (int) record.getRecordNumber() + rowsAbove;
            return new TitleRows.Row(lastRow, record.toList());
        }

        @Override
        public boolean hasNext() {
            return records.hasNext();
        }
    }

    /** The first row as the header, refused with what is wrong with it. */
    private TableLayout header(List<String> first, boolean dataBelow) {
        if (first.stream().allMatch(EdgeBlanks::isBlank)) {
            // a byte-order mark and a line break, or empty lines and no header below: not "no known column"
            throw dataBelow
                    ? new UnreadableInputException(options.headerRow(), "row " + options.headerRow() + " is empty,"
                            + " and no header follows it; the column names (sequence, step, subject, body, ...) must"
                            + " be the first row, or the first below a title")
                    : new UnreadableInputException(0, "is empty; it needs a header row and at least one row of data");
        }
        try {
            return TableLayout.of(first, renames);
        } catch (TableLayout.OneCellHeader oneCell) {
            throw oneCell.advising(options.delimiter() != null
                    ? "this source is set to read another delimiter: set input.delimiter (or read.delimiter in the"
                    + " mapping file) to auto or " + oneCell.delimiter()
                    : "the rows below it are separated otherwise, or the whole row is quoted as one cell; write the"
                    + " header as the rows are written");
        } catch (UnreadableInputException refused) {
            if (options.headerRow() == 1) {
                throw refused;
            }
            // a synced sheet read from its header-row setting down: the setting may name the wrong row, and
            // deleting rows of the sheet is no fix for that
            throw new UnreadableInputException(options.headerRow(), refused.getMessage().replace(TableLayout.TITLE_ADVICE, "")
                    + " (the column names were taken from row " + options.headerRow() + ", as the source's header-row"
                    + " setting says; if they stand on another row, set header-row to that row)");
        }
    }

    /** The delimiter, and whether the file starts with Excel's hint line naming it. */
    private record Dialect(char delimiter, int sepLineLength) {
    }

    /** One look at the start of the file: Excel's hint line, else the sniffer (unless the source sets one). */
    private Dialect dialect(DecodedText text) throws IOException {
        try (BufferedReader start = new BufferedReader(text.open())) {
            ExcelSepLine.Hint hinted = ExcelSepLine.read(start);
            char delimiter = options.delimiter() != null ? options.delimiter()
                    : hinted != null ? hinted.delimiter() : DelimiterSniffer.detect(start, usualDelimiter);
            return new Dialect(delimiter, hinted == null ? 0 : hinted.length());
        } catch (IOException e) {
            throw unreadable(e, 0);
        }
    }

    /**
     * Cells that hold what a spreadsheet writes for a formula showing an error ({@code #N/A}, LibreOffice's
     * {@code Err:502}): the export has no value for them, and the text would otherwise go out as a subject or
     * body. They are refused as the same cell of the workbook itself is.
     */
    private static Map<Integer, String> exportedErrors(List<String> cells) {
        Map<Integer, String> problems = Map.of();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            // every cell of every row comes here: only one that may start an error value meets the pattern
            if (cell.isEmpty() || !mayBeError(cell)) {
                continue;
            }
            String value = cell.strip();
            if (SPREADSHEET_ERROR.matcher(value).matches()) {
                if (problems.isEmpty()) {
                    problems = new HashMap<>(2);
                }
                problems.put(i, "shows the spreadsheet error " + value + ", which the export wrote in place of a value;"
                        + " fix the formula or type the value, and export the file again");
            }
        }
        return problems;
    }

    private static boolean mayBeError(String cell) {
        char first = cell.charAt(0);
        return first == '#' || Character.isWhitespace(first) || cell.startsWith("Err:");
    }

    private static List<String> cells(CSVRecord record, boolean guarded) {
        List<String> cells = new ArrayList<>(record.size());
        for (String value : record) {
            cells.add(guarded ? FormulaGuard.unguard(value) : value);
        }
        return cells;
    }

    /**
     * The whole-file error for a failed parse. A problem with the text itself is passed on as it is: what
     * it means depends on how the encoding was settled ({@link #read}).
     */
    private UnreadableInputException unreadable(IOException e, int lastRow) throws StrictTextReader.TextProblem {
        if (e instanceof StrictTextReader.TextProblem problem) {
            throw problem;
        }
        int row = lastRow + 1;
        if (e instanceof RowLengthGuard.RowTooLongException) {
            return new UnreadableInputException(row, "row " + row + " goes on for more than "
                    + options.limits().maxRowChars() + " characters; usually a quoted cell that is never closed"
                    + " (look for a stray double quote (\") in that row), otherwise a cell far longer than the"
                    + " limit of " + options.limits().maxCellLength() + " characters (input.max-cell-length)");
        }
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (detail.contains("EOF reached before encapsulated token finished")) {
            return new UnreadableInputException(row, "has a quoted cell that is never closed, starting at or after"
                    + " row " + row + "; look for a stray double quote (\") in that row");
        }
        if (detail.contains("Invalid character between encapsulated token and delimiter")) {
            return new UnreadableInputException(row, "row " + row + " has a cell that starts with a double quote"
                    + " and goes on after its closing quote (like \"Hi\" there); quote the whole cell and double the"
                    + " quotes inside it (\"\"\"Hi\"\" there\"), or remove the quotes");
        }
        return new UnreadableInputException(row, "cannot be read as CSV at row " + row + ": " + detail);
    }
}
