package io.apolloroutes.deadletter;

import io.apolloroutes.ingest.ColumnNames;
import io.apolloroutes.ingest.FormulaGuard;
import io.apolloroutes.ingest.SourceRecord;
import io.apolloroutes.ingest.TableLayout;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code failed-rows.csv}: the input's header with {@code _error} as the first column (the first thing a
 * person sees in a spreadsheet), or in its old place when the input was itself an errors file. Written
 * as UTF-8 with a byte-order mark so Excel shows accents and emoji correctly, and with every cell
 * guarded against formula execution.
 */
final class FailedRowsCsv implements FailedRows {

    static final String FILE_NAME = "failed-rows.csv";

    private final CSVPrinter printer;
    private final int errorIndex;
    private final boolean errorColumnAdded;

    /**
     * @param delimiter the delimiter the source reads its files with, so the corrected file can be
     *                  dropped back (and opens in the team's spreadsheet as their own export does)
     */
    FailedRowsCsv(Path folder, TableLayout layout, char delimiter) throws IOException {
        BufferedWriter writer = Files.newBufferedWriter(folder.resolve(FILE_NAME), StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        this.printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setDelimiter(delimiter).get());
        this.errorColumnAdded = layout.errorColumnIndex() < 0;
        this.errorIndex = errorColumnAdded ? 0 : layout.errorColumnIndex();
        List<String> header = new ArrayList<>(layout.labels());
        if (errorColumnAdded) {
            header.add(0, ColumnNames.ERROR_COLUMN);
        }
        printGuarded(header);
    }

    @Override
    public void write(SourceRecord record, String error) throws IOException {
        List<String> cells = new ArrayList<>(((SourceRecord.TableRow) record).cells());
        if (errorColumnAdded) {
            cells.add(0, error);
        } else {
            while (cells.size() <= errorIndex) {
                cells.add("");
            }
            cells.set(errorIndex, error);
        }
        printGuarded(cells);
    }

    private void printGuarded(List<String> cells) throws IOException {
        printer.printRecord(cells.stream().map(FormulaGuard::guard).toList());
    }

    @Override
    public String fileName() {
        return FILE_NAME;
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
