package io.apolloroutes.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Hyperlink;
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

    /**
     * A one-sheet workbook package written part by part, the way programs other than POI write one
     * (Excel, SheetJS, openpyxl): the cell XML is exactly what the test gives, byte for byte.
     *
     * @param numberFormats  {@code numFmt} codes; the cell style {@code s="i"} (i from 1) has the i-th
     * @param sharedStrings  the {@code <si>} items of the shared-strings table, indexed from 0
     * @param rows           the {@code <row>} elements of the sheet
     */
    public static Path xlsxParts(Path folder, String name, String[] numberFormats, String sharedStrings, String rows) {
        String main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        String rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        String type = "application/vnd.openxmlformats-officedocument.spreadsheetml.";
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
        StringBuilder formats = new StringBuilder();
        StringBuilder styles = new StringBuilder("<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>");
        for (int i = 0; i < numberFormats.length; i++) {
            // a built-in format is named by its id, as Excel writes it; 164 on are the workbook's own
            int id = numberFormats[i].equals("m/d/yy") ? 14 : 164 + i;
            if (id >= 164) {
                formats.append("<numFmt numFmtId=\"").append(id).append("\" formatCode=\"")
                        .append(numberFormats[i].replace("\"", "&quot;")).append("\"/>");
            }
            styles.append("<xf numFmtId=\"").append(id).append("\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"")
                    .append(" applyNumberFormat=\"1\"/>");
        }
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", xml + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"" + type + "sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"" + type + "worksheet+xml\"/>"
                + "<Override PartName=\"/xl/styles.xml\" ContentType=\"" + type + "styles+xml\"/>"
                + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"" + type + "sharedStrings+xml\"/></Types>");
        parts.put("_rels/.rels", xml + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"" + rel + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        parts.put("xl/workbook.xml", xml + "<workbook xmlns=\"" + main + "\" xmlns:r=\"" + rel + "\"><sheets>"
                + "<sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        parts.put("xl/_rels/workbook.xml.rels", xml
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"" + rel + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"" + rel + "/styles\" Target=\"styles.xml\"/>"
                + "<Relationship Id=\"rId3\" Type=\"" + rel + "/sharedStrings\" Target=\"sharedStrings.xml\"/>"
                + "</Relationships>");
        parts.put("xl/styles.xml", xml + "<styleSheet xmlns=\"" + main + "\">"
                + (formats.isEmpty() ? "" : "<numFmts>" + formats + "</numFmts>")
                + "<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
                + "<fills count=\"1\"><fill><patternFill patternType=\"none\"/></fill></fills>"
                + "<borders count=\"1\"><border/></borders>"
                + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
                + "<cellXfs count=\"" + (numberFormats.length + 1) + "\">" + styles + "</cellXfs></styleSheet>");
        parts.put("xl/sharedStrings.xml", xml + "<sst xmlns=\"" + main + "\">" + sharedStrings + "</sst>");
        parts.put("xl/worksheets/sheet1.xml", xml + "<worksheet xmlns=\"" + main + "\"><sheetData>" + rows
                + "</sheetData></worksheet>");
        Path target = folder.resolve(name);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(target))) {
            for (Map.Entry<String, String> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of a workbook package with parts added or replaced. */
    public static Path repack(Path source, Path target, Map<String, byte[]> parts) {
        try (ZipFile in = new ZipFile(source.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                if (!parts.containsKey(entry.getName())) {
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    try (InputStream part = in.getInputStream(entry)) {
                        part.transferTo(out);
                    }
                }
            }
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                out.putNextEntry(new ZipEntry(part.getKey()));
                out.write(part.getValue());
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of one part of a workbook package. */
    public static String part(Path workbook, String name) {
        try (ZipFile zip = new ZipFile(workbook.toFile())) {
            return new String(zip.getInputStream(zip.getEntry(name)).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    /**
     * Links a cell as Insert &gt; Link (Ctrl+K) does: the cell keeps its text, the link is kept beside it.
     * A {@link HyperlinkType#DOCUMENT} address is a place in the workbook ({@code 'Plan'!A1}).
     */
    public static Hyperlink link(Cell cell, HyperlinkType type, String address) {
        Hyperlink link = cell.getSheet().getWorkbook().getCreationHelper().createHyperlink(type);
        link.setAddress(address);
        cell.setHyperlink(link);
        return link;
    }

    public static CellStyle style(Workbook workbook, String format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        return style;
    }
}
