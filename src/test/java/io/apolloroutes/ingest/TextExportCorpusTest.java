package io.apolloroutes.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apolloroutes.apollo.EmailerStep;
import io.apolloroutes.apollo.SequenceRequest;
import io.apolloroutes.mapping.SequenceDraft;
import io.apolloroutes.support.TestInputs;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Text exports as spreadsheet programs write them (src/test/resources/inputs/exports, see its README):
 * every flavour decodes to the same table, and the broken ones are refused with the right reason.
 */
class TextExportCorpusTest {

    private static final String CORPUS = "inputs/exports/";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"excel-windows-bom.csv", "excel-semicolon.csv", "excel-unicode.txt", "utf16.csv",
            "windows-1252.csv", "excel-mac.csv", "google-sheets.csv"})
    void every_export_flavour_reads_as_the_same_table(String export) throws IOException {
        Path file = TestInputs.copy(CORPUS + export, dir);

        List<SequenceDraft> drafts = TestInputs.drafts(file);

        assertThat(drafts).extracting(SequenceDraft::name)
                .containsExactly("Q3 Fintech Outbound", "Renewals – Café Accounts");
        assertThat(drafts).allSatisfy(d -> assertThat(d.problems()).isEmpty());
        assertThat(drafts.get(0).rows()).containsExactly(2, 3, 4, 5);
        assertThat(drafts.get(1).rows()).containsExactly(6, 7);

        SequenceRequest fintech = drafts.get(0).request();
        assertThat(fintech.labelNames()).containsExactly("Fintech", "Q3 2026");
        assertThat(fintech.emailerScheduleId()).isEqualTo("6523a1f0c4e5d70001a2b3c4");
        assertThat(fintech.emailerSteps()).extracting(EmailerStep::type, EmailerStep::waitTime, EmailerStep::waitMode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("auto_email", 0, "minute"),
                        org.assertj.core.groups.Tuple.tuple("auto_email", 3, "day"),
                        org.assertj.core.groups.Tuple.tuple("call", 2, "day"),
                        org.assertj.core.groups.Tuple.tuple("auto_email", 4, "day"));
        assertThat(fintech.emailerSteps().get(0).emailerTouches().get(0).emailerTemplate().subject())
                .isEqualTo("{{first_name}}, a quick question about {{company}}’s payouts");
        assertThat(fintech.emailerSteps().get(0).emailerTouches().get(0).emailerTemplate().bodyHtml())
                .contains("café’s owner in Köln told me she saves €5").contains("“quick”").endsWith("Best,<br>Zoë</p>");
        assertThat(fintech.emailerSteps().get(1).emailerTouches().get(0).emailerTemplate().bodyHtml()).contains(" – ");
        assertThat(fintech.emailerSteps().get(2).note()).isEqualTo("Call {{first_name}} at {{company}}; mention the Köln café story.");
        assertThat(drafts.get(1).request().emailerSteps().get(1).emailerTouches().get(0).emailerTemplate().bodyHtml())
                .contains("Müller");
    }

    @Test
    void a_google_sheets_download_has_no_warnings_and_no_counted_blank_rows() throws IOException {
        try (SpooledInput input = TestInputs.spool(TestInputs.copy(CORPUS + "google-sheets.csv", dir))) {
            // three empty trailing header cells are neither unknown nor duplicate columns
            assertThat(input.warnings()).isEmpty();
            // the row of commas at the very end is what the export leaves behind, not a skipped row
            assertThat(input.blankRows()).isZero();
            assertThat(input.recordCount()).isEqualTo(6);
        }
    }

    @Test
    void only_the_windows_1252_export_gets_an_encoding_warning() throws IOException {
        try (SpooledInput windows = TestInputs.spool(TestInputs.copy(CORPUS + "windows-1252.csv", dir));
             SpooledInput utf16 = TestInputs.spool(TestInputs.copy(CORPUS + "utf16.csv", dir))) {
            assertThat(windows.warnings()).singleElement().asString().startsWith("read as windows-1252 text");
            assertThat(utf16.warnings()).isEmpty();
        }
    }

    @Test
    void an_excel_for_mac_export_is_read_as_mac_roman_with_a_warning_naming_it() throws IOException {
        try (SpooledInput mac = TestInputs.spool(TestInputs.copy(CORPUS + "excel-mac.csv", dir))) {
            assertThat(mac.warnings()).singleElement().asString()
                    .startsWith("read as Mac Roman text (x-MacRoman), what Excel for Mac writes as \"Comma Separated Values\"");
            // rows end in a bare CR: six data rows, not one long row or one row per line
            assertThat(mac.recordCount()).isEqualTo(6);
        }
    }

    @Test
    void an_excel_ms_dos_export_is_read_as_dos_latin_1_with_a_warning_naming_it() throws IOException {
        // "CSV (MS-DOS)" has no curly quotes or dashes (written as plain ones), and the euro sign at D5
        try (SpooledInput dos = TestInputs.spool(TestInputs.copy(CORPUS + "excel-ms-dos.csv", dir))) {
            assertThat(dos.warnings()).singleElement().asString()
                    .startsWith("read as DOS Latin 1 text (code page 850), what Excel for Windows writes as \"CSV (MS-DOS)\"");
            assertThat(dos.recordCount()).isEqualTo(6);
        }
        List<SequenceDraft> drafts = TestInputs.drafts(TestInputs.copy(CORPUS + "excel-ms-dos.csv", dir));
        String body = drafts.get(0).request().emailerSteps().get(0).emailerTouches().get(0).emailerTemplate().bodyHtml();
        assertThat(body).contains("a café's owner in Köln").contains("saves €5").contains("Zoë");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            excel-russian-windows-1251.csv | Russian  | windows-1251 | Холодные
            excel-polish-windows-1250.csv  | Polish   | windows-1250 | Dzień
            excel-japanese-cp932.csv       | Japanese | windows-31j  | 新規開拓キャンペーン
            """)
    void an_excel_export_in_another_scripts_code_page_is_refused_naming_the_setting(
            String export, String language, String codePage, String firstWord) {
        // Windows-1252 and its neighbours decode these bytes without an error: only the letters are wrong
        assertThatThrownBy(() -> TestInputs.spool(TestInputs.copy(CORPUS + export, dir)))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessageStartingWith("is not UTF-8, and its text looks like " + language + " in " + codePage)
                .hasMessageContaining("line 2 reads \"")
                .hasMessageContaining("\"" + firstWord + "\" as " + codePage)
                .hasMessageContaining("set input.encoding=" + codePage + " for this source");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            excel-russian-windows-1251.csv | windows-1251 | Холодные письма: логистика     | Мы помогаем компаниям
            excel-polish-windows-1250.csv  | windows-1250 | Kampania jesienna – e-commerce | Łukasz
            excel-japanese-cp932.csv       | windows-31j  | 新規開拓キャンペーン               | 二割削減
            """)
    void the_code_page_the_refusal_names_reads_the_export(String export, String codePage, String name, String text)
            throws IOException {
        ReadOptions options = new ReadOptions(Charset.forName(codePage), null, null, ZoneOffset.UTC, InputLimits.DEFAULT);
        try (SpooledInput input = TestInputs.spool(TestInputs.copy(CORPUS + export, dir), options)) {
            List<SequenceCandidate> sequences = new java.util.ArrayList<>();
            input.sequences().forEachRemaining(sequences::add);
            assertThat(sequences).extracting(SequenceCandidate::name).containsExactly(name);
            assertThat(sequences.get(0).records()).hasSize(2);
            assertThat(sequences.get(0).records().get(0).toString()).contains(text);
        }
    }

    @Test
    void a_png_named_csv_is_refused_as_binary() {
        assertThatThrownBy(() -> TestInputs.spool(TestInputs.copy(CORPUS + "junk.csv", dir)))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessageStartingWith("is not a text file: it contains binary data");
    }

    @Test
    void a_workbook_named_csv_is_refused_with_advice_to_rename_it() {
        assertThatThrownBy(() -> TestInputs.spool(TestInputs.copy(CORPUS + "workbook-named.csv", dir)))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("give it the .xlsx extension");
    }

    @Test
    void a_sign_in_page_saved_as_csv_is_refused_as_a_web_page() {
        // "Save link as" on a sheet's download link while signed out saves Google's sign-in page
        assertThatThrownBy(() -> TestInputs.spool(TestInputs.copy(CORPUS + "web-page-named.csv", dir)))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessageStartingWith("is a web page (HTML), not the sheet's data")
                .hasMessageContaining("File > Download > Comma-separated values");
    }

    @Test
    void a_one_megabyte_cell_makes_only_its_own_sequence_invalid() throws IOException {
        List<SequenceDraft> drafts = TestInputs.drafts(TestInputs.copy(CORPUS + "one-mb-cell.csv", dir));

        assertThat(drafts).extracting(SequenceDraft::name).containsExactly("Short and sweet", "Long read");
        assertThat(drafts.get(0).problems()).isEmpty();
        assertThat(drafts.get(1).problems()).singleElement().satisfies(p -> {
            assertThat(p.rows()).containsExactly(4);
            assertThat(p.column()).isEqualTo("body");
            assertThat(p.message()).startsWith("is 1,048,576 characters long, more than the 100,000 a cell may have");
        });
    }
}
