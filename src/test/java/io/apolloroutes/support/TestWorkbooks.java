package io.apolloroutes.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.function.Consumer;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Builds workbooks in tests with POI, so every case says exactly what its file holds. */
public final class TestWorkbooks {

    /** A cell holding a formula; {@code saved}: calculated before saving, as Excel does. */
    public record Formula(String formula, boolean saved) {

        public static Formula saved(String formula) {
            return new Formula(formula, true);
        }
    }

    private TestWorkbooks() {
    }

    public static Path xlsx(Path folder, String name, Consumer<Workbook> fill) {
        return write(new XSSFWorkbook(), folder.resolve(name), fill);
    }

    public static Path xls(Path folder, String name, Consumer<Workbook> fill) {
        return write(new HSSFWorkbook(), folder.resolve(name), fill);
    }

    /** A workbook with one sheet holding the rows, from row 1 on. */
    public static Path xlsx(Path folder, String name, Object[]... rows) {
        return xlsx(folder, name, workbook -> putRows(workbook.createSheet("Sheet1"), 1, rows));
    }

    public static Path write(Workbook workbook, Path target, Consumer<Workbook> fill) {
        try (workbook; OutputStream out = Files.newOutputStream(target)) {
            fill.accept(workbook);
            workbook.write(out);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes rows from the given (1-based) row number on. Cells: String, Number, Boolean, LocalDate
     * (date format), LocalDateTime (date-time format), {@link Formula}; null leaves the cell (or the whole row) out.
     */
    public static void putRows(Sheet sheet, int firstRow, Object[]... rows) {
        for (int r = 0; r < rows.length; r++) {
            if (rows[r] == null) {
                continue; // an empty row
            }
            Row row = sheet.createRow(firstRow - 1 + r);
            for (int c = 0; c < rows[r].length; c++) {
                if (rows[r][c] != null) {
                    set(row.createCell(c), rows[r][c]);
                }
            }
        }
    }

    public static void set(Cell cell, Object value) {
        Workbook workbook = cell.getSheet().getWorkbook();
        if (value instanceof String text) {
            cell.setCellValue(text);
        } else if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
        } else if (value instanceof Boolean bool) {
            cell.setCellValue(bool);
        } else if (value instanceof LocalDateTime dateTime) {
            cell.setCellValue(dateTime);
            cell.setCellStyle(style(workbook, "yyyy-mm-dd hh:mm"));
        } else if (value instanceof LocalDate date) {
            cell.setCellValue(date);
            cell.setCellStyle(style(workbook, "dd/mm/yyyy"));
        } else if (value instanceof Formula formula) {
            cell.setCellFormula(formula.formula());
            if (formula.saved()) {
                workbook.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(cell);
            }
        } else {
            throw new IllegalArgumentException("no cell for " + value);
        }
    }

    public static CellStyle style(Workbook workbook, String format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        return style;
    }
}
