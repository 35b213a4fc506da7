package io.apolloroutes.ingest;

import static io.apolloroutes.support.TestWorkbooks.putRows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apolloroutes.apollo.EmailerStep;
import io.apolloroutes.mapping.SequenceDraft;
import io.apolloroutes.mapping.SequenceMapper;
import io.apolloroutes.support.TestInputs;
import io.apolloroutes.support.TestWorkbooks;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What people do in spreadsheets that a CSV cannot show: merged cells and the like, in workbooks as
 * LibreOffice writes them (src/test/resources/inputs/workbooks, each made from the {@code .fods} beside
 * it) and as POI builds them.
 */
class WorkbookSpreadsheetHabitsTest {

    private static final String WORKBOOKS = "inputs/workbooks/";

    @TempDir
    Path dir;

    private final SequenceMapper mapper = new SequenceMapper(TestInputs.MAPPER);

    // ---- title rows ------------------------------------------------------------------------------------

    /** A title merged across the top of the sheet and an empty row, above the column names, as people share a plan. */
    @ParameterizedTest
    @ValueSource(strings = {"titled.xlsx", "titled.xls"})
    void reads_the_header_below_a_merged_title_and_reports_the_title_left_out(String name) throws IOException {
        Path file = workbook(name, workbook -> {
            Sheet sheet = workbook.createSheet("Plan");
            putRows(sheet, 1, new Object[] {"Q4 outbound plan — owner Ada"});
            sheet.addMergedRegion(CellRangeAddress.valueOf("A1:D1"));
            putRows(sheet, 3, new Object[] {"sequence", "step", "subject", "body"},
                    new Object[] {"Renewals", 1, "Hi", "Hello"});
        });

        try (SpooledInput input = TestInputs.spool(file)) {
            assertThat(input.warnings()).contains("row 1, above the column names in row 3, left out as a title:"
                    + " 'Q4 outbound plan — owner Ada'");
            assertThat(WorkbookRecordReaderTest.rows(input)).extracting(SourceRecord.TableRow::number).containsExactly(4);
        }
    }

    @Test
    void names_the_sheet_whose_title_was_left_out_in_a_sequences_and_steps_workbook() throws IOException {
        Path file = TestWorkbooks.xlsx(dir, "pair.xlsx", workbook -> {
            putRows(workbook.createSheet("Sequences"), 1, new Object[] {"sequence", "permissions"},
                    new Object[] {"Renewals", "team_can_use"});
            Sheet steps = workbook.createSheet("Steps");
            putRows(steps, 1, new Object[] {"Steps, as agreed on 3 November"},
                    new Object[] {"sequence", "step", "subject", "body"}, new Object[] {"Renewals", 1, "Hi", "Hello"});
        });

        try (SpooledInput input = TestInputs.spool(file)) {
            assertThat(input.warnings()).contains("Steps sheet: row 1, above the column names in row 2, left out as a"
                    + " title: 'Steps, as agreed on 3 November'");
        }
        assertThat(TestInputs.candidates(file)).singleElement()
                .satisfies(s -> assertThat(s.records()).hasSize(2));
    }

    @Test
    void names_the_sheet_and_row_of_column_names_below_a_title_that_cannot_be_the_header() {
        Path file = TestWorkbooks.xlsx(dir, "pair.xlsx", workbook -> {
            putRows(workbook.createSheet("Sequences"), 1, new Object[] {"sequence", "permissions"},
                    new Object[] {"Renewals", "team_can_use"});
            putRows(workbook.createSheet("Steps"), 1, new Object[] {"Steps, as agreed"},
                    new Object[] {"sequence", "step", "subject", "Subject"}, new Object[] {"Renewals", 1, "Hi", "Hello"});
        });

        assertThatThrownBy(() -> TestInputs.spool(file)).isInstanceOf(UnreadableInputException.class)
                .hasMessageStartingWith("has a Steps sheet whose header (row 2) is not usable: columns 3 (\"subject\")"
                        + " and 4 (\"Subject\")");
    }

    @Test
    void names_the_sheet_whose_rows_above_the_header_are_data() {
        Path file = TestWorkbooks.xlsx(dir, "pair.xlsx", workbook -> {
            putRows(workbook.createSheet("Sequences"), 1, new Object[] {"sequence", "permissions"},
                    new Object[] {"Renewals", "team_can_use"});
            putRows(workbook.createSheet("Steps"), 1, new Object[] {"Renewals", null, null, "Hello"},
                    new Object[] {"sequence", "step", "subject", "body"}, new Object[] {"Renewals", 1, "Hi", "Hello"});
        });

        assertThatThrownBy(() -> TestInputs.spool(file)).isInstanceOf(UnreadableInputException.class)
                .hasMessageStartingWith("has a Steps sheet whose header (row 2) is not usable: row 1 above it fills"
                        + " \"sequence\" and \"body\" like a row of data");
    }

    private Path workbook(String name, Consumer<Workbook> fill) {
        return name.endsWith(".xls") ? TestWorkbooks.xls(dir, name, fill) : TestWorkbooks.xlsx(dir, name, fill);
    }

    // ---- checkboxes ------------------------------------------------------------------------------------

    /**
     * A column of checkboxes (Google Sheets' or Excel's Insert > Checkbox) put in further down than the rows
     * filled in: every box left unchecked holds FALSE, so the rows below the data, and an empty row between
     * two steps, show nothing but an empty box. Read as rows, each was a sequence without a name.
     */
    @ParameterizedTest
    @ValueSource(strings = {"checkboxes.xlsx", "checkboxes.xls"})
    void reads_a_row_of_nothing_but_unchecked_checkboxes_as_an_empty_row(String name) throws IOException {
        Path file = workbook(name, workbook -> {
            Sheet sheet = workbook.createSheet("Plan");
            putRows(sheet, 1, new Object[] {"sequence", "step", "subject", "body", "include_signature"},
                    new Object[] {"Q1 Outbound", 1, "A question", "Hi {{first_name}}", true},
                    new Object[] {null, null, null, null, false},
                    new Object[] {"Q1 Outbound", 2, null, "Just bringing this back up", false});
            for (int row = 5; row <= 200; row++) {
                putRows(sheet, row, new Object[] {null, null, null, null, false});
            }
        });

        try (SpooledInput input = TestInputs.spool(file)) {
            assertThat(input.recordCount()).isEqualTo(2);
            assertThat(input.blankRows()).isEqualTo(1);
        }
        assertThat(drafts(file)).singleElement().satisfies(draft -> {
            assertThat(draft.name()).isEqualTo("Q1 Outbound");
            assertThat(draft.problems()).isEmpty();
        });
    }

    // ---- Excel tables ----------------------------------------------------------------------------------

    /**
     * The rows formatted as an Excel table (Insert > Table) with "Total Row" ticked: Excel adds a row below
     * the data with "Total" under the first column and a count under the last. It is the table's own
     * summary, not a step; read as one it made a sequence "Total" that was invalid for its empty subject.
     */
    @Test
    void leaves_out_the_totals_row_of_an_excel_table_and_says_so() throws IOException {
        Path file = TestWorkbooks.xlsx(dir, "table.xlsx", workbook -> {
            Sheet sheet = workbook.createSheet("Plan");
            putRows(sheet, 1, new Object[] {"sequence", "step", "wait_time", "subject", "body"},
                    new Object[] {"Q1 Outbound", 1, 0, "A question", "Hi {{first_name}}"},
                    new Object[] {"Q1 Outbound", 2, 3, null, "Just bringing this back up"},
                    new Object[] {"Total", null, null, null, TestWorkbooks.Formula.saved("SUBTOTAL(103,E2:E3)")});
            table((XSSFSheet) sheet, "A1:E4");
        });

        try (SpooledInput input = TestInputs.spool(file)) {
            assertThat(input.warnings()).contains("row 4, the totals row of table \"Outreach\", left out");
            assertThat(WorkbookRecordReaderTest.rows(input)).extracting(SourceRecord.TableRow::number)
                    .containsExactly(2, 3);
        }
        assertThat(drafts(file)).singleElement().satisfies(draft -> {
            assertThat(draft.name()).isEqualTo("Q1 Outbound");
            assertThat(draft.problems()).isEmpty();
        });
    }

    @Test
    void names_the_sheet_whose_table_totals_row_was_left_out_in_a_sequences_and_steps_workbook() throws IOException {
        Path file = TestWorkbooks.xlsx(dir, "pair.xlsx", workbook -> {
            putRows(workbook.createSheet("Sequences"), 1, new Object[] {"sequence", "permissions"},
                    new Object[] {"Renewals", "team_can_use"});
            Sheet steps = workbook.createSheet("Steps");
            putRows(steps, 1, new Object[] {"sequence", "step", "subject", "body"},
                    new Object[] {"Renewals", 1, "Hi", "Hello"},
                    new Object[] {"Total", null, null, TestWorkbooks.Formula.saved("SUBTOTAL(103,D2:D2)")});
            table((XSSFSheet) steps, "A1:D3");
        });

        try (SpooledInput input = TestInputs.spool(file)) {
            assertThat(input.warnings()).contains("Steps sheet: row 3, the totals row of table \"Outreach\", left out");
        }
        assertThat(drafts(file)).singleElement().satisfies(draft -> assertThat(draft.problems()).isEmpty());
    }

    /** Makes the area an Excel table whose last row is its totals row, as ticking "Total Row" does. */
    private static void table(XSSFSheet sheet, String area) {
        XSSFTable table = sheet.createTable(new AreaReference(area, SpreadsheetVersion.EXCEL2007));
        table.setName("Outreach");
        table.setDisplayName("Outreach");
        table.getCTTable().setTotalsRowCount(1);
    }

    // ---- merged cells ----------------------------------------------------------------------------------

    /**
     * The sequence name and permissions merged down over the rows of their steps, as people lay out a
     * plan for reading; the file stores each value only in the top row of its area. A6 also keeps the
     * text LibreOffice hid when the cells were merged ("Renewals (old name)"), which the sheet does not
     * show.
     */
    @ParameterizedTest
    @ValueSource(strings = {"merged-sequence-cells.xlsx", "merged-sequence-cells.xls", "merged-sequence-cells-strict.xlsx"})
    void reads_a_cell_merged_down_over_several_rows_on_each_of_those_rows(String name) throws IOException {
        List<SequenceDraft> drafts = drafts(TestInputs.copy(WORKBOOKS + name, dir));

        assertThat(drafts).extracting(SequenceDraft::name).containsExactly("Q1 Outbound", "Renewals");
        assertThat(drafts).extracting(SequenceDraft::rows).containsExactly(List.of(2, 3, 4), List.of(5, 6));
        assertThat(drafts).allSatisfy(draft -> assertThat(draft.problems()).isEmpty());
        assertThat(drafts.get(0).request().emailerSteps()).extracting(EmailerStep::type)
                .containsExactly("auto_email", "auto_email", "call");
        assertThat(drafts.get(0).request().permissions()).isEqualTo("team_can_use");
        assertThat(drafts.get(1).request().emailerSteps()).extracting(EmailerStep::waitTime).containsExactly(0, 5);
    }

    @Test
    void leaves_the_columns_a_merged_area_spans_to_the_right_empty_as_its_first_row_does() throws IOException {
        Path file = TestWorkbooks.xlsx(dir, "wide-merge.xlsx", workbook -> {
            Sheet sheet = workbook.createSheet("Plan");
            putRows(sheet, 1, new Object[] {"sequence", "step", "subject", "body", "note"},
                    new Object[] {"Block", 1, "Hi", "One body over two rows and two columns"},
                    new Object[] {null, 2, null, null, "Call them"});
            sheet.addMergedRegion(CellRangeAddress.valueOf("A2:A3"));
            sheet.addMergedRegion(CellRangeAddress.valueOf("D2:E3"));
        });

        List<SourceRecord.TableRow> rows = WorkbookRecordReaderTest.rows(file);

        assertThat(rows.get(0).cells()).containsExactly("Block", "1", "Hi", "One body over two rows and two columns");
        assertThat(rows.get(1).cells())
                .containsExactly("Block", "2", "", "One body over two rows and two columns");
    }

    @Test
    void does_not_make_a_row_out_of_a_merged_value_alone() throws IOException {
        Path file = TestWorkbooks.xls(dir, "tall-merge.xls", workbook -> {
            Sheet sheet = workbook.createSheet("Plan");
            putRows(sheet, 1, new Object[] {"sequence", "step", "subject", "body"},
                    new Object[] {"Tall", 1, "Hi", "Hello"},
                    new Object[] {null, 2, null, "Again"});
            // merged down to row 6, past the last row with anything else on it
            sheet.addMergedRegion(CellRangeAddress.valueOf("A2:A6"));
            sheet.createRow(4).createCell(0);
        });

        try (SpooledInput input = TestInputs.spool(file)) {
            assertThat(WorkbookRecordReaderTest.rows(input)).extracting(SourceRecord.TableRow::number).containsExactly(2, 3);
            assertThat(input.blankRows()).isZero();
        }
    }

    @Test
    void finds_merged_cells_written_with_a_namespace_prefix() throws IOException {
        String sheet = "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<x:sheetData><x:row r=\"1\"><x:c r=\"A1\" t=\"inlineStr\"><x:is><x:t>a &lt;mergeCell ref=\"Z9:Z10\"/&gt;"
                + "</x:t></x:is></x:c></x:row></x:sheetData><x:mergeCells count=\"2\"><x:mergeCell ref=\"A2:A4\"/>"
                + "<x:mergeCell\nref='$B$5:C6' /></x:mergeCells></x:worksheet>";

        List<CellRangeAddress> areas = XlsxAfterRows.scan(new ByteArrayInputStream(sheet.getBytes(StandardCharsets.UTF_8)))
                .merged();

        assertThat(areas).extracting(CellRangeAddress::formatAsString).containsExactly("A2:A4", "B5:C6");
    }

    @Test
    void finds_links_to_addresses_whatever_the_relationships_prefix_and_leaves_out_links_inside_the_workbook()
            throws IOException {
        String sheet = "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
                + " xmlns:rel=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><x:sheetData/>"
                + "<x:hyperlinks><x:hyperlink ref=\"B2\" rel:id=\"rId3\" display=\"Book a call\"/>"
                + "<x:hyperlink ref=\"C2\" location=\"'Plan'!A1\" display=\"See the plan\"/>"
                + "<x:hyperlink\nref='$D$2:D4' xr:uid=\"{0}\" rel:id='rId4' tooltip=\"" + "t".repeat(1_000) + "\"/>"
                + "</x:hyperlinks></x:worksheet>";

        List<XlsxAfterRows.LinkTag> links = XlsxAfterRows.scan(
                new ByteArrayInputStream(sheet.getBytes(StandardCharsets.UTF_8))).links();

        assertThat(links).extracting(link -> link.cells().formatAsString(), XlsxAfterRows.LinkTag::relationship)
                .containsExactly(tuple("B2", "rId3"), tuple("D2:D4", "rId4"));
    }

    @Test
    void advises_text_to_columns_for_a_sheet_whose_header_is_one_cell_of_comma_separated_names() {
        // a comma CSV opened by Excel in a locale that separates with ";", then saved as a workbook
        Path file = TestWorkbooks.xlsx(dir, "one-column.xlsx", new Object[] {"sequence,step,subject,body"},
                new Object[] {"Q1,1,Hi,Hello"});

        assertThatThrownBy(() -> WorkbookRecordReaderTest.rows(file))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessage("the first row is not a header: its one cell holds the column names, separated by \",\";"
                        + " split the column at \",\" (Excel: Data > Text to Columns), or drop the CSV file the sheet"
                        + " was opened from instead");
    }

    @Test
    void finds_the_first_cell_whose_inline_text_carries_a_phonetic_guide() throws IOException {
        String guided = "<x:c r=\"C7\" t=\"inlineStr\"><x:is><x:t>大阪</x:t><x:rPh sb=\"0\" eb=\"2\"><x:t>オオサカ</x:t>"
                + "</x:rPh></x:is></x:c>";
        String before = "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><x:sheetData>"
                + "<x:row r=\"7\"><x:c r=\"A7\"/><x:c r=\"B7\" t=\"inlineStr\"><x:is><x:t>a</x:t></x:is></x:c>";
        String after = "</x:row></x:sheetData><x:phoneticPr fontId=\"1\"/></x:worksheet>";

        assertThat(scanned(before + guided + after).phoneticAt()).isEqualTo("C7");
        // Excel's own note of the guides' font, and a guide outside any cell, are no guide in a cell's text
        assertThat(scanned(before + after).phoneticAt()).isNull();
        assertThat(scanned(before + "</x:row><x:rPh/>" + after.substring("</x:row>".length())).phoneticAt()).isNull();
        // a cell may leave out its reference
        assertThat(scanned(before + guided.replace(" r=\"C7\"", "") + after).phoneticAt()).isEmpty();
    }

    private static XlsxAfterRows.Tags scanned(String sheet) throws IOException {
        return XlsxAfterRows.scan(new ByteArrayInputStream(sheet.getBytes(StandardCharsets.UTF_8)));
    }

    // ---- the Sequences and Steps sheets ------------------------------------------------------------------

    @Test
    void names_the_sequence_a_step_row_means_when_only_case_or_spaces_differ() throws IOException {
        Path file = TestWorkbooks.xlsx(dir, "pair.xlsx", workbook -> {
            putRows(workbook.createSheet("Sequences"), 1, new Object[] {"sequence", "permissions"},
                    new Object[] {"Q1 Outbound", "private"});
            putRows(workbook.createSheet("Steps"), 1, new Object[] {"sequence", "step", "subject", "body"},
                    new Object[] {"Q1 Outbound", 1, "Hi", "Hello"},
                    new Object[] {"q1\u00A0 outbound", 2, null, "Again"},
                    new Object[] {"Q2 Outbound", 1, "Hi", "Hello"});
        });

        List<SourceRecord.TableRow> rows = WorkbookRecordReaderTest.rows(file);

        assertThat(rows).extracting(row -> row.cellProblems().get(0)).containsExactly(null, null,
                "names sequence 'q1\u00A0 outbound', which the Sequences sheet does not list; it lists 'Q1 Outbound'"
                        + " (Sequences row 2); write the name exactly as there, since two spellings would be two"
                        + " sequences in Apollo",
                "names sequence 'Q2 Outbound', which the Sequences sheet does not list; add a row for it there or"
                        + " correct the name");
    }

    @Test
    void does_not_take_other_columns_of_a_sequences_row_for_emails_when_its_sequence_has_no_steps() throws IOException {
        Path file = TestWorkbooks.xlsx(dir, "pair.xlsx", workbook -> {
            putRows(workbook.createSheet("Sequences"), 1, new Object[] {"sequence", "permissions", "Notes"},
                    new Object[] {"Q1 Outbound", "private", "call the CFO first"},
                    new Object[] {"Renewals", "private"});
            putRows(workbook.createSheet("Steps"), 1, new Object[] {"sequence", "step", "subject", "body"},
                    new Object[] {"Renewals", 1, "Hi", "Hello"});
        });

        List<SequenceDraft> drafts = drafts(file);

        // Q1 Outbound's steps are missing from the Steps sheet: the message says to add them there, where
        // "its cells under Notes were not read ... name them like subject and body" would mislead
        assertThat(drafts).extracting(SequenceDraft::name).containsExactly("Q1 Outbound", "Renewals");
        assertThat(drafts.get(0).problems()).singleElement().satisfies(p -> assertThat(p.message())
                .startsWith("has no row on the Steps sheet").doesNotContain("Notes"));
        assertThat(drafts.get(1).problems()).isEmpty();
        assertThat(drafts.get(0).request().emailerSteps()).isNull();
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private List<SequenceDraft> drafts(Path file) throws IOException {
        try (SpooledInput input = TestInputs.spool(file)) {
            List<SequenceDraft> drafts = new ArrayList<>();
            input.sequences().forEachRemaining(candidate -> drafts.add(mapper.map(candidate)));
            return drafts;
        }
    }

}
