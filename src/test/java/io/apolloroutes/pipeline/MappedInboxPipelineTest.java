package io.apolloroutes.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.apolloroutes.support.TestInputs;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The inbox with a mapping file: a team drops its own export (its own headers, Windows-1252 with
 * semicolons, Markdown bodies) and gets Apollo requests with the mapping's constants applied.
 */
@TestPropertySource(properties = {"apollo.api-key=", "apollo.base-url=http://localhost:9",
        "input.max-cell-length=1000"})
class MappedInboxPipelineTest extends PipelineTestSupport {

    private static final String EXPORT = "inputs/partner-campaigns.csv";

    @DynamicPropertySource
    static void mapping(DynamicPropertyRegistry registry) {
        registry.add("inbox.mapping", () -> classpathFile("mappings/partner-export.yaml").toString());
    }

    @Test
    void turns_the_teams_export_into_requests_with_the_mapping_constants_and_rendered_markdown() throws IOException {
        dropAs(EXPORT, "partners-q3.csv");

        JsonNode report = awaitReport("partners-q3.csv");

        assertThat(report.path("mode").asText()).isEqualTo("dry-run");
        Path outbox = outboxOf("partners-q3.csv").orElseThrow();
        assertThat(filesUnder(outbox)).extracting(p -> p.getFileName().toString())
                .containsExactly("001-partner-onboarding-cafe-owners.json", "002-partner-reactivation-dach.json");

        JsonNode onboarding = json(outbox.resolve("001-partner-onboarding-cafe-owners.json"));
        assertThat(onboarding.path("name").asText()).isEqualTo("Partner Onboarding – Café Owners");
        assertThat(onboarding.path("emailer_schedule_id").asText()).isEqualTo("6095a710bd01d100a506d4af");
        assertThat(onboarding.path("user_id").asText()).isEqualTo("60c1f2e3d4b5a69788796a5b");
        assertThat(onboarding.path("label_names").toString()).isEqualTo("[\"Partners\",\"Q3 2026\",\"DACH\"]");
        assertThat(onboarding.path("permissions").asText()).isEqualTo("team_can_use");
        assertThat(onboarding.path("max_emails_per_day").asInt()).isEqualTo(40);
        assertThat(onboarding.path("mark_finished_if_reply").asBoolean()).isTrue();
        assertThat(onboarding.path("active").isBoolean()).isTrue();
        assertThat(onboarding.path("active").asBoolean()).isFalse();
        assertThat(onboarding.has("folder_id")).isFalse();

        JsonNode steps = onboarding.path("emailer_steps");
        assertThat(steps).hasSize(3);
        assertThat(steps).extracting(s -> s.path("wait_time").asInt()).containsExactly(0, 3, 4);
        assertThat(steps).extracting(s -> s.path("wait_mode").asText()).containsOnly("day");
        JsonNode welcome = touch(steps.get(0));
        assertThat(welcome.path("type").asText()).isEqualTo("new_thread");
        assertThat(welcome.path("status").asText()).isEqualTo("approved");
        assertThat(welcome.path("emailer_template").path("subject").asText()).isEqualTo("Willkommen, {{first_name}}!");
        assertThat(welcome.path("emailer_template").path("body_html").asText())
                .startsWith("<p>Hi {{first_name}},</p>\n<p>thanks for joining the <strong>partner programme</strong>"
                        + " at {{company_name}}.<br>Here is what happens next:</p>\n<ul>\n<li>")
                .endsWith("<p><a href=\"https://cal.example.com/partners/kickoff?ref={{company_name}}\">Book the"
                        + " kickoff</a></p>");
        assertThat(touch(steps.get(1)).path("type").asText()).isEqualTo("reply_to_thread");
        assertThat(touch(steps.get(1)).path("emailer_template").path("body_html").asText())
                .isEqualTo("<p>Just bumping this up, {{first_name}} – any questions about the programme?</p>");
        assertThat(touch(steps.get(2)).path("emailer_template").path("body_html").asText())
                .isEqualTo("Attached: the <b>partner kit</b> (PDF, 2 MB).");
        // body_format is how the cell is written, not an Apollo field
        assertThat(onboarding.toString()).doesNotContain("body_format").doesNotContain("Region");

        JsonNode reactivation = json(outbox.resolve("002-partner-reactivation-dach.json"));
        assertThat(reactivation.path("user_id").asText()).isEqualTo("5f2a8b3c9d4e1f0a2b3c4d5e");
        assertThat(touch(reactivation.path("emailer_steps").get(0)).path("emailer_template").path("body_html").asText())
                .startsWith("<h2>Was ist neu?</h2>\n<p>Drei Dinge haben sich geändert, {{first_name}}:</p>\n<ol>");
        assertThat(touch(reactivation.path("emailer_steps").get(1)).path("emailer_template").path("body_html").asText())
                .isEqualTo("<p>Preise &lt; 50 € &amp; Rabatte &gt; 10 % – *nur* bis Ende Q3.<br>Antworten Sie einfach"
                        + " auf diese Mail.</p>");
    }

    @Test
    void reports_counts_and_warns_once_about_the_one_column_neither_known_nor_mapped() {
        dropAs(EXPORT, "partners-report.csv");

        JsonNode report = awaitReport("partners-report.csv");

        assertThat(report.path("counts").path("rows").asInt()).isEqualTo(7);
        assertThat(report.path("counts").path("sequences_by_outcome").path("would-create").asInt()).isEqualTo(2);
        assertThat(report.path("counts").path("sequences_by_outcome").path("invalid").asInt()).isEqualTo(1);
        assertThat(report.path("counts").path("rows_by_outcome").path("would-create").asInt()).isEqualTo(5);
        assertThat(report.path("counts").path("rows_by_outcome").path("invalid").asInt()).isEqualTo(2);
        // the encoding comes from the mapping file, so there is no "read as windows-1252" guess to mention
        assertThat(report.path("warnings")).singleElement().satisfies(warning -> assertThat(warning.asText())
                .isEqualTo("unknown columns ignored (their cells are kept in dead-letter files but not sent): \"Region\""));
    }

    @Test
    void sends_the_sequence_with_an_overlong_cell_to_dead_letter_naming_row_column_and_lengths() throws IOException {
        dropAs(EXPORT, "partners-dead.csv");

        JsonNode report = awaitReport("partners-dead.csv");

        JsonNode newsletter = report.path("sequences").get(2);
        assertThat(newsletter.path("name").asText()).isEqualTo("Partner Newsletter – Opt-in");
        assertThat(newsletter.path("outcome").asText()).isEqualTo("invalid");
        assertThat(newsletter.path("rows").toString()).isEqualTo("[6,8]");
        String tooLong = String.format("partners-dead.csv row 6, column \"Email Copy\": is %,d characters long, more"
                + " than the %,d a cell may have (input.max-cell-length); shorten it — got 'PARTNER PROGRAMME TERMS",
                1_067, 1_000);
        assertThat(newsletter.path("reason").asText()).startsWith(tooLong);

        Path deadLetter = deadLetterOf("partners-dead.csv");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(deadLetter.resolve("partners-dead.csv")));
        assertThat(deadLetter.resolve("partners-dead.csv")).hasSameBinaryContentAs(classpathFile(EXPORT));
        // written with the source's own delimiter, so the team's Excel opens it and the inbox reads it back
        assertThat(Files.readAllLines(deadLetter.resolve("failed-rows.csv"), StandardCharsets.UTF_8).get(0))
                .isEqualTo("\uFEFF_error;Campaign;Touch #;Delay (days);Email Subject;Email Copy;Copy format;"
                        + "Sequence owner;Region");
        List<CSVRecord> failed = failedRows(deadLetter.resolve("failed-rows.csv"));
        assertThat(failed.get(0).toList()).containsExactly("_error", "Campaign", "Touch #", "Delay (days)",
                "Email Subject", "Email Copy", "Copy format", "Sequence owner", "Region");
        assertThat(failed).hasSize(3);
        assertThat(failed.get(1).get(0)).startsWith(tooLong);
        assertThat(failed.get(1).get(1)).isEqualTo("Partner Newsletter – Opt-in");
        assertThat(failed.get(1).get(5)).startsWith("PARTNER PROGRAMME TERMS").hasSize(1_067);
        assertThat(failed.get(1).get(8)).isEqualTo("FR");
        assertThat(failed.get(2).get(0)).isEqualTo("not sent: this row is fine, but sequence 'Partner Newsletter –"
                + " Opt-in' has errors in row 6");
        assertThat(failed.get(2).get(5)).isEqualTo("Did you get a chance to read the terms, {{first_name}}?");
    }

    @Test
    void a_corrected_errors_file_dropped_back_into_the_same_inbox_is_accepted() throws IOException {
        dropAs(EXPORT, "partners-to-fix.csv");
        awaitReport("partners-to-fix.csv");
        Path failedRows = deadLetterOf("partners-to-fix.csv").resolve("failed-rows.csv");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(failedRows));

        // what the team does in Excel: replace the pasted terms by a short email, save, drop it back
        String errors = Files.readString(failedRows, StandardCharsets.UTF_8);
        String terms = failedRows(failedRows).get(1).get(5);
        String quoted = "\"" + terms.replace("\"", "\"\"") + "\"";
        assertThat(errors).contains(quoted);
        dropText("partners-fixed.csv", errors.replace(quoted, "Here are our programme terms: https://example.com/terms"));

        JsonNode report = awaitReport("partners-fixed.csv");

        assertThat(report.path("status").asText()).as(report.toPrettyString()).isEqualTo("processed");
        assertThat(report.path("counts").path("sequences_by_outcome").path("would-create").asInt()).isEqualTo(1);
        assertThat(report.path("counts").path("sequences_by_outcome").path("invalid").asInt()).isZero();
        JsonNode newsletter = json(outboxOf("partners-fixed.csv").orElseThrow()
                .resolve("001-partner-newsletter-opt-in.json"));
        assertThat(newsletter.path("emailer_schedule_id").asText()).isEqualTo("6095a710bd01d100a506d4af");
        assertThat(touch(newsletter.path("emailer_steps").get(0)).path("emailer_template").path("body_html").asText())
                .isEqualTo("<p>Here are our programme terms: https://example.com/terms</p>");
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static Path classpathFile(String resource) {
        try {
            return new ClassPathResource(resource).getFile().toPath().toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode json(Path file) throws IOException {
        return TestInputs.MAPPER.readTree(file.toFile());
    }

    private static JsonNode touch(JsonNode step) {
        assertThat(step.path("emailer_touches")).hasSize(1);
        return step.path("emailer_touches").get(0);
    }

    private static List<CSVRecord> failedRows(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        try (Reader reader = new java.io.StringReader(text.substring(1));
             CSVParser parser = CSVParser.builder().setReader(reader)
                     .setFormat(CSVFormat.RFC4180.builder().setDelimiter(';').get()).get()) {
            return parser.getRecords();
        }
    }
}
