package io.apolloroutes.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.apolloroutes.support.TestInputs;
import io.apolloroutes.support.TestWorkbooks;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Workbooks dropped into the inbox go the same way as CSV: outbox, report, dead letters. */
@TestPropertySource(properties = {"apollo.api-key=", "apollo.base-url=http://localhost:9"})
class WorkbookDryRunPipelineTest extends PipelineTestSupport {

    @Test
    void the_quick_start_rows_in_a_workbook_give_the_same_bodies_as_the_csv() throws IOException {
        Path xlsx = TestWorkbooks.xlsx(folder("staging-xlsx"), "quick-start.xlsx", quickStartCells());
        dropFile(xlsx, "quick-start.xlsx");

        JsonNode report = awaitReport("quick-start.xlsx");

        assertThat(report.path("counts").path("rows").asInt()).isEqualTo(11);
        assertThat(report.path("sequences").get(0).path("rows").toString()).isEqualTo("[2,3,4,5]");
        assertThat(report.path("sequences").get(1).path("reason").asText()).contains("quick-start.xlsx rows 6-7");
        Path outbox = outboxOf("quick-start.xlsx").orElseThrow();
        assertSameJson(outbox.resolve("001-q1-outbound-vp-sales.json"), "expected/quick-start/001-q1-outbound-vp-sales.json");
        assertSameJson(outbox.resolve("003-customer-expansion-enterprise.json"),
                "expected/quick-start/003-customer-expansion-enterprise.json");
    }

    @Test
    void a_sequences_and_steps_workbook_reports_rows_by_sheet_and_dead_letters_them_as_one_csv() throws IOException {
        Path xlsx = TestWorkbooks.xlsx(folder("staging-xlsx"), "team.xlsx", workbook -> {
            TestWorkbooks.putRows(workbook.createSheet("Sequences"), 1,
                    new Object[] {"Sequence", "Permissions", "Labels"},
                    new Object[] {"Renewals", "private", "Renewal"},
                    new Object[] {"Partners", "everyone", null});
            TestWorkbooks.putRows(workbook.createSheet("Steps"), 1,
                    new Object[] {"Sequence", "Step", "Wait Time", "Subject", "Body"},
                    new Object[] {"Renewals", 1, 0, "Your renewal", "Hi {{first_name}}, time to renew."},
                    new Object[] {"Partners", 1, 0, "Partner news", "Hello partners."},
                    null,
                    new Object[] {"Renewals", 2, 3.0, null, "Just checking in."},
                    new Object[] {"Partners", 2, 2, null, "A reminder."});
        });
        dropFile(xlsx, "team.xlsx");

        JsonNode report = awaitReport("team.xlsx");

        assertThat(report.path("counts").path("rows").asInt()).isEqualTo(6);
        assertThat(report.path("counts").path("blank_rows_skipped").asInt()).isEqualTo(1);
        JsonNode renewals = report.path("sequences").get(0);
        assertThat(renewals.path("outcome").asText()).isEqualTo("would-create");
        assertThat(renewals.path("rows").toString()).isEqualTo("[\"Sequences!2\",\"Steps!2\",\"Steps!5\"]");
        JsonNode partners = report.path("sequences").get(1);
        assertThat(partners.path("outcome").asText()).isEqualTo("invalid");
        assertThat(partners.path("problems").get(0).asText()).isEqualTo("team.xlsx Sequences row 3, column"
                + " \"Permissions\" (permissions): must be team_can_use, team_can_view or private — got 'everyone'");

        JsonNode body = TestInputs.MAPPER.readTree(outboxOf("team.xlsx").orElseThrow()
                .resolve("001-renewals.json").toFile());
        assertThat(body.path("permissions").asText()).isEqualTo("private");
        assertThat(body.path("label_names").toString()).isEqualTo("[\"Renewal\"]");
        assertThat(body.path("emailer_steps")).hasSize(2);
        assertThat(body.path("emailer_steps").get(1).path("wait_time").asInt()).isEqualTo(3);

        Path deadLetter = deadLetterOf("team.xlsx");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(deadLetter.resolve("team.xlsx")));
        List<CSVRecord> failed = csv(deadLetter.resolve("failed-rows.csv"));
        assertThat(failed.get(0).toList()).containsExactly("_error", "Sequence", "Permissions", "Labels", "Step",
                "Wait Time", "Subject", "Body");
        assertThat(failed).hasSize(4);
        // rows end at their last value, as in the workbook
        assertThat(failed.get(1).toList()).containsExactly(failed.get(1).get(0), "Partners", "everyone");
        assertThat(failed.get(1).get(0)).startsWith("team.xlsx Sequences row 3, column \"Permissions\"");
        assertThat(failed.get(2).toList()).containsExactly(failed.get(2).get(0), "Partners", "", "", "1", "0",
                "Partner news", "Hello partners.");
        assertThat(failed.get(3).get(0)).isEqualTo("not sent: this row is fine, but sequence 'Partners' has errors"
                + " in Sequences row 3");
    }

    @Test
    void a_damaged_workbook_goes_to_dead_letter_with_its_reason() throws IOException {
        Path whole = TestWorkbooks.xlsx(folder("staging-xlsx"), "whole.xlsx", new Object[] {"sequence"},
                new Object[] {"A"});
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(folder("staging-xlsx").resolve("cut.xlsx"),
                java.util.Arrays.copyOf(bytes, bytes.length / 2));
        dropFile(cut, "cut.xlsx");

        JsonNode report = awaitReport("cut.xlsx");

        assertThat(report.path("status").asText()).isEqualTo("unreadable");
        assertThat(report.path("error").asText()).isEqualTo("cut.xlsx: is damaged or incomplete, so it cannot be"
                + " read as a workbook; open it in Excel or LibreOffice, save it again and drop the saved file");
        assertThat(read(deadLetterOf("cut.xlsx").resolve("cut.xlsx.error.txt"))).startsWith("cut.xlsx: is damaged");
    }

    @Test
    void a_workbook_with_the_date_formats_a_recent_excel_writes_gives_its_dates_to_the_request() throws IOException {
        dropFile(TestInputs.copy("inputs/workbooks/excel-language-tagged-dates.xlsx", folder("staging-xlsx")),
                "launch.xlsx");

        JsonNode report = awaitReport("launch.xlsx");

        JsonNode launch = report.path("sequences").get(0);
        assertThat(launch.path("outcome").asText()).isEqualTo("would-create");
        assertThat(launch.path("rows").toString()).isEqualTo("[2,3]");
        JsonNode body = TestInputs.MAPPER.readTree(outboxOf("launch.xlsx").orElseThrow()
                .resolve("001-q4-launch.json").toFile());
        assertThat(body.path("emailer_steps").findValuesAsText("exact_datetime"))
                .containsExactly("2026-12-01T09:30:00Z", "2026-12-03T10:30:00Z");
    }

    /** The quick-start CSV as a person would have it in Excel: numbers as numbers, the rest as text. */
    private static Object[][] quickStartCells() throws IOException {
        List<Object[]> rows = new ArrayList<>();
        for (CSVRecord record : csv(TestInputs.copy("samples/quick-start.csv", folder("staging-csv")))) {
            rows.add(record.stream().map(cell -> cell.matches("\\d+") ? (Object) Double.valueOf(cell)
                    : cell.isEmpty() ? null : cell).toArray());
        }
        return rows.toArray(new Object[0][]);
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        // failed-rows.csv starts with a byte-order mark for Excel
        String text = Files.readString(file, StandardCharsets.UTF_8).replace("\uFEFF", "");
        try (Reader in = new StringReader(text)) {
            return CSVFormat.RFC4180.parse(in).getRecords();
        }
    }
}
