package io.apolloroutes.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads comma- or tab-separated text with commons-csv, one record at a time. Row numbers are the
 * numbers a spreadsheet shows: the header is row 1 and empty lines count as (skipped) rows.
 */
final class CsvRecordReader implements RecordReader.OnePass {

    private final CSVFormat format;

    CsvRecordReader(char delimiter) {
        this.format = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                // keep empty lines as records so row numbers match what a spreadsheet shows
                .setIgnoreEmptyLines(false)
                .get();
    }

    @Override
    public void read(InputStream in, RecordSink sink) throws IOException {
        int lastRow = 0;
        try (Reader reader = StrictText.utf8Reader(in);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw new UnreadableInputException(0, "is empty; it needs a header row and at least one row of data");
            }
            TableLayout layout = TableLayout.of(records.next().toList());
            sink.layout(layout);
            lastRow = 1;
            int sequenceColumn = layout.indexOf(Column.SEQUENCE);
            // only an errors file written by the pack has guarded cells to restore
            boolean guarded = layout.errorColumnIndex() >= 0;
            while (records.hasNext()) {
                CSVRecord record = records.next();
                lastRow = (int) record.getRecordNumber();
                List<String> cells = cells(record, guarded);
                if (cells.stream().allMatch(String::isBlank)) {
                    sink.blank();
                    continue;
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

    private static List<String> cells(CSVRecord record, boolean guarded) {
        List<String> cells = new ArrayList<>(record.size());
        for (String value : record) {
            cells.add(guarded ? FormulaGuard.unguard(value) : value);
        }
        return cells;
    }

    private static UnreadableInputException unreadable(IOException e, int lastRow) {
        int row = lastRow + 1;
        StrictUtf8Reader.InvalidUtf8Exception invalid = StrictText.encodingError(e);
        if (invalid != null) {
            return StrictText.notUtf8(invalid);
        }
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (detail.contains("EOF reached before encapsulated token finished")) {
            return new UnreadableInputException(row, "has a quoted cell that is never closed, starting at or after"
                    + " row " + row + "; look for a stray double quote (\") in that row");
        }
        return new UnreadableInputException(row, "cannot be read as CSV at row " + row + ": " + detail);
    }
}
