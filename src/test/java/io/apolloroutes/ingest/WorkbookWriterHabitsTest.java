package io.apolloroutes.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.apolloroutes.apollo.EmailerStep;
import io.apolloroutes.mapping.SequenceDraft;
import io.apolloroutes.mapping.SequenceMapper;
import io.apolloroutes.support.TestInputs;
import io.apolloroutes.support.TestWorkbooks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Workbooks as programs write them that are not the Excel or LibreOffice of the other tests: hand-written
 * packages (src/test/resources/inputs/workbooks, made by its {@code hand-written.py}, see its README)
 * that reproduce one writer's habit each, read as a CSV export of the same sheet would hold them.
 */
class WorkbookWriterHabitsTest {

    private static final String WORKBOOKS = "inputs/workbooks/";

    @TempDir
    Path dir;

    private final SequenceMapper mapper = new SequenceMapper(TestInputs.MAPPER);

    // ---- number formats ---------------------------------------------------------------------------------

    /**
     * Excel 2016 and later write a language tag into date formats: "Long Date" and "Time" from the
     * number format list are {@code [$-x-sysdate]dddd, mmmm dd, yyyy} and {@code [$-x-systime]h:mm:ss AM/PM},
     * and a format picked with a locale starts {@code [$-en-US]}. G3 is a formula with its saved result.
     */
    @Test
    void reads_dates_and_times_whose_format_has_a_language_tag_as_dates_and_times() throws IOException {
        Path file = TestInputs.copy(WORKBOOKS + "excel-language-tagged-dates.xlsx", dir);

        List<SourceRecord.TableRow> rows = WorkbookRecordReaderTest.rows(file);

        assertThat(rows).extracting(SourceRecord.TableRow::cellProblems).containsOnly(java.util.Map.of());
        assertThat(rows.get(0).cells()).containsExactly("Q4 Launch", "true", "1", "auto_email", "0", "minute",
                "2026-12-01T09:30:00Z", "Launch day, {{first_name}}", "Hi {{first_name}}, we are live today.",
                "2026-12-01", "15:00:00", "2026-12-08");
        assertThat(rows.get(1).cells()).containsExactly("Q4 Launch", "", "2", "call", "2", "day",
                "2026-12-03T10:30:00Z", "", "", "", "10:30:00");

        List<SequenceDraft> drafts = drafts(file);
        assertThat(drafts.get(0).problems()).isEmpty();
        assertThat(drafts.get(0).request().emailerSteps()).extracting(EmailerStep::type, EmailerStep::exactDatetime)
                .containsExactly(tuple("auto_email", "2026-12-01T09:30:00Z"), tuple("call", "2026-12-03T10:30:00Z"));
    }

    /**
     * Excel in Japanese stores its own date and time formats by id alone, without a format code:
     * {@code yyyy"年"m"月"d"日"} (31), {@code m"月"d"日"} (56), {@code h"時"mm"分"} (32), the Japanese era
     * {@code [$-411]ggge"年"m"月"d"日"} (58) and {@code yyyy"年"m"月"} (55). POI knows these ids as
     * "reserved" formats, so the cells read as day numbers (46357) unless they are recognised.
     */
    @Test
    void reads_japanese_builtin_date_formats_as_iso_dates_and_times() throws IOException {
        Path file = TestInputs.copy(WORKBOOKS + "excel-japanese-builtin-dates.xlsx", dir);

        List<SourceRecord.TableRow> rows = WorkbookRecordReaderTest.rows(file);

        assertThat(rows).extracting(SourceRecord.TableRow::cellProblems).containsOnly(java.util.Map.of());
        assertThat(rows.get(0).cells()).containsExactly("Q4 Launch", "1", "auto_email", "0", "minute",
                "Launch day, {{first_name}}", "Hi {{first_name}}, we are live today.", "2026-12-01", "2026-12-08",
                "15:00:00", "2026-12-03", "2026-12-01");
        assertThat(rows.get(1).cells()).containsExactly("Q4 Launch", "2", "call", "2", "day", "", "", "", "",
                "10:30:00");
        assertThat(drafts(file).get(0).problems()).isEmpty();
    }

    // ---- numbers ----------------------------------------------------------------------------------------

    /**
     * Programs write an integer column with all its digits: pandas (through openpyxl or xlsxwriter) and
     * SheetJS a 16-digit number, Go's excelize an int64. Rounded to Excel's 15 digits, an ID would
     * silently become another one.
     */
    @Test
    void keeps_every_digit_of_a_whole_number_longer_than_fifteen_digits() throws IOException {
        Path file = TestInputs.copy(WORKBOOKS + "long-whole-numbers.xlsx", dir);

        List<SourceRecord.TableRow> rows = WorkbookRecordReaderTest.rows(file);

        assertThat(rows).extracting(row -> row.cells().get(7))
                .containsExactly("1234567890123456", "-9007199254740993", "1152921504606846977");
        assertThat(rows).extracting(row -> row.cells().get(1)).containsExactly("1", "2", "3");
    }

    /** POI writes 1234567890123456 as 1.234567890123456E15; the number is whole and exact all the same. */
    @ParameterizedTest
    @ValueSource(strings = {"poi.xlsx", "poi.xls"})
    void keeps_every_digit_of_an_exact_whole_number_and_still_rounds_binary_noise(String name) throws IOException {
        Object[][] rows = {{"sequence", "crm_id", "a", "b", "c"},
                {"A", 1234567890123456L, 3.0000000000000004, 0.1 + 0.2, -9007199254740992L}};
        Path file = name.endsWith(".xls") ? TestWorkbooks.xls(dir, name, workbook ->
                TestWorkbooks.putRows(workbook.createSheet("Sheet1"), 1, rows)) : TestWorkbooks.xlsx(dir, name, rows);

        assertThat(WorkbookRecordReaderTest.rows(file).get(0).cells())
                .containsExactly("A", "1234567890123456", "3", "0.3", "-9007199254740992");
    }

    // ---- formulas ---------------------------------------------------------------------------------------

    /**
     * openpyxl writes a formula as {@code <f>} followed by an empty {@code <v>}, since it does not
     * calculate formulas; text as inline strings, and relationships with absolute part names.
     */
    @Test
    void reports_a_formula_openpyxl_wrote_without_calculating_it_as_such_not_as_damaged() throws IOException {
        Path file = TestInputs.copy(WORKBOOKS + "openpyxl-formulas.xlsx", dir);

        List<SourceRecord.TableRow> rows = WorkbookRecordReaderTest.rows(file);

        String notCalculated = " without a saved result (the program that wrote the file did not calculate it); open"
                + " the file in Excel or LibreOffice and save it again, or type the value";
        assertThat(rows).extracting(SourceRecord.TableRow::number).containsExactly(2, 3);
        assertThat(rows.get(0).cells()).containsExactly("Partner Nurture", "1", "auto_email", "0", "minute", "",
                "Hi {{first_name}}, do you have ten minutes this week?");
        assertThat(rows.get(0).cellProblems()).containsExactly(java.util.Map.entry(5,
                "holds =CONCATENATE(\"Quick question, \",\"{{first_name}}\")" + notCalculated));
        assertThat(rows.get(1).cells()).containsExactly("Partner Nurture", "2", "auto_email", "", "day", "",
                "Hi {{first_name}}, just bringing this back up. ");
        assertThat(rows.get(1).cellProblems()).containsExactly(java.util.Map.entry(3, "holds =B3+1" + notCalculated));
    }

    // ---- phonetic guides -------------------------------------------------------------------------------

    @Test
    void reads_text_typed_in_japanese_without_its_phonetic_guides() throws IOException {
        // Excel keeps the reading (furigana) beside the text in the shared strings table
        List<SequenceDraft> drafts = drafts(TestInputs.copy(WORKBOOKS + "excel-japanese-furigana.xlsx", dir));

        assertThat(drafts).singleElement().satisfies(draft -> {
            assertThat(draft.problems()).isEmpty();
            assertThat(draft.name()).isEqualTo("東京キャンペーン");
            assertThat(draft.request().emailerSteps().get(0).emailerTouches().get(0).emailerTemplate().subject())
                    .isEqualTo("大阪の件");
        });
    }

    @Test
    void refuses_inline_text_whose_phonetic_guides_would_be_read_as_text() throws IOException {
        // excel-streaming-reader would read the inline cell as "東京キャンペーントウキョウ"
        Path file = TestInputs.copy(WORKBOOKS + "inline-furigana.xlsx", dir);

        assertThatThrownBy(() -> WorkbookRecordReaderTest.rows(file))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessage("has phonetic guides (furigana) kept inside the text of cells on sheet \"Sheet1\" (first"
                        + " at A2), which would be read as part of the text; open the workbook in Excel and save it"
                        + " (Excel keeps the guides apart from the text), or save the sheet as CSV UTF-8, and drop it"
                        + " again");
    }

    // ---- sheets -----------------------------------------------------------------------------------------

    /**
     * Excel's Move Chart > New sheet makes a chart sheet: a tab with one chart and no cells. Dragged in front
     * of the data, as a dashboard often is, it was taken for the first sheet and the file refused as empty.
     */
    @Test
    void reads_the_first_worksheet_when_a_chart_sheet_is_the_first_tab() throws IOException {
        Path file = TestInputs.copy(WORKBOOKS + "excel-chart-sheet-first.xlsx", dir);

        List<SourceRecord.TableRow> rows = WorkbookRecordReaderTest.rows(file);

        assertThat(rows).extracting(row -> row.cells().get(0)).containsExactly("Q4 Launch", "Q4 Launch");
        List<SequenceDraft> drafts = drafts(file);
        assertThat(drafts).singleElement().satisfies(draft -> assertThat(draft.problems()).isEmpty());
    }

    @Test
    void refuses_a_chart_sheet_named_as_the_sheet_to_read() throws IOException {
        Path file = TestInputs.copy(WORKBOOKS + "excel-chart-sheet-first.xlsx", dir);

        assertThatThrownBy(() -> WorkbookRecordReaderTest.rows(file, WorkbookRecordReaderTest.options("dashboard", "UTC")))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessage("has no rows on sheet \"Dashboard\", a chart sheet, not a worksheet; name the sheet with"
                        + " the rows in input.sheet or the source's sheet setting");
    }

    @Test
    void says_the_sheets_with_rows_are_hidden_when_only_a_chart_sheet_shows() throws IOException {
        Path file = withWorkbookPart("data-hidden.xlsx", "xl/workbook.xml",
                xml -> xml.replace("name=\"Q4 plan\"", "name=\"Q4 plan\" state=\"hidden\""));

        assertThatThrownBy(() -> WorkbookRecordReaderTest.rows(file)).isInstanceOf(UnreadableInputException.class)
                .hasMessage("shows only sheets without rows (such as chart sheets); the worksheets are hidden: unhide"
                        + " the sheet to read (or name it in the source's sheet setting)");
    }

    @Test
    void does_not_take_a_chart_sheet_named_steps_for_half_of_the_two_sheet_layout() throws IOException {
        Path file = withWorkbookPart("renamed.xlsx", "xl/workbook.xml",
                xml -> xml.replace("\"Dashboard\"", "\"Steps\"").replace("\"Q4 plan\"", "\"Sequences\""));

        assertThat(WorkbookRecordReaderTest.rows(file)).extracting(row -> row.cells().get(0))
                .containsExactly("Q4 Launch", "Q4 Launch");
    }

    @Test
    void passes_over_a_dialog_sheet_as_over_a_chart_sheet() throws IOException {
        Path file = withWorkbookPart("dialog.xlsx", "xl/_rels/workbook.xml.rels",
                xml -> xml.replace("/chartsheet\"", "/dialogsheet\""));

        assertThat(WorkbookRecordReaderTest.rows(file)).hasSize(2);
        assertThatThrownBy(() -> WorkbookRecordReaderTest.rows(file, WorkbookRecordReaderTest.options("Dashboard", "UTC")))
                .hasMessageStartingWith("has no rows on sheet \"Dashboard\", a dialog sheet, not a worksheet;");
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private List<SequenceDraft> drafts(Path file) throws IOException {
        List<SequenceDraft> drafts = new ArrayList<>();
        try (SpooledInput input = TestInputs.spool(file)) {
            input.sequences().forEachRemaining(candidate -> drafts.add(mapper.map(candidate)));
        }
        return drafts;
    }

    /** The chart-sheet workbook with one part's text changed. */
    private Path withWorkbookPart(String name, String part, UnaryOperator<String> change) throws IOException {
        Path source = TestInputs.copy(WORKBOOKS + "excel-chart-sheet-first.xlsx", dir);
        return TestWorkbooks.repack(source, dir.resolve(name), Map.of(part,
                change.apply(TestWorkbooks.part(source, part)).getBytes(StandardCharsets.UTF_8)));
    }
}
