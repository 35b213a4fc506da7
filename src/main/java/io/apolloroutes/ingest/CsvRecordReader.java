package io.apolloroutes.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
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

    private final ReadOptions options;
    private final Map<String, String> renames;
    private final char usualDelimiter;

    /**
     * @param usualDelimiter the delimiter of the file's extension, used when the file does not tell
     */
    CsvRecordReader(ReadOptions options, Map<String, String> renames, char usualDelimiter) {
        this.options = options;
        this.renames = renames;
        this.usualDelimiter = usualDelimiter;
    }

    @Override
    public void read(Path file, RecordSink sink) throws IOException {
        DecodedText text;
        char delimiter;
        try {
            text = DecodedText.of(file, options.encoding());
            delimiter = options.delimiter() != null ? options.delimiter() : detectDelimiter(text);
        } catch (IOException e) {
            throw unreadable(e, 0);
        }
        if (text.guessed() && !text.charset().equals(StandardCharsets.UTF_8)) {
            sink.warning("read as " + text.charset().name() + " text, because it is not UTF-8 and has no byte-order"
                    + " mark; if accented letters look wrong in Apollo, save the file as \"CSV UTF-8\" and drop it again");
        }
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                // keep empty lines as records so row numbers match what a spreadsheet shows
                .setIgnoreEmptyLines(false)
                .get();
        int lastRow = 0;
        try (RowLengthGuard guard = new RowLengthGuard(text.open(), options.limits().maxRowChars());
             CSVParser parser = CSVParser.builder().setReader(guard).setFormat(format).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw new UnreadableInputException(0, "is empty; it needs a header row and at least one row of data");
            }
            TableLayout layout = TableLayout.of(records.next().toList(), renames);
            sink.layout(layout);
            guard.rowEnded();
            lastRow = 1;
            int sequenceColumn = layout.indexOf(Column.SEQUENCE);
            // only an errors file written by the pack has guarded cells to restore
            boolean guarded = layout.errorColumnIndex() >= 0;
            int blanksPending = 0;
            while (records.hasNext()) {
                CSVRecord record = records.next();
                guard.rowEnded();
                lastRow = (int) record.getRecordNumber();
                List<String> cells = cells(record, guarded);
                if (cells.stream().allMatch(String::isBlank)) {
                    // blank lines at the very end (Excel and Google Sheets leave some) are not worth a mention
                    blanksPending++;
                    continue;
                }
                for (; blanksPending > 0; blanksPending--) {
                    sink.blank();
                }
                String name = sequenceColumn < cells.size() ? cells.get(sequenceColumn).strip() : "";
                sink.record(name.isEmpty() ? null : name, new SourceRecord.TableRow(lastRow, cells));
            }
        } catch (UncheckedIOException e) {
            throw unreadable(e.getCause(), lastRow);
        } catch (IOException e) {
            throw unreadable(e, lastRow);
        }
    }

    private char detectDelimiter(DecodedText text) throws IOException {
        try (Reader reader = text.open()) {
            return DelimiterSniffer.detect(reader, usualDelimiter);
        }
    }

    private static List<String> cells(CSVRecord record, boolean guarded) {
        List<String> cells = new ArrayList<>(record.size());
        for (String value : record) {
            cells.add(guarded ? FormulaGuard.unguard(value) : value);
        }
        return cells;
    }

    private UnreadableInputException unreadable(IOException e, int lastRow) {
        int row = lastRow + 1;
        StrictTextReader.InvalidTextException invalid = StrictText.encodingError(e);
        if (invalid != null) {
            return StrictText.notText(invalid);
        }
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
        return new UnreadableInputException(row, "cannot be read as CSV at row " + row + ": " + detail);
    }
}
