package io.apolloroutes.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ColumnNamesTest {

    @ParameterizedTest
    @CsvSource({
            "Wait Mode, WAIT_MODE", "wait-mode, WAIT_MODE", "WAIT_MODE, WAIT_MODE", "'  Wait   Mode ', WAIT_MODE",
            "Sequence, SEQUENCE", "name, SEQUENCE", "Sequence Name, SEQUENCE",
            "Emailer Schedule ID, SCHEDULE_ID", "label_names, LABELS", "body_html, BODY", "position, STEP",
            "Step -, STEP", "Step #, STEP", "Step Number, STEP", "Step No., STEP", "touch type, TOUCH_TYPE", "type, TYPE"})
    void recognises_headers_however_they_are_written(String header, Column column) {
        assertThat(ColumnNames.resolve(header)).contains(column);
    }

    @ParameterizedTest
    @CsvSource({
            "WaitTime, WAIT_TIME", "waitMode, WAIT_MODE", "SequenceName, SEQUENCE", "maxEmailsPerDay, MAX_EMAILS_PER_DAY",
            "EmailerScheduleId, SCHEDULE_ID", "ScheduleID, SCHEDULE_ID", "BodyHTML, BODY", "includeSignature, INCLUDE_SIGNATURE"})
    void recognises_camel_case_headers_as_exports_and_scripts_write_them(String header, Column column) {
        assertThat(ColumnNames.resolve(header)).contains(column);
    }

    /** Headers that read right before camel case was split, or should: an acronym's plural, a compound word. */
    @ParameterizedTest
    @CsvSource({
            "Excluded Account Stage IDs, EXCLUDED_ACCOUNT_STAGE_IDS", "ExcludedContactStageIDs, EXCLUDED_CONTACT_STAGE_IDS",
            "Owner EMail, OWNER_ID", "Exact DateTime, EXACT_DATETIME", "exactDateTime, EXACT_DATETIME",
            "Sequence By Exact DayTime, EXACT_DAYTIME"})
    void keeps_plural_acronyms_and_compound_words_whole_in_camel_case_headers(String header, Column column) {
        assertThat(ColumnNames.resolve(header)).contains(column);
    }

    @ParameterizedTest
    @CsvSource({
            "Schedule, SCHEDULE_ID", "Schedule Name, SCHEDULE_ID", "Owner, OWNER_ID", "Owner Email, OWNER_ID",
            "User ID, OWNER_ID", "Excluded Account Stages, EXCLUDED_ACCOUNT_STAGE_IDS",
            "excluded-contact-stages, EXCLUDED_CONTACT_STAGE_IDS"})
    void recognises_the_names_people_give_reference_columns(String header, Column column) {
        assertThat(ColumnNames.resolve(header)).contains(column);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Owner Name", "Region", "", "subjects"})
    void does_not_guess_unknown_headers(String header) {
        assertThat(ColumnNames.resolve(header)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"_error", "_ERROR", " _error "})
    void knows_the_error_column_of_dead_letter_files(String header) {
        assertThat(ColumnNames.isErrorColumn(header)).isTrue();
        assertThat(ColumnNames.resolve(header)).isEmpty();
    }

    // ---- numbered step headers (wide layout) ----------------------------------------------------

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "Step 1 Subject, 1, a, SUBJECT, null", "step1_body, 1, a, BODY, null", "STEP-12-TYPE, 12, a, TYPE, null",
            "Step 2 Body B, 2, b, BODY, null", "step2_body_b, 2, b, BODY, null", "Step 2 Body A, 2, a, BODY, null",
            "Email 3 Subject, 3, a, SUBJECT, null", "email3_touch_type_c, 3, c, TOUCH_TYPE, null",
            "'Step #4: Note', 4, a, NOTE, null", "Step 04 Body HTML, 4, a, BODY, null",
            "Step 2 Wait Days, 2, a, WAIT_TIME, day", "step2_wait_hours, 2, a, WAIT_TIME, hour",
            "Step 2 Wait Minutes, 2, a, WAIT_TIME, minute", "Step 2 Wait, 2, a, WAIT_TIME, day",
            "Step 2 Wait Time, 2, a, WAIT_TIME, null", "Step 2 Wait Mode, 2, a, WAIT_MODE, null",
            "Step 5 Day, 5, a, DAY, null", "Step 1 Exact Datetime, 1, a, EXACT_DATETIME, null",
            "Step 1 Priority, 1, a, PRIORITY, null", "Step 1 Status B, 1, b, STATUS, null",
            "Step 1 Include Signature, 1, a, INCLUDE_SIGNATURE, null", "Step 0 Body, 0, a, BODY, null",
            "Step 2 Wait Days B, 2, b, WAIT_TIME, day", "Step1Subject, 1, a, SUBJECT, null",
            "Email2Body, 2, a, BODY, null", "Step10Body, 10, a, BODY, null", "step3Body_B, 3, b, BODY, null",
            "Email 1B Subject, 1, b, SUBJECT, null", "Email 1A Body, 1, a, BODY, null", "Step 2 Body (B), 2, b, BODY, null",
            "step_12c_body, 12, c, BODY, null", "Step 1 A Subject, 1, a, SUBJECT, null", "Step 2 B Body, 2, b, BODY, null",
            "Step1WaitDays, 1, a, WAIT_TIME, day", "Step1SubjectB, 1, b, SUBJECT, null", "Email1BSubject, 1, b, SUBJECT, null",
            "Step2BodyHTML, 2, a, BODY, null", "EMail 1 Subject, 1, a, SUBJECT, null",
            "Step 2 Exact DateTime, 2, a, EXACT_DATETIME, null", "Step 2 (B) Body, 2, b, BODY, null",
            "Step 2 - Wait (days), 2, a, WAIT_TIME, day", "Step 3 Body (B), 3, b, BODY, null"})
    void recognises_numbered_step_headers_however_they_are_written(String header, int step, char variant,
                                                                    Column column, String waitMode) {
        assertThat(ColumnNames.resolveNumbered(header)).contains(new NumberedColumn(step, variant, column, waitMode));
        assertThat(ColumnNames.resolve(header)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Step", "Step 1", "Step 1 Notes", "step_1_position", "step_1_step", "Step 1 Sequence",
            "Step 1 Labels", "step1_body_bb", "Step A Body", "Email Open Trigger Task Threshold", "Steps 1 Body",
            "step_1_body_1", "Step1", "Email2", "Step 1 A", "Email 1B Subject B", "Email1BSubjectB"})
    void does_not_take_other_headers_for_numbered_step_headers(String header) {
        assertThat(ColumnNames.resolveNumbered(header)).isEmpty();
    }

    @Test
    void knows_numbered_step_columns_so_a_mapping_file_may_rename_to_them() {
        assertThat(ColumnNames.isKnown("step_1_body")).isTrue();
        assertThat(ColumnNames.isKnown("Step 2 Wait Days")).isTrue();
        assertThat(ColumnNames.isKnown("Step 1 Notes")).isFalse();
    }

    @Test
    void still_reads_the_step_row_names_that_start_like_numbered_ones() {
        assertThat(ColumnNames.resolve("Email Open Trigger Task Threshold"))
                .contains(Column.EMAIL_OPEN_TRIGGER_TASK_THRESHOLD);
        assertThat(ColumnNames.resolve("Step")).contains(Column.STEP);
    }

    @Test
    void remembers_a_bounded_number_of_header_forms_however_many_keys_a_file_invents() {
        for (int i = 0; i < 10_000; i++) {
            ColumnNames.normalise("Custom Field " + i);
        }
        ColumnNames.normalise("Step 1 Body " + "x".repeat(5_000));

        assertThat(ColumnNames.remembered()).isLessThanOrEqualTo(4_096);
        // past the bound, headers are still read, just not remembered
        assertThat(ColumnNames.resolve("Custom Field 9999 Wait Mode")).isEmpty();
        assertThat(ColumnNames.resolve("WaitMode")).contains(Column.WAIT_MODE);
    }
}
