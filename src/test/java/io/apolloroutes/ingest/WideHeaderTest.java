package io.apolloroutes.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apolloroutes.support.TestInputs;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** Recognising the wide layout (one row per sequence, numbered step columns) from a header, and its header errors. */
class WideHeaderTest {

    @TempDir
    Path dir;

    @Test
    void detects_the_wide_layout_from_numbered_step_headers() {
        TableLayout layout = TableLayout.of(List.of("Sequence", "Permissions", "Step 1 Subject", "Step 1 Body",
                "Step 2 Wait Days", "Step 2 Body"));

        assertThat(layout.isWide()).isTrue();
        assertThat(layout.stepColumns().steps()).extracting(StepColumns.Step::number).containsExactly(1, 2);
        assertThat(layout.columnAt(1)).contains(Column.PERMISSIONS);
        // numbered columns are not step-row columns: their cells go to their step, not to one "body"
        assertThat(layout.columnAt(3)).isEmpty();
        assertThat(layout.indexOf(Column.BODY)).isEqualTo(-1);
        assertThat(layout.unknownColumns()).isEmpty();
    }

    @Test
    void keeps_a_step_row_header_in_the_step_row_layout() {
        TableLayout layout = TableLayout.of(List.of("sequence", "step", "subject", "body", "Email Open Trigger Task Threshold"));

        assertThat(layout.isWide()).isFalse();
        assertThat(layout.stepColumns().steps()).isEmpty();
    }

    @Test
    void files_a_header_naming_its_wait_unit_under_wait_time_and_wait_mode() {
        TableLayout layout = TableLayout.of(List.of("Sequence", "Step 1 Body", "Step 2 Wait Hours", "Step 2 Body"));

        StepColumns.Step step2 = layout.stepColumns().step(2).orElseThrow();
        assertThat(step2.settings().keySet()).containsExactly(Column.WAIT_TIME, Column.WAIT_MODE);
        assertThat(step2.settings().get(Column.WAIT_MODE).label()).isEqualTo("Step 2 Wait Hours");
    }

    @Test
    void reads_a_unit_or_variant_in_brackets_as_a_word_of_the_header() {
        TableLayout layout = TableLayout.of(List.of("Sequence", "Step 1 Body", "Step 2 - Wait (days)", "Step 2 Body",
                "Step 2 Body (B)"));

        assertThat(layout.unknownColumns()).isEmpty();
        StepColumns.Step step2 = layout.stepColumns().step(2).orElseThrow();
        assertThat(step2.settings().keySet()).containsExactly(Column.WAIT_TIME, Column.WAIT_MODE);
        assertThat(step2.settings().get(Column.WAIT_MODE).label()).isEqualTo("Step 2 - Wait (days)");
        assertThat(step2.variants().keySet()).containsExactly('a', 'b');
        assertThat(ColumnNames.waitUnit("Wait (hours)")).isEqualTo("hour");
    }

    @Test
    void keeps_other_bracketed_headers_apart_from_the_column_they_annotate() {
        // a note in brackets is no second owner, body or step: the bracketed column is only unknown
        TableLayout steps = TableLayout.of(List.of("Sequence", "Sequence (name)", "Owner", "Owner (email)", "Step",
                "Step (#)", "Schedule", "Schedule (name)", "Body", "Body (HTML)", "Body (format)", "(Error)"));
        TableLayout wide = TableLayout.of(List.of("Sequence", "Step 1 Body", "Step 1 Body (HTML)"));

        assertThat(steps.unknownColumns()).containsExactly("Sequence (name)", "Owner (email)", "Step (#)",
                "Schedule (name)", "Body (HTML)", "Body (format)", "(Error)");
        assertThat(wide.unknownColumns()).containsExactly("Step 1 Body (HTML)");
    }

    @Test
    void recognises_a_renamed_header_that_points_at_a_numbered_name() {
        TableLayout layout = TableLayout.of(List.of("Campaign", "Touch 1 Text", "Touch 2 Text", "Touch 2 Delay"),
                Map.of("Campaign", "sequence", "Touch 1 Text", "step_1_body", "Touch 2 Text", "step_2_body",
                        "touch-2-delay", "Step 2 Wait Days"));

        assertThat(layout.isWide()).isTrue();
        StepColumns.Step step2 = layout.stepColumns().step(2).orElseThrow();
        assertThat(step2.settings().get(Column.WAIT_TIME).label()).isEqualTo("Touch 2 Delay");
        assertThat(step2.variants().get('a').get(Column.BODY).label()).isEqualTo("Touch 2 Text");
    }

    @Test
    void reads_a_file_whose_mapping_file_renames_its_headers_to_numbered_columns() throws IOException {
        Path mapping = TestInputs.write(dir, "crm.yaml", """
                columns:
                  Campaign: sequence
                  Touch 1 Text: step_1_body
                  Touch 2 Delay: Step 2 Wait Days
                  Touch 2 Text: step_2_body
                """);
        InputProperties input = new InputProperties("auto", "auto", null, ZoneId.of("UTC"), BodyFormat.AUTO,
                DataSize.ofMegabytes(512), 1_000_000, 100_000);
        SourceProfile crm = new SourceProfiles(input).profile("crm", mapping);
        Path file = TestInputs.write(dir, "crm.csv", "Campaign,Touch 1 Text,Touch 2 Delay,Touch 2 Text\nQ1,Hi,3,Again\n");

        try (SpooledInput spooled = TestInputs.spool(file, crm)) {
            assertThat(spooled.layout().isWide()).isTrue();
            assertThat(spooled.layout().stepColumns().step(2).orElseThrow().settings().get(Column.WAIT_TIME).label())
                    .isEqualTo("Touch 2 Delay");
            assertThat(spooled.warnings()).isEmpty();
        }
    }

    @Test
    void rejects_the_step_column_beside_numbered_step_columns() {
        assertThatThrownBy(() -> TableLayout.of(List.of("sequence", "step", "Step 1 Subject", "Step 1 Body")))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessage("column 2 (\"step\") belongs to the step-row layout (one row per email), but column 3"
                        + " (\"Step 1 Subject\") numbers its step (one row per sequence); use one layout per file: remove"
                        + " the step column, or the numbered columns")
                .extracting(e -> ((UnreadableInputException) e).recordNumber()).isEqualTo(1);
    }

    @Test
    void rejects_unnumbered_email_columns_beside_numbered_step_columns() {
        assertThatThrownBy(() -> TableLayout.of(List.of("sequence", "subject", "body", "Step 1 Subject", "Step 2 Body")))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessage("columns 2 (\"subject\"), 3 (\"body\") belong to the step-row layout (one row per email),"
                        + " but column 4 (\"Step 1 Subject\") numbers its step (one row per sequence); use one layout"
                        + " per file: number them like \"Step 1 Subject\" (without a step column), or remove the"
                        + " numbered columns");
    }

    @Test
    void rejects_two_headers_for_the_same_step_field() {
        assertThatThrownBy(() -> TableLayout.of(List.of("sequence", "Step 1 Body", "Step 1 Subject", "step1_body")))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessage("columns 2 (\"Step 1 Body\") and 4 (\"step1_body\") both mean step 1 body; keep one of them");
    }

    @Test
    void rejects_an_unlettered_and_an_a_header_for_the_same_email() {
        assertThatThrownBy(() -> TableLayout.of(List.of("sequence", "Step 1 Body", "Step 1 Body A")))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("columns 2 (\"Step 1 Body\") and 3 (\"Step 1 Body A\") both mean step 1 body");
    }

    @Test
    void rejects_two_wait_columns_for_one_step() {
        assertThatThrownBy(() -> TableLayout.of(List.of("sequence", "Step 1 Body", "Step 2 Wait Days", "Step 2 Wait Hours",
                "Step 2 Body")))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessage("columns 3 (\"Step 2 Wait Days\") and 4 (\"Step 2 Wait Hours\") both mean step 2 wait_time;"
                        + " keep one of them");
    }

    @Test
    void rejects_a_wait_mode_column_beside_one_that_names_its_unit() {
        assertThatThrownBy(() -> TableLayout.of(List.of("sequence", "Step 1 Body", "Step 2 Wait Days", "Step 2 Wait Mode")))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessage("columns 3 (\"Step 2 Wait Days\") and 4 (\"Step 2 Wait Mode\") both mean step 2 wait_mode;"
                        + " keep one of them");
    }

    @Test
    void rejects_a_variant_letter_on_a_step_setting() {
        assertThatThrownBy(() -> TableLayout.of(List.of("sequence", "Step 1 Body", "Step 1 Body B", "Step 1 Type B")))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessage("column 4 (\"Step 1 Type B\") has the variant letter B, but type is a setting of the whole"
                        + " step 1, shared by all its emails; remove the letter (one type column per step)");
    }

    @Test
    void takes_the_letter_a_on_a_step_setting_for_no_letter() {
        TableLayout layout = TableLayout.of(List.of("sequence", "Step 1 Type A", "Step 1 Body A", "Step 1 Body B"));

        StepColumns.Step step1 = layout.stepColumns().step(1).orElseThrow();
        assertThat(step1.settings().get(Column.TYPE).label()).isEqualTo("Step 1 Type A");
        assertThat(step1.variants().keySet()).containsExactly('a', 'b');
    }

    @Test
    void rejects_a_header_that_skips_a_step_number() {
        assertThatThrownBy(() -> TableLayout.of(List.of("sequence", "Step 1 Subject", "Step 1 Body", "Step 3 Wait Days",
                "Step 3 Subject", "Step 3 Body", "Step 3 Note")))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessage("the header has columns for step 3 (\"Step 3 Wait Days\", \"Step 3 Subject\", \"Step 3 Body\","
                        + " …) but none for step 2; number the step columns 1, 2, 3… without gaps");
    }

    @Test
    void rejects_a_step_numbered_zero() {
        assertThatThrownBy(() -> TableLayout.of(List.of("sequence", "Step 0 Body", "Step 1 Body")))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessage("column 2 (\"Step 0 Body\") is numbered 0, but steps are numbered from 1; renumber the step"
                        + " columns 1, 2, 3…");
    }

    @Test
    void reports_every_header_problem_in_one_message() {
        assertThatThrownBy(() -> TableLayout.of(List.of("sequence", "step", "Step 1 Body", "step1_body", "Step 3 Body")))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("column 2 (\"step\") belongs to the step-row layout")
                .hasMessageContaining("; columns 3 (\"Step 1 Body\") and 4 (\"step1_body\") both mean step 1 body")
                .hasMessageContaining("; the header has columns for step 3 (\"Step 3 Body\") but none for step 2");
    }

    @Test
    void still_needs_a_sequence_column() {
        assertThatThrownBy(() -> TableLayout.of(List.of("Step 1 Subject", "Step 1 Body")))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessageStartingWith("the header has no sequence column");
    }

    @Test
    void turns_a_bad_wide_header_into_an_unreadable_file() {
        Path file = TestInputs.write(dir, "bad.csv", "sequence,Step 1 Body,step1_body\nQ1,Hi,Hello\n");

        assertThatThrownBy(() -> TestInputs.spool(file)).isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("both mean step 1 body");
    }

    @Test
    void warns_once_per_file_about_columns_it_does_not_know() throws IOException {
        Path file = TestInputs.copy("inputs/wide-layout.csv", dir);

        try (SpooledInput input = TestInputs.spool(file)) {
            assertThat(input.warnings()).containsExactly("unknown columns ignored (their cells are kept in"
                    + " dead-letter files but not sent): \"Owner Name\"");
        }
    }

    @Test
    void warns_about_a_numbered_header_whose_field_it_does_not_know() throws IOException {
        Path file = TestInputs.write(dir, "typo.csv", "sequence,Step 1 Body,Step 1 Notes\nA,Hi,x\nB,Hello,y\n");

        try (SpooledInput input = TestInputs.spool(file)) {
            assertThat(input.warnings()).containsExactly("unknown columns ignored (their cells are kept in"
                    + " dead-letter files but not sent): \"Step 1 Notes\"");
        }
    }

    @Test
    void does_not_warn_about_numbered_keys_of_json_rows() throws IOException {
        Path file = TestInputs.write(dir, "rows.json",
                "[{\"sequence\": \"Q1\", \"step_1_body\": \"Hi\", \"Step 1 Subjet\": \"typo\"}]");

        try (SpooledInput input = TestInputs.spool(file)) {
            assertThat(input.warnings()).containsExactly("unknown columns ignored (their cells are kept in"
                    + " dead-letter files but not sent): \"Step 1 Subjet\"");
        }
    }
}
