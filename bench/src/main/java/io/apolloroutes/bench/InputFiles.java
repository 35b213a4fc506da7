package io.apolloroutes.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** Writes the synthetic rows as the files a user would drop: a CSV export or an Excel workbook. */
final class InputFiles {

    private InputFiles() {
    }

    /** A generator of rows: {@link SyntheticData#generate} or {@link WideData#generate}. */
    interface Generator {
        SyntheticData.Expectation generate(int rows, SyntheticData.RowSink sink) throws IOException;
    }

    /** Step rows as a CSV file (see {@link #csv(Path, List, int, Generator)}). */
    static SyntheticData.Expectation csv(Path file, int rows) throws IOException {
        return csv(file, SyntheticData.HEADER, rows, SyntheticData::generate);
    }

    /** RFC 4180 as Excel writes it: CRLF, quotes only where needed, UTF-8 without a byte-order mark. */
    static SyntheticData.Expectation csv(Path file, List<String> header, int rows, Generator generator)
            throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(header);
            return generator.generate(rows, cells -> printer.printRecord(cells));
        }
    }

    /**
     * One worksheet, "Sheet1" as Excel names it (not "Sequences", which the pack may read as half of its
     * two-sheet layout), with the header in row 1. Numbers (step, wait_time) are numeric cells
     * and empty cells are absent, as in a workbook saved by Excel; text goes to the shared strings table,
     * as Excel does (POI's streaming writer keeps that table in memory, hence the harness's larger heap).
     */
    static SyntheticData.Expectation xlsx(Path file, int rows) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(null, 200, false, true);
        try {
            Sheet sheet = workbook.createSheet("Sheet1");
            CellStyle wrap = workbook.createCellStyle();
            wrap.setWrapText(true);
            Row header = sheet.createRow(0);
            for (int i = 0; i < SyntheticData.HEADER.size(); i++) {
                header.createCell(i).setCellValue(SyntheticData.HEADER.get(i));
            }
            int[] next = {1};
            SyntheticData.Expectation expected = SyntheticData.generate(rows, cells -> {
                Row row = sheet.createRow(next[0]++);
                for (int i = 0; i < cells.length; i++) {
                    Object value = cells[i];
                    if (value instanceof Integer number) {
                        row.createCell(i).setCellValue(number);
                    } else if (!((String) value).isEmpty()) {
                        Cell cell = row.createCell(i);
                        cell.setCellValue((String) value);
                        if (((String) value).indexOf('\n') >= 0) {
                            cell.setCellStyle(wrap);
                        }
                    }
                }
            });
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
            return expected;
        } finally {
            workbook.close();
        }
    }
}
