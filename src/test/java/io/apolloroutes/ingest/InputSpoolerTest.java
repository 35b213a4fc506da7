package io.apolloroutes.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.apolloroutes.support.TestInputs;
import io.apolloroutes.support.TestWorkbooks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

class InputSpoolerTest {

    @TempDir
    Path dir;

    @Test
    void groups_rows_of_a_sequence_wherever_they_stand_in_the_file() throws IOException {
        List<SequenceCandidate> sequences = TestInputs.candidates(TestInputs.copy("inputs/interleaved.csv", dir));

        assertThat(sequences).extracting(SequenceCandidate::name).containsExactly("Alpha", "Beta");
        assertThat(sequences.get(0).recordNumbers()).containsExactly(2, 5);
        assertThat(sequences.get(1).recordNumbers()).containsExactly(4, 7);
        assertThat(sequences).extracting(SequenceCandidate::ordinal).containsExactly(1, 2);
    }

    @Test
    void numbers_rows_as_a_spreadsheet_shows_them_and_counts_blank_rows_apart() throws IOException {
        try (SpooledInput input = TestInputs.spool(TestInputs.copy("inputs/interleaved.csv", dir))) {
            assertThat(input.recordCount()).isEqualTo(4);
            // one empty line and one row of empty cells between rows; the two empty lines at the end are
            // what spreadsheet programs leave behind and not worth a mention
            assertThat(input.blankRows()).isEqualTo(2);
        }
    }

    @Test
    void strips_the_byte_order_mark_so_the_first_header_is_recognised() throws IOException {
        try (SpooledInput input = TestInputs.spool(TestInputs.copy("inputs/excel-utf8-bom.csv", dir))) {
            assertThat(input.layout().indexOf(Column.SEQUENCE)).isZero();
            assertThat(input.layout().labels().get(0)).isEqualTo("Sequence");
            assertThat(input.warnings()).isEmpty();
            List<SequenceCandidate> sequences = new ArrayList<>();
            input.sequences().forEachRemaining(sequences::add);
            SourceRecord.TableRow first = (SourceRecord.TableRow) sequences.get(0).records().get(0);
            assertThat(first.cells().get(5)).contains("Café owners love it 🌷").contains("\r\n\r\n");
        }
    }

    @Test
    void reads_tab_separated_files() throws IOException {
        List<SequenceCandidate> sequences = TestInputs.candidates(TestInputs.copy("inputs/tabs.tsv", dir));

        assertThat(sequences).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("Tab team");
            assertThat(s.recordNumbers()).containsExactly(2, 3);
        });
    }

    @Test
    void reports_unknown_columns_once_as_a_warning() throws IOException {
        Path file = TestInputs.write(dir, "extra.csv", "sequence,subject,body,Owner Name,Region\n"
                + "A,Hi,Hello,Sam,EMEA\nA,,Again,Sam,EMEA\n");
        try (SpooledInput input = TestInputs.spool(file)) {
            assertThat(input.warnings()).singleElement().asString()
                    .contains("\"Owner Name\"", "\"Region\"").contains("unknown columns ignored");
        }
    }

    @Test
    void reads_text_that_is_not_utf8_as_windows_1252_and_says_so() throws IOException {
        Path file = TestInputs.copy("inputs/latin1.csv", dir);

        try (SpooledInput input = TestInputs.spool(file)) {
            assertThat(input.warnings()).singleElement().asString().startsWith("read as windows-1252 text");
        }
        assertThat(firstCells(file)).containsExactly("Café outreach", "Bonjour", "Café crème");
    }

    @Test
    void starts_over_as_windows_1252_when_the_last_row_proves_the_file_is_not_utf8() throws IOException {
        // the first reading spools 20,000 rows, a blank row and an unknown column as UTF-8 before the lone 0xE9
        // of the last row ends it (UTF-8 text before that byte would make it a mixed file, refused instead)
        StringBuilder text = new StringBuilder("sequence,step,subject,body,Region\r\nCafe crowd,1,Hi,Hello,EU\r\n");
        for (int i = 0; i < 20_000; i++) {
            text.append("Sequence ").append(i % 50).append(",1,Hello,Hi there,EU\r\n");
            if (i == 10_000) {
                text.append(",,,,\r\n");
            }
        }
        text.append("Late,1,Caf\u00e9,Bonjour,EU\r\n");
        Path file = Files.write(dir.resolve("late-accent.csv"), text.toString().getBytes(LegacyEncoding.WINDOWS_1252));
        ReadOptions windows1252 = new ReadOptions(LegacyEncoding.WINDOWS_1252, null, null, ZoneOffset.UTC, InputLimits.DEFAULT);
        long spoolsBefore = hasProc() ? openSpoolFiles() : 0;

        try (SpooledInput guessed = TestInputs.spool(file);
             SpooledInput stated = TestInputs.spool(file, windows1252)) {
            if (hasProc()) {
                // two spools of two files each: nothing is left of the reading that started over
                assertThat(openSpoolFiles()).isEqualTo(spoolsBefore + 4);
            }
            assertThat(guessed.recordCount()).isEqualTo(stated.recordCount()).isEqualTo(20_002);
            assertThat(guessed.blankRows()).isEqualTo(stated.blankRows()).isEqualTo(1);
            assertThat(guessed.layout().labels()).isEqualTo(stated.layout().labels());
            assertThat(guessed.warnings()).hasSize(2).startsWith(stated.warnings().get(0))
                    .last().asString().startsWith("read as windows-1252 text");
            List<SequenceCandidate> fromGuess = new ArrayList<>();
            guessed.sequences().forEachRemaining(fromGuess::add);
            List<SequenceCandidate> fromStart = new ArrayList<>();
            stated.sequences().forEachRemaining(fromStart::add);
            assertThat(fromGuess).extracting(SequenceCandidate::name)
                    .isEqualTo(fromStart.stream().map(SequenceCandidate::name).toList())
                    .startsWith("Cafe crowd").endsWith("Late");
            assertThat(fromGuess).extracting(SequenceCandidate::records)
                    .isEqualTo(fromStart.stream().map(SequenceCandidate::records).toList());
        }
    }

    @Test
    void rejects_a_file_without_a_header_row() {
        assertThatThrownBy(() -> TestInputs.spool(TestInputs.copy("inputs/no-header.csv", dir)))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("the first row is not a header");
    }

    @Test
    void rejects_a_header_without_a_sequence_column() {
        Path file = TestInputs.write(dir, "nameless.csv", "subject,body\nHi,Hello\n");

        assertThatThrownBy(() -> TestInputs.spool(file))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("no sequence column");
    }

    @Test
    void rejects_two_headers_that_mean_the_same_column_naming_both() {
        assertThatThrownBy(() -> TestInputs.spool(TestInputs.copy("inputs/duplicate-columns.csv", dir)))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("columns 2 (\"Subject\") and 4 (\"subject\") both mean subject");
    }

    @Test
    void rejects_empty_and_header_only_files() {
        assertThatThrownBy(() -> TestInputs.spool(TestInputs.copy("inputs/empty.csv", dir)))
                .isInstanceOf(UnreadableInputException.class).hasMessageContaining("is empty");
        assertThatThrownBy(() -> TestInputs.spool(TestInputs.copy("inputs/header-only.csv", dir)))
                .isInstanceOf(UnreadableInputException.class).hasMessageContaining("no rows of data");
    }

    @Test
    void rejects_a_quoted_cell_that_never_closes() {
        assertThatThrownBy(() -> TestInputs.spool(TestInputs.copy("inputs/unclosed-quote.csv", dir)))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("quoted cell that is never closed");
    }

    @Test
    void rejects_broken_json_with_its_line() {
        assertThatThrownBy(() -> TestInputs.spool(TestInputs.copy("inputs/truncated.json", dir)))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessage("is not valid JSON at line 4, column 1: Unexpected end-of-input: expected close marker"
                        + " for Object (opened at line 3, column 5)");
    }

    @Test
    void rejects_files_of_other_types() {
        Path file = TestInputs.write(dir, "notes.docx", "sequence\nA\n");

        assertThatThrownBy(() -> TestInputs.spool(file))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("not a file type the pack reads");
    }

    @Test
    void reads_apollo_shaped_sequences_inside_a_sequences_wrapper() throws IOException {
        List<SequenceCandidate> sequences = TestInputs.candidates(TestInputs.copy("inputs/wrapped.json", dir));

        assertThat(sequences).extracting(SequenceCandidate::name).containsExactly("Wrapped one", "Wrapped two");
        assertThat(sequences.get(1).records()).singleElement().isInstanceOf(SourceRecord.JsonSequence.class);
        assertThat(sequences.get(1).recordNumbers()).containsExactly(2);
    }

    @Test
    void reads_a_single_apollo_object() throws IOException {
        Path file = TestInputs.write(dir, "one.json", "{\"name\": \"Solo\", \"emailer_steps\": []}");

        assertThat(TestInputs.candidates(file)).singleElement()
                .satisfies(s -> assertThat(s.records()).singleElement().isInstanceOf(SourceRecord.JsonSequence.class));
    }

    @Test
    void reads_flat_json_rows_like_csv_rows() throws IOException {
        List<SequenceCandidate> sequences = TestInputs.candidates(TestInputs.copy("inputs/flat-rows.json", dir));

        assertThat(sequences).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("Flat JSON");
            assertThat(s.records()).allMatch(SourceRecord.JsonRow.class::isInstance);
            assertThat(s.recordNumbers()).containsExactly(1, 2);
        });
    }

    @Test
    void keeps_a_bad_json_line_as_a_record_of_its_own_and_reads_the_others() throws IOException {
        try (SpooledInput input = TestInputs.spool(TestInputs.copy("inputs/mixed.jsonl", dir))) {
            List<SequenceCandidate> sequences = new ArrayList<>();
            input.sequences().forEachRemaining(sequences::add);

            assertThat(input.blankRows()).isEqualTo(1);
            assertThat(sequences).extracting(SequenceCandidate::name)
                    .containsExactly("Lines apollo", "Lines rows", null, null);
            assertThat(sequences.get(1).recordNumbers()).containsExactly(2, 4);
            assertThat(sequences.get(2).records()).singleElement().isInstanceOfSatisfying(SourceRecord.Broken.class,
                    broken -> {
                        assertThat(broken.number()).isEqualTo(5);
                        assertThat(broken.problem()).startsWith("is not valid JSON");
                    });
            assertThat(sequences.get(3).records()).singleElement().isInstanceOfSatisfying(SourceRecord.Broken.class,
                    broken -> assertThat(broken.problem()).contains("is a string"));
        }
    }

    @Test
    void reads_a_json_line_that_ends_in_an_invisible_blank_after_its_object() throws IOException {
        Path file = TestInputs.write(dir, "rows.jsonl",
                "{\"sequence\": \"A\", \"step\": 1, \"subject\": \"s\", \"body\": \"b\"}\u00A0\u200B\n");

        assertThat(TestInputs.candidates(file)).singleElement().satisfies(s -> assertThat(s.name()).isEqualTo("A"));
    }

    @Test
    void keeps_a_json_line_with_more_after_its_object_as_a_record_of_its_own_instead_of_dropping_the_rest() throws IOException {
        String a = "{\"sequence\": \"A\", \"step\": 1, \"subject\": \"s\", \"body\": \"b\"}";
        Path file = TestInputs.write(dir, "rows.jsonl", a.replace("\"A\"", "\"Two\"") + ","
                + a.replace("\"A\"", "\"Lost\"") + "\n" + a.replace("\"A\"", "\"Comma\"") + ",\n" + a + "\n");

        List<SequenceCandidate> sequences = TestInputs.candidates(file);

        // the second object of line 1 is not read as a row, but it is not dropped without a word either
        assertThat(sequences).extracting(SequenceCandidate::name).containsExactly(null, null, "A");
        assertThat(sequences.get(0).records()).singleElement().isInstanceOfSatisfying(SourceRecord.Broken.class,
                broken -> {
                    assertThat(broken.number()).isEqualTo(1);
                    assertThat(broken.problem()).startsWith("has more after its JSON value (at column 60: ',{\"sequence\": ")
                            .endsWith("a .jsonl file holds one object per line, with nothing after it (no comma), so put"
                                    + " each object on a line of its own");
                });
        assertThat(sequences.get(1).records()).singleElement().isInstanceOfSatisfying(SourceRecord.Broken.class,
                broken -> assertThat(broken.problem()).startsWith("has more after its JSON value (at column 62: ',')"));
        assertThat(sequences.get(2).recordNumbers()).containsExactly(3);
    }

    @Test
    void keeps_a_json_element_with_a_duplicate_key_as_a_record_of_its_own_and_reads_the_others() throws IOException {
        List<SequenceCandidate> sequences = TestInputs.candidates(TestInputs.copy("inputs/duplicate-keys.json", dir));

        assertThat(sequences).extracting(SequenceCandidate::name).containsExactly(null, null, null, "J4");
        assertThat(sequences.get(1).records()).singleElement().isInstanceOfSatisfying(SourceRecord.Broken.class,
                broken -> {
                    assertThat(broken.number()).isEqualTo(2);
                    assertThat(broken.line()).isEqualTo(3);
                    assertThat(broken.problem()).isEqualTo("has the key \"name\" twice; keep one of them");
                    assertThat(broken.raw()).startsWith("{\"name\": \"J2\", \"name\": \"J2-other\",")
                            .endsWith("\"wait_mode\": \"day\"}]}");
                });
        assertThat(sequences.get(3).recordNumbers()).containsExactly(4);
    }

    @Test
    void keeps_the_own_text_of_every_element_with_a_duplicate_key_when_many_have_one() throws IOException {
        // an exporting program with a bug repeats the key in every element: each keeps its own text
        StringBuilder json = new StringBuilder("[\n");
        for (int i = 1; i <= 300; i++) {
            json.append(i > 1 ? ",\n" : "").append("{\"sequence\": \"S").append(i)
                    .append("\", \"subject\": \"a\", \"subject\": \"b\", \"body\": \"Hi ").append(i).append("\"}");
        }
        Path file = TestInputs.write(dir, "every-element.json", json.append("\n]\n").toString());

        List<SequenceCandidate> sequences = TestInputs.candidates(file);

        assertThat(sequences).hasSize(300).allSatisfy(s -> assertThat(s.records()).singleElement()
                .isInstanceOfSatisfying(SourceRecord.Broken.class, broken -> assertThat(broken.raw())
                        .isEqualTo("{\"sequence\": \"S" + broken.number() + "\", \"subject\": \"a\", \"subject\": \"b\","
                                + " \"body\": \"Hi " + broken.number() + "\"}")));
    }

    @Test
    void rejects_duplicate_key_in_a_single_apollo_object_as_its_only_record() throws IOException {
        Path file = TestInputs.write(dir, "one.json", """
                {"name": "J2", "name": "J2-other",
                 "emailer_steps": [{"type": "call", "wait_time": 0, "wait_mode": "day"}]}
                """);

        assertThat(TestInputs.candidates(file)).singleElement().satisfies(s -> assertThat(s.records()).singleElement()
                .isInstanceOfSatisfying(SourceRecord.Broken.class, broken -> {
                    assertThat(broken.number()).isEqualTo(1);
                    assertThat(broken.problem()).isEqualTo("has the key \"name\" twice; keep one of them");
                    assertThat(broken.raw()).startsWith("{\"name\": \"J2\"").endsWith("}]}");
                }));
    }

    @Test
    void rejects_duplicate_key_nested_in_a_single_apollo_object_naming_its_path() throws IOException {
        Path file = TestInputs.write(dir, "one.json", """
                {"name": "J3", "emailer_steps": [{"type": "call", "wait_time": 0, "wait_time": 2, "wait_mode": "day"}],
                 "active": true}
                """);

        assertThat(TestInputs.candidates(file)).singleElement().satisfies(s -> assertThat(s.records()).singleElement()
                .isInstanceOfSatisfying(SourceRecord.Broken.class, broken -> assertThat(broken.problem())
                        .isEqualTo("has the key \"wait_time\" twice, at emailer_steps[0].wait_time; keep one of them")));
    }

    @Test
    void rejects_a_file_with_two_sequences_wrappers() {
        Path file = TestInputs.write(dir, "twice.json", "{\"sequences\": [{\"sequence\": \"A\"}],"
                + " \"sequences\": [{\"sequence\": \"B\"}]}");

        assertThatThrownBy(() -> TestInputs.spool(file)).isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("has the key \"sequences\" twice").hasMessageContaining("keep one of them");
    }

    @ParameterizedTest
    @ValueSource(strings = {"export.json", "export.jsonl"})
    void tells_an_xlsx_workbook_named_as_json_that_it_is_a_workbook(String name) {
        Path file = TestWorkbooks.xlsx(dir, name, new Object[] {"sequence", "step", "subject"},
                new Object[] {"Q1", 1, "Hello"});

        assertThatThrownBy(() -> TestInputs.spool(file)).isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("workbook").hasMessageContaining(".xlsx extension").hasMessageNotContaining("UTF-8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"export.json", "export.jsonl"})
    void tells_an_xls_workbook_named_as_json_that_it_is_a_workbook(String name) {
        Path file = TestWorkbooks.xls(dir, name, workbook -> TestWorkbooks.putRows(workbook.createSheet("Sheet1"), 1,
                new Object[] {"sequence", "step", "subject"}, new Object[] {"Q1", 1, "Hello"}));

        assertThatThrownBy(() -> TestInputs.spool(file)).isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("legacy Excel workbook").hasMessageContaining(".xls extension")
                .hasMessageNotContaining("UTF-8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"export.json", "export.jsonl", "export.tsv"})
    void tells_a_web_page_under_an_export_name_that_it_is_a_web_page(String name) throws IOException {
        // an intranet proxy's login page, saved with a byte-order mark and a blank line before it
        Path file = Files.write(dir.resolve(name), "\uFEFF\r\n<HTML><HEAD><TITLE>Login required</TITLE></HEAD></HTML>\r\n"
                .getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> TestInputs.spool(file)).isInstanceOf(UnreadableInputException.class)
                .hasMessageStartingWith("is a web page (HTML)");
    }

    @Test
    void tells_a_pdf_named_as_json_that_it_is_a_pdf() {
        Path file = TestInputs.write(dir, "export.json", "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n");

        assertThatThrownBy(() -> TestInputs.spool(file)).isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("is a PDF document");
    }

    @ParameterizedTest
    @ValueSource(strings = {"export.json", "export.jsonl"})
    void tells_binary_data_named_as_json_that_it_is_not_text_without_advice_about_sheets(String name)
            throws IOException {
        // the start of a SQLite database, a common "JSON export" mix-up
        Path file = Files.write(dir.resolve(name), new byte[] {'S', 'Q', 'L', 'i', 't', 'e', ' ', 'f', 'o', 'r', 'm',
                'a', 't', ' ', '3', 0, 0x10, 0, 1, 1, 0, 0x40, 0x20, 0x20});

        assertThatThrownBy(() -> TestInputs.spool(file)).isInstanceOf(UnreadableInputException.class)
                .hasMessageStartingWith("is not a text file: it contains binary data (control character U+0000")
                .hasMessageContaining("a JSON file is UTF-8 text").hasMessageNotContaining("CSV")
                .hasMessageNotContaining("sheet");
    }

    @ParameterizedTest
    @ValueSource(strings = {"export.json", "export.jsonl"})
    void tells_utf16_json_to_be_saved_as_utf8(String name) throws IOException {
        // what Windows PowerShell's Out-File writes unless told otherwise
        Path file = Files.write(dir.resolve(name),
                ("\uFEFF{\"sequence\": \"Café\", \"step\": 1, \"body\": \"Hi\"}\r\n").getBytes(StandardCharsets.UTF_16LE));

        assertThatThrownBy(() -> TestInputs.spool(file)).isInstanceOf(UnreadableInputException.class)
                .hasMessage("is UTF-16LE text (it starts with that byte-order mark), but a JSON file must be UTF-8;"
                        + " save it as UTF-8 (in PowerShell: Out-File -Encoding utf8) and drop it again");
    }

    @ParameterizedTest
    @ValueSource(strings = {"export.json", "export.jsonl"})
    void tells_utf16_json_without_byte_order_mark_to_be_saved_as_utf8_not_to_set_an_encoding(String name)
            throws IOException {
        // Node's fs.writeFileSync(file, text, "utf16le") writes no byte-order mark; input.encoding is for text files
        Path file = Files.write(dir.resolve(name),
                "{\"sequence\": \"Café\", \"step\": 1, \"body\": \"Hi\"}\n".getBytes(StandardCharsets.UTF_16LE));

        assertThatThrownBy(() -> TestInputs.spool(file)).isInstanceOf(UnreadableInputException.class)
                .hasMessage("looks like UTF-16LE text without a byte-order mark, but a JSON file must be UTF-8; save it"
                        + " as UTF-8 and drop it again");
    }

    @ParameterizedTest
    @ValueSource(strings = {"export.json", "export.jsonl"})
    void tells_json_that_is_not_utf8_where_and_to_save_it_as_utf8_without_speaking_of_csv(String name) throws IOException {
        Path file = Files.write(dir.resolve(name),
                "{\"sequence\": \"Café\", \"step\": 1, \"body\": \"Hi\"}\n".getBytes(LegacyEncoding.WINDOWS_1252));

        assertThatThrownBy(() -> TestInputs.spool(file)).isInstanceOf(UnreadableInputException.class)
                .hasMessage("is not UTF-8 text: invalid UTF-8 at byte offset 17 (line 1); a JSON file must be UTF-8:"
                        + " save it as UTF-8 and drop it again");
    }

    // ---- one JSON record is read whole only up to 20 × input.max-cell-length characters ----------

    /** A cell limit of 100 makes the record limit 2,000 characters (the guard allows 64 KiB of read-ahead). */
    private static final ReadOptions SMALL_RECORDS =
            new ReadOptions(null, null, null, ZoneOffset.UTC, new InputLimits(Long.MAX_VALUE, 1_000_000, 100));

    private static String flatRows(int count) {
        StringBuilder rows = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            rows.append(i == 1 ? "" : ",").append("{\"sequence\": \"S").append(i).append("\", \"step\": 1,")
                    .append(" \"subject\": \"Hello\", \"body\": \"Hi {{first_name}}, a short note.\"}");
        }
        return rows.toString();
    }

    @Test
    void tells_where_to_put_rows_kept_under_a_wrapper_key_it_does_not_read() {
        // {"data": [...]} as many APIs answer: read as one record, it would be the whole file in memory
        Path file = TestInputs.write(dir, "export.json", "{\"data\": [" + flatRows(2_000) + "], \"total\": 2000}");

        assertThatThrownBy(() -> TestInputs.spool(file, SMALL_RECORDS)).isInstanceOf(UnreadableInputException.class)
                .hasMessage("the value of \"data\" (from line 1) is longer than 2,000 characters, the most one sequence"
                        + " or row may take (20 × input.max-cell-length); if \"data\" holds the rows or sequences, put"
                        + " them in a top-level array ([{...}, {...}]) or under \"sequences\" ({\"sequences\": [...]})");
    }

    @Test
    void refuses_one_endless_json_element_naming_it() {
        String endless = "{\"sequence\": \"Long\", \"step\": 1, \"body\": \"" + "All work and no play. ".repeat(5_000) + "\"}";
        Path file = TestInputs.write(dir, "rows.json", "[" + flatRows(1) + ",\n" + endless + "]");

        assertThatThrownBy(() -> TestInputs.spool(file, SMALL_RECORDS)).isInstanceOf(UnreadableInputException.class)
                .hasMessageStartingWith("element 2 (from line 2) is longer than 2,000 characters");
    }

    @Test
    void tells_a_json_array_on_one_line_named_jsonl_to_be_named_json() {
        Path file = TestInputs.write(dir, "export.jsonl", "[" + flatRows(2_000) + "]\n");

        assertThatThrownBy(() -> TestInputs.spool(file, SMALL_RECORDS)).isInstanceOf(UnreadableInputException.class)
                .hasMessage("line 1 is longer than 2,000 characters, the most one sequence or row may take"
                        + " (20 × input.max-cell-length); a .jsonl file holds one object per line, so if it is one JSON"
                        + " array, name it .json");
    }

    @Test
    void reads_sequences_beside_keys_it_ignores_however_long_they_are() throws IOException {
        // an export that carries its contacts along: only "sequences" is read, the rest is named in a warning
        String contacts = "[" + "{\"email\": \"ada@example.com\", \"name\": \"Ada\"},".repeat(5_000) + "{}]";
        String text = "{\"sequences\": [" + flatRows(2) + "],\n\"contacts\": " + contacts + ",\n\"total\": 2}";

        try (SpooledInput input = TestInputs.spool(TestInputs.write(dir, "bundle.json", text), SMALL_RECORDS)) {
            assertThat(input.recordCount()).isEqualTo(2);
            assertThat(input.warnings()).containsExactly("fields beside \"sequences\" ignored: contacts, total");
        }
    }

    @Test
    void refuses_rows_kept_one_key_each_in_a_top_level_object_as_the_files_to_fix() {
        // {"id1": {...}, "id2": {...}}, as a script writes a dictionary: no one value is long, all of them are
        StringBuilder keyed = new StringBuilder("{");
        for (int i = 1; i <= 2_000; i++) {
            keyed.append(i == 1 ? "" : ",\n").append("\"id").append(i).append("\": {\"sequence\": \"S").append(i)
                    .append("\", \"step\": 1, \"subject\": \"Hello\", \"body\": \"Hi {{first_name}}, a short note.\"}");
        }
        Path file = TestInputs.write(dir, "keyed.json", keyed.append("}").toString());

        assertThatThrownBy(() -> TestInputs.spool(file, SMALL_RECORDS)).isInstanceOf(UnreadableInputException.class)
                .hasMessage("the top-level object (from line 1) is longer than 2,000 characters, the most one sequence"
                        + " or row may take (20 × input.max-cell-length); if its keys hold the rows or sequences, one key"
                        + " each, put them in a top-level array ([{...}, {...}]) or under \"sequences\" ({\"sequences\":"
                        + " [...]})");
    }

    @Test
    void names_a_top_level_sequence_too_long_as_the_sequence_not_as_rows_under_a_key() {
        // one sequence in Apollo's shape: its emailer_steps are not rows to be moved into an array
        String body = "<p>" + "All work and no play. ".repeat(5_000) + "</p>";
        Path file = TestInputs.write(dir, "sequence.json", "{\"name\": \"Long\",\n\"emailer_steps\": [{\"position\": 1,"
                + " \"emailer_touches\": [{\"emailer_template\": {\"body_html\": \"" + body + "\"}}]}]}");

        assertThatThrownBy(() -> TestInputs.spool(file, SMALL_RECORDS)).isInstanceOf(UnreadableInputException.class)
                .hasMessage("the top-level object (from line 1) is longer than 2,000 characters, the most one sequence or"
                        + " row may take (20 × input.max-cell-length); look for text pasted many times over");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wrapped.json", "rows.jsonl"})
    void reads_records_far_longer_together_than_one_record_one_by_one(String name) throws IOException {
        String text = name.endsWith(".jsonl") ? flatRows(2_000).replace("},{", "}\n{") + "\n"
                : "{\"sequences\": [" + flatRows(2_000) + "]}";

        try (SpooledInput input = TestInputs.spool(TestInputs.write(dir, name, text), SMALL_RECORDS)) {
            assertThat(input.recordCount()).isEqualTo(2_000);
        }
    }

    @Test
    void still_rejects_broken_json_text_as_json_not_as_a_workbook() {
        Path file = TestInputs.write(dir, "broken.json", "[{\"sequence\": \"A\" \"step\": 1}]");

        assertThatThrownBy(() -> TestInputs.spool(file)).isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("is not valid JSON at line 1");
    }

    @Test
    void warns_of_sequence_names_that_differ_only_in_case_or_spaces() throws IOException {
        Path file = TestInputs.write(dir, "lookalikes.csv", """
                sequence,step,subject,body
                Q1 Outbound,1,Hello,Hi
                Q1 Outbound,2,,Again
                Q1 outbound,3,,Last
                Renewals,1,Hi,There
                Q1  Outbound,4,,Really last
                """);

        try (SpooledInput input = TestInputs.spool(file)) {
            assertThat(input.warnings()).containsExactly("sequence names that differ only in case or spaces are"
                    + " different sequences: 'Q1 Outbound' and 'Q1 outbound', 'Q1 Outbound' and 'Q1  Outbound'; if they"
                    + " are meant to be one, write the name the same way on every row");
        }
    }

    @Test
    void names_a_few_lookalike_names_and_counts_the_rest() throws IOException {
        StringBuilder csv = new StringBuilder("sequence,step,subject,body\n");
        for (int i = 1; i <= 8; i++) {
            csv.append("Seq ").append(i).append(",1,Hi,There\n").append("SEQ ").append(i).append(",1,Hi,There\n");
        }
        Path file = TestInputs.write(dir, "many.csv", csv.toString());

        try (SpooledInput input = TestInputs.spool(file)) {
            assertThat(input.warnings()).singleElement().asString()
                    .contains("'Seq 5' and 'SEQ 5' (and 3 more);").doesNotContain("Seq 6");
        }
    }

    @Test
    void keeps_its_spool_files_out_of_the_temp_folder_and_closes_them_when_closed() throws IOException {
        assumeTrue(hasProc(), "counts open files in /proc (Linux), and Linux unlinks them when opened");
        long before = openSpoolFiles();
        long listedBefore = listedSpoolFiles();
        SpooledInput input = TestInputs.spool(TestInputs.copy("inputs/interleaved.csv", dir));

        // open, its records and its sequence names, but not in the folder: a killed service leaves nothing there
        assertThat(openSpoolFiles()).isEqualTo(before + 2);
        assertThat(listedSpoolFiles()).isEqualTo(listedBefore);
        input.close();
        assertThat(openSpoolFiles()).isEqualTo(before);
    }

    @Test
    void rejects_more_json_after_the_first_value() {
        Path file = TestInputs.write(dir, "two.json", "{\"sequence\": \"A\"}\n{\"sequence\": \"B\"}\n");

        assertThatThrownBy(() -> TestInputs.spool(file)).isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("has more JSON after the first value (line 2)").hasMessageContaining(".jsonl");
    }

    @Test
    void rejects_a_json_file_holding_a_single_value() {
        Path file = TestInputs.write(dir, "scalar.json", "\"Q1 outbound\"");

        assertThatThrownBy(() -> TestInputs.spool(file)).isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("must hold a JSON object or an array of objects");
    }

    @Test
    void rejects_a_json_array_without_records() {
        Path file = TestInputs.write(dir, "nothing.json", "[]");

        assertThatThrownBy(() -> TestInputs.spool(file)).isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("contains no sequences or rows");
    }

    @Test
    void reports_unknown_fields_of_json_rows_once_as_a_warning() throws IOException {
        Path file = TestInputs.write(dir, "rows.json", "[{\"sequence\": \"A\", \"subject\": \"Hi\", \"Region\": \"EU\"},"
                + " {\"sequence\": \"A\", \"Region\": \"EU\", \"_error\": \"old\"}]");
        try (SpooledInput input = TestInputs.spool(file)) {
            assertThat(input.warnings()).singleElement().asString().contains("\"Region\"").doesNotContain("_error");
        }
    }

    @Test
    void hints_at_the_delimiter_when_a_header_uses_semicolons_but_commas_are_set() {
        Path file = TestInputs.write(dir, "european.csv", "sequence;step;subject;body\nA;1;Hi;Hello\n");
        ReadOptions commas = new ReadOptions(null, ',', null, ZoneOffset.UTC, InputLimits.DEFAULT);

        assertThatThrownBy(() -> TestInputs.spool(file, commas)).isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("separated by \";\"");
    }

    @Test
    void restores_guarded_cells_only_in_files_written_by_the_pack() throws IOException {
        Path plain = TestInputs.write(dir, "plain.csv", "sequence,note\nA,'=not a formula\n");
        Path errors = TestInputs.write(dir, "errors.csv", "_error,sequence,note\nfix it,A,'=guarded\n");

        assertThat(firstCells(plain)).containsExactly("A", "'=not a formula");
        assertThat(firstCells(errors)).containsExactly("fix it", "A", "=guarded");
    }

    private static List<String> firstCells(Path file) throws IOException {
        return ((SourceRecord.TableRow) TestInputs.candidates(file).get(0).records().get(0)).cells();
    }

    private static long listedSpoolFiles() throws IOException {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("apollo-sequence-spool-")).count();
        }
    }

    private static boolean hasProc() {
        return Files.isDirectory(Path.of("/proc/self/fd"));
    }

    /** Spool files this JVM holds open, deleted or not: Linux lists a process's open files in /proc. */
    static long openSpoolFiles() throws IOException {
        long open = 0;
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    if (Files.readSymbolicLink(fd).toString().contains("apollo-sequence-spool-")) {
                        open++;
                    }
                } catch (IOException closedMeanwhile) {
                    // the listing's own descriptor, or one closed since
                }
            }
        }
        return open;
    }
}
