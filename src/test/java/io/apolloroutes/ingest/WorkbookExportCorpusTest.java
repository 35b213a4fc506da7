package io.apolloroutes.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.apolloroutes.apollo.ApolloProperties;
import io.apolloroutes.apollo.EmailerStep;
import io.apolloroutes.apollo.EmailerTouch;
import io.apolloroutes.apollo.SequenceRequest;
import io.apolloroutes.mapping.Problem;
import io.apolloroutes.mapping.RowNumbers;
import io.apolloroutes.mapping.SequenceDraft;
import io.apolloroutes.mapping.SequenceMapper;
import io.apolloroutes.support.ChildJvm;
import io.apolloroutes.support.TestInputs;
import io.apolloroutes.validation.SequenceValidator;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Workbooks as LibreOffice writes them, and broken or hostile ones (src/test/resources/inputs/exports,
 * see its README): each reads as the table the README documents, or is refused with the right reason.
 *
 * <p>Two deliberate differences from the README, which was written before the reader: a workbook with
 * links to other workbooks is refused as a whole instead of read from its cached values, and date-times
 * carry the configured zone's offset ({@code 2026-12-01T09:30:00+01:00} for Europe/Berlin, where the
 * README wrote the same instant as {@code 08:30:00Z}).
 */
class WorkbookExportCorpusTest {

    private static final String CORPUS = "inputs/exports/";

    /** The typed sheet of dates-formulas.xlsx as CSV text, row 2 to row 7; rows end at their last value. */
    private static final List<List<String>> TYPED_CELLS = List.of(
            List.of("Q4 Fintech Events", "1", "auto_email", "0", "minute", "true", "2026-12-01T09:30:00Z",
                    "Meet us at Money20/20, {{first_name}}",
                    "Hi {{first_name}},\n\nWe’ll be at stand B12 in Amsterdam – the café au lait is on us.\n\nZoë",
                    "", "false"),
            List.of("Q4 Fintech Events", "2", "auto_email", "3", "day", "", "2026-12-04T14:00:00Z", "",
                    "Hi {{first_name}}, a reminder that we’re at stand B12 – entry is €0 with the code FINTECH.",
                    "", "false"),
            List.of("Q4 Fintech Events", "3", "call", "4", "day", "", "2026-12-08T10:15:00Z", "", "", "2026-12-08",
                    "", "high"),
            List.of("Q4 Fintech Events", "4", "auto_email", "2", "day", "", "2026-12-10T16:45:30Z",
                    "Last call, {{first_name}}", "Hi {{first_name}},\n\nLast chance to book a slot with our team.",
                    "", "true"),
            List.of("Q4 Webinar Nurture", "1", "auto_email", "0", "minute", "", "",
                    "Thanks for joining, {{first_name}}", "Hi {{first_name}}, here are the slides: {{webinar_link}}",
                    "", "yes"),
            List.of("Q4 Webinar Nurture", "2", "manual_email", "2", "day", "", "", "",
                    "Hi {{first_name}}, did the recording help?"));

    private static final int COL_STEP = 1;
    private static final int COL_WAIT_TIME = 3;
    private static final int COL_EXACT_DAYTIME = 5;
    private static final int COL_EXACT_DATETIME = 6;
    private static final int COL_SUBJECT = 7;
    private static final int COL_NOTE = 9;
    private static final int COL_INCLUDE_SIGNATURE = 10;

    private static final String PASSWORD = "is protected with a password, so it cannot be read; open it, remove the"
            + " password (Excel: File > Info > Protect Workbook > Encrypt with Password, clear it) and save it again";

    private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();

    @TempDir
    Path dir;

    private final SequenceMapper mapper = new SequenceMapper(TestInputs.MAPPER);

    @AfterAll
    static void closeValidation() {
        VALIDATION.close();
    }

    // ---- dates-formulas.xlsx: typed cells ------------------------------------------------------------

    @Test
    void reads_the_typed_sheet_cell_for_cell_as_a_csv_export_of_it_would_hold() throws IOException {
        try (SpooledInput input = TestInputs.spool(corpus("dates-formulas.xlsx"))) {
            assertThat(input.layout().labels()).containsExactly("sequence", "step", "type", "wait_time", "wait_mode",
                    "exact_daytime", "exact_datetime", "subject", "body", "note", "include_signature", "priority");
            List<SourceRecord.TableRow> rows = WorkbookRecordReaderTest.rows(input);
            assertThat(rows).extracting(SourceRecord.TableRow::cells).containsExactlyElementsOf(TYPED_CELLS);
            assertThat(rows).allSatisfy(row -> assertThat(row.cellProblems()).isEmpty());
        }
    }

    @Test
    void numbers_rows_as_the_spreadsheet_shows_them_and_ignores_trailing_formatted_rows_and_columns()
            throws IOException {
        Path file = corpus("dates-formulas.xlsx");
        // the fixture really has formatting past the data: columns M-N and rows 8-12
        assertThat(part(file, "xl/worksheets/sheet1.xml")).contains("<dimension ref=\"A1:N12\"/>")
                .contains("<c r=\"N12\" s=\"2\"/>");

        try (SpooledInput input = TestInputs.spool(file)) {
            assertThat(input.recordCount()).isEqualTo(6);
            assertThat(input.blankRows()).isZero();
            // the formatted empty columns M and N are neither unknown columns nor cells right of the header
            assertThat(input.warnings()).isEmpty();
            assertThat(WorkbookRecordReaderTest.rows(input)).extracting(SourceRecord.TableRow::number).containsExactly(2, 3, 4, 5, 6, 7);
        }
    }

    @Test
    void reads_date_time_cells_as_iso_8601_with_z_in_utc() throws IOException {
        assertThat(column(corpus("dates-formulas.xlsx"), ReadOptions.DEFAULT, COL_EXACT_DATETIME)).containsExactly(
                "2026-12-01T09:30:00Z", "2026-12-04T14:00:00Z", "2026-12-08T10:15:00Z", "2026-12-10T16:45:30Z", "",
                "");
    }

    @Test
    void rounds_a_serial_stored_to_fifteen_digits_to_the_time_it_shows() throws IOException {
        Path file = corpus("dates-formulas.xlsx");
        // 46357.3958333333 is 09:29:59.999997; truncating it would send 09:29:59
        assertThat(part(file, "xl/worksheets/sheet1.xml")).contains("<c r=\"G2\" s=\"4\" t=\"n\"><v>46357.3958333333</v>");

        assertThat(column(file, ReadOptions.DEFAULT, COL_EXACT_DATETIME).get(0)).isEqualTo("2026-12-01T09:30:00Z");
    }

    @Test
    void writes_date_times_with_the_offset_of_the_configured_time_zone() throws IOException {
        List<String> berlin = column(corpus("dates-formulas.xlsx"), options("Europe/Berlin"), COL_EXACT_DATETIME);

        // wall-clock time as typed, with CET's offset in December
        assertThat(berlin).containsExactly("2026-12-01T09:30:00+01:00", "2026-12-04T14:00:00+01:00",
                "2026-12-08T10:15:00+01:00", "2026-12-10T16:45:30+01:00", "", "");
        // the instant the README gives for Berlin
        assertThat(OffsetDateTime.parse(berlin.get(0)).toInstant()).isEqualTo(Instant.parse("2026-12-01T08:30:00Z"));
    }

    @Test
    void reads_date_only_cell_as_the_date_it_shows() throws IOException {
        Path file = corpus("dates-formulas.xlsx");
        assertThat(part(file, "xl/worksheets/sheet1.xml")).contains("<c r=\"J4\" s=\"6\" t=\"n\"><v>46364</v>");

        // a date never goes through a zone, so it cannot move a day in zones far from UTC
        for (String zone : List.of("UTC", "Europe/Berlin", "Pacific/Kiritimati", "Pacific/Pago_Pago")) {
            assertThat(column(file, options(zone), COL_NOTE)).as(zone).containsExactly("", "", "2026-12-08", "", "", "");
        }
        EmailerStep call = drafts(file).get(0).request().emailerSteps().get(2);
        assertThat(call.type()).isEqualTo("call");
        assertThat(call.note()).isEqualTo("2026-12-08");
    }

    @Test
    void reads_a_formula_cell_as_its_saved_result_without_recalculating_it() throws IOException {
        Path file = corpus("dates-formulas.xlsx");
        String sheet = part(file, "xl/worksheets/sheet1.xml");
        assertThat(sheet).contains("<f aca=\"false\">D3+1</f><v>4</v>").contains("<c r=\"H5\" s=\"0\" t=\"str\"><f");

        List<SourceRecord.TableRow> rows = WorkbookRecordReaderTest.rows(file, ReadOptions.DEFAULT);
        assertThat(rows.get(2).cells().get(COL_WAIT_TIME)).isEqualTo("4");
        assertThat(rows.get(3).cells().get(COL_SUBJECT)).isEqualTo("Last call, {{first_name}}");
        assertThat(rows.get(2).cellProblems()).isEmpty();
        assertThat(rows.get(3).cellProblems()).isEmpty();
    }

    @Test
    void reads_booleans_as_true_and_false_and_a_yes_as_a_true_include_signature() throws IOException {
        Path file = corpus("dates-formulas.xlsx");

        assertThat(column(file, ReadOptions.DEFAULT, COL_EXACT_DAYTIME)).containsExactly("true", "", "", "", "", "");
        assertThat(column(file, ReadOptions.DEFAULT, COL_INCLUDE_SIGNATURE))
                .containsExactly("false", "false", "", "true", "yes", "");
        List<SequenceDraft> drafts = drafts(file);
        assertThat(drafts.get(0).request().sequenceByExactDaytime()).isTrue();
        assertThat(drafts.get(0).request().emailerSteps()).extracting(WorkbookExportCorpusTest::includeSignature)
                .containsExactly(false, false, null, true);
        assertThat(includeSignature(drafts.get(1).request().emailerSteps().get(0))).isTrue();
    }

    @Test
    void reads_rich_text_as_plain_text_without_markup() throws IOException {
        Path file = corpus("dates-formulas.xlsx");
        assertThat(part(file, "xl/sharedStrings.xml")).contains("Money20/20").contains("<b val=\"true\"/>");

        String subject = WorkbookRecordReaderTest.rows(file, ReadOptions.DEFAULT).get(0).cells().get(COL_SUBJECT);

        assertThat(subject).isEqualTo("Meet us at Money20/20, {{first_name}}");
    }

    @Test
    void writes_whole_numbers_without_a_trailing_point_zero() throws IOException {
        Path file = corpus("dates-formulas.xlsx");

        // B2-B5 and B7 are numbers, B6 the text "1"; D5 is 2 shown as "2.0"
        assertThat(column(file, ReadOptions.DEFAULT, COL_STEP)).containsExactly("1", "2", "3", "4", "1", "2");
        assertThat(column(file, ReadOptions.DEFAULT, COL_WAIT_TIME)).containsExactly("0", "3", "4", "2", "0", "2");
    }

    @Test
    void maps_the_typed_sheet_to_two_valid_sequences() throws IOException {
        List<SequenceDraft> drafts = validate(drafts(corpus("dates-formulas.xlsx")), false);

        assertThat(drafts).extracting(SequenceDraft::name).containsExactly("Q4 Fintech Events", "Q4 Webinar Nurture");
        assertThat(drafts).allSatisfy(d -> assertThat(d.problems()).isEmpty());
        assertThat(drafts.get(0).rows()).containsExactly(2, 3, 4, 5);
        assertThat(drafts.get(1).rows()).containsExactly(6, 7);

        SequenceRequest events = drafts.get(0).request();
        assertThat(events.emailerSteps()).extracting(EmailerStep::type, EmailerStep::waitTime, EmailerStep::waitMode,
                EmailerStep::exactDatetime, EmailerStep::priority).containsExactly(
                tuple("auto_email", 0, "minute", "2026-12-01T09:30:00Z", null),
                tuple("auto_email", 3, "day", "2026-12-04T14:00:00Z", null),
                tuple("call", 4, "day", "2026-12-08T10:15:00Z", "high"),
                tuple("auto_email", 2, "day", "2026-12-10T16:45:30Z", null));
        assertThat(subject(events.emailerSteps().get(0))).isEqualTo("Meet us at Money20/20, {{first_name}}");
        assertThat(subject(events.emailerSteps().get(3))).isEqualTo("Last call, {{first_name}}");

        SequenceRequest webinar = drafts.get(1).request();
        assertThat(webinar.emailerSteps()).extracting(EmailerStep::type, EmailerStep::waitTime, EmailerStep::waitMode)
                .containsExactly(tuple("auto_email", 0, "minute"), tuple("manual_email", 2, "day"));
        assertThat(subject(webinar.emailerSteps().get(0))).isEqualTo("Thanks for joining, {{first_name}}");
    }

    // ---- dates-1904.xlsx and legacy.xls: the same table stored differently ----------------------------

    @ParameterizedTest
    @ValueSource(strings = {"dates-1904.xlsx", "legacy.xls"})
    void reads_the_same_cells_and_requests_as_dates_formulas_xlsx(String other) throws IOException {
        Path reference = corpus("dates-formulas.xlsx");
        Path file = corpus(other);

        assertThat(WorkbookRecordReaderTest.rows(file, ReadOptions.DEFAULT)).extracting(SourceRecord.TableRow::number, SourceRecord.TableRow::cells)
                .containsExactlyElementsOf(WorkbookRecordReaderTest.rows(reference, ReadOptions.DEFAULT).stream()
                        .map(r -> tuple(r.number(), r.cells())).toList());
        assertThat(json(requests(file))).isEqualTo(json(requests(reference)));
        // with another zone too: the 1904 and .xls date paths honour it the same way
        assertThat(column(file, options("Europe/Berlin"), COL_EXACT_DATETIME))
                .isEqualTo(column(reference, options("Europe/Berlin"), COL_EXACT_DATETIME));
    }

    @Test
    void reads_a_workbook_that_counts_days_from_1904_without_shifting_its_dates() throws IOException {
        Path file = corpus("dates-1904.xlsx");
        // the fixture stores serials 1462 lower than dates-formulas.xlsx
        assertThat(part(file, "xl/workbook.xml")).contains("date1904=\"true\"");
        assertThat(part(file, "xl/worksheets/sheet1.xml")).contains("<v>44895.3958333333</v>").contains("<v>44902</v>");

        assertThat(column(file, ReadOptions.DEFAULT, COL_EXACT_DATETIME).get(0)).isEqualTo("2026-12-01T09:30:00Z");
        assertThat(column(file, ReadOptions.DEFAULT, COL_NOTE).get(2)).isEqualTo("2026-12-08");
    }

    @Test
    void reads_the_legacy_xls_subject_from_plain_text_where_the_xlsx_has_a_text_formula() throws IOException {
        Path file = corpus("legacy.xls");
        // the documented difference: LibreOffice writes H5 to .xls as text; D4 is still a formula there
        try (InputStream in = Files.newInputStream(file); HSSFWorkbook workbook = new HSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheet("Q4 outreach");
            assertThat(sheet.getRow(4).getCell(COL_SUBJECT).getCellType()).isEqualTo(CellType.STRING);
            assertThat(sheet.getRow(3).getCell(COL_WAIT_TIME).getCellType()).isEqualTo(CellType.FORMULA);
            assertThat(sheet.getRow(1).getCell(COL_EXACT_DATETIME).getNumericCellValue()).isEqualTo(46357.395833333336);
        }

        List<SourceRecord.TableRow> rows = WorkbookRecordReaderTest.rows(file, ReadOptions.DEFAULT);

        assertThat(rows.get(3).cells().get(COL_SUBJECT)).isEqualTo("Last call, {{first_name}}");
        assertThat(rows.get(2).cells().get(COL_WAIT_TIME)).isEqualTo("4");
        assertThat(rows.get(0).cells().get(COL_EXACT_DATETIME)).isEqualTo("2026-12-01T09:30:00Z");
    }

    // ---- two-sheet.xlsx: Sequences and Steps -------------------------------------------------------------

    @Test
    void reads_the_sequences_and_steps_sheets_as_three_sequences_with_sheet_qualified_rows() throws IOException {
        try (SpooledInput input = TestInputs.spool(corpus("two-sheet.xlsx"))) {
            assertThat(input.recordCount()).isEqualTo(11);
            assertThat(input.blankRows()).isZero();
            assertThat(input.warnings()).isEmpty();
            List<SequenceDraft> drafts = map(input);

            assertThat(drafts).extracting(SequenceDraft::name)
                    .containsExactly("Q3 Fintech Outbound", "Renewals – Café Accounts", "Partner Webinar Invite");
            assertThat(drafts).extracting(d -> RowNumbers.describe(input.file(), d.rows())).containsExactly(
                    "Sequences row 2, Steps rows 2-5", "Sequences row 3, Steps rows 6-7",
                    "Sequences row 4, Steps rows 8-9");
            assertThat(RowNumbers.forReport(input.file(), drafts.get(0).rows()))
                    .containsExactly("Sequences!2", "Steps!2", "Steps!3", "Steps!4", "Steps!5");
            assertThat(drafts).allSatisfy(d -> assertThat(d.problems()).isEmpty());

            SequenceRequest fintech = drafts.get(0).request();
            assertThat(fintech.emailerScheduleId()).isEqualTo("6523a1f0c4e5d70001a2b3c4");
            assertThat(fintech.permissions()).isEqualTo("team_can_use");
            assertThat(fintech.labelNames()).containsExactly("Fintech", "Q3 2026");
            assertThat(fintech.active()).isFalse();
            assertThat(fintech.emailerSteps()).extracting(EmailerStep::type, EmailerStep::waitTime,
                    EmailerStep::waitMode, s -> touches(s).size()).containsExactly(
                    tuple("auto_email", 0, "minute", 1), tuple("auto_email", 3, "day", 2), tuple("call", 2, "day", 0));
            assertThat(fintech.emailerSteps().get(2).note()).isEqualTo("Call {{first_name}}; ask about payout delays.");

            SequenceRequest renewals = drafts.get(1).request();
            assertThat(renewals.permissions()).isEqualTo("private");
            assertThat(renewals.emailerScheduleId()).isNull();
            assertThat(renewals.active()).isNull();
            SequenceRequest partners = drafts.get(2).request();
            assertThat(partners.labelNames()).containsExactly("Partners", "Webinar");
            assertThat(partners.emailerSteps()).extracting(EmailerStep::type)
                    .containsExactly("auto_email", "linkedin_step_connect");
        }
    }

    @Test
    void makes_the_ab_sequence_of_the_two_sheet_workbook_invalid_only_without_ab_testing() throws IOException {
        try (SpooledInput input = TestInputs.spool(corpus("two-sheet.xlsx"))) {
            List<SequenceDraft> mapped = map(input);

            List<SequenceDraft> withoutAb = validate(mapped, false);
            assertThat(withoutAb).extracting(SequenceDraft::isInvalid).containsExactly(true, false, false);
            Problem ab = withoutAb.get(0).problems().get(0);
            assertThat(withoutAb.get(0).problems()).hasSize(1);
            assertThat(ab.path()).isEqualTo("emailer_steps[1].emailer_touches");
            assertThat(RowNumbers.describe(input.file(), ab.rows())).isEqualTo("Steps rows 3-4");
            assertThat(ab.render(input.file())).startsWith("two-sheet.xlsx Steps rows 3-4")
                    .contains("has more than one email variant, which makes an A/B test");

            assertThat(validate(mapped, true)).extracting(SequenceDraft::isInvalid).containsExactly(false, false, false);
        }
    }

    @Test
    void reads_the_sample_two_sheet_workbook_as_two_valid_sequences() throws IOException {
        try (SpooledInput input = TestInputs.spool(TestInputs.copy("samples/two-sheet.xlsx", dir))) {
            assertThat(input.recordCount()).isEqualTo(9);
            List<SequenceDraft> drafts = validate(map(input), false);

            assertThat(drafts).extracting(SequenceDraft::name)
                    .containsExactly("Q1 Outbound - Heads of Finance", "Event follow-up - Fintech Week");
            assertThat(drafts).allSatisfy(d -> assertThat(d.problems()).isEmpty());
            assertThat(drafts).extracting(d -> RowNumbers.describe(input.file(), d.rows()))
                    .containsExactly("Sequences row 2, Steps rows 2-5", "Sequences row 3, Steps rows 6-8");

            SequenceRequest outbound = drafts.get(0).request();
            assertThat(outbound.permissions()).isEqualTo("team_can_use");
            assertThat(outbound.labelNames()).containsExactly("Outbound", "Q1 2027");
            assertThat(outbound.active()).isFalse();
            assertThat(outbound.emailerSteps()).extracting(EmailerStep::type, EmailerStep::waitTime, EmailerStep::waitMode)
                    .containsExactly(tuple("auto_email", 0, "minute"), tuple("auto_email", 3, "day"),
                            tuple("call", 2, "day"), tuple("auto_email", 4, "day"));
            SequenceRequest event = drafts.get(1).request();
            assertThat(event.permissions()).isEqualTo("team_can_view");
            assertThat(event.labelNames()).containsExactly("Events", "Follow-up");
            assertThat(event.active()).isFalse();
            assertThat(event.emailerSteps()).extracting(EmailerStep::type, EmailerStep::waitTime, EmailerStep::waitMode)
                    .containsExactly(tuple("auto_email", 1, "hour"), tuple("auto_email", 2, "day"),
                            tuple("linkedin_step_connect", 1, "day"));
        }
    }

    // ---- wide-layout.xlsx ------------------------------------------------------------------------------

    @Test
    void maps_the_wide_layout_workbook_to_the_same_requests_as_its_csv() throws IOException {
        List<SequenceDraft> xlsx = drafts(corpus("wide-layout.xlsx"));
        List<SequenceDraft> csv = drafts(corpus("wide-layout.csv"));

        assertThat(xlsx).hasSize(3);
        assertThat(json(xlsx.stream().map(SequenceDraft::request).toList()))
                .isEqualTo(json(csv.stream().map(SequenceDraft::request).toList()));
        assertThat(xlsx).extracting(SequenceDraft::rows).containsExactly(List.of(2), List.of(3), List.of(4));
        assertThat(xlsx).extracting(SequenceDraft::name)
                .containsExactly("Q3 Fintech Outbound", "Renewals – Café Accounts", "Partner Webinar Invite");
        // the wait-day cells are numbers in the workbook
        assertThat(xlsx.get(0).request().emailerSteps()).extracting(EmailerStep::waitTime).containsExactly(0, 3, 4);

        assertThat(validate(xlsx, false)).extracting(SequenceDraft::isInvalid).containsExactly(true, false, false);
        assertThat(validate(xlsx, true)).extracting(SequenceDraft::isInvalid).containsExactly(false, false, false);
    }

    // ---- refused files -----------------------------------------------------------------------------------

    @Test
    void refuses_a_truncated_workbook_as_damaged_without_a_partial_result() {
        assertThatThrownBy(() -> TestInputs.spool(corpus("truncated.xlsx")))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessage(WorkbookFailures.DAMAGED);
    }

    @Test
    void refuses_a_workbook_that_links_to_other_workbooks_as_a_whole() throws IOException {
        Path file = corpus("external-links.xlsx");
        assertThat(entries(file)).contains("xl/externalLinks/externalLink1.xml");

        assertThatThrownBy(() -> TestInputs.spool(file))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessage(XlsxPackageCheck.externalLinks());
    }

    @Test
    void refuses_a_password_protected_workbook_instead_of_reading_it_as_a_legacy_xls() {
        assertThatThrownBy(() -> TestInputs.spool(corpus("encrypted.xlsx")))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessage(PASSWORD);
    }

    /**
     * The 300,000,000 padding spaces are one stretch without markup: the check stops after 4 MB
     * inflated and names the file a zip bomb, long before the ratio limit (200 × 292,937 compressed
     * bytes, about 58 MB) would.
     */
    @Test
    void refuses_the_zip_bomb_after_a_few_megabytes_without_unpacking_it() {
        assertThatThrownBy(() -> TestInputs.spool(corpus("zip-bomb.xlsx")))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessage(WorkbookFailures.ZIP_BOMB);
    }

    // ---- memory: the hostile files in a JVM with a small heap --------------------------------------------

    @Test
    void refuses_the_zip_bomb_in_a_small_heap() throws Exception {
        JsonNode result = readInSmallHeap(corpus("zip-bomb.xlsx"));

        assertThat(result.path("unreadable").asText()).isEqualTo(WorkbookFailures.ZIP_BOMB);
    }

    /** POI's in-memory reader needs more than 256 MB for this file; the streaming reader must not. */
    @Test
    void reads_half_a_million_shared_strings_in_a_small_heap() throws Exception {
        JsonNode result = readInSmallHeap(corpus("huge-shared-strings.xlsx"));

        assertThat(result.has("unreadable")).as(result.path("unreadable").asText()).isFalse();
        assertThat(result.path("records").asInt()).isEqualTo(1);
        assertThat(result.path("rows").get(0).path("number").asInt()).isEqualTo(2);
        assertThat(result.path("rows").get(0).path("cells").toString()).isEqualTo(TestInputs.MAPPER.writeValueAsString(
                List.of("Huge shared strings", "1", "Hello {{first_name}}", "s499999 Hi {{first_name}}, this is a"
                        + " placeholder string that only exists to make the shared strings table large. ")));
        JsonNode draft = result.path("drafts").get(0);
        assertThat(draft.path("name").asText()).isEqualTo("Huge shared strings");
        assertThat(draft.path("problems")).isEmpty();
        assertThat(draft.path("request").path("emailer_steps").get(0).path("emailer_touches").get(0)
                .path("emailer_template").path("subject").asText()).isEqualTo("Hello {{first_name}}");
    }

    /** Small enough that a reader holding the 64 MB shared-strings table in memory runs out. */
    static final String SMALL_HEAP = "-Xmx64m";

    /**
     * Reads one file in a fresh JVM with {@link #SMALL_HEAP} (surefire's own JVM has a quarter of the
     * machine's memory, in which anything fits) and returns what {@link SmallHeapRead} found.
     */
    private JsonNode readInSmallHeap(Path file) throws IOException, InterruptedException {
        Path tmp = Files.createDirectories(dir.resolve("child-tmp"));
        Path out = dir.resolve("result.json");
        Path log = dir.resolve("child.log");
        int exit = ChildJvm.run(log, Duration.ofMinutes(2), List.of(SMALL_HEAP, "-XX:+ExitOnOutOfMemoryError",
                "-Djava.io.tmpdir=" + tmp), SmallHeapRead.class, file.toString(), out.toString());
        assertThat(exit).as("exit code of the %s JVM; its output:%n%s", SMALL_HEAP, ChildJvm.tail(log)).isZero();
        // the shared-strings cache and the spool are temp files; closing the input removes them (POI
        // keeps its empty poifiles folder)
        try (var left = Files.walk(tmp)) {
            assertThat(left.filter(Files::isRegularFile)).as("temp files left behind").isEmpty();
        }
        return TestInputs.MAPPER.readTree(out.toFile());
    }

    /** Reads a file through the parse and map stages and writes what came out as JSON. */
    static final class SmallHeapRead {

        public static void main(String[] args) throws IOException {
            Path file = Path.of(args[0]);
            ObjectNode result = TestInputs.MAPPER.createObjectNode();
            try (SpooledInput input = TestInputs.spool(file)) {
                result.put("records", input.recordCount());
                ArrayNode rows = result.putArray("rows");
                ArrayNode drafts = result.putArray("drafts");
                SequenceMapper mapper = new SequenceMapper(TestInputs.MAPPER);
                for (Iterator<SequenceCandidate> it = input.sequences(); it.hasNext(); ) {
                    SequenceCandidate candidate = it.next();
                    candidate.records().forEach(r -> rows.add(TestInputs.MAPPER.valueToTree(r)));
                    SequenceDraft draft = mapper.map(candidate);
                    ObjectNode node = drafts.addObject();
                    node.put("name", draft.name());
                    ArrayNode problems = node.putArray("problems");
                    draft.problems().forEach(p -> problems.add(p.render(input.file())));
                    node.set("request", TestInputs.MAPPER.valueToTree(draft.request()));
                }
            } catch (UnreadableInputException e) {
                result.put("unreadable", e.getMessage());
            }
            TestInputs.MAPPER.writeValue(Path.of(args[1]).toFile(), result);
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private Path corpus(String name) {
        return TestInputs.copy(CORPUS + name, dir);
    }

    private static ReadOptions options(String zone) {
        return new ReadOptions(null, null, null, ZoneId.of(zone), InputLimits.DEFAULT);
    }


    /** One column of every row, "" where a row ends before it. */
    private static List<String> column(Path file, ReadOptions options, int index) throws IOException {
        return WorkbookRecordReaderTest.rows(file, options).stream()
                .map(row -> index < row.cells().size() ? row.cells().get(index) : "").toList();
    }

    private List<SequenceDraft> drafts(Path file) throws IOException {
        try (SpooledInput input = TestInputs.spool(file)) {
            return map(input);
        }
    }

    private List<SequenceDraft> map(SpooledInput input) {
        List<SequenceDraft> drafts = new ArrayList<>();
        input.sequences().forEachRemaining(candidate -> drafts.add(mapper.map(candidate)));
        return drafts;
    }

    private List<SequenceRequest> requests(Path file) throws IOException {
        return drafts(file).stream().map(SequenceDraft::request).toList();
    }

    private static List<SequenceDraft> validate(List<SequenceDraft> drafts, boolean abTesting) {
        SequenceValidator validator = new SequenceValidator(VALIDATION.getValidator(), new ApolloProperties(
                URI.create("https://api.apollo.io"), null, true, abTesting, true, Duration.ofSeconds(10),
                Duration.ofSeconds(30), new ApolloProperties.Retry(3, Duration.ofSeconds(2), 2.0,
                Duration.ofSeconds(60))));
        return drafts.stream().map(validator::validate).toList();
    }

    private static String json(Object value) throws IOException {
        return TestInputs.MAPPER.writeValueAsString(value);
    }

    private static List<EmailerTouch> touches(EmailerStep step) {
        return step.emailerTouches() == null ? List.of() : step.emailerTouches();
    }

    private static String subject(EmailerStep step) {
        return step.emailerTouches().get(0).emailerTemplate().subject();
    }

    private static Boolean includeSignature(EmailerStep step) {
        return step.emailerTouches() == null ? null : step.emailerTouches().get(0).includeSignature();
    }

    /** One part of a workbook package, as text: to check the fixture holds what a test relies on. */
    private static String part(Path xlsx, String name) {
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            ZipEntry entry = zip.getEntry(name);
            assertThat(entry).as(name).isNotNull();
            try (InputStream in = zip.getInputStream(entry)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> entries(Path xlsx) throws IOException {
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            return zip.stream().map(ZipEntry::getName).toList();
        }
    }
}
