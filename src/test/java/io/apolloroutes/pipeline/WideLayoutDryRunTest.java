package io.apolloroutes.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.apolloroutes.ingest.FormulaGuard;
import io.apolloroutes.support.TestInputs;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** The wide layout (one row per sequence, numbered step columns) through the whole pipeline in dry run. */
@TestPropertySource(properties = {"apollo.api-key=", "apollo.base-url=http://localhost:9"})
class WideLayoutDryRunTest extends PipelineTestSupport {

    @Test
    void writes_the_same_outbox_bodies_for_a_wide_file_as_for_the_step_rows_it_stands_for() {
        dropAs("inputs/wide-layout.csv", "wide-layout.csv");

        JsonNode report = awaitReport("wide-layout.csv");

        assertThat(report.path("counts").path("rows").asInt()).isEqualTo(4);
        assertThat(report.path("counts").path("sequences_by_outcome").path("would-create").asInt()).isEqualTo(3);
        assertThat(report.path("counts").path("sequences_by_outcome").path("invalid").asInt()).isEqualTo(1);
        assertThat(report.path("sequences")).extracting(s -> s.path("rows").toString())
                .containsExactly("[2]", "[3]", "[4]", "[5]");
        assertThat(report.path("warnings").toString()).contains("\\\"Owner Name\\\"");
        // the A/B step of the webinar sequence is refused as it is for step rows, naming the wide row
        assertThat(report.path("sequences").get(1).path("reason").asText())
                .contains("wide-layout.csv row 3, column \"Step 1 Subject B\" (emailer_steps[0].emailer_touches)")
                .contains("A/B test");

        Path outbox = outboxOf("wide-layout.csv").orElseThrow();
        assertThat(filesUnder(outbox)).extracting(p -> p.getFileName().toString()).containsExactly(
                "001-q1-outbound-vp-sales.json", "003-customer-expansion-enterprise.json", "004-trial-check-in.json");
        // the first three sequences are quick-start.csv's, so they must give quick-start's bodies
        assertSameJson(outbox.resolve("001-q1-outbound-vp-sales.json"), "expected/quick-start/001-q1-outbound-vp-sales.json");
        assertSameJson(outbox.resolve("003-customer-expansion-enterprise.json"),
                "expected/quick-start/003-customer-expansion-enterprise.json");
        assertSameJson(outbox.resolve("004-trial-check-in.json"), "expected/wide-layout/004-trial-check-in.json");
    }

    @Test
    void returns_failed_wide_rows_in_their_own_header_with_the_row_and_column_named() throws IOException {
        dropAs("inputs/wide-layout-mistakes.csv", "wide-mistakes.csv");

        JsonNode report = awaitReport("wide-mistakes.csv");

        assertThat(report.path("counts").path("rows").asInt()).isEqualTo(7);
        assertThat(report.path("counts").path("sequences_by_outcome").path("would-create").asInt()).isEqualTo(1);
        assertThat(report.path("counts").path("sequences_by_outcome").path("invalid").asInt()).isEqualTo(5);
        List<List<String>> original = csv(resource("inputs/wide-layout-mistakes.csv"));
        List<List<String>> failed = csv(read(deadLetterOf("wide-mistakes.csv").resolve("failed-rows.csv")));

        assertThat(failed.get(0)).containsExactlyElementsOf(prepend("_error", original.get(0)));
        // every failed row is the original row, cell for cell, behind its _error
        assertThat(failed.subList(1, failed.size())).extracting(row -> unguarded(row.subList(1, row.size())))
                .containsExactlyElementsOf(original.subList(2, original.size()));
        assertThat(failed.subList(1, failed.size())).extracting(row -> row.get(0)).containsExactly(
                "wide-mistakes.csv row 3, column \"step2_wait_days\" (emailer_steps[1].wait_time): is missing; Apollo"
                        + " needs a wait time on every step (0 sends right away)",
                "wide-mistakes.csv row 4, column \"step2_type\": step 2 is empty, but step 3 is filled; steps run 1, 2,"
                        + " 3… without gaps, so fill step 2 or move the later steps into its columns",
                "wide-mistakes.csv row 5, column \"step3_type\" (emailer_steps[2].type): is a step that sends no email,"
                        + " so the text under \"step3_subject\" would be lost; move it to \"step3_note\", or change the"
                        + " type to auto_email — got 'call'",
                "wide-mistakes.csv row 6, column \"step1_wait_hours\" (emailer_steps[0].wait_time): must be a whole"
                        + " number — got 'two'",
                "wide-mistakes.csv rows 7-8, column \"sequence\": is on more than one row; with numbered step columns"
                        + " each sequence is one row, so give each row its own sequence name or merge the rows into one"
                        + " — got 'Webinar recap'",
                "wide-mistakes.csv rows 7-8, column \"sequence\": is on more than one row; with numbered step columns"
                        + " each sequence is one row, so give each row its own sequence name or merge the rows into one"
                        + " — got 'Webinar recap'");
    }

    @Test
    void accepts_the_corrected_wide_errors_file_dropped_back_into_the_inbox() throws IOException {
        dropAs("inputs/wide-layout-mistakes.csv", "wide-to-fix.csv");
        awaitReport("wide-to-fix.csv");
        List<List<String>> rows = csv(read(deadLetterOf("wide-to-fix.csv").resolve("failed-rows.csv")));
        List<String> header = rows.get(0);

        // what a person does in a spreadsheet: fix the cells the _error column points at
        set(rows, header, "Partner newsletter", "step2_wait_days", "3");
        set(rows, header, "Event invite", "step2_wait_days", "2");
        set(rows, header, "Event invite", "step2_body", "Hi {{first_name}}, seats are filling up for {{event_name}}.");
        set(rows, header, "Event invite", "step3_wait_days", "");
        set(rows, header, "Event invite", "step3_body", "");
        set(rows, header, "Trial nurture", "step3_subject", "");
        set(rows, header, "Launch teaser", "step1_wait_hours", "2");
        rows.get(rows.size() - 1).set(header.indexOf("sequence"), "Webinar slides");
        dropText("wide-fixed.csv", "\uFEFF" + toCsv(rows));

        JsonNode report = awaitReport("wide-fixed.csv");

        assertThat(report.path("counts").path("sequences_by_outcome").path("invalid").asInt())
                .as(report.toPrettyString()).isZero();
        assertThat(report.path("counts").path("sequences_by_outcome").path("would-create").asInt()).isEqualTo(6);
        assertThat(report.path("warnings")).isEmpty();
        JsonNode trial = TestInputs.MAPPER.readTree(outboxOf("wide-fixed.csv").orElseThrow()
                .resolve("003-trial-nurture.json").toFile());
        // the note's leading "+" was guarded in failed-rows.csv and is restored on the way back in
        assertThat(trial.path("emailer_steps").get(2).path("note").asText()).isEqualTo("+1 415 555 0100 - call before noon");
    }

    private static void set(List<List<String>> rows, List<String> header, String sequence, String column, String value) {
        List<String> row = rows.stream().filter(r -> r.get(header.indexOf("sequence")).equals(sequence)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + sequence));
        row.set(header.indexOf(column), value);
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    private static List<String> unguarded(List<String> cells) {
        return cells.stream().map(FormulaGuard::unguard).toList();
    }

    private static String resource(String name) {
        try (InputStream in = WideLayoutDryRunTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cells of a CSV text, without a byte-order mark. */
    private static List<List<String>> csv(String text) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(body)).setFormat(CSVFormat.RFC4180).get()) {
            for (CSVRecord record : parser) {
                rows.add(new ArrayList<>(record.toList()));
            }
        }
        return rows;
    }

    private static String toCsv(List<List<String>> rows) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecords(rows);
        }
        return out.toString();
    }
}
