package io.apolloroutes.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.apolloroutes.apollo.SequenceRequest;
import io.apolloroutes.ingest.BodyFormat;
import io.apolloroutes.ingest.InputLimits;
import io.apolloroutes.ingest.ReadOptions;
import io.apolloroutes.ingest.SequenceCandidate;
import io.apolloroutes.ingest.SourceProfile;
import io.apolloroutes.ingest.SpooledInput;
import io.apolloroutes.mapping.Problem;
import io.apolloroutes.mapping.SequenceDraft;
import io.apolloroutes.mapping.SourceLocator;
import io.apolloroutes.support.TestInputs;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadLetterBoxTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final String Q3 = """
            sequence,step,subject,body,wait_mode
            Alpha,1,Hello {{first_name}},Hi there,day
            Alpha,2,,Following up,days
            Beta,1,Beta hello,=SUM(A1:A9),day
            Alpha,3,,Last one,day
            Beta,2,,-2 days left,day
            """;

    @TempDir
    Path dir;

    private Path inbox;
    private Path folder;

    @BeforeEach
    void folders() throws IOException {
        inbox = Files.createDirectories(dir.resolve("inbox"));
        folder = dir.resolve("dead-letter").resolve("q3.csv-20260105080000");
    }

    // ---------------------------------------------------------------- folder lifecycle

    @Test
    void creates_nothing_for_a_clean_run() throws IOException {
        Path file = TestInputs.write(inbox, "q3.csv", Q3);
        try (SpooledInput input = TestInputs.spool(file)) {
            DeadLetterBox box = new DeadLetterBox(input.file(), input.layout(), folder, MAPPER);

            box.close();

            assertThat(box.isUsed()).isFalse();
            assertThat(folder).doesNotExist();
            assertThat(folder.getParent()).doesNotExist();
        }
    }

    @Test
    void copies_the_original_file_beside_the_failed_rows_on_close() throws IOException {
        Path file = TestInputs.write(inbox, "q3.csv", Q3);
        try (SpooledInput input = TestInputs.spool(file)) {
            DeadLetterBox box = new DeadLetterBox(input.file(), input.layout(), folder, MAPPER);
            box.add(failed(sequences(input).get(1)), "Apollo answered 422: Wait time must not be empty");
            assertThat(box.isUsed()).isTrue();
            assertThat(folder.resolve("q3.csv")).doesNotExist();

            box.close();

            assertThat(box.folder()).isEqualTo(folder);
            assertThat(folder.resolve("q3.csv")).hasBinaryContent(Files.readAllBytes(file));
            assertThat(file).exists();
            try (var listing = Files.list(folder)) {
                assertThat(listing.map(p -> p.getFileName().toString()))
                        .containsExactlyInAnyOrder("q3.csv", "failed-rows.csv");
            }
        }
    }

    // ---------------------------------------------------------------- per-row errors

    @Test
    void gives_a_row_named_by_a_problem_that_problems_text_and_the_other_rows_a_pointer_to_it() throws IOException {
        Path file = TestInputs.write(inbox, "q3.csv", Q3);
        List<List<String>> rows;
        try (SpooledInput input = TestInputs.spool(file)) {
            SequenceCandidate alpha = sequences(input).get(0);
            Problem waitMode = new Problem(List.of(3), "wait_mode", "emailer_steps[1].wait_mode", "days",
                    "must be minute, hour or day");
            try (DeadLetterBox box = new DeadLetterBox(input.file(), input.layout(), folder, MAPPER)) {
                box.add(invalid(alpha, waitMode), "ignored for invalid sequences");
            }
            rows = csv(folder.resolve("failed-rows.csv"));
        }

        assertThat(rows).containsExactly(
                List.of("_error", "sequence", "step", "subject", "body", "wait_mode"),
                List.of("not sent: this row is fine, but sequence 'Alpha' has errors in row 3",
                        "Alpha", "1", "Hello {{first_name}}", "Hi there", "day"),
                List.of("q3.csv row 3, column \"wait_mode\" (emailer_steps[1].wait_mode): must be minute, hour or day"
                        + " — got 'days'", "Alpha", "2", "", "Following up", "days"),
                List.of("not sent: this row is fine, but sequence 'Alpha' has errors in row 3",
                        "Alpha", "3", "", "Last one", "day"));
    }

    @Test
    void joins_several_problems_of_one_row_and_names_every_blocking_row() throws IOException {
        Path file = TestInputs.write(inbox, "q3.csv", Q3);
        List<List<String>> rows;
        try (SpooledInput input = TestInputs.spool(file)) {
            SequenceCandidate alpha = sequences(input).get(0);
            Problem mode = new Problem(List.of(3), "wait_mode", "emailer_steps[1].wait_mode", "days",
                    "must be minute, hour or day");
            Problem body = new Problem(List.of(3), "body", "emailer_steps[1].emailer_touches[0].emailer_template"
                    + ".body_html", null, "is too short");
            Problem last = new Problem(List.of(5), "step", "emailer_steps[2].position", "3", "is out of order");
            try (DeadLetterBox box = new DeadLetterBox(input.file(), input.layout(), folder, MAPPER)) {
                box.add(invalid(alpha, mode, body, last), null);
            }
            rows = csv(folder.resolve("failed-rows.csv"));
        }

        assertThat(rows).extracting(row -> row.get(0)).containsExactly(
                "_error",
                "not sent: this row is fine, but sequence 'Alpha' has errors in rows 3, 5",
                "q3.csv row 3, column \"wait_mode\" (emailer_steps[1].wait_mode): must be minute, hour or day — got"
                        + " 'days'; q3.csv row 3, column \"body\" (emailer_steps[1].emailer_touches[0].emailer_template"
                        + ".body_html): is too short",
                "q3.csv row 5, column \"step\" (emailer_steps[2].position): is out of order — got '3'");
    }

    @Test
    void uses_the_request_name_in_the_pointer_when_the_sequence_was_mapped() throws IOException {
        Path file = TestInputs.write(inbox, "q3.csv", Q3);
        List<List<String>> rows;
        try (SpooledInput input = TestInputs.spool(file)) {
            SequenceCandidate beta = sequences(input).get(1);
            Problem problem = new Problem(List.of(6), "body", "emailer_steps[1].emailer_touches[0].emailer_template"
                    + ".body_html", null, "is empty");
            SequenceDraft draft = new SequenceDraft(beta, named("Beta (renamed)"), SourceLocator.wholeRecord(6),
                    List.of(problem));
            try (DeadLetterBox box = new DeadLetterBox(input.file(), input.layout(), folder, MAPPER)) {
                box.add(draft, null);
            }
            rows = csv(folder.resolve("failed-rows.csv"));
        }

        assertThat(rows.get(1).get(0))
                .isEqualTo("not sent: this row is fine, but sequence 'Beta (renamed)' has errors in row 6");
        assertThat(rows.get(2).get(0)).startsWith("q3.csv row 6, column \"body\"");
    }

    @Test
    void gives_a_problem_without_rows_to_every_row() throws IOException {
        Path file = TestInputs.write(inbox, "q3.csv", Q3);
        List<List<String>> rows;
        try (SpooledInput input = TestInputs.spool(file)) {
            Problem wholeSequence = new Problem(List.of(), null, "emailer_steps", null,
                    "is empty; a sequence needs at least one step");
            try (DeadLetterBox box = new DeadLetterBox(input.file(), input.layout(), folder, MAPPER)) {
                box.add(invalid(sequences(input).get(1), wholeSequence), null);
            }
            rows = csv(folder.resolve("failed-rows.csv"));
        }

        assertThat(rows).extracting(row -> row.get(0)).containsExactly("_error",
                "q3.csv, emailer_steps: is empty; a sequence needs at least one step",
                "q3.csv, emailer_steps: is empty; a sequence needs at least one step");
    }

    @Test
    void puts_the_reason_of_a_valid_sequence_that_was_not_created_on_all_its_rows() throws IOException {
        Path file = TestInputs.write(inbox, "q3.csv", Q3);
        List<List<String>> rows;
        try (SpooledInput input = TestInputs.spool(file)) {
            List<SequenceCandidate> sequences = sequences(input);
            try (DeadLetterBox box = new DeadLetterBox(input.file(), input.layout(), folder, MAPPER)) {
                box.add(failed(sequences.get(1)), "Apollo answered 422: Wait time must not be empty");
                box.add(failed(sequences.get(0)), "deferred: Apollo answered 503 four times; drop the file again later");
            }
            rows = csv(folder.resolve("failed-rows.csv"));
        }

        assertThat(rows).containsExactly(
                List.of("_error", "sequence", "step", "subject", "body", "wait_mode"),
                List.of("Apollo answered 422: Wait time must not be empty", "Beta", "1", "Beta hello", "'=SUM(A1:A9)",
                        "day"),
                List.of("Apollo answered 422: Wait time must not be empty", "Beta", "2", "", "'-2 days left", "day"),
                List.of("deferred: Apollo answered 503 four times; drop the file again later",
                        "Alpha", "1", "Hello {{first_name}}", "Hi there", "day"),
                List.of("deferred: Apollo answered 503 four times; drop the file again later",
                        "Alpha", "2", "", "Following up", "days"),
                List.of("deferred: Apollo answered 503 four times; drop the file again later",
                        "Alpha", "3", "", "Last one", "day"));
    }

    // ---------------------------------------------------------------- JSON inputs

    @Test
    void writes_failed_json_rows_as_an_array_of_the_original_objects_with_an_error() throws IOException {
        Path file = TestInputs.copy("inputs/flat-rows.json", inbox);
        JsonNode original = MAPPER.readTree(file.toFile());
        try (SpooledInput input = TestInputs.spool(file)) {
            SequenceCandidate flat = sequences(input).get(0);
            Problem problem = new Problem(List.of(2), "wait_time", "emailer_steps[1].wait_time", "2.0",
                    "must be a whole number");
            try (DeadLetterBox box = new DeadLetterBox(input.file(), input.layout(), folder, MAPPER)) {
                box.add(invalid(flat, problem), null);
            }
        }

        assertThat(folder.resolve("failed-rows.csv")).doesNotExist();
        assertThat(folder.resolve("flat-rows.json")).hasSameBinaryContentAs(file);
        JsonNode written = MAPPER.readTree(folder.resolve("failed-rows.json").toFile());
        ObjectNode first = ((ObjectNode) original.get(0).deepCopy())
                .put("_error", "not sent: this row is fine, but sequence 'Flat JSON' has errors in element 2");
        ObjectNode second = ((ObjectNode) original.get(1).deepCopy())
                .put("_error", "flat-rows.json element 2, column \"wait_time\" (emailer_steps[1].wait_time):"
                        + " must be a whole number — got '2.0'");
        assertThat(written.isArray()).isTrue();
        assertThat(written).containsExactly(first, second);
        assertThat(written.get(0).get("labels")).isEqualTo(original.get(0).get("labels"));
    }

    @Test
    void writes_failed_apollo_shaped_sequences_without_their_wrapper() throws IOException {
        Path file = TestInputs.copy("inputs/wrapped.json", inbox);
        JsonNode original = MAPPER.readTree(file.toFile()).get("sequences");
        try (SpooledInput input = TestInputs.spool(file)) {
            try (DeadLetterBox box = new DeadLetterBox(input.file(), input.layout(), folder, MAPPER)) {
                box.add(failed(sequences(input).get(1)), "Apollo answered 422: Emailer schedule is required");
            }
        }

        JsonNode written = MAPPER.readTree(folder.resolve("failed-rows.json").toFile());
        ObjectNode expected = ((ObjectNode) original.get(1).deepCopy())
                .put("_error", "Apollo answered 422: Emailer schedule is required");
        assertThat(written).containsExactly(expected);
    }

    @Test
    void writes_failed_json_lines_one_object_per_line_and_keeps_broken_lines_under_raw() throws IOException {
        Path file = TestInputs.copy("inputs/mixed.jsonl", inbox);
        try (SpooledInput input = TestInputs.spool(file)) {
            List<SequenceCandidate> sequences = sequences(input);
            try (DeadLetterBox box = new DeadLetterBox(input.file(), input.layout(), folder, MAPPER)) {
                box.add(failed(sequences.get(0)), "dry run: not sent");
                box.add(invalid(sequences.get(2),
                        Problem.ofRecords(List.of(5), null, "is not valid JSON")), null);
                box.add(invalid(sequences.get(3),
                        Problem.ofRecords(List.of(6), null, "must be a JSON object")), null);
            }
        }

        assertThat(folder.resolve("failed-rows.json")).doesNotExist();
        assertThat(folder.resolve("mixed.jsonl")).hasSameBinaryContentAs(file);
        List<String> lines = Files.readAllLines(folder.resolve("failed-rows.jsonl"), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(3);
        assertThat(MAPPER.readTree(lines.get(0))).isEqualTo(MAPPER.readTree(
                "{\"name\": \"Lines apollo\", \"emailer_steps\": [{\"type\": \"call\", \"wait_time\": 0,"
                        + " \"wait_mode\": \"day\", \"note\": \"Call\"}], \"_error\": \"dry run: not sent\"}"));
        JsonNode truncated = MAPPER.readTree(lines.get(1));
        assertThat(truncated.get("_raw").asText())
                .isEqualTo("{\"sequence\": \"Lines rows\", \"step\": 3, \"wait_time\": 1, \"body\": \"Third");
        assertThat(truncated.get("_error").asText()).isEqualTo("mixed.jsonl line 5: is not valid JSON");
        assertThat(truncated.size()).isEqualTo(2);
        JsonNode string = MAPPER.readTree(lines.get(2));
        assertThat(string.get("_raw").asText()).isEqualTo("\"just a string\"");
        assertThat(string.get("_error").asText()).isEqualTo("mixed.jsonl line 6: must be a JSON object");
    }

    @Test
    void replaces_the_error_of_a_re_dropped_json_errors_file() throws IOException {
        Path file = TestInputs.write(inbox, "again.jsonl",
                "{\"sequence\": \"Again\", \"step\": 1, \"body\": \"Hi\", \"_error\": \"old error\"}\n");
        try (SpooledInput input = TestInputs.spool(file)) {
            try (DeadLetterBox box = new DeadLetterBox(input.file(), input.layout(), folder, MAPPER)) {
                box.add(failed(sequences(input).get(0)), "new error");
            }
        }

        List<String> lines = Files.readAllLines(folder.resolve("failed-rows.jsonl"), StandardCharsets.UTF_8);
        assertThat(lines).containsExactly("{\"sequence\":\"Again\",\"step\":1,\"body\":\"Hi\",\"_error\":\"new error\"}");
    }

    @Test
    void writes_failed_rows_with_the_delimiter_the_source_is_read_with() throws IOException {
        Path file = TestInputs.write(inbox, "q3.csv", Q3.replace(',', ';'));
        SourceProfile semicolons = new SourceProfile("team", new ReadOptions(null, ';', null, ZoneId.of("UTC"),
                InputLimits.DEFAULT), Map.of(), Map.of(), BodyFormat.AUTO);
        try (SpooledInput input = TestInputs.spool(file, semicolons)) {
            try (DeadLetterBox box = new DeadLetterBox(input.file(), input.layout(), folder, MAPPER)) {
                box.add(failed(sequences(input).get(0)), "Apollo answered 422");
            }
        }

        List<String> lines = Files.readAllLines(folder.resolve("failed-rows.csv"), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("\uFEFF_error;sequence;step;subject;body;wait_mode");
        assertThat(lines.get(1)).isEqualTo("Apollo answered 422;Alpha;1;Hello {{first_name}};Hi there;day");
    }

    // ---------------------------------------------------------------- helpers

    static List<SequenceCandidate> sequences(SpooledInput input) {
        List<SequenceCandidate> all = new ArrayList<>();
        input.sequences().forEachRemaining(all::add);
        return all;
    }

    /** A sequence that mapped and validated but was not created (rejected, deferred, dry run). */
    static SequenceDraft failed(SequenceCandidate candidate) {
        return new SequenceDraft(candidate, named(candidate.name()), SourceLocator.wholeRecord(1), List.of());
    }

    /** A sequence that could not be mapped: no request, only problems. */
    static SequenceDraft invalid(SequenceCandidate candidate, Problem... problems) {
        return new SequenceDraft(candidate, null, SourceLocator.wholeRecord(1), List.of(problems));
    }

    static SequenceRequest named(String name) {
        return new SequenceRequest(name, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, List.of());
    }

    /** The cells of a written CSV, after checking and removing its byte-order mark. */
    static List<List<String>> csv(Path path) throws IOException {
        String text = Files.readString(path, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text.substring(1)))
                .setFormat(CSVFormat.RFC4180).get()) {
            for (CSVRecord record : parser) {
                rows.add(record.toList());
            }
        }
        return rows;
    }
}
