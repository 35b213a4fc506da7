package io.apolloroutes.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.apolloroutes.apollo.EmailerStep;
import io.apolloroutes.apollo.EmailerTouch;
import io.apolloroutes.apollo.SequenceRequest;
import io.apolloroutes.ingest.InputLimits;
import io.apolloroutes.ingest.ReadOptions;
import io.apolloroutes.ingest.SequenceCandidate;
import io.apolloroutes.ingest.SourceRecord;
import io.apolloroutes.ingest.SpooledInput;
import io.apolloroutes.ingest.TableLayout;
import io.apolloroutes.support.TestInputs;
import io.apolloroutes.support.TestWorkbooks;
import io.apolloroutes.support.TestWorkbooks.Formula;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

class SequenceMapperTest {

    @TempDir
    Path dir;

    private final SequenceMapper mapper = new SequenceMapper(TestInputs.MAPPER);

    // ---- header names --------------------------------------------------------------------------

    @Test
    void matches_headers_case_insensitively_with_spaces_hyphens_and_underscores_alike() throws IOException {
        SequenceDraft draft = csv("""
                SEQUENCE,Step,Wait-Time,wait mode,Touch_Type,Include Signature,SUBJECT,body
                Q1 Outbound,1,0,Hours,New Thread,no,Quick question,Hi there
                """);

        assertThat(draft.problems()).isEmpty();
        EmailerStep step = draft.request().emailerSteps().get(0);
        assertThat(step.waitTime()).isZero();
        assertThat(step.waitMode()).isEqualTo("hour");
        EmailerTouch touch = step.emailerTouches().get(0);
        assertThat(touch.type()).isEqualTo("new_thread");
        assertThat(touch.includeSignature()).isFalse();
        assertThat(touch.emailerTemplate().subject()).isEqualTo("Quick question");
        assertThat(touch.emailerTemplate().bodyHtml()).isEqualTo("<p>Hi there</p>");
    }

    @Test
    void accepts_apollo_json_names_as_header_aliases() throws IOException {
        SequenceDraft draft = csv("""
                name,position,Emailer Schedule ID,label_names,User ID,subject,body_html
                Q1 Outbound,1,6095a711bd01d100a506d4ac,Inbound;Q1,5f2a8b3c9d4e1f0a2b3c4d5e,Hello,Hi
                """);

        assertThat(draft.problems()).isEmpty();
        SequenceRequest request = draft.request();
        assertThat(request.name()).isEqualTo("Q1 Outbound");
        assertThat(request.emailerScheduleId()).isEqualTo("6095a711bd01d100a506d4ac");
        assertThat(request.labelNames()).containsExactly("Inbound", "Q1");
        assertThat(request.userId()).isEqualTo("5f2a8b3c9d4e1f0a2b3c4d5e");
        assertThat(request.emailerSteps()).singleElement()
                .satisfies(s -> assertThat(s.emailerTouches().get(0).emailerTemplate().bodyHtml()).isEqualTo("<p>Hi</p>"));
    }

    @Test
    void reads_every_sequence_setting_column() throws IOException {
        SequenceDraft draft = csv("""
                sequence,permissions,active,owner_id,folder_id,max emails per day,mark finished if reply,mark finished if click,mark finished if interested,mark paused if ooo,days to wait before mark as response,create task if email open,email open trigger task threshold,same account reply delay days,excluded account stage ids,excluded contact stage ids,ignore bounce list,ruleset id,subject,body
                Full,Team Can View,yes,u1,f1,50,y,n,1,0,3,true,2,30,a1|a2,c1,no,r1,Hi,Hello
                """);

        assertThat(draft.problems()).isEmpty();
        SequenceRequest r = draft.request();
        assertThat(r.permissions()).isEqualTo("team_can_view");
        assertThat(r.active()).isTrue();
        assertThat(r.userId()).isEqualTo("u1");
        assertThat(r.folderId()).isEqualTo("f1");
        assertThat(r.maxEmailsPerDay()).isEqualTo(50);
        assertThat(r.markFinishedIfReply()).isTrue();
        assertThat(r.markFinishedIfClick()).isFalse();
        assertThat(r.markFinishedIfInterested()).isTrue();
        assertThat(r.markPausedIfOoo()).isFalse();
        assertThat(r.daysToWaitBeforeMarkAsResponse()).isEqualTo(3);
        assertThat(r.createTaskIfEmailOpen()).isTrue();
        assertThat(r.emailOpenTriggerTaskThreshold()).isEqualTo(2);
        assertThat(r.sameAccountReplyDelayDays()).isEqualTo(30);
        assertThat(r.excludedAccountStageIds()).containsExactly("a1", "a2");
        assertThat(r.excludedContactStageIds()).containsExactly("c1");
        assertThat(r.ignoreApolloGlobalEmailBounceList()).isFalse();
        assertThat(r.sequenceRulesetId()).isEqualTo("r1");
    }

    // ---- sequence settings across rows ---------------------------------------------------------

    @Test
    void takes_sequence_settings_from_whichever_row_gives_them() throws IOException {
        SequenceDraft draft = csv("""
                sequence,step,permissions,labels,subject,body
                Q1,1,,,Hello,First
                Q1,2,private,,,Second
                Q1,3,,VP Sales,,Third
                """);

        assertThat(draft.problems()).isEmpty();
        assertThat(draft.request().permissions()).isEqualTo("private");
        assertThat(draft.request().labelNames()).containsExactly("VP Sales");
    }

    @Test
    void accepts_the_same_sequence_setting_on_several_rows_when_they_agree_after_normalising() throws IOException {
        SequenceDraft draft = csv("""
                sequence,step,permissions,active,subject,body
                Q1,1,Team Can Use,yes,Hello,First
                Q1,2,team_can_use,TRUE,,Second
                """);

        assertThat(draft.problems()).isEmpty();
        assertThat(draft.request().permissions()).isEqualTo("team_can_use");
        assertThat(draft.request().active()).isTrue();
    }

    @Test
    void reports_rows_that_disagree_on_a_sequence_setting_naming_both_rows() throws IOException {
        SequenceDraft draft = csv("""
                sequence,step,Permissions,subject,body
                Q1,1,private,Hello,First
                Q1,2,,,Second
                Q1,3,Team Can Use,,Third
                """);

        assertThat(draft.isInvalid()).isTrue();
        assertThat(draft.problems()).singleElement().satisfies(p -> {
            assertThat(p.rows()).containsExactly(2, 4);
            assertThat(p.column()).isEqualTo("Permissions");
            assertThat(p.path()).isEqualTo("permissions");
            assertThat(p.value()).isEqualTo("Team Can Use");
            assertThat(p.message()).isEqualTo("disagrees with row 2 ('private'); a sequence setting must be the same"
                    + " on every row that gives it (or given on one row only)");
        });
    }

    @Test
    void reports_an_unreadable_sequence_setting_on_its_row_and_column() throws IOException {
        SequenceDraft draft = csv("""
                sequence,Active,Max Emails Per Day,subject,body
                Q1,perhaps,lots,Hello,First
                """);

        assertThat(draft.problems()).extracting(Problem::rows, Problem::column, Problem::path, Problem::value,
                        Problem::message)
                .containsExactlyInAnyOrder(
                        tuple(List.of(2), "Active", "active", "perhaps",
                                "must be true or false (yes/no, y/n and 1/0 work too)"),
                        tuple(List.of(2), "Max Emails Per Day", "max_emails_per_day",
                                "lots", "must be a whole number"));
        assertThat(draft.request().active()).isNull();
        assertThat(draft.request().maxEmailsPerDay()).isNull();
    }

    @Test
    void lets_a_row_with_only_sequence_settings_contribute_settings_but_no_step() throws IOException {
        SequenceDraft draft = csv("""
                sequence,permissions,labels,subject,body
                Q1,private,Inbound,,
                Q1,,,Hello,First email
                """);

        assertThat(draft.problems()).isEmpty();
        assertThat(draft.request().permissions()).isEqualTo("private");
        assertThat(draft.request().labelNames()).containsExactly("Inbound");
        assertThat(draft.request().emailerSteps()).singleElement().satisfies(step ->
                assertThat(step.emailerTouches()).singleElement()
                        .satisfies(t -> assertThat(t.emailerTemplate().subject()).isEqualTo("Hello")));
    }

    @Test
    void leaves_steps_null_when_no_row_has_step_or_email_content() throws IOException {
        SequenceDraft draft = csv("""
                sequence,permissions,subject,body
                Settings only,private,,
                """);

        assertThat(draft.problems()).extracting(Problem::path).containsExactly("emailer_steps");
        assertThat(draft.request().permissions()).isEqualTo("private");
        assertThat(draft.request().emailerSteps()).isNull();
    }

    @Test
    void a_sequence_without_steps_names_the_columns_its_first_email_goes_in() throws IOException {
        SequenceDraft draft = csv("""
                Sequence,Permissions,Subject,Body
                Settings only,private,,
                Settings only,,,
                """);

        assertThat(draft.problems()).singleElement().satisfies(p -> {
            assertThat(p.rows()).containsExactly(2, 3);
            assertThat(p.column()).isEqualTo("Body");
            assertThat(p.path()).isEqualTo("emailer_steps");
            assertThat(p.message()).isEqualTo("is empty, and so is every other step and email column of this"
                    + " sequence, so it has no step (a sequence needs at least one): write its first email in"
                    + " \"Subject\" and \"Body\"");
        });
    }

    @Test
    void a_sequence_whose_only_step_has_a_wrong_number_is_told_about_the_number_not_that_its_cells_are_empty()
            throws IOException {
        SequenceDraft draft = csv("""
                sequence,step,subject,body
                Q1,0,Hello,Hi
                """);

        assertThat(draft.problems()).extracting(Problem::column, Problem::message)
                .containsExactly(tuple("step", "must be 1 or more (step 1 is the first step)"));
    }

    @Test
    void a_sequence_listed_on_the_sequences_sheet_without_steps_is_told_to_add_them_on_the_steps_sheet()
            throws IOException {
        Path file = TestWorkbooks.xlsx(dir, "team.xlsx", workbook -> {
            TestWorkbooks.putRows(workbook.createSheet("Sequences"), 1, new Object[] {"Sequence", "Permissions"},
                    new Object[] {"Q1 Outbound", "private"}, new Object[] {"Renewals", "private"});
            TestWorkbooks.putRows(workbook.createSheet("Steps"), 1, new Object[] {"Sequence", "step", "subject", "body"},
                    new Object[] {"Renewals", 1, "Hi", "Hello"});
        });
        List<SequenceCandidate> candidates = TestInputs.candidates(file);

        SequenceDraft q1 = mapper.map(candidates.get(0));

        assertThat(q1.problems()).singleElement().satisfies(p -> assertThat(p.render(candidates.get(0).file()))
                .isEqualTo("team.xlsx Sequences row 2, column \"Sequence\" (emailer_steps): has no row on the Steps"
                        + " sheet, so it has no step (a sequence needs at least one): add its steps there, one row per"
                        + " email, with \"Q1 Outbound\" in its sequence column"));
        assertThat(mapper.map(candidates.get(1)).problems()).isEmpty();
    }

    @Test
    void says_which_unknown_columns_were_not_read_when_a_sequence_has_no_step() throws IOException {
        SequenceDraft draft = csv("""
                Sequence,Subject 1,Body 1,Subject 2,Body 2,Owner note
                Q1 Outbound,Hello,Hi there,,Any thoughts?,
                """);

        assertThat(draft.problems()).singleElement().satisfies(p -> {
            assertThat(p.rows()).containsExactly(2);
            assertThat(p.path()).isEqualTo("emailer_steps");
            assertThat(p.message()).isEqualTo("has no step, and its cells under \"Subject 1\", \"Body 1\", \"Body 2\""
                    + " were not read: the pack does not know those column names; name them like subject and body"
                    + " (one row per email) or Step 1 Subject and Step 1 Body (one row per sequence), or rename them in"
                    + " the source's mapping file");
        });
    }

    @Test
    void names_the_unknown_columns_of_a_very_wide_row_without_comparing_each_with_all_the_others() {
        // a hostile header of 200,000 unknown columns: comparing every one with those already named took minutes
        List<String> labels = new ArrayList<>(List.of("sequence"));
        List<String> cells = new ArrayList<>(List.of("Q1"));
        for (int i = 0; i < 200_000; i++) {
            labels.add("c" + i);
            cells.add("x");
        }
        SequenceCandidate candidate = new SequenceCandidate(TestInputs.inputFile(dir.resolve("wide.csv")),
                TableLayout.of(labels), "Q1", 1, List.of(new SourceRecord.TableRow(2, cells, Map.of())));

        SequenceDraft draft = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> mapper.map(candidate));

        assertThat(draft.problems()).singleElement().satisfies(p -> assertThat(p.message())
                .startsWith("has no step, and its cells under \"c0\", \"c1\", \"c2\", \"c3\", \"c4\", … were not read"));
    }

    // ---- steps ---------------------------------------------------------------------------------

    @Test
    void makes_one_step_per_row_in_file_order_without_a_step_column() throws IOException {
        SequenceDraft draft = csv("""
                sequence,wait_time,subject,body
                Q1,0,Hello,First
                Q1,2,,Second
                Q1,5,,Third
                """);

        assertThat(draft.problems()).isEmpty();
        assertThat(draft.request().emailerSteps()).extracting(EmailerStep::waitTime).containsExactly(0, 2, 5);
        assertThat(draft.request().emailerSteps()).extracting(s -> s.emailerTouches().get(0).emailerTemplate().bodyHtml())
                .containsExactly("<p>First</p>", "<p>Second</p>", "<p>Third</p>");
    }

    @Test
    void keeps_file_order_for_rows_of_a_sequence_interleaved_with_another() throws IOException {
        List<SequenceDraft> drafts = mapAll(TestInputs.copy("inputs/interleaved.csv", dir));

        assertThat(drafts).extracting(SequenceDraft::name).containsExactly("Alpha", "Beta");
        assertThat(drafts).allSatisfy(d -> assertThat(d.problems()).isEmpty());
        assertThat(drafts.get(0).request().emailerSteps())
                .extracting(s -> s.emailerTouches().get(0).emailerTemplate().bodyHtml(), EmailerStep::waitTime)
                .containsExactly(tuple("<p>First alpha email</p>", 0),
                        tuple("<p>Second alpha email</p>", 2));
        assertThat(drafts.get(1).request().emailerSteps()).extracting(EmailerStep::waitTime).containsExactly(0, 4);
    }

    @Test
    void makes_rows_with_the_same_step_number_the_variants_of_one_step() throws IOException {
        SequenceDraft draft = csv("""
                sequence,step,subject,body
                Q1,1,Version A,Body A
                Q1,1,Version B,Body B
                Q1,2,,Follow-up
                """);

        assertThat(draft.problems()).isEmpty();
        List<EmailerStep> steps = draft.request().emailerSteps();
        assertThat(steps).hasSize(2);
        assertThat(steps.get(0).emailerTouches()).extracting(t -> t.emailerTemplate().subject())
                .containsExactly("Version A", "Version B");
        assertThat(steps.get(0).emailerTouches()).extracting(EmailerTouch::type)
                .containsExactly("new_thread", "new_thread");
        assertThat(steps.get(1).emailerTouches()).singleElement()
                .satisfies(t -> assertThat(t.emailerTemplate().bodyHtml()).isEqualTo("<p>Follow-up</p>"));
    }

    @Test
    void sorts_steps_by_their_number_not_by_row_order() throws IOException {
        SequenceDraft draft = csv("""
                sequence,step,wait_time,subject,body
                Q1,3,4,,Third
                Q1,1,0,Hello,First
                Q1,2.0,2,,Second
                """);

        assertThat(draft.problems()).isEmpty();
        assertThat(draft.request().emailerSteps())
                .extracting(s -> s.emailerTouches().get(0).emailerTemplate().bodyHtml())
                .containsExactly("<p>First</p>", "<p>Second</p>", "<p>Third</p>");
        assertThat(draft.request().emailerSteps()).extracting(EmailerStep::waitTime).containsExactly(0, 2, 4);
    }

    @Test
    void reports_a_gap_in_the_step_numbers() throws IOException {
        SequenceDraft draft = csv("""
                sequence,Step,subject,body
                Q1,1,Hello,First
                Q1,3,,Third
                """);

        assertThat(draft.problems()).singleElement().satisfies(p -> {
            assertThat(p.rows()).containsExactly(2, 3);
            assertThat(p.column()).isEqualTo("Step");
            assertThat(p.message()).isEqualTo("skips step 2; number the steps 1, 2, 3… without gaps");
        });
    }

    @Test
    void reports_rows_without_a_step_number_when_other_rows_have_one() throws IOException {
        SequenceDraft draft = csv("""
                sequence,Step,subject,body
                Q1,1,Hello,First
                Q1,,,Lost
                Q1,2,,Second
                """);

        assertThat(draft.problems()).singleElement().satisfies(p -> {
            assertThat(p.rows()).containsExactly(3);
            assertThat(p.column()).isEqualTo("Step");
            assertThat(p.message()).startsWith("is empty, while other rows of this sequence number their steps");
        });
        assertThat(draft.request().emailerSteps()).hasSize(2);
    }

    @Test
    void reports_a_step_number_below_one() throws IOException {
        SequenceDraft draft = csv("""
                sequence,Step,subject,body
                Q1,0,Hello,First
                Q1,1,Hi,Second
                """);

        assertThat(draft.problems()).singleElement().satisfies(p -> {
            assertThat(p.rows()).containsExactly(2);
            assertThat(p.column()).isEqualTo("Step");
            assertThat(p.value()).isEqualTo("0");
            assertThat(p.message()).isEqualTo("must be 1 or more (step 1 is the first step)");
        });
    }

    @Test
    void reports_a_step_number_that_is_not_a_whole_number() throws IOException {
        SequenceDraft draft = csv("""
                sequence,Step,subject,body
                Q1,1,Hello,First
                Q1,two,,Second
                """);

        assertThat(draft.problems()).singleElement().satisfies(p -> {
            assertThat(p.rows()).containsExactly(3);
            assertThat(p.column()).isEqualTo("Step");
            assertThat(p.value()).isEqualTo("two");
            assertThat(p.message()).isEqualTo("must be a whole number");
        });
    }

    @Test
    void reports_rows_of_one_step_that_disagree_on_a_step_setting() throws IOException {
        SequenceDraft draft = csv("""
                sequence,step,wait_time,Priority,subject,body
                Q1,1,0,,Hello,First
                Q1,2,3,High,,Version A
                Q1,2,3,low,,Version B
                """);

        assertThat(draft.problems()).singleElement().satisfies(p -> {
            assertThat(p.rows()).containsExactly(3, 4);
            assertThat(p.column()).isEqualTo("Priority");
            assertThat(p.path()).isEqualTo("emailer_steps[1].priority");
            assertThat(p.value()).isEqualTo("low");
            assertThat(p.message()).isEqualTo("disagrees with row 3 ('High'); a step setting must be the same on"
                    + " every row of the step");
        });
    }

    @Test
    void takes_step_settings_from_a_row_without_email_content_without_adding_an_email_variant() throws IOException {
        SequenceDraft draft = csv("""
                sequence,step,wait_time,subject,body
                Q1,1,0,Hello,First
                Q1,2,3,,
                Q1,2,,,Follow-up
                """);

        assertThat(draft.problems()).isEmpty();
        EmailerStep second = draft.request().emailerSteps().get(1);
        assertThat(second.waitTime()).isEqualTo(3);
        assertThat(second.emailerTouches()).singleElement()
                .satisfies(t -> assertThat(t.emailerTemplate().bodyHtml()).isEqualTo("<p>Follow-up</p>"));
    }

    // ---- defaults ------------------------------------------------------------------------------

    @Test
    void fills_apollo_defaults_for_a_plain_email_row() throws IOException {
        SequenceDraft draft = csv("""
                sequence,subject,body
                Q1,Hello,First
                """);

        assertThat(draft.problems()).isEmpty();
        EmailerStep step = draft.request().emailerSteps().get(0);
        assertThat(step.type()).isEqualTo("auto_email");
        assertThat(step.waitMode()).isEqualTo("day");
        assertThat(step.waitTime()).isZero();
        EmailerTouch touch = step.emailerTouches().get(0);
        assertThat(touch.type()).isEqualTo("new_thread");
        assertThat(touch.status()).isEqualTo("approved");
        assertThat(touch.includeSignature()).isTrue();
    }

    @Test
    void leaves_the_wait_time_of_a_later_step_unset_for_validation_to_report() throws IOException {
        SequenceDraft draft = csv("""
                sequence,step,wait_time,subject,body
                Q1,1,,Hello,First
                Q1,2,,,Second
                """);

        assertThat(draft.problems()).isEmpty();
        assertThat(draft.request().emailerSteps()).extracting(EmailerStep::waitTime).containsExactly(0, null);
    }

    @Test
    void fills_every_missing_wait_time_with_zero_when_steps_run_at_exact_datetimes() throws IOException {
        SequenceDraft draft = csv("""
                sequence,sequence_by_exact_daytime,exact_datetime,subject,body
                Q1,yes,2030-01-06T09:00:00Z,Hello,First
                Q1,,2030-01-08T09:00:00Z,,Second
                """);

        assertThat(draft.problems()).isEmpty();
        assertThat(draft.request().sequenceByExactDaytime()).isTrue();
        assertThat(draft.request().emailerSteps()).extracting(EmailerStep::waitTime).containsExactly(0, 0);
        assertThat(draft.request().emailerSteps()).extracting(EmailerStep::exactDatetime)
                .containsExactly("2030-01-06T09:00:00Z", "2030-01-08T09:00:00Z");
    }

    @Test
    void reads_an_exported_date_time_without_offset_in_the_sources_time_zone() throws IOException {
        // what a spreadsheet's CSV export writes for a date-time cell, and an ISO time without an offset
        SequenceDraft draft = csvIn("Europe/Berlin", """
                sequence,sequence_by_exact_daytime,exact_datetime,subject,body
                Q1,yes,2030-01-07 09:00,Hello,First
                Q1,,2030-07-08T9:30,,Second
                Q1,,2030-07-09T09:00:00-04:00,,Third
                """);

        assertThat(draft.problems()).isEmpty();
        assertThat(draft.request().emailerSteps()).extracting(EmailerStep::exactDatetime)
                .containsExactly("2030-01-07T09:00:00+01:00", "2030-07-08T09:30:00+02:00", "2030-07-09T09:00:00-04:00");
    }

    @Test
    void refuses_a_step_time_the_clocks_skip_in_the_sources_time_zone() throws IOException {
        SequenceDraft draft = csvIn("Europe/Berlin", """
                sequence,sequence_by_exact_daytime,exact_datetime,subject,body
                Q1,yes,2026-03-29 02:30,Hello,First
                """);

        assertThat(draft.problems()).singleElement().satisfies(p -> {
            assertThat(p.column()).isEqualTo("exact_datetime");
            assertThat(p.rows()).containsExactly(2);
            assertThat(p.message()).isEqualTo("is not a time in Europe/Berlin (input.time-zone): on 2026-03-29 the"
                    + " clocks go forward from 02:00 to 03:00; write a time before 02:00, or from 03:00 on");
        });
    }

    @Test
    void keeps_values_given_instead_of_the_defaults() throws IOException {
        SequenceDraft draft = csv("""
                sequence,type,wait_time,wait_mode,touch_type,status,include_signature,subject,body
                Q1,Manual Email,2,Minutes,Reply To Thread,To Be Reviewed,no,Re: hello,Draft
                """);

        assertThat(draft.problems()).isEmpty();
        EmailerStep step = draft.request().emailerSteps().get(0);
        assertThat(step.type()).isEqualTo("manual_email");
        assertThat(step.waitTime()).isEqualTo(2);
        assertThat(step.waitMode()).isEqualTo("minute");
        EmailerTouch touch = step.emailerTouches().get(0);
        assertThat(touch.type()).isEqualTo("reply_to_thread");
        assertThat(touch.status()).isEqualTo("to_be_reviewed");
        assertThat(touch.includeSignature()).isFalse();
        assertThat(touch.emailerTemplate().subject()).isEqualTo("Re: hello");
    }

    // ---- touch type defaults -------------------------------------------------------------------

    @Test
    void starts_a_new_thread_on_the_first_email_and_replies_on_later_emails_without_a_subject() throws IOException {
        SequenceDraft draft = csv("""
                sequence,step,wait_time,subject,body
                Q1,1,0,Hello,First
                Q1,2,2,,Second
                Q1,3,4,A fresh start,Third
                """);

        assertThat(draft.problems()).isEmpty();
        List<EmailerStep> steps = draft.request().emailerSteps();
        assertThat(steps).extracting(s -> s.emailerTouches().get(0).type())
                .containsExactly("new_thread", "reply_to_thread", "new_thread");
        assertThat(steps).extracting(s -> s.emailerTouches().get(0).emailerTemplate().subject())
                .containsExactly("Hello", "", "A fresh start");
    }

    @Test
    void sends_an_empty_subject_on_a_reply_as_apollo_does() throws IOException {
        SequenceDraft draft = csv("""
                sequence,wait_time,subject,body
                Q1,0,Hello,First
                Q1,2,,Second
                """);

        String json = TestInputs.MAPPER.writeValueAsString(draft.request().emailerSteps().get(1));
        assertThat(json).contains("\"type\":\"reply_to_thread\"").contains("\"subject\":\"\"");
    }

    @Test
    void starts_a_new_thread_on_the_first_email_even_when_a_call_comes_before_it() throws IOException {
        SequenceDraft draft = csv("""
                sequence,type,wait_time,note,subject,body
                Q1,call,0,Ring them,,
                Q1,,1,,,Email without a subject
                """);

        assertThat(draft.problems()).isEmpty();
        EmailerTouch touch = draft.request().emailerSteps().get(1).emailerTouches().get(0);
        assertThat(touch.type()).isEqualTo("new_thread");
        // left null so validation can ask for the subject a new thread needs
        assertThat(touch.emailerTemplate().subject()).isNull();
    }

    @Test
    void starts_a_new_thread_on_the_first_email_even_when_a_linkedin_message_comes_before_it() throws IOException {
        SequenceDraft draft = csv("""
                sequence,type,wait_time,subject,body
                Q1,LinkedIn Step Message,0,,Nice to meet you
                Q1,auto_email,1,,Email without a subject
                """);

        EmailerTouch email = draft.request().emailerSteps().get(1).emailerTouches().get(0);
        assertThat(email.type()).isEqualTo("new_thread");
        assertThat(email.emailerTemplate().subject()).isNull();
    }

    @Test
    void turns_each_row_of_a_linkedin_message_step_into_a_message_without_an_email_thread_type() throws IOException {
        SequenceDraft draft = csv("""
                sequence,type,wait_time,subject,body
                Q1,auto_email,0,Hello,First email
                Q1,linkedin_step_message,1,,Nice to meet you
                """);

        assertThat(draft.problems()).isEmpty();
        EmailerTouch message = draft.request().emailerSteps().get(1).emailerTouches().get(0);
        assertThat(message.emailerTemplate().bodyHtml()).isEqualTo("<p>Nice to meet you</p>");
        assertThat(message.type()).isNull();
    }

    // ---- status --------------------------------------------------------------------------------

    @Test
    void approves_an_email_with_a_body_when_no_status_is_given() throws IOException {
        EmailerTouch touch = csv("sequence,subject,body\nQ1,Hello,Hi there\n")
                .request().emailerSteps().get(0).emailerTouches().get(0);

        assertThat(touch.status()).isEqualTo("approved");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "<p></p>", "<p>&nbsp;</p>"})
    void creates_an_email_without_visible_body_as_a_draft_and_says_so(String body) throws IOException {
        SequenceDraft draft = csv("sequence,subject,Body\nQ1,Hello," + body + "\n");

        assertThat(draft.problems()).isEmpty();
        assertThat(draft.request().emailerSteps().get(0).emailerTouches().get(0).status()).isNull();
        assertThat(draft.notes()).singleElement().satisfies(note -> {
            assertThat(note.rows()).containsExactly(2);
            assertThat(note.column()).isEqualTo("Body");
            assertThat(note.message()).startsWith("is empty, so this email is created as a draft");
        });
    }

    /** Copies out of web pages and chat tools leave characters that draw nothing; they are no body. */
    @ParameterizedTest
    @ValueSource(strings = {"\u200B", "<p>\u200B</p>", "<p>\u2060\uFEFF</p>", "<p>&nbsp;\u200B<br></p>",
            "<p>\u202F</p>"})
    void creates_an_email_whose_body_is_only_zero_width_characters_as_a_draft(String body) throws IOException {
        SequenceDraft draft = csv("sequence,subject,Body\nQ1,Hello," + body + "\n");

        assertThat(draft.request().emailerSteps().get(0).emailerTouches().get(0).status()).isNull();
        assertThat(draft.notes()).singleElement()
                .satisfies(note -> assertThat(note.message()).startsWith("is empty, so this email is created as a draft"));
    }

    @Test
    void does_not_promise_a_draft_for_a_row_that_is_not_created_at_all() throws IOException {
        SequenceDraft draft = csv("sequence,Active,subject,Body\nQ1,maybe,Hello,\n");

        assertThat(draft.problems()).singleElement().satisfies(p -> assertThat(p.column()).isEqualTo("Active"));
        assertThat(draft.notes()).isEmpty();
    }

    @Test
    void keeps_an_explicit_status_on_an_email_without_body_for_validation_to_judge() throws IOException {
        SequenceDraft draft = csv("sequence,subject,body,status\nQ1,Hello,,Approved\n");

        assertThat(draft.request().emailerSteps().get(0).emailerTouches().get(0).status()).isEqualTo("approved");
        assertThat(draft.notes()).isEmpty();
    }

    // ---- day column ----------------------------------------------------------------------------

    @Test
    void converts_days_since_enrolment_into_waits_between_steps() throws IOException {
        SequenceDraft draft = csv("""
                sequence,step,Day,subject,body
                Q1,1,0,Hello,First
                Q1,2,3,,Second
                Q1,3,7,,Third
                """);

        assertThat(draft.problems()).isEmpty();
        assertThat(draft.request().emailerSteps()).extracting(EmailerStep::waitTime).containsExactly(0, 3, 4);
        assertThat(draft.request().emailerSteps()).extracting(EmailerStep::waitMode)
                .containsExactly("day", "day", "day");
    }

    @Test
    void reads_the_day_of_an_ab_step_from_any_of_its_rows() throws IOException {
        SequenceDraft draft = csv("""
                sequence,step,day,subject,body
                Q1,1,1,Hello,First
                Q1,2,,,Version A
                Q1,2,4,,Version B
                """);

        assertThat(draft.problems()).isEmpty();
        assertThat(draft.request().emailerSteps()).extracting(EmailerStep::waitTime).containsExactly(1, 3);
    }

    @Test
    void reports_days_that_go_back_in_time() throws IOException {
        SequenceDraft draft = csv("""
                sequence,step,Day,subject,body
                Q1,1,0,Hello,First
                Q1,2,5,,Second
                Q1,3,3,,Third
                """);

        assertThat(draft.problems()).singleElement().satisfies(p -> {
            assertThat(p.rows()).containsExactly(4);
            assertThat(p.column()).isEqualTo("Day");
            assertThat(p.path()).isEqualTo("emailer_steps[2].wait_time");
            assertThat(p.value()).isEqualTo("3");
            assertThat(p.message()).startsWith("goes back in time: step 3 is on day 3 but the step before it is on day 5");
        });
    }

    @Test
    void reports_a_step_with_both_day_and_wait_time() throws IOException {
        SequenceDraft draft = csv("""
                sequence,step,day,Wait Time,subject,body
                Q1,1,0,,Hello,First
                Q1,2,3,3,,Second
                """);

        assertThat(draft.problems()).singleElement().satisfies(p -> {
            assertThat(p.rows()).containsExactly(3);
            assertThat(p.column()).isEqualTo("Wait Time");
            assertThat(p.path()).isEqualTo("emailer_steps[1].wait_time");
            assertThat(p.value()).isEqualTo("3");
            assertThat(p.message()).startsWith("is set, but this sequence uses the day column");
        });
    }

    @Test
    void reports_a_step_missing_its_day_when_the_sequence_uses_days() throws IOException {
        SequenceDraft draft = csv("""
                sequence,step,Day,subject,body
                Q1,1,0,Hello,First
                Q1,2,,,Second
                Q1,3,7,,Third
                """);

        assertThat(draft.problems()).singleElement().satisfies(p -> {
            assertThat(p.rows()).containsExactly(3);
            assertThat(p.column()).isEqualTo("Day");
            assertThat(p.path()).isEqualTo("emailer_steps[1].wait_time");
            assertThat(p.message()).isEqualTo("is empty; this sequence uses the day column, so every step needs its day");
        });
        assertThat(draft.request().emailerSteps()).extracting(EmailerStep::waitTime).containsExactly(0, 0, 7);
    }

    @Test
    void reports_a_wait_mode_other_than_day_when_the_sequence_uses_days() throws IOException {
        SequenceDraft draft = csv("""
                sequence,step,day,Wait Mode,subject,body
                Q1,1,0,,Hello,First
                Q1,2,2,hours,,Second
                """);

        assertThat(draft.problems()).singleElement().satisfies(p -> {
            assertThat(p.rows()).containsExactly(3);
            assertThat(p.column()).isEqualTo("Wait Mode");
            assertThat(p.path()).isEqualTo("emailer_steps[1].wait_mode");
            assertThat(p.value()).as("quoted as written").isEqualTo("hours");
            assertThat(p.message()).isEqualTo("must be day (or empty) when the sequence uses the day column");
        });
    }

    // ---- non-email steps -----------------------------------------------------------------------

    @Test
    void gives_call_and_action_item_steps_no_emails() throws IOException {
        SequenceDraft draft = csv("""
                sequence,type,wait_time,priority,note,subject,body
                Q1,Auto Email,0,,,Hello,First
                Q1,Call,1,High,Ring about the email,,
                Q1,action-item,2,,Connect on LinkedIn,,
                """);

        assertThat(draft.problems()).isEmpty();
        List<EmailerStep> steps = draft.request().emailerSteps();
        assertThat(steps).extracting(EmailerStep::type).containsExactly("auto_email", "call", "action_item");
        assertThat(steps.get(1).emailerTouches()).isNull();
        assertThat(steps.get(1).priority()).isEqualTo("high");
        assertThat(steps.get(1).note()).isEqualTo("Ring about the email");
        assertThat(steps.get(2).emailerTouches()).isNull();
        assertThat(steps.get(2).note()).isEqualTo("Connect on LinkedIn");
    }

    @Test
    void a_step_without_email_names_the_subject_and_body_columns() throws IOException {
        SequenceDraft draft = csv("""
                sequence,step,Type,wait_time,Subject,Body
                Q1,1,,0,Hello,First
                Q1,2,manual email,3,,
                """);

        assertThat(draft.problems()).singleElement().satisfies(p -> {
            assertThat(p.rows()).containsExactly(3);
            assertThat(p.column()).isEqualTo("Body");
            assertThat(p.path()).isEqualTo("emailer_steps[1].emailer_touches");
            assertThat(p.message()).isEqualTo("is empty, and so is \"Subject\", but step 2 is an email step"
                    + " (manual_email), which needs an email: write its subject and body there (a reply needs only"
                    + " the body), or set \"Type\" to a step that sends no email, such as call or action_item");
        });
    }

    @Test
    void a_misspelt_step_type_is_left_to_the_list_of_types_not_called_a_step_without_email() throws IOException {
        SequenceDraft draft = csv("""
                sequence,Type,wait_time,subject,body
                Q1,Auto Emial,0,Hello,First
                """);

        // "is a step that sends no email" would send the user looking for a type that does not exist;
        // validation names the types there are
        assertThat(draft.problems()).isEmpty();
        assertThat(draft.request().emailerSteps()).extracting(EmailerStep::type).containsExactly("auto_emial");
    }

    @Test
    void reports_subject_and_body_on_a_call_step_instead_of_dropping_them() throws IOException {
        SequenceDraft draft = csv("""
                sequence,Type,wait_time,subject,body
                Q1,,0,Hello,First
                Q1,Call,1,Call script,Ask about budget
                """);

        assertThat(draft.problems()).singleElement().satisfies(p -> {
            assertThat(p.rows()).containsExactly(3);
            assertThat(p.column()).isEqualTo("Type");
            assertThat(p.path()).isEqualTo("emailer_steps[1].type");
            assertThat(p.value()).as("quoted as written").isEqualTo("Call");
            assertThat(p.message()).isEqualTo("is a step that sends no email, so the text under \"subject\" and"
                    + " \"body\" would be lost; move it to \"note\", or change the type to auto_email");
        });
        assertThat(draft.isInvalid()).isTrue();
    }

    @Test
    void reports_a_body_on_an_action_item_step() throws IOException {
        SequenceDraft draft = csv("""
                sequence,step,Type,subject,body
                Q1,1,action_item,,Look them up
                """);

        assertThat(draft.problems()).singleElement().satisfies(p -> {
            assertThat(p.rows()).containsExactly(2);
            assertThat(p.path()).isEqualTo("emailer_steps[0].type");
            assertThat(p.value()).isEqualTo("action_item");
        });
        assertThat(draft.request().emailerSteps().get(0).emailerTouches()).isNull();
    }

    /**
     * A checkbox column (Google Sheets, Excel's Insert &gt; Checkbox) gives every row TRUE or FALSE: on a
     * call row the include_signature box is simply left unchecked. A call has no signature to leave out,
     * so nothing would be lost; a checked box there still says an email was meant.
     */
    @Test
    void takes_an_unchecked_include_signature_box_on_a_call_step_for_no_email() throws IOException {
        SequenceDraft draft = csv("""
                sequence,step,type,wait_time,subject,body,include_signature
                Q1,1,auto_email,0,Hello,First,TRUE
                Q1,2,call,1,,,FALSE
                Q1,3,auto_email,2,,Second,FALSE
                """);

        assertThat(draft.problems()).isEmpty();
        assertThat(draft.request().emailerSteps()).extracting(EmailerStep::type)
                .containsExactly("auto_email", "call", "auto_email");
        assertThat(draft.request().emailerSteps().get(1).emailerTouches()).isNull();
        assertThat(draft.request().emailerSteps().get(2).emailerTouches())
                .extracting(touch -> touch.includeSignature()).containsExactly(false);

        SequenceDraft checked = csv("""
                sequence,step,type,wait_time,subject,body,include_signature
                Q1,1,call,0,,,TRUE
                """);
        assertThat(checked.problems()).singleElement().satisfies(p -> assertThat(p.message())
                .startsWith("is a step that sends no email, so the text under \"include_signature\" would be lost"));
    }

    // ---- empty cells ---------------------------------------------------------------------------

    @Test
    void treats_empty_cells_as_unset_and_leaves_them_out_of_the_json() throws IOException {
        SequenceDraft draft = csv("""
                sequence,permissions,active,labels,emailer_schedule_id,max_emails_per_day,priority,note,exact_datetime,subject,body
                Q1,, ,,,,,  ,,Hello,
                """);

        assertThat(draft.problems()).isEmpty();
        SequenceRequest request = draft.request();
        assertThat(request.permissions()).isNull();
        assertThat(request.active()).isNull();
        assertThat(request.labelNames()).isNull();
        assertThat(request.emailerSteps().get(0).note()).isNull();
        assertThat(request.emailerSteps().get(0).emailerTouches().get(0).emailerTemplate().bodyHtml()).isNull();
        String json = TestInputs.MAPPER.writeValueAsString(request);
        assertThat(json).doesNotContain("\"permissions\"", "\"active\"", "\"label_names\"", "\"emailer_schedule_id\"",
                "\"max_emails_per_day\"", "\"priority\"", "\"note\"", "\"exact_datetime\"", "\"body_html\"",
                "\"id\"", "\"attachment_ids\"");
        assertThat(json).contains("\"name\":\"Q1\"", "\"subject\":\"Hello\"", "\"wait_mode\":\"day\"");
    }

    @Test
    void treats_a_list_cell_of_only_separators_as_unset() throws IOException {
        SequenceDraft draft = csv("""
                sequence,labels,subject,body
                Q1, ; | ,Hello,First
                """);

        assertThat(draft.problems()).isEmpty();
        assertThat(draft.request().labelNames()).isNull();
        assertThat(json(draft.request())).doesNotContain("label_names");
    }

    // ---- email bodies through the CSV reader ---------------------------------------------------

    @Test
    void turns_a_multi_line_body_cell_with_windows_line_endings_into_paragraphs() throws IOException {
        SequenceDraft draft = csv("sequence,subject,body\n"
                + "Q1,Hello,\"Hi {{first_name}},\r\n\r\nWe'd love 5 minutes & a coffee.\r\nSam\"\n");

        assertThat(draft.request().emailerSteps().get(0).emailerTouches().get(0).emailerTemplate().bodyHtml())
                .isEqualTo("<p>Hi {{first_name}},</p><p>We'd love 5 minutes &amp; a coffee.<br>Sam</p>");
    }

    // ---- problem locations and rendering -------------------------------------------------------

    @Test
    void renders_a_problem_with_file_rows_user_header_path_and_value() throws IOException {
        Path file = TestInputs.write(dir, "x.csv", """
                Sequence,Step,Wait Time,Wait Mode,Subject,Body
                Q3,1,0,,Hello,First
                Q3,,,,,
                Q3,2,2,day,,Version A
                Q3,2,2,hours,,Version B
                """);
        SequenceCandidate candidate = TestInputs.candidates(file).get(0);
        SequenceDraft draft = mapper.map(candidate);

        assertThat(draft.problems()).singleElement().satisfies(p -> {
            assertThat(p.rows()).containsExactly(4, 5);
            assertThat(p.column()).isEqualTo("Wait Mode");
            assertThat(p.path()).isEqualTo("emailer_steps[1].wait_mode");
            assertThat(p.render(candidate.file())).isEqualTo("x.csv rows 4-5, column \"Wait Mode\""
                    + " (emailer_steps[1].wait_mode): disagrees with row 4 ('day'); a step setting must be the same"
                    + " on every row of the step — got 'hours'");
        });
    }

    @Test
    void renders_a_problem_on_a_single_row() throws IOException {
        Path file = TestInputs.write(dir, "q1.csv", """
                sequence,Include Signature,subject,body
                Q1,sometimes,Hello,First
                """);
        SequenceCandidate candidate = TestInputs.candidates(file).get(0);

        assertThat(mapper.map(candidate).problems()).singleElement()
                .satisfies(p -> assertThat(p.render(candidate.file())).isEqualTo("q1.csv row 2, column"
                        + " \"Include Signature\" (emailer_steps[0].emailer_touches[0].include_signature): must be"
                        + " true or false (yes/no, y/n and 1/0 work too) — got 'sometimes'"));
    }

    @Test
    void numbers_rows_as_the_spreadsheet_shows_them_counting_blank_lines() throws IOException {
        SequenceDraft draft = csv("""
                sequence,step,Active,subject,body
                Q1,1,yes,Hello,First

                Q1,2,maybe,,Second
                """);

        assertThat(draft.problems()).singleElement().satisfies(p -> {
            assertThat(p.rows()).containsExactly(4);
            assertThat(p.column()).isEqualTo("Active");
        });
    }

    @Test
    void reports_a_row_with_more_cells_than_the_header() throws IOException {
        SequenceDraft draft = csv("""
                sequence,subject,body
                Q1,Hello,First,stray
                """);

        assertThat(draft.problems()).singleElement().satisfies(p -> {
            assertThat(p.rows()).containsExactly(2);
            assertThat(p.value()).isEqualTo("stray");
            assertThat(p.message()).startsWith("has 4 cells but the header has 3 columns, so cell 4 has no column");
        });
    }

    @Test
    void reports_a_value_under_an_empty_header_cell_instead_of_dropping_it() throws IOException {
        // Google Sheets downloads end the header with an empty cell when a column right of the data was touched
        SequenceDraft draft = csv("""
                sequence,step,subject,body,
                Q1,1,Hello,First,PS: mention the webinar
                Q1,2,,Second,
                """);

        assertThat(draft.problems()).singleElement().satisfies(p -> {
            assertThat(p.rows()).containsExactly(2);
            assertThat(p.value()).isEqualTo("PS: mention the webinar");
            assertThat(p.message()).isEqualTo("cell 5 has a value, but there is no header above it; give the column a"
                    + " header or clear the cell");
        });
    }

    @Test
    void refuses_a_spreadsheet_error_a_csv_export_wrote_in_place_of_a_value() throws IOException {
        // Excel and Google Sheets export a formula showing an error as its text; sent, it would be the subject
        SequenceDraft draft = csv("""
                sequence,step,wait_time,subject,body
                Q1,1,0,#N/A,Hello
                Q1,2,#VALUE!,,Again
                """);

        assertThat(draft.problems()).hasSize(2).allSatisfy(p -> assertThat(p.message()).endsWith(", which the export"
                + " wrote in place of a value; fix the formula or type the value, and export the file again"));
        assertThat(draft.problems()).extracting(Problem::rows, Problem::column).containsExactly(
                tuple(List.of(2), "subject"),
                tuple(List.of(3), "wait_time"));
        assertThat(draft.problems().get(0).message()).startsWith("shows the spreadsheet error #N/A");
    }

    @Test
    void ignores_a_spreadsheet_error_in_a_column_it_does_not_read() throws IOException {
        // a lookup helper beside the plan: its column is named once as ignored, and its #N/A blocks nothing
        SequenceDraft draft = csv("""
                sequence,step,subject,body,Owner lookup
                Q1,1,Hello,First,#N/A
                """);

        assertThat(draft.problems()).isEmpty();
        assertThat(draft.request().emailerSteps().get(0).emailerTouches().get(0).emailerTemplate().subject())
                .isEqualTo("Hello");
    }

    @Test
    void ignores_a_formula_error_in_a_workbook_column_it_does_not_read() throws IOException {
        Path file = TestWorkbooks.xlsx(dir, "plan.xlsx", new Object[] {"sequence", "step", "subject", "body", "Owner lookup"},
                new Object[] {"Q1", 1, "Hello", "First", Formula.saved("NA()")},
                new Object[] {"Q1", 2, "", Formula.saved("1/0"), Formula.saved("NA()")});

        SequenceDraft draft = only(mapAll(file));

        // the error in the body, a column it reads, is still the row's problem
        assertThat(draft.problems()).extracting(Problem::rows, Problem::column)
                .containsExactly(tuple(List.of(3), "body"));
    }

    @Test
    void does_not_judge_the_text_of_columns_it_does_not_read() throws IOException {
        // a pasted log in a notes column, control character and all: never sent, so nothing to fix
        Path file = dir.resolve("bom.csv");
        Files.write(file, ("\uFEFFsequence,step,subject,body,Notes\r\nQ1,1,Hello,Hi,see log\u0007 "
                + "x".repeat(120_000) + "\r\n").getBytes(StandardCharsets.UTF_8));
        Path json = TestInputs.write(dir, "rows.json", """
                [{"sequence": "J1", "subject": "Hi", "body": "Hello", "notes": "bell\\u0007", "tags": ["e\\u001bsc"]}]
                """);

        assertThat(mapper.map(TestInputs.candidates(file).get(0)).problems()).isEmpty();
        assertThat(only(mapAll(json)).problems()).isEmpty();
    }

    @Test
    void ignores_an_invisible_blank_under_an_empty_header_cell() throws IOException {
        SequenceDraft draft = csv("""
                sequence,step,subject,body,
                Q1,1,Hello,First,\u00A0
                """);

        assertThat(draft.problems()).isEmpty();
    }

    @Test
    void reads_text_that_only_looks_like_a_spreadsheet_error_as_text() throws IOException {
        // LibreOffice's error codes are Err:5xx; "Err:404" is text someone typed
        SequenceDraft draft = csv("""
                sequence,step,subject,body
                Q1,1,Err:404,Page not found? #NoProblem
                """);

        assertThat(draft.problems()).isEmpty();
        assertThat(draft.request().emailerSteps().get(0).emailerTouches().get(0).emailerTemplate().subject())
                .isEqualTo("Err:404");
    }

    // ---- text only ------------------------------------------------------------------------------

    @Test
    void rejects_a_control_character_in_a_cell_of_a_file_with_a_byte_order_mark() throws IOException {
        // a byte-order mark tells the reader the file is text, so the cell is judged on its own
        Path file = dir.resolve("bom.csv");
        Files.write(file, ("\uFEFFsequence,step,subject,body\r\nQ1,1,Hello,bo\u0000dy\r\n").getBytes(StandardCharsets.UTF_8));
        SequenceCandidate candidate = TestInputs.candidates(file).get(0);

        assertThat(mapper.map(candidate).problems()).singleElement().satisfies(p -> {
            assertThat(p.rows()).containsExactly(2);
            assertThat(p.column()).isEqualTo("body");
            assertThat(p.value()).isNull();
            assertThat(p.render(candidate.file())).isEqualTo("bom.csv row 2, column \"body\": holds the control"
                    + " character U+0000 at character 3, which is not text and cannot go into an email; it usually"
                    + " comes from a copy out of another program: delete it");
        });
    }

    @Test
    void a_cell_refused_for_a_character_is_told_once_and_not_read_for_a_value() throws IOException {
        Path file = dir.resolve("bom.csv");
        Files.write(file, ("\uFEFFsequence,step,type,wait_time,subject,body\r\nQ1,1,,0,Hello,Hi\r\n"
                + "Q1,2,auto_email\u0007,3\u0001,,Again\r\n").getBytes(StandardCharsets.UTF_8));

        SequenceDraft draft = mapper.map(TestInputs.candidates(file).get(0));

        // not also "must be a whole number", nor a type that validation would quote with the character in it
        assertThat(draft.problems()).extracting(Problem::rows, Problem::column).containsExactly(
                tuple(List.of(3), "type"), tuple(List.of(3), "wait_time"));
        assertThat(draft.problems()).allSatisfy(p -> assertThat(p.message()).startsWith("holds the control character"));
        assertThat(draft.request().emailerSteps().get(1).type()).isEqualTo("auto_email");
        assertThat(draft.request().emailerSteps().get(1).waitTime()).isNull();
    }

    @Test
    void quotes_the_type_it_read_not_an_earlier_cell_it_refused() throws IOException {
        // step 2's first row holds a type with a stray character, its second the type that was read
        Path file = dir.resolve("bom.csv");
        Files.write(file, ("\uFEFFsequence,step,type,subject,body\r\nQ1,1,,Hello,Hi\r\n"
                + "Q1,2,call\u0007,,\r\nQ1,2,Call,Follow up,Checking in\r\n").getBytes(StandardCharsets.UTF_8));

        SequenceDraft draft = mapper.map(TestInputs.candidates(file).get(0));

        assertThat(draft.problems()).extracting(Problem::rows, Problem::value).containsExactly(
                tuple(List.of(3), null), tuple(List.of(4), "Call"));
        assertThat(draft.problems().get(1).message()).startsWith("is a step that sends no email");
    }

    @Test
    void rejects_a_replacement_character_left_by_an_earlier_conversion() throws IOException {
        // the rocket is one character to a person, two to Java
        SequenceDraft draft = csv("sequence,subject,body\nQ1,\uD83D\uDE80 Caf\uFFFD,Hi\n");

        assertThat(draft.problems()).singleElement().satisfies(p -> {
            assertThat(p.column()).isEqualTo("subject");
            assertThat(p.message()).startsWith("holds the replacement character U+FFFD (\uFFFD) at character 6");
        });
    }

    @Test
    void rejects_control_characters_and_half_characters_in_json_rows_and_their_lists() throws IOException {
        Path file = TestInputs.write(dir, "rows.json", """
                [{"sequence": "J1", "subject": "s\\u0007x", "body": "b\\ud800x", "labels": ["ok", "e\\u001bsc"]}]
                """);

        SequenceDraft draft = only(mapAll(file));

        assertThat(draft.problems()).extracting(Problem::column, Problem::message)
                .anySatisfy(p -> assertThat(p.toList()).containsExactly("subject",
                        "holds the control character U+0007 at character 2, which is not text and cannot go into an"
                        + " email; it usually comes from a copy out of another program: delete it"))
                .anySatisfy(p -> assertThat(p.toList()).containsExactly("body",
                        "holds half of a character (the unpaired surrogate U+D800) at character 2; retype the text"
                        + " around it"))
                .anySatisfy(p -> assertThat((String) p.toList().get(1)).startsWith("holds the control character U+001B"));
    }

    @Test
    void trims_invisible_blanks_from_an_apollo_shaped_name_as_from_a_spreadsheet_cell() throws IOException {
        Path file = TestInputs.write(dir, "apollo-name.json", """
                [{"name": "Q3 launch\\u00A0", "permissions": "team_can_use", "emailer_steps": [{"type": "call",
                  "wait_time": 0, "wait_mode": "day"}]}]
                """);

        SequenceDraft draft = only(mapAll(file));

        assertThat(draft.name()).isEqualTo("Q3 launch");
        assertThat(draft.request().name()).isEqualTo("Q3 launch");
    }

    @Test
    void rejects_a_control_character_in_an_apollo_shaped_sequence_naming_its_path() throws IOException {
        Path file = TestInputs.write(dir, "apollo.json", """
                [{"name": "Shaped", "permissions": "team_can_use", "emailer_steps": [{"type": "auto_email",
                  "wait_time": 0, "wait_mode": "day", "emailer_touches": [{"type": "new_thread",
                  "emailer_template": {"subject": "Hi", "body_html": "<p>a\\u0000b</p>"}}]}]}]
                """);

        SequenceDraft draft = only(mapAll(file));

        assertThat(draft.isInvalid()).isTrue();
        assertThat(draft.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("emailer_steps[0].emailer_touches[0].emailer_template.body_html");
            assertThat(p.message()).startsWith("holds the control character U+0000 at character 5");
        });
    }

    @Test
    void accepts_tabs_line_breaks_emoji_and_accents() throws IOException {
        SequenceDraft draft = csv("sequence,subject,body\nQ1,Caf\u00e9 \u2615,\"Hi\tthere\r\n\uD83D\uDE80 go\"\n");

        assertThat(draft.problems()).isEmpty();
    }

    // ---- locator -------------------------------------------------------------------------------

    @Test
    void locates_the_emails_of_a_step_on_its_rows_and_the_users_step_header() throws IOException {
        SequenceDraft draft = csv("""
                Sequence,Position,Subject,Body
                Q1,1,Hello,Body A
                Q1,1,Hi,Body B
                """);

        // two rows with one step number are what makes an A/B test: the step column is where to look
        assertThat(draft.locator().locate("emailer_steps[0].emailer_touches"))
                .isEqualTo(new SourceLocator.Location(List.of(2, 3), "Position"));
    }

    @Test
    void locates_a_touch_field_on_its_row_and_the_users_body_header() throws IOException {
        SequenceDraft draft = csv("""
                sequence,step,Subject Line,BODY
                Q1,1,Hello,First
                Q1,2,,Version A
                Q1,2,,Version B
                """);

        assertThat(draft.locator().locate("emailer_steps[1].emailer_touches[0].emailer_template.body_html"))
                .isEqualTo(new SourceLocator.Location(List.of(3), "BODY", "Version A"));
        assertThat(draft.locator().locate("emailer_steps[1].emailer_touches[1].emailer_template.body_html"))
                .isEqualTo(new SourceLocator.Location(List.of(4), "BODY", "Version B"));
    }

    @Test
    void locates_a_touch_field_whose_cell_is_empty_by_the_header_of_its_column() throws IOException {
        SequenceDraft draft = csv("""
                sequence,step,Subject,Body
                Q1,1,,First
                """);

        assertThat(draft.locator().locate("emailer_steps[0].emailer_touches[0].emailer_template.subject"))
                .isEqualTo(new SourceLocator.Location(List.of(2), "Subject"));
    }

    @Test
    void locates_a_step_field_on_all_rows_of_the_step() throws IOException {
        SequenceDraft draft = csv("""
                sequence,Step,Wait Mode,subject,body
                Q1,1,,Hello,First
                Q1,2,weeks,,Version A
                Q1,2,,,Version B
                """);

        assertThat(draft.locator().locate("emailer_steps[1].wait_mode"))
                .isEqualTo(new SourceLocator.Location(List.of(3, 4), "Wait Mode", "weeks"));
        assertThat(draft.locator().locate("emailer_steps[1]"))
                .isEqualTo(new SourceLocator.Location(List.of(3, 4), null));
    }

    @Test
    void locates_a_sequence_field_on_the_rows_where_its_column_is_filled() throws IOException {
        SequenceDraft draft = csv("""
                sequence,step,Label Names,subject,body
                Q1,1,,Hello,First
                Q1,2,Inbound,,Second
                Q1,3,Inbound,,Third
                """);

        assertThat(draft.locator().locate("label_names"))
                .isEqualTo(new SourceLocator.Location(List.of(3, 4), "Label Names", "Inbound"));
    }

    @Test
    void locates_a_sequence_field_without_a_column_on_every_row_under_its_documented_column_name()
            throws IOException {
        SequenceDraft draft = csv("""
                sequence,step,subject,body
                Q1,1,Hello,First
                Q1,2,,Second
                """);

        assertThat(draft.locator().locate("emailer_schedule_id"))
                .isEqualTo(new SourceLocator.Location(List.of(2, 3), "schedule_id"));
    }

    @Test
    void locates_the_whole_request_on_every_row_without_a_column() throws IOException {
        SequenceDraft draft = csv("""
                sequence,step,subject,body
                Q1,1,Hello,First
                Q1,2,,Second
                """);

        assertThat(draft.locator().locate("")).isEqualTo(new SourceLocator.Location(List.of(2, 3), null));
        assertThat(draft.locator().locate("emailer_steps"))
                .isEqualTo(new SourceLocator.Location(List.of(2, 3), null));
    }

    @Test
    void locates_the_wait_time_on_the_day_column_when_the_sequence_uses_days() throws IOException {
        SequenceDraft draft = csv("""
                sequence,step,DAY,subject,body
                Q1,1,0,Hello,First
                Q1,2,3,,Second
                """);

        assertThat(draft.locator().locate("emailer_steps[1].wait_time"))
                .isEqualTo(new SourceLocator.Location(List.of(3), "DAY"));
    }

    @Test
    void locates_the_wait_time_on_the_wait_time_column_otherwise() throws IOException {
        SequenceDraft draft = csv("""
                sequence,step,Wait Time,subject,body
                Q1,1,0,Hello,First
                Q1,2,,,Second
                """);

        assertThat(draft.locator().locate("emailer_steps[1].wait_time"))
                .isEqualTo(new SourceLocator.Location(List.of(3), "Wait Time"));
    }

    // ---- flat JSON rows ------------------------------------------------------------------------

    @Test
    void maps_flat_json_rows_like_csv_rows() throws IOException {
        List<SequenceDraft> drafts = mapAll(TestInputs.copy("inputs/flat-rows.json", dir));

        assertThat(drafts).singleElement().satisfies(draft -> {
            assertThat(draft.problems()).isEmpty();
            SequenceRequest request = draft.request();
            assertThat(request.name()).isEqualTo("Flat JSON");
            assertThat(request.labelNames()).containsExactly("Inbound", "Flat");
            assertThat(request.active()).isTrue();
            List<EmailerStep> steps = request.emailerSteps();
            assertThat(steps).extracting(EmailerStep::waitTime).containsExactly(0, 2);
            assertThat(steps).extracting(EmailerStep::waitMode).containsExactly("minute", "day");
            assertThat(steps.get(0).emailerTouches()).singleElement().satisfies(t -> {
                assertThat(t.type()).isEqualTo("new_thread");
                assertThat(t.emailerTemplate().subject()).isEqualTo("Hello {{first_name}}");
                assertThat(t.emailerTemplate().bodyHtml()).isEqualTo("<p>Hi {{first_name}}</p>");
            });
            assertThat(steps.get(1).emailerTouches()).singleElement().satisfies(t -> {
                assertThat(t.type()).isEqualTo("reply_to_thread");
                assertThat(t.emailerTemplate().bodyHtml()).isEqualTo("<p>Following up</p>");
            });
        });
    }

    @Test
    void locates_flat_json_fields_by_element_number_and_key() throws IOException {
        SequenceDraft draft = mapAll(TestInputs.copy("inputs/flat-rows.json", dir)).get(0);

        assertThat(draft.locator().locate("emailer_steps[1].emailer_touches[0].emailer_template.body_html"))
                .isEqualTo(new SourceLocator.Location(List.of(2), "body", "Following up"));
        assertThat(draft.locator().locate("label_names"))
                .isEqualTo(new SourceLocator.Location(List.of(1), "labels"));
    }

    @Test
    void reads_camel_case_keys_of_flat_json_as_the_columns_they_name() throws IOException {
        // as a script's JSON.stringify writes them
        SequenceDraft draft = only(mapAll(TestInputs.write(dir, "rows.json", """
                [{"sequenceName": "Q1", "step": 1, "waitTime": 0, "waitMode": "minute", "subject": "Hello", "body": "First"},
                 {"sequenceName": "Q1", "step": 2, "waitTime": 3, "waitMode": "day", "body": "Second", "includeSignature": false}]
                """)));

        assertThat(draft.problems()).isEmpty();
        assertThat(draft.request().name()).isEqualTo("Q1");
        assertThat(draft.request().emailerSteps()).extracting(EmailerStep::waitTime, EmailerStep::waitMode)
                .containsExactly(tuple(0, "minute"), tuple(3, "day"));
        assertThat(draft.request().emailerSteps().get(1).emailerTouches().get(0).includeSignature()).isFalse();
        assertThat(draft.locator().locate("emailer_steps[1].wait_time"))
                .isEqualTo(new SourceLocator.Location(List.of(2), "waitTime", "3"));
    }

    @Test
    void reads_a_semicolon_separated_string_as_a_list_in_flat_json() throws IOException {
        SequenceDraft draft = only(mapAll(TestInputs.write(dir, "rows.json", """
                [{"sequence": "Q1", "label_names": "Inbound; Q1", "subject": "Hello", "body": "First"}]
                """)));

        assertThat(draft.problems()).isEmpty();
        assertThat(draft.request().labelNames()).containsExactly("Inbound", "Q1");
    }

    @Test
    void keeps_each_item_of_a_json_array_as_one_list_entry() throws IOException {
        SequenceDraft draft = only(mapAll(TestInputs.write(dir, "rows.json", """
                [{"sequence": "Q1", "labels": ["R&D; Platform", "EMEA|APAC"], "subject": "Hello", "body": "First"}]
                """)));

        assertThat(draft.request().labelNames()).containsExactly("R&D; Platform", "EMEA|APAC");
    }

    @Test
    void skips_null_items_of_a_json_list_and_keeps_numbers_and_booleans_as_text() throws IOException {
        SequenceDraft draft = only(mapAll(TestInputs.write(dir, "rows.json", """
                [{"sequence": "Q1", "labels": ["Outbound", null, 7, true], "subject": "Hello", "body": "First"}]
                """)));

        assertThat(draft.problems()).isEmpty();
        assertThat(draft.request().labelNames()).containsExactly("Outbound", "7", "true");
    }

    @Test
    void rejects_an_object_inside_a_json_list_naming_the_field() throws IOException {
        SequenceDraft draft = only(mapAll(TestInputs.write(dir, "rows.json", """
                [{"sequence": "Q1", "labels": ["Outbound", null, {"x": 1}, 7], "subject": "Hello", "body": "First"}]
                """)));

        assertThat(draft.isInvalid()).isTrue();
        assertThat(draft.problems()).singleElement().satisfies(p -> {
            assertThat(p.rows()).containsExactly(1);
            assertThat(p.column()).isEqualTo("labels");
            assertThat(p.value()).isEqualTo("{\"x\":1}");
            assertThat(p.message()).isEqualTo("must be a list of texts, but item 3 is an object; write each entry as"
                    + " text, or remove it");
        });
    }

    @Test
    void rejects_a_list_inside_a_json_list_naming_the_field() throws IOException {
        SequenceDraft draft = only(mapAll(TestInputs.write(dir, "rows.json", """
                [{"sequence": "Q1", "labels": [["Outbound", "Q1"]], "subject": "Hello", "body": "First"}]
                """)));

        assertThat(draft.problems()).singleElement().satisfies(p -> {
            assertThat(p.column()).isEqualTo("labels");
            assertThat(p.message()).startsWith("must be a list of texts, but item 1 is a list;");
        });
    }

    @Test
    void reports_a_fractional_wait_time_in_a_flat_json_row() throws IOException {
        SequenceDraft draft = only(mapAll(TestInputs.write(dir, "rows.json", """
                [{"sequence": "Q1", "subject": "Hello", "body": "First", "wait_time": 0},
                 {"sequence": "Q1", "body": "Second", "Wait Time": 1.5}]
                """)));

        assertThat(draft.problems()).singleElement().satisfies(p -> {
            assertThat(p.rows()).containsExactly(2);
            assertThat(p.column()).isEqualTo("Wait Time");
            assertThat(p.path()).isEqualTo("emailer_steps[1].wait_time");
            assertThat(p.value()).isEqualTo("1.5");
            assertThat(p.message()).isEqualTo("must be a whole number");
        });
    }

    @Test
    void reports_an_object_where_a_flat_json_row_needs_a_single_value() throws IOException {
        SequenceDraft draft = only(mapAll(TestInputs.write(dir, "rows.json", """
                [{"sequence": "Q1", "subject": {"text": "Hello"}, "body": "First"}]
                """)));

        assertThat(draft.problems()).singleElement().satisfies(p -> {
            assertThat(p.rows()).containsExactly(1);
            assertThat(p.column()).isEqualTo("subject");
            assertThat(p.message()).isEqualTo("must be a single value, not an object");
        });
    }

    @Test
    void reports_two_keys_of_a_flat_json_row_that_mean_the_same_column() throws IOException {
        SequenceDraft draft = only(mapAll(TestInputs.write(dir, "rows.json", """
                [{"sequence": "Q1", "subject": "Hello", "Subject": "Hi", "body": "First"}]
                """)));

        assertThat(draft.problems()).singleElement().satisfies(p -> {
            assertThat(p.rows()).containsExactly(1);
            assertThat(p.column()).isEqualTo("Subject");
            assertThat(p.message()).isEqualTo("means the same column as \"subject\" (subject); keep one of them");
        });
    }

    // ---- Apollo-shaped JSON --------------------------------------------------------------------

    @Test
    void rejects_an_unknown_field_in_an_apollo_shaped_sequence() throws IOException {
        SequenceDraft draft = named(mapAll(TestInputs.copy("inputs/apollo-shape-mistakes.json", dir)), "Typo field");

        assertThat(draft.request()).isNull();
        assertThat(draft.isInvalid()).isTrue();
        assertThat(draft.problems()).singleElement().satisfies(p -> {
            assertThat(p.rows()).containsExactly(1);
            assertThat(p.path()).isEqualTo("permision");
            assertThat(p.message()).startsWith("is not a field of Apollo's Create a Sequence request; check the spelling")
                    .contains("permissions");
        });
    }

    @Test
    void rejects_a_fractional_wait_time_in_an_apollo_shaped_sequence_instead_of_truncating_it() throws IOException {
        SequenceDraft draft = named(mapAll(TestInputs.copy("inputs/apollo-shape-mistakes.json", dir)), "Fractional wait");

        assertThat(draft.request()).isNull();
        assertThat(draft.problems()).singleElement().satisfies(p -> {
            assertThat(p.rows()).containsExactly(2);
            assertThat(p.path()).isEqualTo("emailer_steps[0].wait_time");
            assertThat(p.value()).isEqualTo("1.5");
            assertThat(p.message()).isEqualTo("must be a whole number, not a fraction");
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Quoted number      | max_emails_per_day                                   | "50"                   | must be a whole number, not text; write it without quotes
            Steps as text      | emailer_steps                                        | "abc"                  | must be a list of steps, not text
            Yes for true       | active                                               | "yes"                  | must be true or false, not text; write true or false, without quotes
            Touches as object  | emailer_steps[0].emailer_touches                     | {"type":"new_thread"}  | must be a list of emails, not an object
            Template as text   | emailer_steps[0].emailer_touches[0].emailer_template | "Hello"                | must be an object with subject and body_html, not text
            Labels as object   | label_names                                          | {"team":"Outbound"}    | must be a list of texts, not an object
            Note as list       | emailer_steps[0].note                                | ["Call"]               | must be text, not a list
            Step as text       | emailer_steps[0]                                     | "call them"            | must be a step (an object with type, wait_time and wait_mode), not text
            """)
    void says_what_an_apollo_shaped_field_expects_and_what_it_found(String name, String path, String value,
                                                                     String message) throws IOException {
        SequenceDraft draft = named(mapAll(TestInputs.copy("inputs/apollo-shape-types.json", dir)), name);

        assertThat(draft.request()).isNull();
        assertThat(draft.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo(path);
            assertThat(p.value()).isEqualTo(value);
            assertThat(p.message()).isEqualTo(message);
        });
    }

    @Test
    void names_no_java_type_or_jackson_setting_in_apollo_shaped_type_problems() throws IOException {
        List<SequenceDraft> drafts = mapAll(TestInputs.copy("inputs/apollo-shape-types.json", dir));

        assertThat(drafts).flatMap(SequenceDraft::problems).extracting(Problem::message).hasSize(8)
                .allSatisfy(m -> assertThat(m).doesNotContain("java", "`", "Cannot", "coerc", "JsonToken",
                        "io.apolloroutes", "ArrayList", "Integer"));
    }

    @Test
    void binds_an_unknown_wait_mode_for_validation_to_reject() throws IOException {
        SequenceDraft draft = named(mapAll(TestInputs.copy("inputs/apollo-shape-mistakes.json", dir)), "Bad mode");

        assertThat(draft.problems()).isEmpty();
        assertThat(draft.isInvalid()).isFalse();
        assertThat(draft.request().emailerSteps()).singleElement().satisfies(step -> {
            assertThat(step.waitMode()).isEqualTo("weeks");
            assertThat(step.waitTime()).isEqualTo(1);
        });
    }

    @Test
    void ignores_the_error_column_of_a_corrected_dead_letter_file() throws IOException {
        SequenceDraft draft = only(mapAll(TestInputs.write(dir, "fixed.json", """
                {"name": "Fixed", "_error": "emailer_steps[0].wait_mode: must be minute, hour or day",
                 "emailer_steps": [{"type": "call", "wait_time": 0, "wait_mode": "day"}]}
                """)));

        assertThat(draft.problems()).isEmpty();
        assertThat(draft.request().name()).isEqualTo("Fixed");
        assertThat(draft.request().emailerSteps()).extracting(EmailerStep::waitMode).containsExactly("day");
    }

    @Test
    void binds_an_apollo_shaped_sequence_field_for_field() throws IOException {
        List<SequenceDraft> drafts = mapAll(TestInputs.copy("inputs/wrapped.json", dir));

        assertThat(drafts).allSatisfy(d -> assertThat(d.problems()).isEmpty());
        EmailerTouch touch = drafts.get(0).request().emailerSteps().get(0).emailerTouches().get(0);
        assertThat(touch.emailerTemplate().bodyHtml()).isEqualTo("<p>Hi {{first_name}}</p>");
        assertThat(drafts.get(1).request().permissions()).isEqualTo("private");
        assertThat(drafts.get(1).request().emailerSteps().get(0).priority()).isEqualTo("high");
    }

    @Test
    void locates_anything_in_an_apollo_shaped_sequence_on_its_element_without_a_column() throws IOException {
        SequenceDraft draft = mapAll(TestInputs.copy("inputs/wrapped.json", dir)).get(1);

        assertThat(draft.locator().locate("emailer_steps[0].priority"))
                .isEqualTo(new SourceLocator.Location(List.of(2), null));
    }

    @Test
    void rejects_every_copy_of_a_name_used_twice_in_one_json_file() throws IOException {
        List<SequenceDraft> drafts = mapAll(TestInputs.copy("inputs/duplicate-names.json", dir));

        SequenceDraft twice = named(drafts, "Twice");
        assertThat(twice.isInvalid()).isTrue();
        assertThat(twice.request()).isNull();
        assertThat(twice.problems()).singleElement().satisfies(p -> {
            assertThat(p.rows()).containsExactly(1, 3);
            assertThat(p.path()).isEqualTo("name");
            assertThat(p.value()).isEqualTo("Twice");
            assertThat(p.message()).contains("sequence names must be unique within a file");
        });
        SequenceDraft once = named(drafts, "Once");
        assertThat(once.isInvalid()).isFalse();
        assertThat(once.problems()).isEmpty();
        assertThat(once.request().name()).isEqualTo("Once");
    }

    // ---- duplicate keys ------------------------------------------------------------------------

    @Test
    void rejects_duplicate_key_naming_it_and_its_element() throws IOException {
        Path file = TestInputs.copy("inputs/duplicate-keys.json", dir);
        List<SequenceCandidate> candidates = TestInputs.candidates(file);
        List<SequenceDraft> drafts = candidates.stream().map(mapper::map).toList();

        assertThat(drafts).hasSize(4);
        assertThat(drafts.get(0).isInvalid()).isTrue();
        assertThat(drafts.get(0).problems()).singleElement().satisfies(p -> {
            assertThat(p.rows()).containsExactly(1);
            assertThat(p.render(candidates.get(0).file()))
                    .startsWith("duplicate-keys.json element 1: has the key \"subject\" twice; keep one of them — got '");
            // the element as written, both keys included, so the dead-letter file shows what to fix
            assertThat(p.value()).isEqualTo("{\"sequence\": \"J1\", \"step\": 1, \"wait_time\": 0,"
                    + " \"subject\": \"first\", \"subject\": \"second\", \"body\": \"b\"}");
        });
    }

    @Test
    void rejects_duplicate_key_in_an_apollo_shaped_sequence_instead_of_taking_the_last() throws IOException {
        List<SequenceDraft> drafts = mapAll(TestInputs.copy("inputs/duplicate-keys.json", dir));

        assertThat(drafts).noneMatch(d -> "J2-other".equals(d.name()) || "J2".equals(d.name()));
        assertThat(drafts.get(1).request()).isNull();
        assertThat(drafts.get(1).problems()).singleElement().satisfies(p -> {
            assertThat(p.rows()).containsExactly(2);
            assertThat(p.message()).isEqualTo("has the key \"name\" twice; keep one of them");
        });
    }

    @Test
    void rejects_duplicate_key_naming_its_json_path() throws IOException {
        SequenceDraft draft = mapAll(TestInputs.copy("inputs/duplicate-keys.json", dir)).get(2);

        assertThat(draft.request()).isNull();
        assertThat(draft.problems()).singleElement().satisfies(p -> {
            assertThat(p.rows()).containsExactly(3);
            assertThat(p.message()).isEqualTo("has the key \"subject\" twice, at"
                    + " emailer_steps[0].emailer_touches[0].emailer_template.subject; keep one of them");
        });
    }

    @Test
    void maps_the_elements_around_one_with_a_duplicate_key() throws IOException {
        List<SequenceDraft> drafts = mapAll(TestInputs.copy("inputs/duplicate-keys.json", dir));

        assertThat(drafts.get(3).name()).isEqualTo("J4");
        assertThat(drafts.get(3).problems()).isEmpty();
        assertThat(drafts.get(3).request().emailerSteps()).singleElement()
                .satisfies(s -> assertThat(s.emailerTouches().get(0).emailerTemplate().subject()).isEqualTo("fine"));
    }

    @Test
    void rejects_duplicate_key_on_its_json_line_and_maps_the_other_lines() throws IOException {
        Path file = TestInputs.copy("inputs/duplicate-keys.jsonl", dir);
        List<SequenceCandidate> candidates = TestInputs.candidates(file);
        List<SequenceDraft> drafts = candidates.stream().map(mapper::map).toList();

        assertThat(drafts).hasSize(3);
        assertThat(drafts.get(0).problems()).singleElement().satisfies(p -> assertThat(p.render(candidates.get(0).file()))
                .startsWith("duplicate-keys.jsonl line 1: has the key \"subject\" twice; keep one of them — got '{\"sequence\": \"L1\""));
        assertThat(drafts.get(1).problems()).singleElement().satisfies(p -> {
            assertThat(p.rows()).containsExactly(2);
            assertThat(p.message()).isEqualTo("has the key \"note\" twice, at emailer_steps[0].note; keep one of them");
        });
        assertThat(drafts.get(2).problems()).isEmpty();
        assertThat(drafts.get(2).name()).isEqualTo("L3");
    }

    // ---- JSON Lines ----------------------------------------------------------------------------

    @Test
    void turns_a_json_lines_record_that_is_not_json_into_an_invalid_draft_quoting_the_line() throws IOException {
        Path file = TestInputs.copy("inputs/mixed.jsonl", dir);
        List<SequenceCandidate> candidates = TestInputs.candidates(file);
        SequenceDraft broken = mapper.map(candidates.get(2));

        assertThat(broken.isInvalid()).isTrue();
        assertThat(broken.request()).isNull();
        assertThat(broken.problems()).singleElement().satisfies(p -> {
            assertThat(p.rows()).containsExactly(5);
            assertThat(p.value()).isEqualTo("{\"sequence\": \"Lines rows\", \"step\": 3, \"wait_time\": 1, \"body\": \"Third");
            assertThat(p.message()).startsWith("is not valid JSON");
            assertThat(p.render(candidates.get(2).file()))
                    .startsWith("mixed.jsonl line 5: is not valid JSON")
                    .endsWith(" — got '{\"sequence\": \"Lines rows\", \"step\": 3, \"wait_time\": 1, \"body\": \"Third'");
        });
    }

    @Test
    void turns_a_json_lines_record_that_is_not_an_object_into_an_invalid_draft() throws IOException {
        SequenceDraft draft = mapAll(TestInputs.copy("inputs/mixed.jsonl", dir)).get(3);

        assertThat(draft.request()).isNull();
        assertThat(draft.problems()).singleElement().satisfies(p -> {
            assertThat(p.rows()).containsExactly(6);
            assertThat(p.value()).isEqualTo("\"just a string\"");
            assertThat(p.message()).contains("is a string");
        });
    }

    @Test
    void maps_the_good_json_lines_around_a_broken_one() throws IOException {
        List<SequenceDraft> drafts = mapAll(TestInputs.copy("inputs/mixed.jsonl", dir));

        assertThat(drafts.get(0).problems()).isEmpty();
        assertThat(drafts.get(0).request().emailerSteps()).extracting(EmailerStep::note).containsExactly("Call");
        SequenceDraft rows = drafts.get(1);
        assertThat(rows.problems()).isEmpty();
        assertThat(rows.request().emailerSteps()).extracting(EmailerStep::waitTime).containsExactly(0, 1);
        assertThat(rows.locator().locate("emailer_steps[1].wait_time"))
                .isEqualTo(new SourceLocator.Location(List.of(4), "wait_time", "1"));
    }

    // ---- helpers -------------------------------------------------------------------------------

    private SequenceDraft csv(String content) throws IOException {
        return only(mapAll(TestInputs.write(dir, "sequences.csv", content)));
    }

    private SequenceDraft csvIn(String zone, String content) throws IOException {
        ReadOptions options = new ReadOptions(null, null, null, ZoneId.of(zone), InputLimits.DEFAULT);
        try (SpooledInput input = TestInputs.spool(TestInputs.write(dir, "sequences.csv", content), options)) {
            List<SequenceDraft> drafts = new ArrayList<>();
            input.sequences().forEachRemaining(candidate -> drafts.add(mapper.map(candidate)));
            return only(drafts);
        }
    }

    private List<SequenceDraft> mapAll(Path file) throws IOException {
        return TestInputs.candidates(file).stream().map(mapper::map).toList();
    }

    private static SequenceDraft only(List<SequenceDraft> drafts) {
        assertThat(drafts).hasSize(1);
        return drafts.get(0);
    }

    private static SequenceDraft named(List<SequenceDraft> drafts, String name) {
        return drafts.stream().filter(d -> name.equals(d.name())).findFirst()
                .orElseThrow(() -> new AssertionError("no sequence named " + name + " in " + drafts));
    }

    private static String json(Object value) throws JsonProcessingException {
        return TestInputs.MAPPER.writeValueAsString(value);
    }
}
