package io.apolloroutes.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.apolloroutes.ledger.LedgerEntry;
import io.apolloroutes.ledger.LedgerState;
import io.apolloroutes.ledger.SequenceLedger;
import io.apolloroutes.support.TestInputs;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/** The out-of-the-box mode: no API key, nothing sent, request bodies in the outbox. */
@TestPropertySource(properties = {"apollo.api-key=", "apollo.base-url=http://localhost:9"})
@ExtendWith(OutputCaptureExtension.class)
class DryRunPipelineTest extends PipelineTestSupport {

    @Autowired
    CamelContext camel;

    @Autowired
    SequenceLedger ledger;

    @Autowired
    ApplicationContext application;

    @Test
    void leaves_the_sftp_import_out_until_a_host_is_set() {
        assertThat(camel.getRoute("sftp-import")).isNull();
        assertThat(camel.getRoute("inbox")).isNotNull();
        assertThat(application.containsBean("sftpImport")).as("no SFTP health to report").isFalse();
    }

    @Test
    void leaves_a_file_with_a_backslash_in_its_name_in_the_inbox_and_says_how_to_rename_it(CapturedOutput output)
            throws IOException {
        Path unopenable = dropText("back\\slash.csv", "sequence,subject,body\nQ1,Hello,Hi\n");
        try {
            dropText("after-backslash.csv", "sequence,subject,body\nQ2,Hello,Hi\n");
            awaitReport("after-backslash.csv");

            // the poll that took the second file has seen the first
            assertThat(output.getAll()).containsOnlyOnce("back\\slash.csv is left in the inbox: a backslash (\\) in a"
                    + " file name cannot be processed; rename it without one");
            assertThat(unopenable).exists();
        } finally {
            Files.deleteIfExists(unopenable);
        }
    }

    @Test
    void says_once_that_the_files_of_a_folder_dropped_into_the_inbox_are_not_read(CapturedOutput output)
            throws IOException {
        Path folder = Files.createDirectories(work.resolve("inbox").resolve("Q4 exports"));
        Path hidden = Files.createDirectories(work.resolve("inbox").resolve(".sync"));
        Path inside = Files.writeString(folder.resolve("plan.csv"), "sequence,subject,body\nQ4,Hello,Hi\n");
        try {
            dropText("after-folder.csv", "sequence,subject,body\nQ5,Hello,Hi\n");
            awaitReport("after-folder.csv");
            dropText("after-folder-2.csv", "sequence,subject,body\nQ6,Hello,Hi\n");
            awaitReport("after-folder-2.csv");

            // two polls have seen the folder: one line
            assertThat(output.getAll()).containsOnlyOnce("Q4 exports is a folder in the inbox: files in sub-folders"
                    + " are not read; move them into the inbox itself").doesNotContain(".sync is a folder");
            assertThat(inside).exists();
        } finally {
            Files.delete(inside);
            Files.delete(folder);
            Files.delete(hidden);
        }
    }

    @Test
    void reports_a_sequence_the_ledger_has_as_created_as_already_there_and_writes_no_body_for_it()
            throws IOException {
        ledger.save(new LedgerEntry("Dry known", LedgerState.CREATED, "64f1a2b3c4d5e6f7a8b9c0d1", "0".repeat(64),
                "earlier.csv", "row 2", null, 1, null, null, null));
        dropText("preview.csv", "sequence,subject,body\nDry known,Hello,Hi\nDry new,Hello,Hi\n");

        JsonNode report = awaitReport("preview.csv");

        assertThat(report.path("sequences")).extracting(s -> s.path("name").asText() + "=" + s.path("outcome").asText())
                .containsExactly("Dry known=already-exists", "Dry new=would-create");
        assertThat(report.path("sequences").get(0).toString()).contains("64f1a2b3c4d5e6f7a8b9c0d1")
                .contains("already created by this pack from earlier.csv");
        try (var bodies = Files.list(outboxOf("preview.csv").orElseThrow())) {
            assertThat(bodies.map(p -> p.getFileName().toString())).containsExactly("002-dry-new.json");
        }
    }

    @Test
    void does_not_call_a_sequence_changed_when_without_a_key_its_schedule_is_still_a_name(CapturedOutput output) {
        // a live run sent the schedule's ID; without a key the dry run's body keeps the name, so hashes differ
        ledger.save(new LedgerEntry("Dry named", LedgerState.CREATED, "64f1a2b3c4d5e6f7a8b9c0d2", "0".repeat(64),
                "earlier.csv", "row 2", null, 1, null, null, null));
        dropText("named-preview.csv", "sequence,schedule,subject,body\nDry named,Weekday mornings,Hello,Hi\n");

        JsonNode sequence = awaitReport("named-preview.csv").path("sequences").get(0);

        assertThat(sequence.path("outcome").asText()).isEqualTo("already-exists");
        assertThat(sequence.toString()).contains("whether its rows have changed since cannot be told without an API key")
                .doesNotContain("its rows have changed since, and Apollo was not updated");
        assertThat(output.getAll()).doesNotContain("'Dry named' exists as 64f1a2b3c4d5e6f7a8b9c0d2, but its rows have changed");
    }

    @Test
    void writes_the_exact_request_bodies_to_the_outbox_and_reports_would_create() throws IOException {
        dropAs("samples/quick-start.csv", "dry-quick-start.csv");

        JsonNode report = awaitReport("dry-quick-start.csv");

        assertThat(report.path("mode").asText()).isEqualTo("dry-run");
        assertThat(report.path("counts").path("rows").asInt()).isEqualTo(11);
        assertThat(report.path("counts").path("sequences_by_outcome").path("would-create").asInt()).isEqualTo(2);
        assertThat(report.path("counts").path("sequences_by_outcome").path("invalid").asInt()).isEqualTo(1);
        assertThat(report.path("counts").path("rows_by_outcome").path("would-create").asInt()
                + report.path("counts").path("rows_by_outcome").path("invalid").asInt()).isEqualTo(11);
        JsonNode sequences = report.path("sequences");
        assertThat(sequences).hasSize(3);
        assertThat(sequences.get(0).path("rows").toString()).isEqualTo("[2,3,4,5]");
        assertThat(sequences.get(0).path("outcome").asText()).isEqualTo("would-create");

        Path outbox = outboxOf("dry-quick-start.csv").orElseThrow();
        assertThat(filesUnder(outbox)).extracting(p -> p.getFileName().toString())
                .containsExactly("001-q1-outbound-vp-sales.json", "003-customer-expansion-enterprise.json");
        assertSameJson(outbox.resolve("001-q1-outbound-vp-sales.json"), "expected/quick-start/001-q1-outbound-vp-sales.json");
        assertSameJson(outbox.resolve("003-customer-expansion-enterprise.json"),
                "expected/quick-start/003-customer-expansion-enterprise.json");
        assertThat(sequences.get(0).path("outbox_file").asText()).endsWith("001-q1-outbound-vp-sales.json");
    }

    @Test
    void explains_why_an_ab_step_is_refused_while_ab_testing_is_off() {
        dropAs("samples/quick-start.csv", "ab-quick-start.csv");

        JsonNode webinar = awaitReport("ab-quick-start.csv").path("sequences").get(1);

        assertThat(webinar.path("name").asText()).isEqualTo("Webinar follow-up");
        assertThat(webinar.path("outcome").asText()).isEqualTo("invalid");
        assertThat(webinar.path("reason").asText())
                .contains("ab-quick-start.csv rows 6-7")
                .contains("A/B test")
                .contains("apollo.ab-testing=true");
    }

    @Test
    void moves_the_original_to_a_dated_processed_folder() {
        dropAs("samples/quick-start.csv", "archived.csv");
        awaitReport("archived.csv");

        await().atMost(Duration.ofSeconds(10)).until(() -> filesUnder(folder("processed")).stream()
                .anyMatch(p -> p.getFileName().toString().endsWith("_archived.csv")
                        && p.getParent().getFileName().toString().matches("\\d{4}-\\d{2}-\\d{2}")));
        assertThat(folder("inbox").resolve("archived.csv")).doesNotExist();
    }

    @Test
    void the_json_sample_gives_the_same_bodies_as_the_csv_sample() {
        dropAs("samples/quick-start.json", "dry-quick-start.json");

        JsonNode report = awaitReport("dry-quick-start.json");

        assertThat(report.path("counts").path("rows").asInt()).isEqualTo(3);
        Path outbox = outboxOf("dry-quick-start.json").orElseThrow();
        assertSameJson(outbox.resolve("001-q1-outbound-vp-sales.json"), "expected/quick-start/001-q1-outbound-vp-sales.json");
        assertSameJson(outbox.resolve("003-customer-expansion-enterprise.json"),
                "expected/quick-start/003-customer-expansion-enterprise.json");
        assertThat(report.path("sequences").get(1).path("outcome").asText()).isEqualTo("invalid");
    }

    @Test
    void sends_bad_rows_to_dead_letter_with_a_reason_per_row_and_still_handles_the_good_ones() throws IOException {
        dropAs("samples/with-mistakes.csv", "mistakes.csv");

        JsonNode report = awaitReport("mistakes.csv");

        assertThat(report.path("counts").path("sequences_by_outcome").path("would-create").asInt()).isEqualTo(1);
        assertThat(report.path("counts").path("sequences_by_outcome").path("invalid").asInt()).isEqualTo(4);
        assertThat(report.path("counts").path("rows").asInt()).isEqualTo(10);
        Path deadLetter = deadLetterOf("mistakes.csv");
        assertThat(deadLetter.resolve("mistakes.csv")).hasSameBinaryContentAs(
                TestInputs.copy("samples/with-mistakes.csv", folder("expected-copy")));
        List<String> failedRows = Files.readAllLines(deadLetter.resolve("failed-rows.csv"), StandardCharsets.UTF_8);
        assertThat(failedRows.get(0)).isEqualTo("\uFEFF_error,sequence,permissions,schedule_id,max_emails_per_day,step,"
                + "type,wait_time,wait_mode,subject,body,status,note");
        String all = String.join("\n", failedRows);
        assertThat(all).doesNotContain("Renewal reminder")
                .contains("mistakes.csv row 4, column \"\"permissions\"\" (permissions): must be team_can_use,"
                        + " team_can_view or private — got 'everyone'")
                .contains("'+1 415 555 0100")
                .contains(",'-5,");
    }

    @Test
    void a_corrected_errors_file_dropped_back_into_the_inbox_is_accepted() throws IOException {
        dropAs("samples/with-mistakes.csv", "to-fix.csv");
        awaitReport("to-fix.csv");
        Path failedRows = deadLetterOf("to-fix.csv").resolve("failed-rows.csv");

        // what a person does in a spreadsheet: fix the cells the _error column points at
        String fixed = Files.readString(failedRows, StandardCharsets.UTF_8)
                .replace(",everyone,", ",private,")
                .replace(",weeks,", ",day,")
                .replace(",Weekday mornings,", ",,")
                .replace("minute,,\"Hi {{first_name}}, welcome", "minute,Welcome aboard,\"Hi {{first_name}}, welcome")
                .replace("Tips for week one,,approved", "Tips for week one,Three tips for your first week,approved")
                .replace(",'-5,", ",50,")
                .replace(",3,auto_email,2,day,,\"Hi {{first_name}}, seats", ",2,auto_email,2,day,,\"Hi {{first_name}}, seats")
                .replace(",team_can_use,,,1,auto_email,0,minute,Orphan row", "Orphan,team_can_use,,,1,auto_email,0,minute,Orphan row");
        dropText("fixed.csv", fixed);

        JsonNode report = awaitReport("fixed.csv");

        assertThat(report.path("counts").path("sequences_by_outcome").path("invalid").asInt())
                .as(report.toPrettyString()).isZero();
        assertThat(report.path("counts").path("sequences_by_outcome").path("would-create").asInt()).isEqualTo(4);
        assertThat(report.path("warnings")).isEmpty();
        JsonNode trial = TestInputs.MAPPER.readTree(outboxOf("fixed.csv").orElseThrow()
                .resolve("002-trial-nurture.json").toFile());
        assertThat(trial.path("emailer_steps").get(2).path("note").asText()).isEqualTo("+1 415 555 0100 - call before noon");
    }

    @Test
    void an_unreadable_file_goes_to_dead_letter_with_an_error_file_and_the_next_file_is_processed() {
        // Windows-1252 by its "é", with a byte Windows-1252 leaves undefined (81) after a digit
        dropAs("inputs/mystery-encoding.csv", "mystery.csv");
        JsonNode unreadable = awaitReport("mystery.csv");
        dropAs("samples/quick-start.csv", "after-mystery.csv");
        awaitReport("after-mystery.csv");

        assertThat(unreadable.path("status").asText()).isEqualTo("unreadable");
        assertThat(unreadable.path("error").asText()).contains("invalid UTF-8 at byte offset 25 (line 2)");
        Path deadLetter = deadLetterOf("mystery.csv");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(deadLetter.resolve("mystery.csv")));
        assertThat(read(deadLetter.resolve("mystery.csv.error.txt")))
                .startsWith("mystery.csv: is neither UTF-8 text (invalid UTF-8 at byte offset 25 (line 2))")
                .contains("CSV UTF-8");
        assertThat(folder("inbox").resolve("mystery.csv")).doesNotExist();
    }

    @Test
    void a_windows_1252_export_is_read_and_the_report_says_how() throws IOException {
        dropAs("inputs/latin1.csv", "latin1.csv");

        JsonNode report = awaitReport("latin1.csv");

        assertThat(report.path("warnings").get(0).asText()).startsWith("read as windows-1252 text");
        assertThat(read(outboxOf("latin1.csv").orElseThrow().resolve("001-cafe-outreach.json")))
                .contains("Café crème");
    }

    @Test
    void an_excel_for_mac_export_is_read_as_mac_roman_and_the_report_says_how() throws IOException {
        dropAs("inputs/exports/excel-mac.csv", "excel-mac.csv");

        JsonNode report = awaitReport("excel-mac.csv");

        assertThat(report.path("warnings").get(0).asText()).startsWith("read as Mac Roman text (x-MacRoman)");
        assertThat(read(outboxOf("excel-mac.csv").orElseThrow().resolve("002-renewals-cafe-accounts.json")))
                .contains("\"name\" : \"Renewals – Café Accounts\"").contains("Müller");
    }

    @Test
    void a_file_of_another_type_is_explained_not_ignored() {
        dropText("notes.docx", "these are my notes\n");

        JsonNode report = awaitReport("notes.docx");

        assertThat(report.path("error").asText()).contains("use .csv, .tsv, .txt, .xlsx, .xls, .json, .jsonl or .ndjson");
        assertThat(deadLetterOf("notes.docx").resolve("notes.docx.error.txt")).exists();
    }

    @Test
    void json_lines_keep_going_past_a_bad_line_and_return_it_in_failed_rows() throws IOException {
        dropAs("inputs/mixed.jsonl", "mixed.jsonl");

        JsonNode report = awaitReport("mixed.jsonl");

        assertThat(report.path("counts").path("rows").asInt()).isEqualTo(5);
        assertThat(report.path("counts").path("blank_rows_skipped").asInt()).isEqualTo(1);
        assertThat(report.path("counts").path("sequences_by_outcome").path("would-create").asInt()).isEqualTo(2);
        assertThat(report.path("counts").path("sequences_by_outcome").path("invalid").asInt()).isEqualTo(2);
        List<String> failed = Files.readAllLines(deadLetterOf("mixed.jsonl").resolve("failed-rows.jsonl"));
        assertThat(failed).hasSize(2);
        assertThat(TestInputs.MAPPER.readTree(failed.get(0)).path("_raw").asText())
                .startsWith("{\"sequence\": \"Lines rows\", \"step\": 3");
        assertThat(TestInputs.MAPPER.readTree(failed.get(0)).path("_error").asText())
                .startsWith("mixed.jsonl line 5").contains("is not valid JSON");
    }

    @Test
    void takes_a_file_only_after_it_has_stopped_growing() throws Exception {
        List<String> lines = new ArrayList<>(List.of("sequence,step,wait_time,subject,body"));
        for (int i = 1; i <= 40; i++) {
            lines.add("Slow writer " + i + ",1,0,Hello " + i + ",Body " + i);
        }
        Path target = folder("inbox").resolve("slow.csv");
        try (OutputStream out = Files.newOutputStream(target)) {
            // a writer that ignores the rename advice and writes in place, in bursts
            for (int part = 0; part < 4; part++) {
                for (String line : lines.subList(part == 0 ? 0 : 1 + part * 10, 1 + (part + 1) * 10)) {
                    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                }
                out.flush();
                Thread.sleep(300);
            }
        }

        JsonNode report = awaitReport("slow.csv");

        assertThat(report.path("counts").path("rows").asInt()).isEqualTo(40);
        assertThat(report.path("counts").path("sequences_by_outcome").path("would-create").asInt()).isEqualTo(40);
    }

    @Test
    void an_empty_file_is_answered_not_left_waiting() {
        dropText("empty.csv", "");

        JsonNode report = awaitReport("empty.csv");

        assertThat(report.path("status").asText()).isEqualTo("unreadable");
        assertThat(report.path("error").asText()).isEqualTo("empty.csv: is empty; it needs a header row and at least"
                + " one row of data");
    }

    @Test
    void a_very_long_file_name_is_processed_once_under_a_shortened_name() {
        String longName = "q".repeat(236) + ".csv";
        dropText(longName, "sequence,subject,body\nLong name,Hello,Hi\n");

        awaitInboxEmpty();

        List<Path> reports = filesUnder(folder("reports")).stream()
                .filter(p -> p.getFileName().toString().contains("qqqq")).toList();
        assertThat(reports).singleElement().satisfies(report ->
                assertThat(TestInputs.MAPPER.readTree(report.toFile()).path("file").asText()).isEqualTo(longName));
    }

    @Test
    void leaves_partial_downloads_and_lock_files_alone() throws Exception {
        dropText("upload.csv.part", "sequence,subject,body\nPartial,Hello,Hi\n");
        dropText("~$budget.csv", "lock");
        dropText("after-partial.csv", "sequence,subject,body\nAfter,Hello,Hi\n");

        awaitReport("after-partial.csv");
        Thread.sleep(500);

        assertThat(folder("inbox").resolve("upload.csv.part")).exists();
        assertThat(folder("inbox").resolve("~$budget.csv")).exists();
        assertThat(runFile("reports", "upload.csv.part", ".report.json")).isEmpty();
        Files.delete(folder("inbox").resolve("upload.csv.part"));
        Files.delete(folder("inbox").resolve("~$budget.csv"));
    }

    @Test
    void without_a_key_names_stay_as_written_in_the_outbox_and_the_report_says_they_were_not_looked_up()
            throws IOException {
        dropText("named-offline.csv", """
                sequence,schedule,owner,excluded account stages,subject,body
                Named offline,Weekday mornings,ann@acme.example,Cold;aaaaaaaaaaaaaaaaaaaaaaa2,Hi,Hello
                By ID offline,6095a710bd01d100a506d4a1,5f8d1a2b3c4d5e6f7a8b9c01,,Hi,Hello
                """);

        JsonNode report = awaitReport("named-offline.csv");

        JsonNode named = report.path("sequences").get(0);
        assertThat(named.path("outcome").asText()).isEqualTo("would-create");
        assertThat(named.path("notes")).extracting(JsonNode::asText).containsExactly(
                "named-offline.csv row 2, column \"schedule\" (emailer_schedule_id): schedule 'Weekday mornings' was"
                        + " not looked up: without an API key Apollo cannot be asked for its schedules, so the outbox"
                        + " body keeps it as written; a run with a key sends its ID instead, or reports it as"
                        + " unknown",
                "named-offline.csv row 2, column \"owner\" (user_id): user 'ann@acme.example' was not looked up:"
                        + " without an API key Apollo cannot be asked for its users, so the outbox body keeps it"
                        + " as written; a run with a key sends its ID instead, or reports it as unknown",
                "named-offline.csv row 2, column \"excluded account stages\" (excluded_account_stage_ids): account"
                        + " stage 'Cold' was not looked up: without an API key Apollo cannot be asked for its account"
                        + " stages, so the outbox body keeps it as written; a run with a key sends its ID"
                        + " instead, or reports it as unknown");
        JsonNode body = TestInputs.MAPPER.readTree(outboxOf("named-offline.csv").orElseThrow()
                .resolve("001-named-offline.json").toFile());
        assertThat(body.path("emailer_schedule_id").asText()).isEqualTo("Weekday mornings");
        assertThat(body.path("user_id").asText()).isEqualTo("ann@acme.example");
        assertThat(body.path("excluded_account_stage_ids").toString()).isEqualTo("[\"Cold\",\"aaaaaaaaaaaaaaaaaaaaaaa2\"]");
        JsonNode byId = report.path("sequences").get(1);
        assertThat(byId.path("outcome").asText()).isEqualTo("would-create");
        assertThat(byId.has("notes")).as(byId.toString()).isFalse();
    }

    @Test
    void a_mistyped_schedule_id_is_invalid_even_without_a_key() {
        dropText("short-id.csv", "sequence,schedule_id,subject,body\nShort ID,6095a710bd01d100a506d4a,Hi,Hello\n");

        JsonNode sequence = awaitReport("short-id.csv").path("sequences").get(0);

        assertThat(sequence.path("outcome").asText()).isEqualTo("invalid");
        assertThat(sequence.path("reason").asText()).isEqualTo("short-id.csv row 2, column \"schedule_id\""
                + " (emailer_schedule_id): looks like an Apollo ID with 23 characters instead of 24; write the whole"
                + " ID (0-9 and a-f, as in the object's Apollo URL) or the name — got '6095a710bd01d100a506d4a'");
    }
}
