package io.apolloroutes.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apolloroutes.support.TestInputs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** Encodings, delimiters and size limits of delimited text files. */
class DelimitedTextTest {

    private static final String HEADER = "sequence,step,subject,body\r\n";
    private static final String ROW = "Café outreach,1,Über café,“Bonjour” – it’s €5\r\n";

    @TempDir
    Path dir;

    @Test
    void reads_utf16_little_endian_with_byte_order_mark() throws IOException {
        Path file = bytes("unicode.csv", bom(0xFF, 0xFE), (HEADER + ROW).getBytes(StandardCharsets.UTF_16LE));

        assertThat(firstRow(file)).containsExactly("Café outreach", "1", "Über café", "“Bonjour” – it’s €5");
    }

    @Test
    void reads_utf16_big_endian_with_byte_order_mark() throws IOException {
        Path file = bytes("unicode.csv", bom(0xFE, 0xFF), (HEADER + ROW).getBytes(StandardCharsets.UTF_16BE));

        assertThat(firstRow(file)).element(3).isEqualTo("“Bonjour” – it’s €5");
    }

    @Test
    void reads_utf16_without_byte_order_mark_when_the_source_says_utf16() throws IOException {
        Path file = bytes("unicode.csv", (HEADER + ROW).getBytes(StandardCharsets.UTF_16LE));

        try (SpooledInput input = TestInputs.spool(file, options(StandardCharsets.UTF_16LE, null))) {
            SequenceCandidate first = input.sequences().next();
            assertThat(((SourceRecord.TableRow) first.records().get(0)).cells())
                    .containsExactly("Café outreach", "1", "Über café", "“Bonjour” – it’s €5");
        }
    }

    @Test
    void refuses_binary_data_in_a_configured_utf16_file_by_its_characters() {
        Path file = bytes("junk.csv", (HEADER + "A,1,Hi,x\u0001y\r\n").getBytes(StandardCharsets.UTF_16LE));

        assertThatThrownBy(() -> TestInputs.spool(file, options(StandardCharsets.UTF_16LE, null)))
                .isInstanceOf(UnreadableInputException.class).hasMessageContaining("binary data");
    }

    @Test
    void reads_windows_1252_smart_quotes_and_euro_sign() throws IOException {
        Path file = bytes("old-excel.csv", (HEADER + ROW).getBytes(LegacyEncoding.WINDOWS_1252));

        assertThat(firstRow(file)).containsExactly("Café outreach", "1", "Über café", "“Bonjour” – it’s €5");
    }

    @Test
    void reads_windows_1252_english_with_acute_accents_for_apostrophes_as_windows_1252() throws IOException {
        // typed on a German or Spanish keyboard: read as Mac Roman, "I´m" would be "I¥m" and "—" would be "ó"
        String row = "Intro,1,Quick question,\"Hi {{first_name}}, I´m Ana — your team´s “pipeline” caught my eye.\"\r\n";
        Path file = bytes("spanish-keyboard.csv", (HEADER + row).getBytes(LegacyEncoding.WINDOWS_1252));

        assertThat(firstRow(file)).element(3)
                .isEqualTo("Hi {{first_name}}, I´m Ana — your team´s “pipeline” caught my eye.");
    }

    @Test
    void reads_utf8_without_byte_order_mark_as_utf8_without_a_warning() throws IOException {
        Path file = bytes("sheets.csv", (HEADER + ROW).getBytes(StandardCharsets.UTF_8));

        try (SpooledInput input = TestInputs.spool(file)) {
            assertThat(input.warnings()).isEmpty();
        }
        assertThat(firstRow(file)).element(0).isEqualTo("Café outreach");
    }

    @Test
    void decides_the_encoding_on_the_whole_file_not_its_first_rows() throws IOException {
        // 100,000 plain ASCII rows, then one Windows-1252 "é": a guess from the first kilobytes would say UTF-8
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 0; i < 100_000; i++) {
            text.append("Plain,1,Hello,Hi there\r\n");
        }
        text.append("Late,1,Caf\u00e9,Bonjour\r\n");
        Path file = bytes("late-accent.csv", text.toString().getBytes(LegacyEncoding.WINDOWS_1252));

        List<SequenceCandidate> sequences = TestInputs.candidates(file);

        SourceRecord.TableRow late = (SourceRecord.TableRow) sequences.get(1).records().get(0);
        assertThat(late.cells()).element(2).isEqualTo("Café");
    }

    @Test
    void rejects_invalid_bytes_after_a_utf8_byte_order_mark_naming_their_offset() {
        Path file = bytes("broken.csv", bom(0xEF, 0xBB, 0xBF), HEADER.getBytes(StandardCharsets.UTF_8),
                new byte[] {'A', ',', '1', ',', (byte) 0xE9, ',', 'x', '\n'});

        assertThatThrownBy(() -> TestInputs.spool(file)).isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("is not UTF-8 text: invalid UTF-8 at byte offset 35 (line 2)");
    }

    @Test
    void rejects_text_not_valid_in_the_configured_encoding() {
        Path file = bytes("latin.csv", (HEADER + ROW).getBytes(LegacyEncoding.WINDOWS_1252));

        assertThatThrownBy(() -> TestInputs.spool(file, options(StandardCharsets.UTF_8, null)))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("is not UTF-8 text: invalid UTF-8 at byte offset 31 (line 2)");
    }

    @Test
    void rejects_bytes_that_are_neither_utf8_nor_windows_1252() {
        // 0x81 is unassigned in Windows-1252, and alone it is no UTF-8 either
        Path file = bytes("mystery.csv", HEADER.getBytes(StandardCharsets.US_ASCII),
                new byte[] {'A', ',', '1', ',', (byte) 0x81, ',', 'x', '\n'});

        assertThatThrownBy(() -> TestInputs.spool(file)).isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("is neither UTF-8 text (invalid UTF-8 at byte offset 32 (line 2))")
                .hasMessageContaining("nor Windows-1252 text (invalid windows-1252 at byte offset 32 (line 2))");
    }

    @Test
    void rejects_binary_data_named_csv() {
        Path file = bytes("photo.csv", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13});

        assertThatThrownBy(() -> TestInputs.spool(file)).isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("is not a text file: it contains binary data (control character U+0000 on line 3)");
    }

    @Test
    void rejects_binary_data_anywhere_in_a_file_of_guessed_encoding() {
        // far past the first block the reader decodes, and past a byte that makes it start over as Windows-1252
        String text = HEADER + "Plain,1,Caf\u00e9,Hi there\r\n".repeat(5_000);
        Path file = bytes("late-nul.csv", text.getBytes(LegacyEncoding.WINDOWS_1252),
                new byte[] {'Z', ',', '1', ',', 0, ',', 'x', '\n'});

        assertThatThrownBy(() -> TestInputs.spool(file)).isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("is not a text file: it contains binary data (control character U+0000 on line 5002)");
    }

    @Test
    void ranks_binary_data_further_on_above_a_row_problem_before_it_when_the_encoding_is_guessed() {
        // the control character is past what is read to settle encoding and delimiter, and past the row limit
        Path file = bytes("many-then-nul.csv", ("sequence,subject\n" + "A,1\n".repeat(20_000)).getBytes(StandardCharsets.UTF_8),
                new byte[] {'E', ',', 0x01, '\n'});

        assertThatThrownBy(() -> TestInputs.spool(file, limits(new InputLimits(Long.MAX_VALUE, 3, 1000))))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("control character U+0001 on line 20002");
    }

    @Test
    void leaves_control_characters_alone_in_a_file_with_a_byte_order_mark() throws IOException {
        // a byte-order mark says the file is text; only a guessed encoding is checked for binary data
        Path file = bytes("bom.csv", bom(0xEF, 0xBB, 0xBF), (HEADER + "A,1,Hi,x\u0001y\r\n").getBytes(StandardCharsets.UTF_8));

        assertThat(firstRow(file)).element(3).isEqualTo("x\u0001y");
    }

    @Test
    void rejects_bytes_that_are_neither_utf8_nor_windows_1252_late_in_the_file_with_both_places() {
        String text = HEADER + "Plain,1,Hello,Hi there\r\n".repeat(5_000);
        Path file = bytes("late-mystery.csv", text.getBytes(StandardCharsets.US_ASCII),
                new byte[] {'A', ',', (byte) 0xE9, ',', (byte) 0x81, ',', 'x', '\n'});

        assertThatThrownBy(() -> TestInputs.spool(file)).isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("is neither UTF-8 text (invalid UTF-8 at byte offset 120030 (line 5002))")
                .hasMessageContaining("nor Windows-1252 text (invalid windows-1252 at byte offset 120032 (line 5002))");
    }

    @Test
    void refuses_a_file_that_mixes_utf8_and_windows_1252_instead_of_garbling_its_accents() {
        // UTF-8 rows, then one pasted from a Windows-1252 file: read as Windows-1252, "Café" would become "CafÃ©"
        Path file = bytes("mixed.csv", (HEADER + "S1,1,Café olé,Grüße aus Köln\r\n").getBytes(StandardCharsets.UTF_8),
                "S1,2,,It\u2019s me\r\n".getBytes(LegacyEncoding.WINDOWS_1252));

        assertThatThrownBy(() -> TestInputs.spool(file)).isInstanceOf(UnreadableInputException.class)
                .hasMessage("mixes two encodings: line 2 is UTF-8 text, but the byte at offset 71 on line 3 is not"
                        + " UTF-8 (probably Windows-1252, pasted from another file); retype the accented characters on"
                        + " line 3, or save the whole file as \"CSV UTF-8\", and drop it again");
    }

    @Test
    void reads_headers_and_sequence_names_through_no_break_and_zero_width_spaces() throws IOException {
        // a second byte-order mark, a no-break space after a header, names copied from a web page or chat
        Path file = bytes("invisible.csv", bom(0xEF, 0xBB, 0xBF), ("\uFEFFsequence\u00A0,step,subject,body\r\n"
                + "S6\u00A0,1,Hello,Hi\r\n\u200BS6,2,,Again\r\nS6,3,,Last\r\n").getBytes(StandardCharsets.UTF_8));

        List<SequenceCandidate> sequences = TestInputs.candidates(file);

        assertThat(sequences).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("S6");
            assertThat(s.recordNumbers()).containsExactly(2, 3, 4);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"\r\n", "\n", "\r"})
    void takes_the_delimiter_from_excels_sep_line_and_numbers_rows_as_excel_shows_them(String lineEnd) throws IOException {
        // Excel reads the hint line and hides it: the header is row 1 on screen; the comma in the subject is text.
        // Excel for Windows ends lines in CRLF, Excel for Mac in a bare CR
        Path file = text("hinted.csv", String.join(lineEnd, "sep=;", "sequence;step;subject;body", "Q1;1;Hello, Ada;Hi", ""));

        SequenceCandidate only = TestInputs.candidates(file).get(0);

        assertThat(only.recordNumbers()).containsExactly(2);
        assertThat(((SourceRecord.TableRow) only.records().get(0)).cells()).containsExactly("Q1", "1", "Hello, Ada", "Hi");
    }

    @Test
    void reads_quoted_cells_after_a_padded_separator_as_hand_written_csv_has_them() throws IOException {
        Path file = text("padded.csv", "sequence, step, subject, body\n"
                + "Q1, 1, \"Hello\", \"Hi Ada, good to meet you\"  \n"
                + "Q1, 2, , \"  two spaces stay inside quotes\"\n");

        List<SequenceCandidate> sequences = TestInputs.candidates(file);
        List<List<String>> rows = sequences.get(0).records().stream()
                .map(r -> ((SourceRecord.TableRow) r).cells()).toList();
        assertThat(rows).containsExactly(List.of("Q1", "1", "Hello", "Hi Ada, good to meet you"),
                List.of("Q1", "2", "", "  two spaces stay inside quotes"));
    }

    @Test
    void reads_the_header_below_a_title_row_and_reports_the_title_left_out() throws IOException {
        // exports and shared sheets often carry a title line above the column names
        Path file = text("titled.csv", "Q3 outbound plan (draft),,,\r\nOwner: Ada,,,\r\n" + HEADER + "Q1,1,Hello,Hi\r\n");

        try (SpooledInput input = TestInputs.spool(file)) {
            assertThat(input.warnings()).contains("rows 1-2, above the column names in row 3, left out as a title:"
                    + " 'Q3 outbound plan (draft)'");
        }
        assertThat(TestInputs.candidates(file)).singleElement()
                .satisfies(s -> assertThat(s.recordNumbers()).containsExactly(4));
    }

    @Test
    void tells_to_delete_notes_above_the_header_that_fill_more_cells_than_a_title() {
        // four filled cells may be data or a second header: never skipped
        Path file = text("noted.csv", "Q3 plan,owner Ada,draft,v2\r\n" + HEADER + "Q1,1,Hello,Hi\r\n");

        assertThatThrownBy(() -> TestInputs.spool(file)).isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("the first row is not a header")
                .hasMessageContaining("if a title or notes stand above the column names, delete those rows");
    }

    @Test
    void names_the_fault_of_column_names_below_a_title_rather_than_the_title() {
        Path file = text("titled.csv", "Q3 outbound plan,,\r\nstep,subject,body\r\n1,Hello,Hi\r\n");

        assertThatThrownBy(() -> TestInputs.spool(file)).isInstanceOf(UnreadableInputException.class)
                .hasMessageStartingWith("row 2, the column names below the title, is not a usable header: the header"
                        + " has no sequence column");
    }

    @Test
    void names_a_broken_first_row_below_a_title_by_its_own_number() {
        // the parser reads a row ahead to know whether the header is the last row: row 3 breaks while row 2 is read
        Path file = text("titled.csv", "Q3 outbound plan,,,\r\n" + HEADER + "Q1,1,\"Hi\" there,Body\r\n");

        assertThatThrownBy(() -> TestInputs.spool(file)).isInstanceOf(UnreadableInputException.class)
                .hasMessageStartingWith("row 3 has a cell that starts with a double quote");
    }

    @Test
    void refuses_rows_of_data_above_the_header_rather_than_leaving_them_out_as_a_title() {
        // sorted with the header row among the data: rows 1-2 are step rows with an empty subject
        Path file = text("sorted.csv", "Q1,2,,Again\r\nQ1,3,,Last\r\n" + HEADER + "Q1,1,Hello,Hi\r\n");

        assertThatThrownBy(() -> TestInputs.spool(file)).isInstanceOf(UnreadableInputException.class)
                .hasMessageStartingWith("row 3, the column names below the title, is not a usable header: row 1 above"
                        + " it fills \"sequence\" and \"step\" like a row of data");
    }

    @Test
    void tells_a_file_without_header_that_its_first_row_is_no_header_though_a_cell_is_a_column_word() {
        Path file = text("no-header.csv", "Q1,Hello,Hi\r\nQ1,Status,Hi\r\nQ2,Hello,Hi\r\n");

        assertThatThrownBy(() -> TestInputs.spool(file)).isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("the first row is not a header");
    }

    @Test
    void refuses_a_file_without_header_as_before_even_when_its_rows_look_like_titles() {
        Path file = text("no-header.csv", "Q1,Hello,Hi\r\nQ1,Again,Hi\r\nQ2,Hello,Hi\r\n");

        assertThatThrownBy(() -> TestInputs.spool(file)).isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("the first row is not a header");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sep=\r\n", "sep=\"\r\n"})
    void reads_a_sep_line_that_names_no_usable_delimiter_as_a_title_above_the_header(String line) throws IOException {
        Path file = text("odd-hint.csv", line + HEADER + "Q1,1,Hello,Hi\r\n");

        try (SpooledInput input = TestInputs.spool(file)) {
            assertThat(input.warnings()).anySatisfy(w -> assertThat(w).startsWith("row 1, above the column names in"
                    + " row 2, left out as a title: 'sep="));
            // the hint line names no delimiter, so it is no hint: a row of the file like any other
        }
    }

    @Test
    void reads_a_first_line_that_only_starts_like_a_sep_line_as_the_header() throws IOException {
        Path file = text("not-hinted.csv", "sep=x,sequence,subject,body\r\n1,Q1,Hello,Hi\r\n");

        assertThat(TestInputs.candidates(file)).singleElement()
                .satisfies(s -> assertThat(s.name()).isEqualTo("Q1"));
    }

    @Test
    void tells_utf16_without_byte_order_mark_to_set_the_encoding() {
        Path file = bytes("unicode-no-bom.csv", (HEADER + ROW).getBytes(StandardCharsets.UTF_16LE));

        assertThatThrownBy(() -> TestInputs.spool(file)).isInstanceOf(UnreadableInputException.class)
                .hasMessage("looks like UTF-16LE text without a byte-order mark, which cannot be told from binary"
                        + " data for sure; set input.encoding=UTF-16LE for this source (see the README), or save the"
                        + " file as \"CSV UTF-8\" and drop it again");
    }

    @Test
    void explains_text_after_a_closing_quote_with_the_fix() {
        Path file = text("stray-quote.csv", HEADER + "Q1,1,\"Hi\" there,Body\r\n");

        assertThatThrownBy(() -> TestInputs.spool(file)).isInstanceOf(UnreadableInputException.class)
                .hasMessage("row 2 has a cell that starts with a double quote and goes on after its closing quote"
                        + " (like \"Hi\" there); quote the whole cell and double the quotes inside it"
                        + " (\"\"\"Hi\"\" there\"), or remove the quotes");
    }

    @Test
    void reads_the_header_below_empty_lines_and_numbers_rows_as_the_file_does() throws IOException {
        Path file = text("blank-first.csv", "\r\n,,\r\n" + HEADER + "Q1,1,Hello,Hi\r\n");

        try (SpooledInput input = TestInputs.spool(file)) {
            assertThat(input.warnings()).noneMatch(w -> w.contains("title"));
        }
        assertThat(TestInputs.candidates(file)).singleElement()
                .satisfies(s -> assertThat(s.recordNumbers()).containsExactly(4));
    }

    /**
     * Google Sheets writes an unchecked checkbox as FALSE: a column of checkboxes inserted further down
     * than the rows filled in gives every empty row below the data a FALSE, in its CSV export too.
     */
    @Test
    void reads_a_row_of_nothing_but_unchecked_checkboxes_as_an_empty_row() throws IOException {
        Path file = text("checkboxes.csv", "sequence,step,subject,body,include_signature\r\n"
                + "Q1,1,Hello,Hi,TRUE\r\n,,,,FALSE\r\nQ1,2,,Again,FALSE\r\n" + ",,,,FALSE\r\n".repeat(40));

        try (SpooledInput input = TestInputs.spool(file)) {
            assertThat(input.recordCount()).isEqualTo(2);
            assertThat(input.blankRows()).isEqualTo(1);
        }
        assertThat(TestInputs.candidates(file)).singleElement()
                .satisfies(s -> assertThat(s.recordNumbers()).containsExactly(2, 4));
    }

    @Test
    void says_the_first_row_is_empty_when_no_header_follows_the_empty_lines() {
        Path file = text("blank-first.csv", "\r\n,,\r\nQ1,Hello,Hi,there,too\r\n");

        assertThatThrownBy(() -> TestInputs.spool(file)).isInstanceOf(UnreadableInputException.class)
                .hasMessage("row 1 is empty, and no header follows it; the column names (sequence, step, subject,"
                        + " body, ...) must be the first row, or the first below a title");
    }

    @Test
    void calls_a_file_of_only_a_byte_order_mark_and_a_line_break_empty() {
        Path file = bytes("bom-only.csv", bom(0xEF, 0xBB, 0xBF), new byte[] {'\r', '\n'});

        assertThatThrownBy(() -> TestInputs.spool(file)).isInstanceOf(UnreadableInputException.class)
                .hasMessage("is empty; it needs a header row and at least one row of data");
    }

    @Test
    void tells_a_workbook_named_csv_to_be_renamed() {
        Path file = bytes("export.csv", new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0});

        assertThatThrownBy(() -> TestInputs.spool(file)).isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("give it the .xlsx extension");
    }

    @Test
    void detects_semicolons_from_european_excel() throws IOException {
        Path file = text("european.csv", "sequence;step;subject;body\r\nA;1;Hi, there;Hello, world\r\n");

        assertThat(firstRow(file)).containsExactly("A", "1", "Hi, there", "Hello, world");
    }

    @Test
    void detects_pipes_and_tabs_in_a_csv_file() throws IOException {
        assertThat(firstRow(text("pipes.csv", "sequence|step|subject\nA|1|Hi, you\n"))).containsExactly("A", "1", "Hi, you");
        assertThat(firstRow(text("tabs.csv", "sequence\tstep\tsubject\nA\t1\tHi; you\n"))).containsExactly("A", "1", "Hi; you");
    }

    @Test
    void keeps_commas_when_the_body_has_more_semicolons_than_the_header_has_commas() throws IOException {
        Path file = text("commas.csv", "sequence,subject\nA,\"One; two; three; four\"\nB,Plain\n");

        assertThat(firstRow(file)).containsExactly("A", "One; two; three; four");
    }

    @Test
    void uses_the_configured_delimiter_over_detection() throws IOException {
        // detection would pick ";" (it splits the header); the source says "|"
        Path file = text("forced.csv", "sequence|subject;with;semicolons\nA|Hi;there;you\n");

        assertThatThrownBy(() -> TestInputs.spool(file)).isInstanceOf(UnreadableInputException.class);
        try (SpooledInput input = TestInputs.spool(file, options(null, '|'))) {
            assertThat(input.layout().labels()).containsExactly("sequence", "subject;with;semicolons");
        }
    }

    @Test
    void refuses_a_row_that_never_ends_instead_of_buffering_the_rest_of_the_file() {
        StringBuilder text = new StringBuilder("sequence,body\nA,\"never closed\n");
        for (int i = 0; i < 20_000; i++) {
            text.append("B,more text that ends up inside one cell\n");
        }
        Path file = text("stray-quote.csv", text.toString());

        assertThatThrownBy(() -> TestInputs.spool(file, limits(new InputLimits(Long.MAX_VALUE, 1000, 1000))))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("row 2 goes on for more than 20000 characters")
                .hasMessageContaining("stray double quote");
    }

    @Test
    void refuses_more_rows_than_the_limit_before_anything_is_sent() {
        Path file = text("many.csv", "sequence,subject\nA,1\nB,2\nC,3\nD,4\n");

        assertThatThrownBy(() -> TestInputs.spool(file, limits(new InputLimits(Long.MAX_VALUE, 3, 1000))))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("has more than 3 rows, the most a file may have (input.max-rows)");
    }

    @Test
    void says_when_the_delimiter_set_for_the_source_is_not_the_files() {
        Path commas = text("commas.csv", "sequence,step,subject,body\nA,1,Hi,Hello\n");
        Path semicolons = text("semicolons.csv", "sequence;step;subject;body\nA;1;Hi;Hello\n");

        assertThatThrownBy(() -> TestInputs.spool(commas, options(null, ';')))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessage("the first row is not a header: its one cell holds the column names, separated by \",\";"
                        + " this source is set to read another delimiter: set input.delimiter (or read.delimiter in"
                        + " the mapping file) to auto or \",\"");
        assertThatThrownBy(() -> TestInputs.spool(semicolons, options(null, ',')))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessageEndingWith("to auto or \";\"");
    }

    @Test
    void says_when_a_header_is_one_quoted_cell_among_rows_that_are_not() {
        Path quoted = text("quoted.csv", "\"sequence;step;subject;body\"\nA;1;Hi;Hello\n");

        assertThatThrownBy(() -> TestInputs.spool(quoted))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessage("the first row is not a header: its one cell holds the column names, separated by \";\";"
                        + " the rows below it are separated otherwise, or the whole row is quoted as one cell; write"
                        + " the header as the rows are written");
    }

    @Test
    void refuses_a_file_larger_than_the_limit() {
        Path file = text("big.csv", "sequence,subject\n" + "A,hello\n".repeat(200));

        assertThatThrownBy(() -> TestInputs.spool(file, limits(new InputLimits(1024, 1000, 1000))))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("is 1.6 KB, more than the 1.0 KB a file may have (input.max-file-size)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            629145600 | 536870912 | 600.0 MB, more than the 512.0 MB
            2457      | 2048      | 2.4 KB, more than the 2.0 KB
            1048576   | 1048575   | 1,048,576 bytes, more than the 1,048,575 bytes
            1048577   | 1048576   | 1,048,577 bytes, more than the 1,048,576 bytes
            2457      | 1000      | 2,457 bytes, more than the 1,000 bytes
            """)
    void names_both_sizes_in_the_unit_of_the_limit(long size, long limit, String expected) {
        assertThat(InputSpooler.sizes(size, limit)).isEqualTo(expected);
    }

    @Test
    void names_the_sizes_in_bytes_when_a_file_is_just_over_the_limit() {
        Path file = text("just-over.csv", "sequence,subject\n" + "A,hello\n".repeat(126));

        assertThatThrownBy(() -> TestInputs.spool(file, limits(new InputLimits(1024, 1000, 1000))))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessageStartingWith("is 1,025 bytes, more than the 1,024 bytes a file may have");
    }

    @Test
    void refuses_two_columns_with_the_same_unknown_name_naming_both() {
        Path file = text("twice.csv", "sequence,Notes,subject,notes\nA,x,Hi,y\n");

        assertThatThrownBy(() -> TestInputs.spool(file)).isInstanceOf(UnreadableInputException.class)
                .hasMessage("columns 2 (\"Notes\") and 4 (\"notes\") have the same name; rename or remove one of them");
    }

    private static ReadOptions options(Charset encoding, Character delimiter) {
        return new ReadOptions(encoding, delimiter, null, ZoneOffset.UTC, InputLimits.DEFAULT);
    }

    private static ReadOptions limits(InputLimits limits) {
        return new ReadOptions(null, null, null, ZoneOffset.UTC, limits);
    }

    private static List<String> firstRow(Path file) throws IOException {
        return ((SourceRecord.TableRow) TestInputs.candidates(file).get(0).records().get(0)).cells();
    }

    private Path text(String name, String content) {
        return TestInputs.write(dir, name, content);
    }

    private Path bytes(String name, byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        try {
            return Files.write(dir.resolve(name), out.toByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] bom(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
