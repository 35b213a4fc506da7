package io.apolloroutes.ingest;

import static io.apolloroutes.support.TestWorkbooks.putRows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apolloroutes.support.TestInputs;
import io.apolloroutes.support.TestWorkbooks;
import io.apolloroutes.support.TestWorkbooks.Formula;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkbookRecordReaderTest {

    static final Object[] HEADER = {"sequence", "step", "subject", "body", "exact_datetime"};

    @TempDir
    Path dir;

    // ---- the table ----------------------------------------------------------------------------

    @Test
    void reads_the_first_sheet_with_the_row_numbers_the_spreadsheet_shows() throws IOException {
        Path file = TestWorkbooks.xlsx(dir, "plain.xlsx", workbook -> {
            Sheet sheet = workbook.createSheet("Plan");
            // a title-free sheet whose header starts on row 2, with an empty row between data rows
            putRows(sheet, 2, HEADER, new Object[] {"Alpha", 1, "Hi", "Hello"});
            putRows(sheet, 5, new Object[] {"Alpha", 2, null, "Again"});
        });

        try (SpooledInput input = spool(file, ReadOptions.DEFAULT)) {
            assertThat(input.layout().labels()).containsExactly("sequence", "step", "subject", "body", "exact_datetime");
            assertThat(input.recordCount()).isEqualTo(2);
            assertThat(input.blankRows()).isEqualTo(1);
            List<SourceRecord.TableRow> rows = rows(input);
            assertThat(rows).extracting(SourceRecord.TableRow::number).containsExactly(3, 5);
            assertThat(rows.get(0).cells()).containsExactly("Alpha", "1", "Hi", "Hello");
            assertThat(rows.get(1).cells()).containsExactly("Alpha", "2", "", "Again");
        }
    }

    @Test
    void ignores_trailing_empty_rows_and_columns() throws IOException {
        Path file = TestWorkbooks.xlsx(dir, "trailing.xlsx", workbook -> {
            Sheet sheet = workbook.createSheet("Sheet1");
            putRows(sheet, 1, new Object[] {"sequence", "subject", "", ""}, new Object[] {"A", "Hi", "", " "});
            // formatting and empty strings far below the data, as spreadsheets leave them
            for (int r = 3; r < 40; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue("");
                row.createCell(5).setCellStyle(TestWorkbooks.style(workbook, "0.00"));
            }
        });

        try (SpooledInput input = spool(file, ReadOptions.DEFAULT)) {
            assertThat(input.layout().labels()).containsExactly("sequence", "subject");
            assertThat(input.recordCount()).isEqualTo(1);
            assertThat(input.blankRows()).isZero();
            assertThat(rows(input).get(0).cells()).containsExactly("A", "Hi");
            assertThat(rows(input).get(0).cellProblems()).isEmpty();
        }
    }

    @Test
    void names_a_value_right_of_the_header_instead_of_dropping_it() throws IOException {
        Path file = TestWorkbooks.xlsx(dir, "stray.xlsx", new Object[] {"sequence", "subject"},
                new Object[] {"A", "Hi", null, "forgotten", "too"});

        SourceRecord.TableRow row = rows(file).get(0);

        assertThat(row.cells()).containsExactly("A", "Hi");
        assertThat(row.cellProblems()).containsOnlyKeys(2);
        assertThat(row.cellProblems().get(2)).contains("cell D2 holds 'forgotten' (and 1 more cells right of it)")
                .contains("no header above it");
    }

    // ---- cells ----------------------------------------------------------------------------------

    @Test
    void writes_numbers_as_plain_decimals_without_a_trailing_point_zero() throws IOException {
        Path file = TestWorkbooks.xlsx(dir, "numbers.xlsx", new Object[] {"sequence", "a", "b", "c", "d", "e", "f"},
                new Object[] {"A", 3.0, 2.50, 0.1 + 0.2, 1e20, 0.0000001, -4});

        assertThat(rows(file).get(0).cells()).containsExactly("A", "3", "2.5", "0.3", "100000000000000000000",
                "0.0000001", "-4");
    }

    @Test
    void reads_date_only_cell_without_shifting_it() throws IOException {
        Path file = TestWorkbooks.xlsx(dir, "dates.xlsx", new Object[] {"sequence", "start"},
                new Object[] {"A", LocalDate.of(2026, 12, 1)}, new Object[] {"B", LocalDate.of(2026, 3, 29)});

        // far from UTC on both sides: a date that went through a zone would move a day
        for (String zone : List.of("UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Europe/Berlin")) {
            List<SourceRecord.TableRow> rows = rows(file, options(null, zone));
            assertThat(rows).extracting(r -> r.cells().get(1)).as(zone).containsExactly("2026-12-01", "2026-03-29");
        }
    }

    @Test
    void reads_date_time_cell_as_iso_8601_in_the_configured_time_zone() throws IOException {
        Path file = TestWorkbooks.xlsx(dir, "times.xlsx", new Object[] {"sequence", "exact_datetime"},
                new Object[] {"A", LocalDateTime.of(2026, 12, 1, 9, 30)},
                new Object[] {"B", LocalDateTime.of(2026, 7, 1, 17, 5, 0)});

        assertThat(rows(file, ReadOptions.DEFAULT)).extracting(r -> r.cells().get(1))
                .containsExactly("2026-12-01T09:30:00Z", "2026-07-01T17:05:00Z");
        assertThat(rows(file, options(null, "Europe/Berlin"))).extracting(r -> r.cells().get(1))
                .containsExactly("2026-12-01T09:30:00+01:00", "2026-07-01T17:05:00+02:00");
    }

    @Test
    void refuses_a_date_time_cell_at_a_time_the_clocks_skip_in_the_configured_zone() throws IOException {
        Path file = TestWorkbooks.xlsx(dir, "spring.xlsx", new Object[] {"sequence", "exact_datetime"},
                new Object[] {"A", LocalDateTime.of(2026, 3, 29, 2, 30)},
                new Object[] {"B", LocalDateTime.of(2026, 10, 25, 2, 30)});

        List<SourceRecord.TableRow> rows = rows(file, options(null, "Europe/Berlin"));

        assertThat(rows.get(0).cellProblems()).containsExactly(java.util.Map.entry(1, "is not a time in Europe/Berlin"
                + " (input.time-zone): on 2026-03-29 the clocks go forward from 02:00 to 03:00; write a time before"
                + " 02:00, or from 03:00 on"));
        // the hour the clocks repeat in autumn: the first of the two
        assertThat(rows.get(1).cells().get(1)).isEqualTo("2026-10-25T02:30:00+02:00");
        assertThat(rows(file, ReadOptions.DEFAULT).get(0).cells().get(1)).isEqualTo("2026-03-29T02:30:00Z");
    }

    @Test
    void tells_date_formats_with_and_without_a_time_apart_by_their_format_code() throws IOException {
        Path file = TestWorkbooks.xlsx(dir, "formats.xlsx", workbook -> {
            Sheet sheet = workbook.createSheet("Sheet1");
            putRows(sheet, 1, new Object[] {"sequence", "a", "b", "c", "d", "e", "f"});
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("A");
            double serial = org.apache.poi.ss.usermodel.DateUtil.getExcelDate(LocalDateTime.of(2026, 12, 1, 14, 45, 10));
            String[] formats = {"[$-409]dddd, mmmm d, yyyy", "m/d/yy h:mm AM/PM", "hh:mm:ss", "yyyy-mm-dd \"(h)\"",
                    "d \"de\" mmmm \"de\" yyyy", "yyyy-mm-dd \"at\" hh:mm"};
            for (int i = 0; i < formats.length; i++) {
                Cell cell = row.createCell(i + 1);
                cell.setCellValue(serial);
                cell.setCellStyle(TestWorkbooks.style(workbook, formats[i]));
            }
        });

        assertThat(rows(file).get(0).cells())
                .containsExactly("A", "2026-12-01", "2026-12-01T14:45:10Z", "14:45:10", "2026-12-01", "2026-12-01",
                        "2026-12-01T14:45:10Z");
    }

    /**
     * Typing {@code 48:00} into a cell makes Excel store 2 (days) with the elapsed-time format
     * {@code [h]:mm:ss}, which shows 48:00:00; the brackets let the hours pass 24. Read as a time of day it
     * would be midnight, and a wait column would be told it got {@code 00:00:00}.
     */
    @ParameterizedTest
    @ValueSource(strings = {"durations.xlsx", "durations.xls"})
    void reads_an_elapsed_time_as_the_hours_it_shows_not_as_a_time_of_day(String name) throws IOException {
        Consumer<Workbook> fill = workbook -> {
            Sheet sheet = workbook.createSheet("Sheet1");
            putRows(sheet, 1, new Object[] {"sequence", "a", "b", "c", "d"}, new Object[] {"A"});
            double[] days = {2, 1.5, 0.0625, 1.25};
            String[] formats = {"[h]:mm:ss", "[h]:mm", "[mm]:ss", "[hh]\"h\" mm\"m\""};
            for (int i = 0; i < days.length; i++) {
                Cell cell = sheet.getRow(1).createCell(i + 1);
                cell.setCellValue(days[i]);
                cell.setCellStyle(TestWorkbooks.style(workbook, formats[i]));
            }
        };
        Path file = name.endsWith(".xls") ? TestWorkbooks.xls(dir, name, fill) : TestWorkbooks.xlsx(dir, name, fill);

        SourceRecord.TableRow row = rows(file).get(0);

        assertThat(row.cells()).containsExactly("A", "48:00:00", "36:00:00", "01:30:00", "30:00:00");
        assertThat(row.cellProblems()).isEmpty();
    }

    @Test
    void reads_dates_of_a_workbook_that_counts_from_1904() throws IOException {
        Path file = TestWorkbooks.xlsx(dir, "mac.xlsx", workbook -> {
            var ct = ((XSSFWorkbook) workbook).getCTWorkbook();
            (ct.isSetWorkbookPr() ? ct.getWorkbookPr() : ct.addNewWorkbookPr()).setDate1904(true);
            Sheet sheet = workbook.createSheet("Sheet1");
            putRows(sheet, 1, new Object[] {"sequence", "start", "exact_datetime", "epoch"},
                    new Object[] {"A", LocalDate.of(2026, 12, 1), LocalDateTime.of(2026, 12, 1, 9, 30)});
            Cell zero = sheet.getRow(1).createCell(3);
            zero.setCellValue(0);
            zero.setCellStyle(TestWorkbooks.style(workbook, "yyyy-mm-dd"));
        });

        assertThat(rows(file).get(0).cells()).containsExactly("A", "2026-12-01", "2026-12-01T09:30:00Z", "1904-01-01");
    }

    /**
     * Excel in Japanese, Chinese and Korean stores its own date and time formats by id alone (27–36,
     * 50–58), without a format code. 31 and 58 are dates and 32 and 33 times of day in every one of those
     * languages, and decide as a format code would; 55, 56 and 35 are dates in Japanese and Korean but
     * times of day in Chinese, so the stored value decides: a time below day 1, a date for a whole day,
     * otherwise both.
     */
    @ParameterizedTest
    @ValueSource(strings = {"poi.xlsx", "poi.xls"})
    void reads_east_asian_builtin_date_formats_as_iso_dates_and_times(String name) throws IOException {
        LocalDateTime afternoon = LocalDateTime.of(2026, 12, 1, 14, 45, 10);
        Path file = builtinFormats(dir, name, false, new Object[][] {
                {31, LocalDate.of(2026, 12, 1)}, {58, afternoon}, {32, 0.625}, {33, afternoon},
                {56, LocalDate.of(2026, 12, 8)}, {35, 0.4375}, {55, afternoon}});

        assertThat(rows(file).get(0).cells()).containsExactly("A", "2026-12-01", "2026-12-01", "15:00:00",
                "14:45:10", "2026-12-08", "10:30:00", "2026-12-01T14:45:10Z");
        assertThat(rows(file, options(null, "Europe/Berlin")).get(0).cells().get(7))
                .isEqualTo("2026-12-01T14:45:10+01:00");
        for (String zone : List.of("Pacific/Kiritimati", "Pacific/Pago_Pago")) {
            assertThat(rows(file, options(null, zone)).get(0).cells()).as(zone)
                    .contains("2026-12-01", "2026-12-08").doesNotContain("2026-11-30", "2026-12-02", "2026-12-07");
        }
    }

    /** Thai Excel's built-in formats (ids 71–81), stored by id alone like the East Asian ones. */
    @ParameterizedTest
    @ValueSource(strings = {"poi.xlsx", "poi.xls"})
    void reads_thai_builtin_date_formats_as_iso_dates_and_times(String name) throws IOException {
        LocalDateTime afternoon = LocalDateTime.of(2026, 12, 1, 14, 45, 10);
        Path file = builtinFormats(dir, name, false, new Object[][] {
                {71, LocalDate.of(2026, 12, 1)}, {81, afternoon}, {75, 0.625}, {77, afternoon}, {61, 1234.0}});

        assertThat(rows(file).get(0).cells()).containsExactly("A", "2026-12-01", "2026-12-01", "15:00:00",
                "2026-12-01T14:45:10Z", "1234");
    }

    @Test
    void reads_east_asian_builtin_date_formats_of_a_workbook_that_counts_from_1904() throws IOException {
        Path file = builtinFormats(dir, "mac.xlsx", true, new Object[][] {
                {31, LocalDate.of(2026, 12, 1)}, {56, LocalDate.of(2026, 12, 8)},
                {55, LocalDateTime.of(2026, 12, 1, 9, 30)}, {34, 0.4375}});

        assertThat(rows(file).get(0).cells()).containsExactly("A", "2026-12-01", "2026-12-08", "2026-12-01T09:30:00Z",
                "10:30:00");
    }

    /**
     * Some programs write a code for a built-in id ({@code <numFmt numFmtId="27" formatCode="0.00"/>}):
     * the code is what the cell shows, as it is for a workbook's own formats from 164 on.
     */
    @Test
    void judges_a_format_code_the_file_writes_by_that_code_even_under_an_east_asian_builtin_id() throws IOException {
        double serial = org.apache.poi.ss.usermodel.DateUtil.getExcelDate(LocalDateTime.of(2026, 12, 1, 14, 45, 10));
        Path file = TestWorkbooks.xlsx(dir, "written.xlsx", workbook -> {
            StylesTable styles = ((XSSFWorkbook) workbook).getStylesSource();
            styles.putNumberFormat((short) 27, "0.00");
            styles.putNumberFormat((short) 56, "yyyy-mm-dd hh:mm");
            Sheet sheet = workbook.createSheet("Sheet1");
            putRows(sheet, 1, new Object[] {"sequence", "a", "b", "c"}, new Object[] {"A", serial, serial, serial});
            Row row = sheet.getRow(1);
            row.getCell(1).setCellStyle(builtinStyle(workbook, 27));
            row.getCell(2).setCellStyle(builtinStyle(workbook, 56));
            row.getCell(3).setCellStyle(TestWorkbooks.style(workbook, "0.0"));
        });

        String number = CellText.plainDecimal(serial);
        assertThat(rows(file).get(0).cells()).containsExactly("A", number, "2026-12-01T14:45:10Z", number);
    }

    /**
     * Date formats of East Asian Excel that a workbook writes as its own codes: the Japanese era
     * ({@code ggge}: era name and year in it), the Taiwanese era year ({@code e}), and AM/PM in the
     * language or before the hour. POI knows none of these tokens.
     */
    @ParameterizedTest
    @ValueSource(strings = {"poi.xlsx", "poi.xls"})
    void reads_east_asian_era_and_am_pm_formats_as_iso_dates_and_times(String name) throws IOException {
        Object[][] cells = {
                {"[$-411]ggge\"年\"m\"月\"d\"日\";@", LocalDate.of(2026, 12, 1)},
                {"[$-404]e/m/d", LocalDate.of(2026, 12, 8)},
                {"上午/下午h\"时\"mm\"分\"", 0.625},
                {"[$-412]AM/PM h:mm:ss", 0.4375},
                {"[$-411]ggge\"年\"m\"月\"d\"日\" h\"時\"mm\"分\"", LocalDateTime.of(2026, 12, 1, 9, 30)},
                {"0.00E+00", 46357.0}};
        Consumer<Workbook> fill = workbook -> {
            Sheet sheet = workbook.createSheet("Sheet1");
            putRows(sheet, 1, new Object[] {"sequence", "a", "b", "c", "d", "e", "f"},
                    new Object[] {"A", cells[0][1], cells[1][1], cells[2][1], cells[3][1], cells[4][1], cells[5][1]});
            for (int i = 0; i < cells.length; i++) {
                sheet.getRow(1).getCell(i + 1).setCellStyle(TestWorkbooks.style(workbook, (String) cells[i][0]));
            }
        };
        Path file = name.endsWith(".xls") ? TestWorkbooks.xls(dir, name, fill) : TestWorkbooks.xlsx(dir, name, fill);

        assertThat(rows(file).get(0).cells()).containsExactly("A", "2026-12-01", "2026-12-08", "15:00:00", "10:30:00",
                "2026-12-01T09:30:00Z", "46357");
    }

    /** One row "A" and a cell per {id, value}: the value in a style naming that built-in format id alone. */
    private static Path builtinFormats(Path dir, String name, boolean date1904, Object[][] cells) {
        Consumer<Workbook> fill = workbook -> {
            if (date1904) {
                var ct = ((XSSFWorkbook) workbook).getCTWorkbook();
                (ct.isSetWorkbookPr() ? ct.getWorkbookPr() : ct.addNewWorkbookPr()).setDate1904(true);
            }
            Sheet sheet = workbook.createSheet("Sheet1");
            Object[] header = new Object[cells.length + 1];
            Object[] values = new Object[cells.length + 1];
            header[0] = "sequence";
            values[0] = "A";
            for (int i = 0; i < cells.length; i++) {
                header[i + 1] = "c" + i;
                values[i + 1] = cells[i][1];
            }
            putRows(sheet, 1, header, values);
            for (int i = 0; i < cells.length; i++) {
                sheet.getRow(1).getCell(i + 1).setCellStyle(builtinStyle(workbook, (Integer) cells[i][0]));
            }
        };
        return name.endsWith(".xls") ? TestWorkbooks.xls(dir, name, fill) : TestWorkbooks.xlsx(dir, name, fill);
    }

    /** A style naming a built-in format by its id alone, as Excel in East Asian languages writes it. */
    private static CellStyle builtinStyle(Workbook workbook, int id) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat((short) id);
        return style;
    }

    @Test
    void reads_booleans_and_rich_text_as_plain_text() throws IOException {
        Path file = TestWorkbooks.xlsx(dir, "text.xlsx", workbook -> {
            Sheet sheet = workbook.createSheet("Sheet1");
            putRows(sheet, 1, new Object[] {"sequence", "active", "body"}, new Object[] {"A", true, null});
            XSSFRichTextString rich = new XSSFRichTextString("Hi {{first_name}},\nbold news");
            XSSFFont bold = (XSSFFont) workbook.createFont();
            bold.setBold(true);
            rich.applyFont(20, 24, bold);
            sheet.getRow(1).createCell(2).setCellValue(rich);
        });

        assertThat(rows(file).get(0).cells()).containsExactly("A", "true", "Hi {{first_name}},\nbold news");
    }

    // Excel stores a character XML cannot carry, and a carriage return, as _xHHHH_ (ST_Xstring): a line
    // break typed in a cell on Windows is "_x000D_\n", and a typed "_x000D_" is "_x005F_x000D_"
    static final String HEADER_STRINGS = "<si><t>sequence</t></si><si><t>body</t></si><si><t>note</t></si>";

    @Test
    void decodes_excel_escaped_carriage_return_in_shared_strings() throws IOException {
        Path file = TestWorkbooks.xlsxParts(dir, "escaped.xlsx", new String[0], HEADER_STRINGS
                        + "<si><t>Q1 Outbound</t></si>"
                        + "<si><t xml:space=\"preserve\">Line one_x000D_\nLine two</t></si>"
                        + "<si><t xml:space=\"preserve\">Col_x0009_umn, and _x005F_x000D_ as typed</t></si>"
                        // rich text: the escape in one run, its line feed in the next
                        + "<si><r><t>Hi_x000D_</t></r><r><rPr><b/></rPr><t xml:space=\"preserve\">\nthere</t></r></si>",
                "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c></row>"
                        + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>3</v></c><c r=\"B2\" t=\"s\"><v>4</v></c><c r=\"C2\" t=\"s\"><v>5</v></c></row>"
                        + "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>3</v></c><c r=\"B3\" t=\"s\"><v>6</v></c></row>");

        List<SourceRecord.TableRow> rows = rows(file);

        // CR LF stays CR LF, as in a multi-line cell of a CSV file: the body reads it as one line break
        assertThat(rows.get(0).cells()).containsExactly("Q1 Outbound", "Line one\r\nLine two",
                "Col\tumn, and _x000D_ as typed");
        assertThat(rows.get(1).cells()).containsExactly("Q1 Outbound", "Hi\r\nthere");
    }

    @Test
    void decodes_excel_escapes_in_inline_strings_formula_results_and_the_header() throws IOException {
        Path file = TestWorkbooks.xlsxParts(dir, "inline.xlsx", new String[0], "",
                "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>sequence</t></is></c>"
                        + "<c r=\"B1\" t=\"inlineStr\"><is><t>body_x005F_x0031_</t></is></c>"
                        + "<c r=\"C1\" t=\"inlineStr\"><is><t>subject</t></is></c></row>"
                        + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>Q1 Outbound</t></is></c>"
                        + "<c r=\"B2\" t=\"inlineStr\"><is><t xml:space=\"preserve\">Hi,_x000D_\n_x000D_\nBye</t></is></c>"
                        + "<c r=\"C2\" t=\"str\"><f>\"Hi\"&amp;CHAR(13)&amp;CHAR(10)&amp;\"there\"</f>"
                        + "<v xml:space=\"preserve\">Hi_x000D_\nthere</v></c></row>");

        SourceRecord.TableRow row = rows(file).get(0);

        assertThat(row.cells()).containsExactly("Q1 Outbound", "Hi,\r\n\r\nBye", "Hi\r\nthere");
        try (SpooledInput input = spool(file, ReadOptions.DEFAULT)) {
            assertThat(input.layout().labels()).containsExactly("sequence", "body_x0031_", "subject");
        }
    }

    @Test
    void passes_a_control_character_decoded_from_an_escape_on_in_the_cell() throws IOException {
        Path file = TestWorkbooks.xlsxParts(dir, "control.xlsx", new String[0], HEADER_STRINGS
                        + "<si><t>Q1 Outbound</t></si><si><t>Hello_x001B_[31m there_x0000_</t></si>",
                "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>"
                        + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>3</v></c><c r=\"B2\" t=\"s\"><v>4</v></c></row>");

        // not dropped here: what to do with a control character is decided where cells are checked
        assertThat(rows(file).get(0).cells()).containsExactly("Q1 Outbound", "Hello\u001B[31m there\u0000");
    }

    @Test
    void keeps_text_like_an_excel_escape_in_a_legacy_xls_as_it_was_typed() throws IOException {
        // .xls stores text as it is; only the xlsx format escapes
        Path file = TestWorkbooks.xls(dir, "typed.xls", workbook -> putRows(workbook.createSheet("Sheet1"), 1,
                new Object[] {"sequence", "body"}, new Object[] {"A", "Line one_x000D_ and _x005F_"}));

        assertThat(rows(file).get(0).cells()).containsExactly("A", "Line one_x000D_ and _x005F_");
    }

    // ISO 8601 date cells (t="d"), as openpyxl (iso_dates=True) and SheetJS (cellDates) write them
    static final String DATE_HEADER = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>sequence</t></is></c>"
            + "<c r=\"B1\" t=\"inlineStr\"><is><t>exact_datetime</t></is></c>"
            + "<c r=\"C1\" t=\"inlineStr\"><is><t>start</t></is></c>"
            + "<c r=\"D1\" t=\"inlineStr\"><is><t>at</t></is></c></row>";

    @Test
    void reads_iso_8601_date_cells_like_other_date_cells() throws IOException {
        Path file = TestWorkbooks.xlsxParts(dir, "iso-dates.xlsx", new String[0], "", DATE_HEADER
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>A</t></is></c>"
                + "<c r=\"B2\" t=\"d\"><v>2026-12-01T09:30:00</v></c><c r=\"C2\" t=\"d\"><v>2026-12-01</v></c>"
                + "<c r=\"D2\" t=\"d\"><v>14:45:10</v></c></row>"
                + "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>B</t></is></c>"
                + "<c r=\"B3\" t=\"d\"><v>2026-07-01T17:05:00.400</v></c><c r=\"C3\" t=\"d\"><v>2026-03-29</v></c></row>");

        assertThat(rows(file).get(0).cells()).containsExactly("A", "2026-12-01T09:30:00Z", "2026-12-01", "14:45:10");
        assertThat(rows(file, options(null, "Europe/Berlin"))).extracting(r -> r.cells().get(1))
                .containsExactly("2026-12-01T09:30:00+01:00", "2026-07-01T17:05:00+02:00");
        for (String zone : List.of("Pacific/Kiritimati", "Pacific/Pago_Pago")) {
            assertThat(rows(file, options(null, zone))).extracting(r -> r.cells().get(2)).as(zone)
                    .containsExactly("2026-12-01", "2026-03-29");
        }
    }

    @Test
    void reads_iso_8601_date_cells_with_a_date_format_by_that_format() throws IOException {
        // SheetJS writes the wall-clock time with a "Z" and gives a date without a format m/d/yy
        Path file = TestWorkbooks.xlsxParts(dir, "sheetjs.xlsx", new String[] {"m/d/yy", "yyyy-mm-dd h:mm:ss"}, "",
                DATE_HEADER + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>A</t></is></c>"
                        + "<c r=\"B2\" t=\"d\" s=\"2\"><v>2026-12-01T09:30:00.000Z</v></c>"
                        + "<c r=\"C2\" t=\"d\" s=\"1\"><v>2026-12-01T00:00:00.000Z</v></c>"
                        + "<c r=\"D2\" t=\"d\" s=\"2\"><v>2026-12-01</v></c></row>");

        assertThat(rows(file, options(null, "Europe/Berlin")).get(0).cells())
                .containsExactly("A", "2026-12-01T09:30:00+01:00", "2026-12-01", "2026-12-01T00:00:00+01:00");
    }

    @Test
    void reports_an_iso_8601_date_cell_that_holds_no_date() throws IOException {
        Path file = TestWorkbooks.xlsxParts(dir, "bad-date.xlsx", new String[0], "", DATE_HEADER
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>A</t></is></c>"
                + "<c r=\"B2\" t=\"d\"><v>next Tuesday</v></c></row>");

        assertThat(rows(file).get(0).cellProblems().get(1)).startsWith("cannot be read");
    }

    @Test
    void reads_formula_cells_as_their_saved_result_without_evaluating_them() throws IOException {
        Path file = TestWorkbooks.xlsx(dir, "formulas.xlsx", new Object[] {"sequence", "subject", "step", "active"},
                new Object[] {Formula.saved("\"Wave \"&\"1\""), Formula.saved("\"Hello \"&\"there\""),
                        Formula.saved("1+2"), Formula.saved("1=1")});

        SourceRecord.TableRow row = rows(file).get(0);

        assertThat(row.cells()).containsExactly("Wave 1", "Hello there", "3", "true");
        assertThat(row.cellProblems()).isEmpty();
    }

    @Test
    void takes_the_guard_apostrophes_off_an_errors_file_saved_as_a_workbook() throws IOException {
        // failed-rows.csv opened in LibreOffice or Excel and saved as .xlsx: the apostrophes stay in the cells
        Path errors = TestWorkbooks.xlsx(dir, "failed-rows.xlsx", workbook -> putRows(workbook.createSheet("failed-rows"),
                1, new Object[] {"_error", "sequence", "subject", "body"},
                new Object[] {"fix it", "'-Q1", "'=guarded", "'+1 415 555 0100"}));
        Path plain = TestWorkbooks.xlsx(dir, "plain.xlsx", workbook -> putRows(workbook.createSheet("Plan"),
                1, new Object[] {"sequence", "subject", "body"}, new Object[] {"Q1", "'=not a formula", "Hi"}));

        assertThat(rows(errors).get(0).cells()).containsExactly("fix it", "-Q1", "=guarded", "+1 415 555 0100");
        assertThat(rows(plain).get(0).cells()).containsExactly("Q1", "'=not a formula", "Hi");
    }

    @ParameterizedTest
    @ValueSource(strings = {"links.xlsx", "links.xls"})
    void a_hyperlink_formula_that_hides_its_address_is_a_cell_problem(String name) throws IOException {
        // a calendar link behind "Book a call" would reach Apollo as the words alone
        Object[] header = {"sequence", "body", "note"};
        Object[] row = {"A", Formula.saved("HYPERLINK(\"https://cal.example/ada\",\"Book a call\")"),
                Formula.saved("HYPERLINK(\"https://cal.example/ada\")")};
        Path file = workbook(name, sheet -> putRows(sheet, 1, header, row));

        SourceRecord.TableRow read = rows(file).get(0);

        assertThat(read.cells()).containsExactly("A", "Book a call", "https://cal.example/ada");
        // the note shows its own address: nothing is lost
        assertThat(read.cellProblems()).containsOnlyKeys(1);
        assertThat(read.cellProblems().get(1)).isEqualTo(bookACallLinkLost("=HYPERLINK"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ctrl-k.xlsx", "ctrl-k.xls"})
    void a_cell_linked_with_insert_link_that_hides_its_address_is_a_cell_problem(String name) throws IOException {
        // a calendar link behind "Book a call" would reach Apollo as the words alone
        Path file = workbook(name, sheet -> {
            putRows(sheet, 1, new Object[] {"sequence", "body", "note", "reply_to"},
                    new Object[] {"A", "Book a call", "https://cal.example/ada", "ada@example.com"});
            Row row = sheet.getRow(1);
            TestWorkbooks.link(row.getCell(1), HyperlinkType.URL, "https://cal.example/ada");
            // Excel links a typed address by itself: the cell shows all there is
            TestWorkbooks.link(row.getCell(2), HyperlinkType.URL, "https://cal.example/ada");
            TestWorkbooks.link(row.getCell(3), HyperlinkType.EMAIL, "mailto:ada@example.com");
        });

        SourceRecord.TableRow read = rows(file).get(0);

        assertThat(read.cells()).containsExactly("A", "Book a call", "https://cal.example/ada", "ada@example.com");
        assertThat(read.cellProblems()).containsOnlyKeys(1);
        assertThat(read.cellProblems().get(1)).isEqualTo(bookACallLinkLost("Insert > Link"));
    }

    /** The problem of a "Book a call" cell linked to the calendar, the link made with {@code how}. */
    private static String bookACallLinkLost(String how) {
        return "is a link to https://cal.example/ada (" + how + "), but only a cell's text is read, so the email would"
                + " show 'Book a call' without the link; write the link into the text instead (in a body: <a"
                + " href=\"https://cal.example/ada\">Book a call</a>), or type the address itself";
    }

    @ParameterizedTest
    @ValueSource(strings = {"typed-web-address.xlsx", "typed-web-address.xls"})
    void a_typed_web_address_that_excel_linked_by_itself_is_not_a_cell_problem(String name) throws IOException {
        // typing www.example.com makes Excel link it to http://www.example.com/, and show what was typed
        Path file = workbook(name, sheet -> {
            putRows(sheet, 1, new Object[] {"sequence", "body"}, new Object[] {"A", "www.example.com"});
            TestWorkbooks.link(sheet.getRow(1).getCell(1), HyperlinkType.URL, "http://www.example.com/");
        });

        assertThat(rows(file).get(0).cellProblems()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"link-range.xlsx", "link-range.xls"})
    void a_link_added_to_several_cells_at_once_makes_each_of_them_a_cell_problem(String name) throws IOException {
        Path file = workbook(name, sheet -> {
            putRows(sheet, 1, new Object[] {"sequence", "body"}, new Object[] {"A", "Book a call"},
                    new Object[] {"B", "Book a demo"}, new Object[] {"C", "Say hi"}, new Object[] {"D", "Not linked"});
            Hyperlink link = TestWorkbooks.link(sheet.getRow(1).getCell(1), HyperlinkType.URL, "https://cal.example/ada");
            // one link over B2:B4, as the file keeps a link added to a selection
            link.setLastRow(3);
        });

        List<SourceRecord.TableRow> read = rows(file);

        assertThat(read).extracting(row -> row.cellProblems().keySet()).containsExactly(Set.of(1), Set.of(1), Set.of(1),
                Set.of());
        assertThat(read.get(2).cellProblems().get(1)).startsWith("is a link to https://cal.example/ada (Insert > Link),"
                + " but only a cell's text is read, so the email would show 'Say hi' without the link;");
    }

    @ParameterizedTest
    @ValueSource(strings = {"place-link.xlsx", "place-link.xls"})
    void a_link_to_a_place_in_the_workbook_is_not_a_cell_problem(String name) throws IOException {
        // "Place in This Document" leads nowhere outside the workbook: no email could have carried it
        Path file = workbook(name, sheet -> {
            putRows(sheet, 1, new Object[] {"sequence", "body"}, new Object[] {"A", "See the plan"});
            TestWorkbooks.link(sheet.getRow(1).getCell(1), HyperlinkType.DOCUMENT, "'Plan'!A1");
        });

        SourceRecord.TableRow read = rows(file).get(0);

        assertThat(read.cells()).containsExactly("A", "See the plan");
        assertThat(read.cellProblems()).isEmpty();
    }

    /** A workbook of one sheet, "Plan", as .xlsx or .xls by the name's ending. */
    private Path workbook(String name, Consumer<Sheet> fill) {
        Consumer<Workbook> plan = workbook -> fill.accept(workbook.createSheet("Plan"));
        return name.endsWith(".xls") ? TestWorkbooks.xls(dir, name, plan) : TestWorkbooks.xlsx(dir, name, plan);
    }

    @Test
    void keeps_a_spreadsheet_error_as_text_and_makes_it_a_cell_problem() throws IOException {
        Path file = TestWorkbooks.xlsx(dir, "errors.xlsx", new Object[] {"sequence", "subject", "step"},
                new Object[] {"A", Formula.saved("NA()"), Formula.saved("1/0")});

        SourceRecord.TableRow row = rows(file).get(0);

        assertThat(row.cells()).containsExactly("A", "#N/A", "#DIV/0!");
        assertThat(row.cellProblems()).containsEntry(1,
                "shows the spreadsheet error #N/A; fix the formula or type the value");
        assertThat(row.cellProblems().get(2)).startsWith("shows the spreadsheet error #DIV/0!");
    }

    @Test
    void reports_a_formula_without_a_saved_result_instead_of_reading_it_as_empty() throws IOException {
        Path file = TestWorkbooks.xlsx(dir, "unsaved.xlsx", new Object[] {"sequence", "subject"},
                new Object[] {"A", new Formula("\"Hi \"&\"there\"", false)});

        SourceRecord.TableRow row = rows(file).get(0);

        assertThat(row.cellProblems().get(1)).contains("holds =\"Hi \"&\"there\" without a saved result")
                .contains("save it again");
    }

    @Test
    void makes_a_cell_longer_than_the_limit_a_problem_of_its_row() throws IOException {
        Path file = TestWorkbooks.xlsx(dir, "long.xlsx", new Object[] {"sequence", "body"},
                new Object[] {"A", "x".repeat(30)});
        ReadOptions tight = new ReadOptions(null, null, null, ZoneId.of("UTC"), new InputLimits(1 << 20, 100, 20));

        assertThat(rows(file, tight).get(0).cellProblems().get(1))
                .isEqualTo("holds 30 characters; a cell may hold at most 20, so shorten it");
    }

    // ---- which sheet ------------------------------------------------------------------------------

    @Test
    void reads_the_sheet_named_in_the_options_whatever_its_case() throws IOException {
        Path file = TestWorkbooks.xlsx(dir, "named.xlsx", workbook -> {
            putRows(workbook.createSheet("Notes"), 1, new Object[] {"sequence"}, new Object[] {"Not this"});
            putRows(workbook.createSheet("Q3 Plan"), 1, new Object[] {"sequence"}, new Object[] {"This one"});
        });

        assertThat(rows(file, options("q3 plan ", "UTC"))).extracting(r -> r.cells().get(0)).containsExactly("This one");
    }

    @Test
    void names_the_sheets_there_are_when_the_configured_sheet_is_missing() {
        Path file = TestWorkbooks.xlsx(dir, "missing.xlsx", workbook -> {
            putRows(workbook.createSheet("Notes"), 1, new Object[] {"sequence"}, new Object[] {"A"});
            putRows(workbook.createSheet("Plan"), 1, new Object[] {"sequence"}, new Object[] {"B"});
        });

        assertThatThrownBy(() -> rows(file, options("Q4", "UTC")))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessage("has no sheet named \"Q4\"; its sheets are \"Notes\", \"Plan\"");
    }

    @Test
    void skips_hidden_sheets_when_choosing_the_first() throws IOException {
        Path file = TestWorkbooks.xlsx(dir, "hidden.xlsx", workbook -> {
            putRows(workbook.createSheet("Lists"), 1, new Object[] {"sequence"}, new Object[] {"Hidden"});
            putRows(workbook.createSheet("Plan"), 1, new Object[] {"sequence"}, new Object[] {"Visible"});
            workbook.setSheetHidden(0, true);
            workbook.setActiveSheet(1);
        });

        assertThat(rows(file)).extracting(r -> r.cells().get(0)).containsExactly("Visible");
    }

    @Test
    void names_the_other_sheets_when_the_first_visible_one_has_no_usable_header() {
        Path file = TestWorkbooks.xlsx(dir, "instructions.xlsx", workbook -> {
            putRows(workbook.createSheet("Lists"), 1, new Object[] {"sequence"}, new Object[] {"Hidden"});
            putRows(workbook.createSheet("How to"), 1, new Object[] {"How to use this workbook"},
                    new Object[] {"Fill in the Plan sheet, one row per email."});
            putRows(workbook.createSheet("Plan"), 1, new Object[] {"sequence"}, new Object[] {"Q1"});
            workbook.setSheetHidden(0, true);
            workbook.setActiveSheet(1);
        });

        // without the sheets, the message would have the user edit the instructions' rows
        assertThatThrownBy(() -> rows(file)).isInstanceOf(UnreadableInputException.class)
                .hasMessageStartingWith("the first row is not a header")
                .hasMessageEndingWith(" (read from sheet \"How to\", the first visible one; the workbook also has"
                        + " \"Plan\": if the rows are on another sheet, name it in input.sheet or the source's sheet"
                        + " setting)");
    }

    @Test
    void names_only_the_sheet_for_a_header_refused_on_a_sheet_set_in_the_options() {
        Path file = TestWorkbooks.xlsx(dir, "named-notes.xlsx", workbook -> {
            putRows(workbook.createSheet("Notes"), 1, new Object[] {"Read me first"}, new Object[] {"Really"});
            putRows(workbook.createSheet("Plan"), 1, new Object[] {"sequence"}, new Object[] {"Q1"});
        });

        assertThatThrownBy(() -> rows(file, options("Notes", "UTC"))).isInstanceOf(UnreadableInputException.class)
                .hasMessageStartingWith("the first row is not a header").hasMessageNotContaining("Plan");
    }

    // ---- Sequences and Steps ------------------------------------------------------------------------

    static Path team(Path dir, String name) {
        return TestWorkbooks.xlsx(dir, name, workbook -> {
            putRows(workbook.createSheet("Sequences"), 1,
                    new Object[] {"Sequence", "Permissions", "Labels"},
                    new Object[] {"Q1 Outbound", "team_can_use", "Outbound"},
                    new Object[] {"Renewals", "private", null});
            putRows(workbook.createSheet("STEPS"), 1,
                    new Object[] {"sequence", "step", "wait_time", "subject", "body", "Labels"},
                    new Object[] {"Q1 Outbound", 1, 0, "Hi {{first_name}}", "Hello"},
                    new Object[] {"Renewals", 1, 0, "Renewal", "Time to renew"},
                    new Object[] {"Q1 Outbound", 2, 3, null, "Bumping this"});
        });
    }

    @Test
    void reads_a_sequences_sheet_and_a_steps_sheet_as_one_table() throws IOException {
        try (SpooledInput input = spool(team(dir, "team.xlsx"), ReadOptions.DEFAULT)) {
            assertThat(input.layout().labels()).containsExactly("Sequence", "Permissions", "Labels", "step",
                    "wait_time", "subject", "body");
            assertThat(input.recordCount()).isEqualTo(5);
            List<SequenceCandidate> sequences = new ArrayList<>();
            input.sequences().forEachRemaining(sequences::add);
            assertThat(sequences).extracting(SequenceCandidate::name).containsExactly("Q1 Outbound", "Renewals");
            SequenceCandidate q1 = sequences.get(0);
            assertThat(q1.recordNumbers()).containsExactly(10_000_002, 20_000_002, 20_000_004);
            assertThat(((SourceRecord.TableRow) q1.records().get(0)).cells())
                    .containsExactly("Q1 Outbound", "team_can_use", "Outbound");
            assertThat(((SourceRecord.TableRow) q1.records().get(2)).cells())
                    .containsExactly("Q1 Outbound", "", "", "2", "3", "", "Bumping this");
        }
    }

    @Test
    void reports_a_step_of_a_sequence_the_sequences_sheet_does_not_list_and_a_name_listed_twice() throws IOException {
        Path file = TestWorkbooks.xlsx(dir, "mismatch.xlsx", workbook -> {
            putRows(workbook.createSheet("Sequences"), 1, new Object[] {"sequence", "permissions"},
                    new Object[] {"A", "private"}, new Object[] {"A", "team_can_use"});
            putRows(workbook.createSheet("Steps"), 1, new Object[] {"sequence", "subject"},
                    new Object[] {"A", "Hi"}, new Object[] {"Typo", "Hello"});
        });

        List<SourceRecord.TableRow> rows = rows(file);

        assertThat(rows.get(1).cellProblems()).containsEntry(0, "names sequence 'A' a second time (it is first on"
                + " Sequences row 2); give each sequence one row on the Sequences sheet");
        assertThat(rows.get(3).cellProblems()).containsEntry(0, "names sequence 'Typo', which the Sequences sheet"
                + " does not list; add a row for it there or correct the name");
    }

    @Test
    void needs_a_sequence_column_on_each_of_the_two_sheets() {
        Path file = TestWorkbooks.xlsx(dir, "no-sequence.xlsx", workbook -> {
            putRows(workbook.createSheet("Sequences"), 1, new Object[] {"sequence", "permissions"}, new Object[] {"A", "private"});
            putRows(workbook.createSheet("Steps"), 1, new Object[] {"step", "subject"}, new Object[] {1, "Hi"});
        });

        assertThatThrownBy(() -> rows(file)).isInstanceOf(UnreadableInputException.class)
                .hasMessageStartingWith("has a Steps sheet whose header (row 1) is not usable: the header has no"
                        + " sequence column");
    }

    @Test
    void reads_only_the_named_sheet_when_one_is_configured_even_with_a_sequences_and_steps_pair() throws IOException {
        Path file = team(dir, "configured.xlsx");

        assertThat(rows(file, options("Steps", "UTC"))).extracting(SourceRecord.TableRow::number).containsExactly(2, 3, 4);
    }

    // ---- legacy .xls ----------------------------------------------------------------------------------

    @Test
    void reads_a_legacy_xls_workbook_by_the_same_rules() throws IOException {
        Path file = TestWorkbooks.xls(dir, "old.xls", workbook -> putRows(workbook.createSheet("Sheet1"), 1,
                new Object[] {"sequence", "step", "exact_datetime", "start", "active", "subject"},
                new Object[] {"A", 1.0, LocalDateTime.of(2026, 12, 1, 9, 30), LocalDate.of(2026, 12, 1), false,
                        Formula.saved("NA()")}));

        SourceRecord.TableRow row = rows(file).get(0);

        assertThat(row.number()).isEqualTo(2);
        assertThat(row.cells()).containsExactly("A", "1", "2026-12-01T09:30:00Z", "2026-12-01", "false", "#N/A");
        assertThat(row.cellProblems()).containsOnlyKeys(5);
    }

    @Test
    void reads_a_workbook_by_its_content_whatever_its_extension_says() throws IOException {
        Path xls = TestWorkbooks.xls(dir, "really-xls.xlsx", workbook -> putRows(workbook.createSheet("S"), 1,
                new Object[] {"sequence"}, new Object[] {"From xls"}));
        Path xlsx = TestWorkbooks.xlsx(dir, "really-xlsx.xls", new Object[] {"sequence"}, new Object[] {"From xlsx"});

        assertThat(rows(xls).get(0).cells()).containsExactly("From xls");
        assertThat(rows(xlsx).get(0).cells()).containsExactly("From xlsx");
    }

    // ---- limits -----------------------------------------------------------------------------------------

    @Test
    void refuses_a_workbook_with_more_rows_than_the_limit() {
        Path file = TestWorkbooks.xlsx(dir, "many.xlsx", new Object[] {"sequence"}, new Object[] {"A"},
                new Object[] {"B"}, new Object[] {"C"}, new Object[] {"D"});
        ReadOptions tight = new ReadOptions(null, null, null, ZoneId.of("UTC"), new InputLimits(1 << 20, 3, 1000));

        assertThatThrownBy(() -> rows(file, tight)).isInstanceOf(UnreadableInputException.class)
                .hasMessage("has more than 3 rows, the most a file may have (input.max-rows); split it into smaller"
                        + " files");
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    static ReadOptions options(String sheet, String zone) {
        return new ReadOptions(null, null, sheet, ZoneId.of(zone), InputLimits.DEFAULT);
    }

    static SpooledInput spool(Path file, ReadOptions options) throws IOException {
        String name = file.getFileName().toString();
        InputFile input = new InputFile(name, file, InputFormat.forFileName(name).orElseThrow(), Instant.now(),
                "test_" + name, new SourceProfile("test", options, Map.of(), Map.of(), BodyFormat.AUTO));
        return new InputSpooler(TestInputs.MAPPER).spool(input);
    }

    static List<SourceRecord.TableRow> rows(Path file) throws IOException {
        return rows(file, ReadOptions.DEFAULT);
    }

    /** Every record of the file, in file order. */
    static List<SourceRecord.TableRow> rows(Path file, ReadOptions options) throws IOException {
        try (SpooledInput input = spool(file, options)) {
            return rows(input);
        }
    }

    static List<SourceRecord.TableRow> rows(SpooledInput input) {
        List<SourceRecord.TableRow> rows = new ArrayList<>();
        input.sequences().forEachRemaining(s -> s.records().forEach(r -> rows.add((SourceRecord.TableRow) r)));
        rows.sort((a, b) -> Integer.compare(a.number(), b.number()));
        return rows;
    }

}
