package io.apolloroutes.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.apolloroutes.apollo.ApolloProperties;
import io.apolloroutes.apollo.EmailerStep;
import io.apolloroutes.apollo.EmailerTemplate;
import io.apolloroutes.apollo.EmailerTouch;
import io.apolloroutes.apollo.SequenceRequest;
import io.apolloroutes.ingest.InputFile;
import io.apolloroutes.ingest.InputFormat;
import io.apolloroutes.ingest.SequenceCandidate;
import io.apolloroutes.mapping.Problem;
import io.apolloroutes.mapping.SequenceDraft;
import io.apolloroutes.mapping.SequenceMapper;
import io.apolloroutes.mapping.SourceLocator;
import io.apolloroutes.support.TestInputs;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SequenceValidatorTest {

    private static final String SCHEDULE_ID = "6095a710bd01d100a506d4ac";
    private static final String USER_ID = "5f8d1a2b3c4d5e6f7a8b9c0d";
    private static final String FOLDER_ID = "64b0f00d64b0f00d64b0f00d";
    private static final String RULESET_ID = "0123456789abcdef01234567";
    private static final String STAGE_A = "aaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String STAGE_B = "bbbbbbbbbbbbbbbbbbbbbbbb";
    private static final String ATTACHMENT_ID = "c0ffeec0ffeec0ffeec0ffee";

    private static final InputFile FILE = new InputFile("sequences.json", Path.of("sequences.json"),
            InputFormat.JSON, Instant.parse("2026-01-05T08:00:00Z"), "sequences.json-20260105080000",
            io.apolloroutes.ingest.SourceProfile.defaults("test"));

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    @AfterAll
    static void closeFactory() {
        FACTORY.close();
    }

    // ---------------------------------------------------------------- baseline

    @Test
    void accepts_the_baseline_request_without_ab_testing() {
        SequenceDraft draft = draft(request().build());

        SequenceDraft validated = validate(draft, false);

        assertThat(validated.problems()).isEmpty();
        assertThat(validated.isInvalid()).isFalse();
        assertThat(validated).isSameAs(draft);
    }

    @Test
    void accepts_the_baseline_request_with_ab_testing() {
        assertThat(problems(request().build(), true)).isEmpty();
    }

    @Test
    void a_sequence_whose_steps_were_refused_for_their_numbers_is_not_told_again_that_it_has_none(
            @TempDir Path dir) throws IOException {
        Path file = TestInputs.write(dir, "steps.csv", """
                sequence,step,subject,body
                Q1,0,Hello,Hi
                """);
        SequenceDraft mapped = new SequenceMapper(TestInputs.MAPPER).map(TestInputs.candidates(file).get(0));

        // "emailer_steps: is empty" would point nowhere, at a row whose cells are filled
        assertThat(validate(mapped, false).problems()).extracting(Problem::column, Problem::message)
                .containsExactly(tuple("step", "must be 1 or more (step 1 is the first step)"));
    }

    @Test
    void quotes_a_refused_value_as_the_user_typed_it_not_as_it_was_read(@TempDir Path dir) throws IOException {
        Path file = TestInputs.write(dir, "steps.csv", """
                sequence,step,Type,Wait Days,Permissions,subject,body
                Q1,1,,,Team Only,Hello,Hi
                Q1,2,Auto Emial,2,,,Following up
                """);
        SequenceDraft mapped = new SequenceMapper(TestInputs.MAPPER).map(TestInputs.candidates(file).get(0));

        // read as team_only and auto_emial, which the file nowhere says
        assertThat(validate(mapped, false).problems()).extracting(Problem::column, Problem::value)
                .containsExactlyInAnyOrder(tuple("Permissions", "Team Only"), tuple("Type", "Auto Emial"));
    }

    @Test
    void quotes_the_cell_the_refused_value_was_read_from_not_an_earlier_unreadable_one(@TempDir Path dir)
            throws IOException {
        // row 2's cell holds a replacement character and is told so on its own; the "Public" sent (and refused) is row 3's
        Path file = TestInputs.write(dir, "steps.csv", """
                sequence,step,Permissions,subject,body
                Q1,1,Team Only\uFFFD,Hello,Hi
                Q1,2,Public,,Following up
                """);
        SequenceDraft mapped = new SequenceMapper(TestInputs.MAPPER).map(TestInputs.candidates(file).get(0));

        assertThat(validate(mapped, false).problems()).filteredOn(p -> "permissions".equals(p.path()))
                .extracting(Problem::value).containsExactly("Public");
    }

    @Test
    void quotes_one_entry_of_a_list_cell_not_the_whole_cell(@TempDir Path dir) throws IOException {
        Path file = TestInputs.write(dir, "steps.csv", """
                sequence,step,Excluded Account Stage IDs,subject,body
                Q1,1,"%s; %s; aaaaaaaaaaaaaaaa1",Hello,Hi
                """.formatted(STAGE_A, STAGE_B));
        SequenceDraft mapped = new SequenceMapper(TestInputs.MAPPER).map(TestInputs.candidates(file).get(0));

        assertThat(validate(mapped, false).problems()).extracting(Problem::path, Problem::value)
                .containsExactly(tuple("excluded_account_stage_ids[2]", "aaaaaaaaaaaaaaaa1"));
    }

    @Test
    void leaves_a_draft_without_request_untouched() {
        Problem unreadable = Problem.ofRecords(List.of(1), "{oops", "cannot be read");
        SequenceDraft draft = new SequenceDraft(candidate(), null, SourceLocator.wholeRecord(1), List.of(unreadable));

        SequenceDraft validated = validate(draft, false);

        assertThat(validated).isSameAs(draft);
        assertThat(validated.problems()).containsExactly(unreadable);
    }

    // ---------------------------------------------------------------- sequence fields

    @Test
    void rejects_a_missing_name() {
        Problem problem = onlyProblem(request().name(null).build());

        assertThat(problem.path()).isEqualTo("name");
        assertThat(problem.value()).isNull();
        assertThat(problem.rows()).containsExactly(1);
        assertThat(problem.column()).isNull();
        assertThat(problem.message()).startsWith("is missing; every sequence needs a name");
    }

    @Test
    void rejects_a_blank_name_quoting_it() {
        Problem problem = onlyProblem(request().name("   ").build());

        assertThat(problem.path()).isEqualTo("name");
        assertThat(problem.value()).isEqualTo("   ");
    }

    @Test
    void rejects_permissions_outside_apollos_values() {
        Problem problem = onlyProblem(request().permissions("public").build());

        assertThat(problem.path()).isEqualTo("permissions");
        assertThat(problem.value()).isEqualTo("public");
        assertThat(problem.message()).isEqualTo("must be team_can_use, team_can_view or private");
    }

    @ParameterizedTest
    @ValueSource(strings = {"team_can_use", "team_can_view", "private"})
    void accepts_every_documented_permission(String permissions) {
        assertThat(problems(request().permissions(permissions).build(), false)).isEmpty();
    }

    @Test
    void rejects_negative_max_emails_per_day_and_accepts_zero() {
        Problem problem = onlyProblem(request().maxEmailsPerDay(-1).build());

        assertThat(problem.path()).isEqualTo("max_emails_per_day");
        assertThat(problem.value()).isEqualTo("-1");
        assertThat(problem.message()).isEqualTo("must be 0 or more");
        assertThat(problems(request().maxEmailsPerDay(0).build(), false)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 1001})
    void rejects_same_account_reply_delay_days_outside_0_to_1000(int days) {
        Problem problem = onlyProblem(request().sameAccountReplyDelayDays(days).build());

        assertThat(problem.path()).isEqualTo("same_account_reply_delay_days");
        assertThat(problem.value()).isEqualTo(Integer.toString(days));
        assertThat(problem.message()).isEqualTo("must be between 0 and 1000");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1000})
    void accepts_same_account_reply_delay_days_at_the_bounds(int days) {
        assertThat(problems(request().sameAccountReplyDelayDays(days).build(), false)).isEmpty();
    }

    @Test
    void rejects_a_negative_email_open_trigger_task_threshold() {
        Problem problem = onlyProblem(request().emailOpenTriggerTaskThreshold(-3).build());

        assertThat(problem.path()).isEqualTo("email_open_trigger_task_threshold");
        assertThat(problem.value()).isEqualTo("-3");
        assertThat(problem.message()).isEqualTo("must be 0 or more");
    }

    @Test
    void rejects_negative_days_to_wait_before_mark_as_response() {
        Problem problem = onlyProblem(request().daysToWaitBeforeMarkAsResponse(-1).build());

        assertThat(problem.path()).isEqualTo("days_to_wait_before_mark_as_response");
        assertThat(problem.value()).isEqualTo("-1");
    }

    @Test
    void accepts_zero_for_the_non_negative_counters() {
        SequenceRequest zeros = request().emailOpenTriggerTaskThreshold(0).daysToWaitBeforeMarkAsResponse(0).build();

        assertThat(problems(zeros, false)).isEmpty();
    }

    @Test
    void rejects_a_sequence_without_steps() {
        Problem empty = onlyProblem(request().steps().build());
        Problem missing = onlyProblem(request().steps((EmailerStep[]) null).build());

        assertThat(empty.path()).isEqualTo("emailer_steps");
        assertThat(empty.message()).isEqualTo("is empty; a sequence needs at least one step");
        assertThat(empty.value()).isNull();
        assertThat(missing.path()).isEqualTo("emailer_steps");
        assertThat(missing.message()).isEqualTo("is empty; a sequence needs at least one step");
    }

    // ---------------------------------------------------------------- steps

    @Test
    void rejects_an_unknown_step_type() {
        Problem problem = onlyProblem(request().step(1, s -> s.type("phone")).build());

        assertThat(problem.path()).isEqualTo("emailer_steps[1].type");
        assertThat(problem.value()).isEqualTo("phone");
        assertThat(problem.message()).startsWith("must be one of auto_email, manual_email, call, action_item");
    }

    @Test
    void rejects_a_step_without_type() {
        Problem problem = onlyProblem(request().step(2, s -> s.type(null)).build());

        assertThat(problem.path()).isEqualTo("emailer_steps[2].type");
        assertThat(problem.message()).isEqualTo("is missing; set the step type, for example auto_email");
    }

    @ParameterizedTest
    @ValueSource(strings = {"action_item", "linkedin_step_connect", "linkedin_step_view_profile",
            "linkedin_step_interact_post"})
    void accepts_every_documented_step_type_without_touches(String type) {
        SequenceRequest request = request().step(2, s -> s.type(type)).build();

        assertThat(problems(request, false)).isEmpty();
    }

    @Test
    void rejects_an_unknown_wait_mode() {
        Problem problem = onlyProblem(request().step(1, s -> s.waitMode("days")).build());

        assertThat(problem.path()).isEqualTo("emailer_steps[1].wait_mode");
        assertThat(problem.value()).isEqualTo("days");
        assertThat(problem.message()).isEqualTo("must be minute, hour or day");
        assertThat(problem.render(FILE)).isEqualTo("sequences.json element 1, emailer_steps[1].wait_mode:"
                + " must be minute, hour or day — got 'days'");
    }

    @Test
    void rejects_step_without_wait_mode() {
        Problem problem = onlyProblem(request().step(0, s -> s.waitMode(null)).build());

        assertThat(problem.path()).isEqualTo("emailer_steps[0].wait_mode");
        assertThat(problem.value()).isNull();
        assertThat(problem.message()).contains("Apollo refuses a step without wait_mode").contains("minute, hour or day");
    }

    @Test
    void rejects_a_negative_wait_time() {
        Problem problem = onlyProblem(request().step(2, s -> s.waitTime(-2)).build());

        assertThat(problem.path()).isEqualTo("emailer_steps[2].wait_time");
        assertThat(problem.value()).isEqualTo("-2");
        assertThat(problem.message()).isEqualTo("must be 0 or more");
    }

    @Test
    void rejects_step_without_wait_time() {
        Problem problem = onlyProblem(request().step(1, s -> s.waitTime(null)).build());

        assertThat(problem.path()).isEqualTo("emailer_steps[1].wait_time");
        assertThat(problem.message()).startsWith("is missing; Apollo needs a wait time on every step");
    }

    @Test
    void accepts_a_wait_time_of_zero() {
        assertThat(problems(request().step(1, s -> s.waitTime(0)).build(), false)).isEmpty();
    }

    @Test
    void rejects_an_unknown_priority() {
        Problem problem = onlyProblem(request().step(2, s -> s.priority("urgent")).build());

        assertThat(problem.path()).isEqualTo("emailer_steps[2].priority");
        assertThat(problem.value()).isEqualTo("urgent");
        assertThat(problem.message()).isEqualTo("must be high, medium or low");
    }

    @Test
    void rejects_a_negative_step_max_emails_per_day() {
        Problem problem = onlyProblem(request().step(0, s -> s.maxEmailsPerDay(-1)).build());

        assertThat(problem.path()).isEqualTo("emailer_steps[0].max_emails_per_day");
        assertThat(problem.value()).isEqualTo("-1");
        assertThat(problem.message()).isEqualTo("must be 0 or more");
    }

    @Test
    void rejects_a_negative_auto_skip_naming_apollos_field() {
        Problem problem = onlyProblem(request().step(0, s -> s.autoSkipInXDays(-4)).build());

        assertThat(problem.path()).isEqualTo("emailer_steps[0].auto_skip_in_x_days");
        assertThat(problem.value()).isEqualTo("-4");
    }

    @Test
    void rejects_a_negative_auto_skip() {
        Problem problem = onlyProblem(request().step(2, s -> s.autoSkipInXDays(-4)).build());

        assertThat(problem.path()).startsWith("emailer_steps[2].auto_skip_in_x");
        assertThat(problem.value()).isEqualTo("-4");
        assertThat(problem.message()).isEqualTo("must be 0 or more");
    }

    // ---------------------------------------------------------------- exact date-times

    @Test
    void requires_exact_datetime_on_every_step_when_sequencing_by_exact_daytime() {
        SequenceRequest request = request().sequenceByExactDaytime(true)
                .step(0, s -> s.exactDatetime("2026-12-01T09:00:00Z"))
                .build();

        List<Problem> problems = problems(request, false);

        assertThat(problems).extracting(Problem::path)
                .containsExactly("emailer_steps[1].exact_datetime", "emailer_steps[2].exact_datetime");
        assertThat(problems).allSatisfy(problem -> {
            assertThat(problem.message()).startsWith("is missing; this sequence sends each step at an exact date and time");
            assertThat(problem.value()).isNull();
            assertThat(problem.rows()).containsExactly(1);
        });
    }

    @Test
    void a_missing_exact_datetime_says_why_without_a_field_name_the_users_header_may_not_use() {
        Problem problem = problems(request().sequenceByExactDaytime(true).build(), false).get(0);

        // the sequence setting may be headed "Exact Daytime", "Fixed time" (renamed) or sequence_by_exact_daytime
        assertThat(problem.message()).isEqualTo("is missing; this sequence sends each step at an exact date and time"
                + " (exact daytime is on), so every step needs one, written in ISO-8601 such as 2026-12-01T09:00:00Z");
    }

    @Test
    void an_approved_email_without_body_names_its_status_not_a_field() {
        Problem problem = onlyProblem(request().step(0, s -> s.touches(touch().body("").build())).build());

        // "status" may be headed "Step 2 Status" or "Status B"
        assertThat(problem.message()).isEqualTo("shows no text, but the email is approved, and Apollo approves only"
                + " emails with a body; write the body, or set its status to to_be_reviewed (or leave the status"
                + " empty) to create a draft");
    }

    @Test
    void accepts_exact_daytime_when_every_step_has_a_datetime() {
        SequenceRequest request = request().sequenceByExactDaytime(true)
                .step(0, s -> s.exactDatetime("2026-12-01T09:00:00Z"))
                .step(1, s -> s.exactDatetime("2026-12-02T09:00"))
                .step(2, s -> s.exactDatetime("2026-12-03T09:00:00+01:00"))
                .build();

        assertThat(problems(request, false)).isEmpty();
    }

    @Test
    void does_not_require_exact_datetime_when_exact_daytime_is_off() {
        assertThat(problems(request().sequenceByExactDaytime(false).build(), false)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-01", "next monday", "01/12/2026 09:00", "2026-12-01 09:00"})
    void rejects_an_exact_datetime_that_is_not_an_iso_date_time(String value) {
        Problem problem = onlyProblem(request().step(1, s -> s.exactDatetime(value)).build());

        assertThat(problem.path()).isEqualTo("emailer_steps[1].exact_datetime");
        assertThat(problem.value()).isEqualTo(value);
        assertThat(problem.message()).isEqualTo("must be an ISO-8601 date and time such as 2026-12-01T09:00:00Z");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-01T09:00:00Z", "2026-12-01T09:00", "2026-12-01T09:00:00+01:00"})
    void accepts_iso_date_times_with_or_without_offset(String value) {
        assertThat(problems(request().step(1, s -> s.exactDatetime(value)).build(), false)).isEmpty();
    }

    // ---------------------------------------------------------------- touches

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void rejects_an_email_step_without_touches(int step) {
        // step 0 is auto_email, step 1 is manual_email
        Problem missing = onlyProblem(request().step(step, s -> s.touches((EmailerTouch[]) null)).build());
        Problem empty = onlyProblem(request().step(step, s -> s.touches()).build());

        for (Problem problem : List.of(missing, empty)) {
            assertThat(problem.path()).isEqualTo("emailer_steps[" + step + "].emailer_touches");
            assertThat(problem.value()).isNull();
            assertThat(problem.message()).isEqualTo("has no email; an email step needs at least one email"
                    + " (subject and body)");
        }
    }

    @Test
    void accepts_a_call_step_without_touches() {
        SequenceRequest request = request().step(2, s -> s.type("call").touches((EmailerTouch[]) null)).build();

        assertThat(problems(request, false)).isEmpty();
    }

    @Test
    void rejects_two_variants_on_a_step_when_ab_testing_is_off() {
        SequenceRequest request = request().step(0, s -> s.touches(newThread("Variant A"), newThread("Variant B")))
                .build();

        Problem problem = onlyProblem(request);

        assertThat(problem.path()).isEqualTo("emailer_steps[0].emailer_touches");
        assertThat(problem.value()).isNull();
        assertThat(problem.message()).contains("A/B test").contains("apollo.ab-testing=true");
    }

    @Test
    void accepts_two_variants_on_a_step_when_ab_testing_is_on() {
        SequenceRequest request = request().step(0, s -> s.touches(newThread("Variant A"), newThread("Variant B")))
                .build();

        assertThat(problems(request, true)).isEmpty();
    }

    @Test
    void still_checks_each_variant_when_ab_testing_is_on() {
        SequenceRequest request = request().step(0, s -> s.touches(newThread("Variant A"),
                        touch().subject("").build()))
                .build();

        assertThat(problems(request, true)).extracting(Problem::path)
                .containsExactly("emailer_steps[0].emailer_touches[1].emailer_template.subject");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "<p></p>", "<p>&nbsp;</p>", "<br>", "<div> <p>\n</p> </div>"})
    void rejects_an_approved_touch_whose_body_shows_no_text(String body) {
        Problem problem = onlyProblem(request().step(0, s -> s.touches(touch().body(body).build())).build());

        assertThat(problem.path()).isEqualTo("emailer_steps[0].emailer_touches[0].emailer_template.body_html");
        assertThat(problem.value()).isNull();
        assertThat(problem.message()).startsWith("shows no text, but the email is approved");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{{first_name}}", "<p>Hi</p>", "<p><img src=\"https://example.com/banner.png\"></p>"})
    void accepts_an_approved_touch_whose_body_shows_text_or_an_image(String body) {
        assertThat(problems(request().step(0, s -> s.touches(touch().body(body).build())).build(), false)).isEmpty();
    }

    @Test
    void rejects_an_approved_touch_without_template() {
        EmailerTouch noTemplate = new EmailerTouch("reply_to_thread", "approved", null, null, null);

        Problem problem = onlyProblem(request().step(1, s -> s.touches(noTemplate)).build());

        assertThat(problem.path()).isEqualTo("emailer_steps[1].emailer_touches[0].emailer_template.body_html");
    }

    @Test
    void accepts_a_touch_to_be_reviewed_with_an_empty_body() {
        SequenceRequest request = request().step(0, s -> s.touches(touch().status("to_be_reviewed").body("").build()))
                .build();

        assertThat(problems(request, false)).isEmpty();
    }

    @Test
    void accepts_a_touch_without_status_and_without_body_as_a_draft() {
        SequenceRequest request = request().step(0, s -> s.touches(touch().status(null).body("").build())).build();

        assertThat(problems(request, false)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void rejects_a_new_thread_touch_without_subject(String subject) {
        Problem problem = onlyProblem(request().step(0, s -> s.touches(touch().subject(subject).build())).build());

        assertThat(problem.path()).isEqualTo("emailer_steps[0].emailer_touches[0].emailer_template.subject");
        assertThat(problem.value()).isNull();
        assertThat(problem.message()).startsWith("is empty, but this email starts a new thread");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Quick question\nabout {{company}}", "Quick question\r\nabout Q3", "Two\u2028lines"})
    void rejects_a_subject_on_more_than_one_line(String subject) {
        Problem problem = onlyProblem(request().step(0, s -> s.touches(touch().subject(subject).build())).build());

        assertThat(problem.path()).isEqualTo("emailer_steps[0].emailer_touches[0].emailer_template.subject");
        assertThat(problem.message()).isEqualTo("is on more than one line, but an email's subject is one line; remove"
                + " the line break (Alt+Enter in Excel, Ctrl+Enter in Google Sheets)");
    }

    @Test
    void names_the_subject_cell_typed_on_two_lines(@TempDir Path dir) throws IOException {
        // Alt+Enter in a subject cell: the CSV export quotes the cell and keeps the line break
        Path file = TestInputs.write(dir, "plan.csv", "sequence,step,subject,body\nQ1,1,\"Quick question\nabout Q3\",Hi\n");
        SequenceDraft mapped = new SequenceMapper(TestInputs.MAPPER).map(TestInputs.candidates(file).get(0));

        assertThat(validate(mapped, false).problems()).extracting(Problem::rows, Problem::column)
                .containsExactly(tuple(List.of(2), "subject"));
    }

    @Test
    void a_new_thread_without_subject_offers_a_reply_only_for_a_later_email_in_the_users_words() {
        Problem problem = onlyProblem(request().step(0, s -> s.touches(touch().subject("").build())).build());

        // the first email starts the thread, so a reply is no fix for it; "its touch type" fits "touch_type",
        // "Step 2 Touch Type" and Apollo's "type" alike
        assertThat(problem.message()).isEqualTo("is empty, but this email starts a new thread; write a subject, or,"
                + " unless it is the sequence's first email (which starts the thread), set its touch type to"
                + " reply_to_thread to send it as a reply");
    }

    @Test
    void rejects_a_new_thread_touch_with_a_null_subject() {
        EmailerTouch touch = touch().subject(null).build();

        Problem problem = onlyProblem(request().step(0, s -> s.touches(touch)).build());

        assertThat(problem.path()).isEqualTo("emailer_steps[0].emailer_touches[0].emailer_template.subject");
    }

    @Test
    void accepts_a_reply_to_thread_touch_with_an_empty_subject() {
        SequenceRequest request = request()
                .step(1, s -> s.touches(touch().type("reply_to_thread").subject("").build()))
                .build();

        assertThat(problems(request, false)).isEmpty();
    }

    @Test
    void rejects_an_unknown_touch_type() {
        Problem problem = onlyProblem(request().step(0, s -> s.touches(touch().type("forward").build())).build());

        assertThat(problem.path()).isEqualTo("emailer_steps[0].emailer_touches[0].type");
        assertThat(problem.value()).isEqualTo("forward");
        assertThat(problem.message()).isEqualTo("must be new_thread or reply_to_thread");
    }

    @Test
    void rejects_an_unknown_touch_status() {
        Problem problem = onlyProblem(request().step(1, s -> s.touches(touch().type("reply_to_thread")
                .status("draft").build())).build());

        assertThat(problem.path()).isEqualTo("emailer_steps[1].emailer_touches[0].status");
        assertThat(problem.value()).isEqualTo("draft");
        assertThat(problem.message()).isEqualTo("must be approved or to_be_reviewed");
    }

    // ---------------------------------------------------------------- Apollo IDs

    @Test
    void accepts_a_schedule_an_owner_and_stages_written_by_name_for_the_references_stage_to_look_up() {
        SequenceRequest request = request().emailerScheduleId("Weekday mornings").userId("jane@example.com")
                .excludedAccountStageIds(STAGE_A, "Cold lead").excludedContactStageIds("Do not contact").build();

        assertThat(problems(request, false)).isEmpty();
    }

    @Test
    void rejects_a_schedule_id_with_a_character_missing() {
        Problem problem = onlyProblem(request().emailerScheduleId("6095a710bd01d100a506d4a").build());

        assertThat(problem.path()).isEqualTo("emailer_schedule_id");
        assertThat(problem.value()).isEqualTo("6095a710bd01d100a506d4a");
        assertThat(problem.message()).isEqualTo("looks like an Apollo ID with 23 characters instead of 24; write the"
                + " whole ID (0-9 and a-f, as in the object's Apollo URL) or the name");
    }

    @Test
    void rejects_an_empty_schedule() {
        Problem problem = onlyProblem(request().emailerScheduleId(" ").build());

        assertThat(problem.path()).isEqualTo("emailer_schedule_id");
        assertThat(problem.message()).isEqualTo("is empty; write the Apollo ID or the name, or leave it out");
    }

    @Test
    void rejects_an_owner_that_is_neither_a_user_id_nor_an_email_address() {
        Problem problem = onlyProblem(request().userId("Jane Doe").build());

        assertThat(problem.path()).isEqualTo("user_id");
        assertThat(problem.value()).isEqualTo("Jane Doe");
        assertThat(problem.message())
                .isEqualTo("must be the owner's Apollo user ID (24 characters 0-9 and a-f) or email address");
    }

    @Test
    void says_an_owner_id_with_a_character_too_many_is_a_mistyped_id() {
        Problem problem = onlyProblem(request().userId("5f8d1a2b3c4d5e6f7a8b9c0d1").build());

        assertThat(problem.message()).isEqualTo("looks like an Apollo ID with 25 characters instead of 24; write the"
                + " whole ID (0-9 and a-f, as in the object's Apollo URL) or the owner's email address");
    }

    @Test
    void rejects_malformed_folder_and_ruleset_ids() {
        SequenceRequest request = request()
                .folderId("Outbound")
                .sequenceRulesetId("0123456789abcdef0123456") // 23 characters
                .build();

        assertThat(problems(request, false)).extracting(Problem::path, Problem::value).containsExactly(
                tuple("folder_id", "Outbound"),
                tuple("sequence_ruleset_id", "0123456789abcdef0123456"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0123456789abcdef012345678", "0123456789abcdef0123456g"})
    void rejects_ids_of_the_wrong_length_or_alphabet(String id) {
        Problem problem = onlyProblem(request().folderId(id).build());

        assertThat(problem.path()).isEqualTo("folder_id");
        assertThat(problem.value()).isEqualTo(id);
    }

    @Test
    void accepts_ids_in_upper_case_hex() {
        assertThat(problems(request().folderId("64B0F00D64B0F00D64B0F00D").userId("5F8D1A2B3C4D5E6F7A8B9C0D")
                .build(), false)).isEmpty();
    }

    @Test
    void rejects_a_mistyped_id_in_the_excluded_account_stage_ids_by_position() {
        Problem problem = onlyProblem(request().excludedAccountStageIds(STAGE_A, "Cold lead", "aaaaaaaaaaaaaaaa1").build());

        assertThat(problem.path()).isEqualTo("excluded_account_stage_ids[2]");
        assertThat(problem.value()).isEqualTo("aaaaaaaaaaaaaaaa1");
        assertThat(problem.message()).startsWith("looks like an Apollo ID with 17 characters");
    }

    @Test
    void rejects_an_empty_entry_in_the_excluded_contact_stage_ids_by_position() {
        Problem problem = onlyProblem(request().excludedContactStageIds("", STAGE_B).build());

        assertThat(problem.path()).isEqualTo("excluded_contact_stage_ids[0]");
        assertThat(problem.message()).startsWith("is empty");
    }

    @Test
    void rejects_a_file_name_in_the_attachment_ids() {
        EmailerTouch touch = touch().attachmentIds(ATTACHMENT_ID, "pricing.pdf").build();

        Problem problem = onlyProblem(request().step(0, s -> s.touches(touch)).build());

        assertThat(problem.path()).isEqualTo("emailer_steps[0].emailer_touches[0].attachment_ids[1]");
        assertThat(problem.value()).isEqualTo("pricing.pdf");
    }

    // ---------------------------------------------------------------- merging with mapping problems

    @Test
    void keeps_the_mapping_problems_and_adds_its_own_in_reading_order() {
        Problem laterRow = new Problem(List.of(4), "Wait Time", "emailer_steps[2].wait_time", "two",
                "must be a whole number");
        Problem sameRow = new Problem(List.of(1), null, "active", "maybe", "must be true or false");
        SequenceDraft draft = new SequenceDraft(candidate(), request().permissions("public").build(),
                SourceLocator.wholeRecord(1), List.of(laterRow, sameRow));

        SequenceDraft validated = validate(draft, false);

        assertThat(validated.problems()).extracting(Problem::path)
                .containsExactly("active", "permissions", "emailer_steps[2].wait_time");
        assertThat(validated.problems()).contains(laterRow, sameRow);
        assertThat(validated.isInvalid()).isTrue();
        assertThat(validated.candidate()).isSameAs(draft.candidate());
        assertThat(validated.request()).isSameAs(draft.request());
    }

    @Test
    void keeps_the_mapping_problems_when_the_request_itself_is_valid() {
        Problem mapping = new Problem(List.of(1), null, "labels", null, "is not a list");
        SequenceDraft draft = new SequenceDraft(candidate(), request().build(), SourceLocator.wholeRecord(1),
                List.of(mapping));

        assertThat(validate(draft, false).problems()).containsExactly(mapping);
    }

    @Test
    void locates_each_problem_through_the_drafts_locator() {
        SourceLocator byPath = path -> new SourceLocator.Location(
                path.startsWith("emailer_steps[1]") ? List.of(3) : List.of(2), path.endsWith("wait_mode") ? "Wait Mode" : null);
        SequenceDraft draft = new SequenceDraft(candidate(),
                request().permissions("public").step(1, s -> s.waitMode("days")).build(), byPath, List.of());

        List<Problem> problems = validate(draft, false).problems();

        assertThat(problems).extracting(Problem::rows, Problem::column, Problem::path).containsExactly(
                tuple(List.of(2), null, "permissions"),
                tuple(List.of(3), "Wait Mode", "emailer_steps[1].wait_mode"));
    }

    @Test
    void reports_every_violation_of_a_request_at_once() {
        SequenceRequest request = request().name("")
                .step(0, s -> s.waitMode(null))
                .step(2, s -> s.priority("urgent"))
                .build();

        assertThat(problems(request, false)).extracting(Problem::path)
                .containsExactly("emailer_steps[0].wait_mode", "emailer_steps[2].priority", "name");
    }

    // ---------------------------------------------------------------- helpers

    private static SequenceDraft validate(SequenceDraft draft, boolean abTesting) {
        return new SequenceValidator(VALIDATOR, properties(abTesting)).validate(draft);
    }

    private static List<Problem> problems(SequenceRequest request, boolean abTesting) {
        return validate(draft(request), abTesting).problems();
    }

    private static Problem onlyProblem(SequenceRequest request) {
        List<Problem> problems = problems(request, false);
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    private static SequenceDraft draft(SequenceRequest request) {
        return new SequenceDraft(candidate(), request, SourceLocator.wholeRecord(1), List.of());
    }

    private static SequenceCandidate candidate() {
        return new SequenceCandidate(FILE, null, "Q1 outbound", 1, List.of());
    }

    private static ApolloProperties properties(boolean abTesting) {
        return new ApolloProperties(URI.create("https://api.apollo.io"), null, true, abTesting, true,
                Duration.ofSeconds(10), Duration.ofSeconds(30),
                new ApolloProperties.Retry(3, Duration.ofSeconds(2), 2.0, Duration.ofSeconds(60)));
    }

    private static EmailerTouch newThread(String subject) {
        return touch().subject(subject).build();
    }

    /** A valid approved new-thread touch. */
    private static TouchBuilder touch() {
        return new TouchBuilder();
    }

    /**
     * A valid request: an auto_email step (new thread), a manual_email step (reply with an empty subject)
     * and a call step without touches, every optional field set to an accepted value.
     */
    private static RequestBuilder request() {
        return new RequestBuilder();
    }

    private static final class RequestBuilder {
        private String name = "Q1 outbound";
        private String permissions = "team_can_use";
        private String emailerScheduleId = SCHEDULE_ID;
        private String userId = USER_ID;
        private String folderId = FOLDER_ID;
        private Boolean sequenceByExactDaytime = false;
        private Integer maxEmailsPerDay = 50;
        private Integer daysToWaitBeforeMarkAsResponse = 3;
        private Integer emailOpenTriggerTaskThreshold = 2;
        private Integer sameAccountReplyDelayDays = 30;
        private List<String> excludedAccountStageIds = List.of(STAGE_A);
        private List<String> excludedContactStageIds = List.of(STAGE_B);
        private String sequenceRulesetId = RULESET_ID;
        private List<StepBuilder> steps = new ArrayList<>(List.of(
                new StepBuilder(),
                new StepBuilder().type("manual_email").waitTime(2).touches(
                        touch().type("reply_to_thread").subject("").body("<p>Bumping this up</p>").build()),
                new StepBuilder().type("call").waitTime(1).priority("medium").touches((EmailerTouch[]) null)));

        RequestBuilder name(String value) { name = value; return this; }

        RequestBuilder permissions(String value) { permissions = value; return this; }

        RequestBuilder emailerScheduleId(String value) { emailerScheduleId = value; return this; }

        RequestBuilder userId(String value) { userId = value; return this; }

        RequestBuilder folderId(String value) { folderId = value; return this; }

        RequestBuilder sequenceByExactDaytime(Boolean value) { sequenceByExactDaytime = value; return this; }

        RequestBuilder maxEmailsPerDay(Integer value) { maxEmailsPerDay = value; return this; }

        RequestBuilder daysToWaitBeforeMarkAsResponse(Integer value) {
            daysToWaitBeforeMarkAsResponse = value;
            return this;
        }

        RequestBuilder emailOpenTriggerTaskThreshold(Integer value) {
            emailOpenTriggerTaskThreshold = value;
            return this;
        }

        RequestBuilder sameAccountReplyDelayDays(Integer value) { sameAccountReplyDelayDays = value; return this; }

        RequestBuilder excludedAccountStageIds(String... ids) { excludedAccountStageIds = List.of(ids); return this; }

        RequestBuilder excludedContactStageIds(String... ids) { excludedContactStageIds = List.of(ids); return this; }

        RequestBuilder sequenceRulesetId(String value) { sequenceRulesetId = value; return this; }

        /** Replaces all steps; null leaves emailer_steps out. */
        RequestBuilder steps(EmailerStep... replacement) {
            steps = replacement == null ? null : new ArrayList<>();
            if (replacement != null) {
                for (EmailerStep step : replacement) {
                    steps.add(new StepBuilder().from(step));
                }
            }
            return this;
        }

        RequestBuilder step(int index, UnaryOperator<StepBuilder> change) {
            steps.set(index, change.apply(steps.get(index)));
            return this;
        }

        SequenceRequest build() {
            return new SequenceRequest(name, permissions, true, emailerScheduleId, userId,
                    List.of("Outbound", "Q1"), folderId, sequenceByExactDaytime, maxEmailsPerDay, true, false,
                    true, true, daysToWaitBeforeMarkAsResponse, true, emailOpenTriggerTaskThreshold,
                    sameAccountReplyDelayDays, excludedAccountStageIds, excludedContactStageIds, false,
                    sequenceRulesetId, steps == null ? null : steps.stream().map(StepBuilder::build).toList());
        }
    }

    private static final class StepBuilder {
        private String type = "auto_email";
        private Integer waitTime = 0;
        private String waitMode = "day";
        private String exactDatetime;
        private String priority = "high";
        private Integer maxEmailsPerDay = 40;
        private Integer autoSkipInXDays = 5;
        private List<EmailerTouch> touches = List.of(touch().build());

        StepBuilder from(EmailerStep step) {
            type = step.type();
            waitTime = step.waitTime();
            waitMode = step.waitMode();
            exactDatetime = step.exactDatetime();
            priority = step.priority();
            maxEmailsPerDay = step.maxEmailsPerDay();
            autoSkipInXDays = step.autoSkipInXDays();
            touches = step.emailerTouches();
            return this;
        }

        StepBuilder type(String value) { type = value; return this; }

        StepBuilder waitTime(Integer value) { waitTime = value; return this; }

        StepBuilder waitMode(String value) { waitMode = value; return this; }

        StepBuilder exactDatetime(String value) { exactDatetime = value; return this; }

        StepBuilder priority(String value) { priority = value; return this; }

        StepBuilder maxEmailsPerDay(Integer value) { maxEmailsPerDay = value; return this; }

        StepBuilder autoSkipInXDays(Integer value) { autoSkipInXDays = value; return this; }

        /** null leaves emailer_touches out. */
        StepBuilder touches(EmailerTouch... value) { touches = value == null ? null : Arrays.asList(value); return this; }

        EmailerStep build() {
            return new EmailerStep(type, waitTime, waitMode, exactDatetime, priority, "Say hi", maxEmailsPerDay,
                    autoSkipInXDays, touches);
        }
    }

    private static final class TouchBuilder {
        private String type = "new_thread";
        private String status = "approved";
        private String subject = "Quick question, {{first_name}}";
        private String body = "<p>Hi {{first_name}}, do you have a minute?</p>";
        private List<String> attachmentIds = List.of(ATTACHMENT_ID);

        TouchBuilder type(String value) { type = value; return this; }

        TouchBuilder status(String value) { status = value; return this; }

        TouchBuilder subject(String value) { subject = value; return this; }

        TouchBuilder body(String value) { body = value; return this; }

        TouchBuilder attachmentIds(String... ids) { attachmentIds = List.of(ids); return this; }

        EmailerTouch build() {
            return new EmailerTouch(type, status, true, new EmailerTemplate(null, subject, body), attachmentIds);
        }
    }
}
