package io.apolloroutes.deadletter;

import static io.apolloroutes.deadletter.DeadLetterBoxTest.csv;
import static io.apolloroutes.deadletter.DeadLetterBoxTest.failed;
import static io.apolloroutes.deadletter.DeadLetterBoxTest.sequences;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.apolloroutes.ingest.Column;
import io.apolloroutes.ingest.FormulaGuard;
import io.apolloroutes.ingest.SequenceCandidate;
import io.apolloroutes.ingest.SourceRecord;
import io.apolloroutes.ingest.SpooledInput;
import io.apolloroutes.ingest.TableLayout;
import io.apolloroutes.support.TestInputs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailedRowsCsvTest {

    @TempDir
    Path dir;

    @Test
    void starts_with_a_utf8_byte_order_mark_and_puts_error_first_before_the_inputs_headers() throws IOException {
        TableLayout layout = TableLayout.of(List.of("Sequence", "Step", "Wait Mode", "Owner Name"));

        try (FailedRowsCsv rows = new FailedRowsCsv(dir, layout, ',')) {
            rows.write(new SourceRecord.TableRow(2, List.of("Q1 outbound", "1", "days", "Sam")), "bad wait mode");
        }

        byte[] bytes = Files.readAllBytes(dir.resolve("failed-rows.csv"));
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes, 3, bytes.length - 3, java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("_error,Sequence,Step,Wait Mode,Owner Name\r\nbad wait mode,Q1 outbound,1,days,Sam\r\n");
    }

    @Test
    void is_named_failed_rows_csv() throws IOException {
        try (FailedRowsCsv rows = new FailedRowsCsv(dir, TableLayout.of(List.of("sequence")), ',')) {
            assertThat(rows.fileName()).isEqualTo("failed-rows.csv");
        }
        assertThat(dir.resolve("failed-rows.csv")).exists();
    }

    @Test
    void guards_cells_a_spreadsheet_would_run_as_formulas() throws IOException {
        TableLayout layout = TableLayout.of(List.of("sequence", "subject", "body", "note", "priority", "labels",
                "wait_time", "step"));

        try (FailedRowsCsv rows = new FailedRowsCsv(dir, layout, ',')) {
            rows.write(new SourceRecord.TableRow(2, List.of("=HYPERLINK(\"http://x.test\",\"hi\")", "+44 20 7946 0000",
                    "-1 for you", "@channel", "\tindented", "\rcarriage", "a=b", "")), "fine");
        }

        assertThat(csv(dir.resolve("failed-rows.csv")).get(1)).containsExactly("fine",
                "'=HYPERLINK(\"http://x.test\",\"hi\")", "'+44 20 7946 0000", "'-1 for you", "'@channel",
                "'\tindented", "'\rcarriage", "a=b", "");
    }

    @Test
    void guards_the_error_column_too() throws IOException {
        try (FailedRowsCsv rows = new FailedRowsCsv(dir, TableLayout.of(List.of("sequence", "body")), ',')) {
            rows.write(new SourceRecord.TableRow(2, List.of("A", "Hi")), "=cmd|' /C calc'!A0");
            rows.write(new SourceRecord.TableRow(3, List.of("A", "Again")), "-not sent");
        }

        assertThat(csv(dir.resolve("failed-rows.csv"))).extracting(row -> row.get(0))
                .containsExactly("_error", "'=cmd|' /C calc'!A0", "'-not sent");
    }

    @Test
    void replaces_the_old_errors_of_a_re_dropped_errors_file_in_place() throws IOException {
        TableLayout layout = TableLayout.of(List.of("_error", "sequence", "subject"));
        assertThat(layout.errorColumnIndex()).isZero();

        try (FailedRowsCsv rows = new FailedRowsCsv(dir, layout, ',')) {
            rows.write(new SourceRecord.TableRow(2, List.of("old error", "A", "Hi")), "new error");
        }

        assertThat(csv(dir.resolve("failed-rows.csv"))).containsExactly(
                List.of("_error", "sequence", "subject"),
                List.of("new error", "A", "Hi"));
    }

    @Test
    void keeps_an_error_column_that_is_not_first_where_it_stands() throws IOException {
        TableLayout layout = TableLayout.of(List.of("sequence", " _Error ", "subject"));

        try (FailedRowsCsv rows = new FailedRowsCsv(dir, layout, ',')) {
            rows.write(new SourceRecord.TableRow(2, List.of("A", "old", "Hi")), "new");
            rows.write(new SourceRecord.TableRow(3, List.of("A")), "short row");
        }

        assertThat(csv(dir.resolve("failed-rows.csv"))).containsExactly(
                List.of("sequence", "_Error", "subject"),
                List.of("A", "new", "Hi"),
                List.of("A", "short row"));
    }

    @Test
    void keeps_the_extra_cells_of_a_row_longer_than_the_header() throws IOException {
        try (FailedRowsCsv rows = new FailedRowsCsv(dir, TableLayout.of(List.of("sequence", "subject")), ',')) {
            rows.write(new SourceRecord.TableRow(2, List.of("A", "Hi", "stray", "=1+1")), "error");
        }

        assertThat(csv(dir.resolve("failed-rows.csv"))).containsExactly(
                List.of("_error", "sequence", "subject"),
                List.of("error", "A", "Hi", "stray", "'=1+1"));
    }

    @Test
    void keeps_the_extra_cells_of_a_spooled_row_through_the_dead_letter_box() throws IOException {
        Path file = TestInputs.write(dir, "extra.csv", "sequence,subject\nA,Hi,stray,more\n");
        Path folder = deadLetterFirstSequence(file, dir.resolve("dead"), "error");

        assertThat(csv(folder.resolve("failed-rows.csv"))).containsExactly(
                List.of("_error", "sequence", "subject"),
                List.of("error", "A", "Hi", "stray", "more"));
    }

    // ---------------------------------------------------------------- round trip through the real parser

    @Test
    void reads_back_through_the_parser_without_guards_and_without_the_error_column() throws IOException {
        Path file = TestInputs.write(dir, "formulas.csv", """
                sequence,step,subject,body,wait_time,wait_mode
                Alpha,1,=HYPERLINK("http://x.test"),+1 555 0100,0,day
                Alpha,2,,"-5 minutes, then @mention",2,day
                Beta,1,@here,"'quoted' stays","\tTabbed",day
                """);
        List<List<String>> originals;
        Path folder = dir.resolve("dead");
        try (SpooledInput input = TestInputs.spool(file);
             DeadLetterBox box = new DeadLetterBox(input.file(), input.layout(), folder, new ObjectMapper())) {
            List<SequenceCandidate> sequences = sequences(input);
            originals = sequences.stream().flatMap(s -> s.records().stream())
                    .map(r -> ((SourceRecord.TableRow) r).cells()).toList();
            box.add(failed(sequences.get(0)), "=not a formula: Apollo answered 422");
            box.add(failed(sequences.get(1)), "Apollo answered 422: Wait time must not be empty");
        }
        assertThat(originals.get(0)).containsExactly("Alpha", "1", "=HYPERLINK(\"http://x.test\")", "+1 555 0100",
                "0", "day");

        Path reDropped = Files.copy(folder.resolve("failed-rows.csv"), dir.resolve("failed-rows.csv"));
        List<List<String>> written = csv(reDropped);
        assertThat(written.get(1)).containsExactly("'=not a formula: Apollo answered 422", "Alpha", "1",
                "'=HYPERLINK(\"http://x.test\")", "'+1 555 0100", "0", "day");
        assertThat(written.get(3)).containsExactly("Apollo answered 422: Wait time must not be empty", "Beta", "1",
                "'@here", "'quoted' stays", "'\tTabbed", "day");

        try (SpooledInput again = TestInputs.spool(reDropped)) {
            assertThat(again.warnings()).isEmpty();
            assertThat(again.layout().unknownColumns()).isEmpty();
            assertThat(again.layout().errorColumnIndex()).isZero();
            assertThat(again.layout().indexOf(Column.SEQUENCE)).isEqualTo(1);
            assertThat(again.layout().indexOf(Column.BODY)).isEqualTo(4);
            assertThat(again.recordCount()).isEqualTo(3);

            List<SequenceCandidate> sequences = sequences(again);
            assertThat(sequences).extracting(SequenceCandidate::name).containsExactly("Alpha", "Beta");
            assertThat(sequences.get(0).recordNumbers()).containsExactly(2, 3);
            List<List<String>> cells = sequences.stream().flatMap(s -> s.records().stream())
                    .map(r -> ((SourceRecord.TableRow) r).cells()).toList();
            assertThat(cells).extracting(row -> row.subList(1, row.size())).containsExactlyElementsOf(originals);
            assertThat(cells).extracting(row -> row.get(0)).containsExactly(
                    "=not a formula: Apollo answered 422", "=not a formula: Apollo answered 422",
                    "Apollo answered 422: Wait time must not be empty");
            assertThat(cells.get(1).get(4)).isEqualTo("-5 minutes, then @mention");
            assertThat(cells.get(2)).containsExactly("Apollo answered 422: Wait time must not be empty", "Beta", "1",
                    "@here", "'quoted' stays", "\tTabbed", "day");
            assertThat(FormulaGuard.unguard(written.get(1).get(3))).isEqualTo(cells.get(0).get(3));
        }
    }

    @Test
    void writes_a_re_dropped_errors_file_back_with_a_single_error_column() throws IOException {
        Path reDropped = failOnce("q3-fixed.csv");

        Path secondFolder = failAgain(reDropped);

        assertThat(secondFolder.resolve("q3-fixed.csv")).hasSameBinaryContentAs(reDropped);
    }

    @Test
    void keeps_the_new_errors_when_the_re_dropped_file_is_still_named_failed_rows_csv() throws IOException {
        Path reDropped = failOnce("failed-rows.csv");

        Path secondFolder = failAgain(reDropped);

        try (var listing = Files.list(secondFolder)) {
            assertThat(listing).hasSize(2);
        }
    }

    /** Spools a file and dead-letters its first sequence with a reason; returns the dead-letter folder. */
    private static Path deadLetterFirstSequence(Path file, Path folder, String reason) throws IOException {
        try (SpooledInput input = TestInputs.spool(file);
             DeadLetterBox box = new DeadLetterBox(input.file(), input.layout(), folder, new ObjectMapper())) {
            box.add(failed(sequences(input).get(0)), reason);
        }
        return folder;
    }

    /** Fails a re-dropped errors file again and checks its new failed-rows.csv; returns the folder. */
    private Path failAgain(Path reDropped) throws IOException {
        Path secondFolder = deadLetterFirstSequence(reDropped, dir.resolve("dead-2"), "second failure");
        assertThat(csv(secondFolder.resolve("failed-rows.csv"))).containsExactly(
                List.of("_error", "sequence", "subject", "body"),
                List.of("second failure", "A", "Hi", "'=1+1"));
        return secondFolder;
    }

    /** Runs q3.csv through a dead-letter box once and copies its failed-rows.csv back as {@code name}. */
    private Path failOnce(String name) throws IOException {
        Path first = TestInputs.write(dir, "q3.csv", "sequence,subject,body\nA,Hi,=1+1\n");
        Path firstFolder = deadLetterFirstSequence(first, dir.resolve("dead-1"), "first failure");
        assertThat(csv(firstFolder.resolve("failed-rows.csv"))).containsExactly(
                List.of("_error", "sequence", "subject", "body"),
                List.of("first failure", "A", "Hi", "'=1+1"));
        return Files.copy(firstFolder.resolve("failed-rows.csv"), dir.resolve(name));
    }
}
