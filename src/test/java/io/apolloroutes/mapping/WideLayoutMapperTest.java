package io.apolloroutes.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.apolloroutes.apollo.ApolloProperties;
import io.apolloroutes.apollo.CreateSequenceCall;
import io.apolloroutes.apollo.EmailerStep;
import io.apolloroutes.apollo.EmailerTouch;
import io.apolloroutes.ingest.BodyFormat;
import io.apolloroutes.ingest.InputLimits;
import io.apolloroutes.ingest.ReadOptions;
import io.apolloroutes.ingest.SequenceCandidate;
import io.apolloroutes.ingest.SourceProfile;
import io.apolloroutes.ingest.SourceRecord;
import io.apolloroutes.ingest.SpooledInput;
import io.apolloroutes.ingest.TableLayout;
import io.apolloroutes.support.TestInputs;
import io.apolloroutes.validation.SequenceValidator;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The wide layout: one row per sequence with numbered step columns, mapped as the step rows it stands for. */
class WideLayoutMapperTest {

    private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();

    @TempDir
    Path dir;

    private final SequenceMapper mapper = new SequenceMapper(TestInputs.MAPPER);
    private final CreateSequenceCall call = new CreateSequenceCall(TestInputs.MAPPER);

    @AfterAll
    static void closeValidation() {
        VALIDATION.close();
    }

    // ---- the same requests as step rows ---------------------------------------------------------

    @Test
    void maps_wide_row_to_same_request_as_step_rows() throws IOException {
        List<SequenceDraft> wide = mapAll(TestInputs.copy("inputs/wide-layout.csv", dir));
        List<SequenceDraft> stepRows = mapAll(TestInputs.copy("inputs/wide-layout-as-step-rows.csv", dir));

        assertThat(wide).extracting(SequenceDraft::name).containsExactly("Q1 Outbound - VP Sales",
                "Webinar follow-up", "Customer expansion - Enterprise", "Trial check-in");
        assertThat(wide).extracting(SequenceDraft::name)
                .containsExactlyElementsOf(stepRows.stream().map(SequenceDraft::name).toList());
        for (int i = 0; i < wide.size(); i++) {
            assertThat(wide.get(i).problems()).as(wide.get(i).name()).isEmpty();
            assertThat(body(wide.get(i))).as(wide.get(i).name()).isEqualTo(body(stepRows.get(i)));
        }
        // the check above must compare real requests: four steps, an A/B step, a call with its note
        assertThat(wide.get(0).request().emailerSteps()).extracting(EmailerStep::type)
                .containsExactly("auto_email", "auto_email", "call", "auto_email");
        assertThat(wide.get(1).request().emailerSteps().get(0).emailerTouches()).hasSize(2);
    }

    @Test
    void gives_each_sequence_of_a_file_as_many_steps_as_it_fills() throws IOException {
        List<SequenceDraft> drafts = mapAll(TestInputs.copy("inputs/wide-layout.csv", dir));

        assertThat(drafts).extracting(d -> d.request().emailerSteps().size()).containsExactly(4, 3, 3, 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Step 1 Subject,Step 1 Body,Step 2 Wait Days,Step 2 Body",
            "step1_subject,step1_body,step2_wait_days,step2_body",
            "STEP-1-SUBJECT,Step_1 body,step 2 - wait days,Step-2-Body",
            "Email 1 Subject,Email 1 Body,Email 2 Wait Days,Email 2 Body",
            "Step #1: Subject,Step #1: Body,Step #2: Wait Days,Step #2: Body",
            "Step 01 Subject,Step 01 Body_HTML,Step 02 Wait,Step 02 Body"})
    void reads_every_numbered_header_style_alike(String header) throws IOException {
        SequenceDraft draft = csv("sequence," + header + "\nQ1,Hello,First,3,Second\n");

        assertThat(draft.problems()).isEmpty();
        assertThat(body(draft)).isEqualTo(body(csv("""
                sequence,step,wait_time,wait_mode,subject,body
                Q1,1,,,Hello,First
                Q1,2,3,day,,Second
                """)));
    }

    @Test
    void orders_steps_by_number_not_by_column_order() throws IOException {
        SequenceDraft draft = csv("""
                sequence,Step 2 Body,Step 2 Wait Days,Step 1 Body,Step 1 Subject
                Q1,Second,2,First,Hello
                """);

        assertThat(draft.problems()).isEmpty();
        assertThat(draft.request().emailerSteps()).extracting(s -> s.emailerTouches().get(0).emailerTemplate().bodyHtml())
                .containsExactly("<p>First</p>", "<p>Second</p>");
    }

    // ---- variants ------------------------------------------------------------------------------

    @Test
    void makes_each_lettered_email_column_a_variant_of_its_step() throws IOException {
        SequenceDraft draft = csv("""
                sequence,Step 1 Subject,Step 1 Body,Step 1 Subject B,Step 1 Body B,step1_subject_c,step1_body_c
                Q1,Version A,Body A,Version B,Body B,Version C,Body C
                """);

        assertThat(draft.problems()).isEmpty();
        assertThat(draft.request().emailerSteps()).singleElement().satisfies(step ->
                assertThat(step.emailerTouches()).extracting(t -> t.emailerTemplate().subject())
                        .containsExactly("Version A", "Version B", "Version C"));
        assertThat(body(draft)).isEqualTo(body(csv("""
                sequence,step,subject,body
                Q1,1,Version A,Body A
                Q1,1,Version B,Body B
                Q1,1,Version C,Body C
                """)));
    }

    @Test
    void makes_no_ab_test_when_the_b_variant_is_empty() throws IOException {
        SequenceDraft draft = csv("""
                sequence,Step 1 Subject,Step 1 Body,Step 1 Subject B,Step 1 Body B
                Q1,Hello,Only version,,
                """);

        assertThat(draft.problems()).isEmpty();
        assertThat(draft.request().emailerSteps()).singleElement()
                .satisfies(step -> assertThat(step.emailerTouches()).hasSize(1));
    }

    @Test
    void gives_a_b_variant_its_own_email_fields_and_the_step_its_settings_once() throws IOException {
        SequenceDraft draft = csv("""
                sequence,Step 1 Type,Step 1 Subject,Step 1 Body,Step 1 Include Signature,Step 1 Subject B,Step 1 Body B,Step 1 Include Signature B
                Q1,manual_email,Hello,Body A,no,Hi,Body B,yes
                """);

        assertThat(draft.problems()).isEmpty();
        EmailerStep step = draft.request().emailerSteps().get(0);
        assertThat(step.type()).isEqualTo("manual_email");
        assertThat(step.emailerTouches()).extracting(EmailerTouch::includeSignature).containsExactly(false, true);
    }

    @Test
    void reports_an_unreadable_setting_of_an_ab_step_once_on_its_row() throws IOException {
        SequenceDraft draft = validated(csv("""
                sequence,Step 1 Wait Mode,Step 1 Subject,Step 1 Body,Step 1 Subject B,Step 1 Body B
                Q1,weeks,Version A,Body A,Version B,Body B
                """), true);

        assertThat(draft.problems()).singleElement().satisfies(p -> {
            assertThat(p.rows()).containsExactly(2);
            assertThat(p.column()).isEqualTo("Step 1 Wait Mode");
            assertThat(p.path()).isEqualTo("emailer_steps[0].wait_mode");
            assertThat(p.value()).isEqualTo("weeks");
        });
    }

    @Test
    void parses_the_settings_of_an_ab_step_once_not_once_per_variant() throws IOException {
        SequenceDraft draft = csv("""
                sequence,Step 1 Wait Time,Step 1 Subject,Step 1 Body,Step 1 Subject B,Step 1 Body B
                Q1,soon,Version A,Body A,Version B,Body B
                """);

        assertThat(draft.problems()).extracting(Problem::rows, Problem::column, Problem::value, Problem::message)
                .containsExactly(tuple(List.of(2), "Step 1 Wait Time", "soon", "must be a whole number"));
    }

    // ---- waits ---------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({"Wait Days, day", "Wait Hours, hour", "Wait Minutes, minute", "Wait, day"})
    void reads_the_wait_unit_from_the_header(String field, String mode) throws IOException {
        SequenceDraft draft = csv("sequence,Step 1 Body,Step 2 " + field + ",Step 2 Body\nQ1,First,4,Second\n");

        assertThat(draft.problems()).isEmpty();
        assertThat(draft.request().emailerSteps().get(1)).extracting(EmailerStep::waitTime, EmailerStep::waitMode)
                .containsExactly(4, mode);
    }

    @Test
    void reads_wait_time_and_wait_mode_columns_as_step_rows_do() throws IOException {
        SequenceDraft draft = csv("""
                sequence,Step 1 Wait Time,Step 1 Wait Mode,Step 1 Body,Step 2 Wait Time,Step 2 Wait Mode,Step 2 Body
                Q1,30,Minutes,First,2,,Second
                """);

        assertThat(draft.problems()).isEmpty();
        assertThat(draft.request().emailerSteps()).extracting(EmailerStep::waitTime, EmailerStep::waitMode)
                .containsExactly(tuple(30, "minute"), tuple(2, "day"));
    }

    @Test
    void converts_numbered_day_columns_into_waits_between_steps() throws IOException {
        SequenceDraft draft = csv("""
                sequence,Step 1 Day,Step 1 Body,Step 2 Day,Step 2 Body,Step 3 Day,Step 3 Body
                Q1,0,First,3,Second,7,Third
                """);

        assertThat(draft.problems()).isEmpty();
        assertThat(draft.request().emailerSteps()).extracting(EmailerStep::waitTime).containsExactly(0, 3, 4);
    }

    @Test
    void reports_a_later_step_without_its_wait_on_the_wait_column_of_that_step() throws IOException {
        SequenceDraft draft = validated(csv("""
                sequence,Step 1 Subject,Step 1 Body,Step 2 Wait Days,Step 2 Body,Step 3 Wait Days,Step 3 Body
                Q1,Hello,First,,Second,4,Third
                """));

        assertThat(draft.problems()).singleElement().satisfies(p -> {
            assertThat(p.rows()).containsExactly(2);
            assertThat(p.column()).isEqualTo("Step 2 Wait Days");
            assertThat(p.path()).isEqualTo("emailer_steps[1].wait_time");
            assertThat(p.message()).startsWith("is missing");
        });
    }

    @Test
    void names_a_wait_column_the_file_lacks_by_the_header_to_add() throws IOException {
        SequenceDraft draft = validated(csv("""
                sequence,Step 1 Subject,Step 1 Body,Step 2 Body
                Q1,Hello,First,Second
                """));

        assertThat(draft.problems()).extracting(Problem::column, Problem::path)
                .containsExactly(tuple("step_2_wait_time", "emailer_steps[1].wait_time"));
    }

    @Test
    void a_wait_whose_header_names_its_unit_is_told_once_in_a_sequence_timed_by_day() throws IOException {
        SequenceDraft draft = validated(csv("""
                Sequence,Step 1 Day,Step 1 Subject,Step 1 Body,Step 2 Day,Step 2 Wait Hours,Step 2 Body
                Q1,0,Hi,First,3,2,Second
                """));

        // "Step 2 Wait Hours" is the wait and its unit: one cell, one message
        assertThat(draft.problems()).extracting(Problem::column, Problem::value)
                .containsExactly(tuple("Step 2 Wait Hours", "2"));
        assertThat(draft.problems().get(0).message()).startsWith("is set, but this sequence uses the day column");
    }

    @Test
    void reports_a_missing_day_on_the_day_column_of_that_step() throws IOException {
        SequenceDraft draft = csv("""
                sequence,Step 1 Day,Step 1 Body,Step 2 Day,Step 2 Body,Step 3 Day,Step 3 Body
                Q1,0,First,3,Second,,Third
                """);

        assertThat(draft.problems()).singleElement().satisfies(p -> {
            assertThat(p.column()).isEqualTo("Step 3 Day");
            assertThat(p.message()).contains("every step needs its day");
        });
    }

    // ---- empty and missing steps ---------------------------------------------------------------

    @Test
    void reports_an_empty_step_before_a_filled_one_once_naming_the_empty_steps_column() throws IOException {
        SequenceDraft draft = csv("""
                sequence,Step 1 Body,Step 2 Wait Days,Step 2 Body,Step 3 Wait Days,Step 3 Body
                Q1,First,,,4,Third
                """);

        assertThat(draft.problems()).singleElement().satisfies(p -> {
            assertThat(p.rows()).containsExactly(2);
            assertThat(p.column()).isEqualTo("Step 2 Wait Days");
            assertThat(p.message()).isEqualTo("step 2 is empty, but step 3 is filled; steps run 1, 2, 3… without"
                    + " gaps, so fill step 2 or move the later steps into its columns");
        });
    }

    @Test
    void takes_a_step_with_only_an_unreadable_cell_for_filled_not_for_a_gap() throws IOException {
        TableLayout layout = TableLayout.of(List.of("sequence", "Step 1 Subject", "Step 1 Body", "Step 2 Wait Days",
                "Step 2 Body", "Step 3 Wait Days", "Step 3 Body"));
        SourceRecord.TableRow row = new SourceRecord.TableRow(2, List.of("Q1", "Hello", "First", "", "#REF!", "2", "Third"),
                Map.of(4, "holds the spreadsheet error #REF!"));
        SequenceCandidate candidate = new SequenceCandidate(TestInputs.inputFile(dir.resolve("book.xlsx")), layout, "Q1",
                1, List.of(row));

        SequenceDraft draft = mapper.map(candidate);

        assertThat(draft.problems()).extracting(Problem::rows, Problem::column, Problem::message)
                .containsExactly(tuple(List.of(2), "Step 2 Body", "holds the spreadsheet error #REF!"));
    }

    @Test
    void reports_an_unreadable_cell_once_not_again_as_missing() throws IOException {
        TableLayout layout = TableLayout.of(List.of("sequence", "step", "wait_time", "wait_mode", "subject", "body"));
        SourceRecord.TableRow first = new SourceRecord.TableRow(2, List.of("Q1", "1", "0", "day", "Hello", "First"), Map.of());
        SourceRecord.TableRow second = new SourceRecord.TableRow(3, List.of("Q1", "2", "#N/A", "day", "", "Second"),
                Map.of(2, "shows the spreadsheet error #N/A; fix the formula or type the value"));
        SequenceCandidate candidate = new SequenceCandidate(TestInputs.inputFile(dir.resolve("book.xlsx")), layout, "Q1",
                1, List.of(first, second));

        SequenceDraft draft = validated(mapper.map(candidate));

        assertThat(draft.problems()).extracting(Problem::rows, Problem::column, Problem::message)
                .containsExactly(tuple(List.of(3), "wait_time",
                        "shows the spreadsheet error #N/A; fix the formula or type the value"));
    }

    @Test
    void reports_a_wrong_value_in_a_cell_that_a_problem_of_its_row_also_names() throws IOException {
        // the gap is named by step 3's first key, the very cell whose wait is negative: two things to fix
        SequenceDraft draft = validated(only(mapAll(TestInputs.write(dir, "rows.json", """
                [{"sequence": "Q1", "step_1_body": "First", "step_3_wait_days": -5, "step_3_body": "Third"}]
                """))));

        assertThat(draft.problems()).extracting(Problem::column, Problem::value, Problem::message).contains(
                tuple("step_3_wait_days", null, "step 2 is empty, but step 3 is filled; steps run 1, 2, 3… without"
                        + " gaps, so fill step 2 or move the later steps into its columns"),
                tuple("step_3_wait_days", "-5", "must be 0 or more"));
    }

    @Test
    void makes_a_step_of_a_wait_alone_as_a_step_row_would() throws IOException {
        SequenceDraft draft = validated(csv("""
                sequence,Step 1 Subject,Step 1 Body,Step 2 Wait Days,Step 2 Body
                Q1,Hello,First,3,
                """));

        // a wait is content: step 2 exists and, being an email step, needs an email
        assertThat(draft.request().emailerSteps()).hasSize(2);
        assertThat(draft.problems()).extracting(Problem::path).containsExactly("emailer_steps[1].emailer_touches");
    }

    @Test
    void a_step_without_email_names_the_subject_and_body_columns_of_its_step() throws IOException {
        SequenceCandidate candidate = candidate("""
                Sequence,Step 1 Subject,Step 1 Body,Step 2 Wait Days,Step 2 Subject,Step 2 Body
                Q1,Hello,First,3,,
                """);

        SequenceDraft draft = validated(mapper.map(candidate));

        // one message, with the columns that would hold the email and the one that would make it a call
        assertThat(draft.problems()).singleElement().satisfies(p -> assertThat(p.render(candidate.file()))
                .isEqualTo("sequences.csv row 2, column \"Step 2 Body\" (emailer_steps[1].emailer_touches): is empty,"
                        + " and so is \"Step 2 Subject\", but step 2 is an email step (auto_email, the default for an"
                        + " empty type), which needs an email:"
                        + " write its subject and body there (a reply needs only the body), or set \"step_2_type\" to a"
                        + " step that sends no email, such as call or action_item"));
    }

    @Test
    void a_wide_row_without_steps_names_the_step_1_columns_or_the_headers_to_add() throws IOException {
        SequenceCandidate filled = candidate("""
                Sequence,Permissions,Step 1 Subject,Step 1 Body
                Q1,private,,
                """);
        SequenceCandidate lacking = candidate("""
                Sequence,Permissions,Step 1 Wait Days
                Q1,private,
                """);

        assertThat(validated(mapper.map(filled)).problems()).singleElement()
                .satisfies(p -> assertThat(p.render(filled.file())).isEqualTo("sequences.csv row 2, column"
                        + " \"Step 1 Body\" (emailer_steps): is empty, and so is every other step and email column of"
                        + " this sequence, so it has no step (a sequence needs at least one): write its first email in"
                        + " \"Step 1 Subject\" and \"Step 1 Body\""));
        assertThat(validated(mapper.map(lacking)).problems()).extracting(Problem::column, Problem::message)
                .contains(tuple("step_1_body", "is empty, and so is every other step and email column of this"
                        + " sequence, so it has no step (a sequence needs at least one): write its first email in"
                        + " \"step_1_subject\" and \"step_1_body\""));
    }

    // ---- messages name the real row and column -------------------------------------------------

    @Test
    void reports_an_unreadable_cell_under_its_numbered_header() throws IOException {
        SequenceDraft draft = csv("""
                sequence,Step 1 Body,Step 2 Wait Days,Step 2 Body
                Q1,First,three,Second
                """);

        assertThat(draft.problems()).extracting(Problem::rows, Problem::column, Problem::path, Problem::value,
                        Problem::message)
                .containsExactly(tuple(List.of(2), "Step 2 Wait Days", "emailer_steps[1].wait_time", "three",
                        "must be a whole number"));
    }

    @Test
    void locates_a_variants_email_field_on_its_lettered_column() throws IOException {
        SequenceDraft draft = validated(csv("""
                sequence,Step 1 Subject,Step 1 Body,Step 1 Status,Step 1 Subject B,Step 1 Body B,Step 1 Status B
                Q1,Hello,Body A,approved,Hi,Body B,sent
                """), true);

        assertThat(draft.problems()).singleElement().satisfies(p -> {
            assertThat(p.rows()).containsExactly(2);
            assertThat(p.column()).isEqualTo("Step 1 Status B");
            assertThat(p.path()).isEqualTo("emailer_steps[0].emailer_touches[1].status");
            assertThat(p.value()).isEqualTo("sent");
        });
    }

    @Test
    void locates_a_variants_field_on_its_column_when_variant_a_is_empty() throws IOException {
        SequenceDraft draft = csv("""
                sequence,Step 1 Subject,Step 1 Body,Step 1 Subject B,Step 1 Body B
                Q1,,,Only B,Body B
                """);

        assertThat(draft.problems()).isEmpty();
        assertThat(draft.locator().locate("emailer_steps[0].emailer_touches[0].emailer_template.subject"))
                .isEqualTo(new SourceLocator.Location(List.of(2), "Step 1 Subject B", "Only B"));
    }

    @Test
    void locates_step_fields_on_the_columns_of_their_own_step() throws IOException {
        SequenceDraft draft = csv("""
                sequence,Step 1 Body,Step 2 Type,Step 2 Wait Hours,Step 2 Body,Step 3 Type,Step 3 Wait Days,Step 3 Note
                Q1,First,manual_email,5,Second,call,1,Ring them
                """);

        assertThat(draft.locator().locate("emailer_steps[1].wait_time"))
                .isEqualTo(new SourceLocator.Location(List.of(2), "Step 2 Wait Hours", "5"));
        assertThat(draft.locator().locate("emailer_steps[1].wait_mode"))
                .isEqualTo(new SourceLocator.Location(List.of(2), "Step 2 Wait Hours"));
        assertThat(draft.locator().locate("emailer_steps[2].type"))
                .isEqualTo(new SourceLocator.Location(List.of(2), "Step 3 Type", "call"));
        assertThat(draft.locator().locate("emailer_steps[1].emailer_touches[0].emailer_template.body_html"))
                .isEqualTo(new SourceLocator.Location(List.of(2), "Step 2 Body", "Second"));
    }

    @Test
    void reports_email_text_on_a_call_step_on_that_steps_type_column() throws IOException {
        SequenceDraft draft = csv("""
                sequence,Step 1 Body,Step 2 Type,Step 2 Wait Days,Step 2 Subject,Step 3 Type,Step 3 Wait Days,Step 3 Subject,Step 3 Subject B,Step 3 Note
                Q1,First,auto_email,2,,call,1,Quick call?,Or a chat?,Ring them
                """);

        // step 2 (a wait alone) is an email step without an email, told on its own columns
        assertThat(draft.problems()).extracting(Problem::path)
                .containsExactly("emailer_steps[1].emailer_touches", "emailer_steps[2].type");
        assertThat(draft.problems()).filteredOn(p -> p.path().endsWith(".type")).singleElement().satisfies(p -> {
            assertThat(p.rows()).containsExactly(2);
            assertThat(p.column()).isEqualTo("Step 3 Type");
            assertThat(p.path()).isEqualTo("emailer_steps[2].type");
            assertThat(p.message()).startsWith("is a step that sends no email");
        });
    }

    @Test
    void a_misspelt_step_type_lists_the_step_types() throws IOException {
        SequenceCandidate candidate = candidate("""
                Sequence,Step 1 Subject,Step 1 Body,Step 2 Type,Step 2 Wait Days,Step 2 Body
                Q1,Hello,First,Auto Emial,2,Second
                """);

        assertThat(validated(mapper.map(candidate)).problems()).singleElement()
                .satisfies(p -> assertThat(p.render(candidate.file())).isEqualTo("sequences.csv row 2, column"
                        + " \"Step 2 Type\" (emailer_steps[1].type): must be one of auto_email, manual_email, call,"
                        + " action_item, linkedin_step_message, linkedin_step_connect, linkedin_step_view_profile or"
                        + " linkedin_step_interact_post — got 'Auto Emial'"));
    }

    @Test
    void an_ab_test_without_ab_testing_names_the_columns_of_its_second_variant() throws IOException {
        SequenceCandidate candidate = candidate("""
                Sequence,Step 1 Subject,Step 1 Body,Step 1 Subject B,Step 1 Body B
                Q1,Hello,Body A,Hi,Body B
                """);

        assertThat(validated(mapper.map(candidate)).problems()).singleElement()
                .satisfies(p -> assertThat(p.render(candidate.file())).isEqualTo("sequences.csv row 2, column"
                        + " \"Step 1 Subject B\" (emailer_steps[0].emailer_touches): has more than one email variant, which"
                        + " makes an A/B test; Apollo accepts A/B tests only on plans that include them, so they are off"
                        + " here. Keep one email per step (in a spreadsheet: one row per step number, or the B, C… columns"
                        + " empty), or set apollo.ab-testing=true if your plan has A/B testing"));
    }

    @Test
    void email_text_on_a_call_step_names_the_cells_to_move_and_the_note_column_of_that_step() throws IOException {
        SequenceCandidate candidate = candidate("""
                Sequence,Step 1 Subject,Step 1 Body,Step 2 Type,Step 2 Wait Days,Step 2 Subject,Step 2 Body B
                Q1,Hello,First,Call,1,Quick call?,Or a chat?
                """);

        assertThat(validated(mapper.map(candidate)).problems()).singleElement()
                .satisfies(p -> assertThat(p.render(candidate.file())).isEqualTo("sequences.csv row 2, column"
                        + " \"Step 2 Type\" (emailer_steps[1].type): is a step that sends no email, so the text under"
                        + " \"Step 2 Subject\" and \"Step 2 Body B\" would be lost; move it to \"step_2_note\", or"
                        + " change the type to auto_email — got 'Call'"));
    }

    @Test
    void notes_a_draft_variant_on_its_own_body_column() throws IOException {
        SequenceDraft draft = csv("""
                sequence,Step 1 Subject,Step 1 Body,Step 1 Subject B,Step 1 Body B
                Q1,Hello,Body A,Draft subject,
                """);

        assertThat(draft.notes()).singleElement().satisfies(note -> {
            assertThat(note.column()).isEqualTo("Step 1 Body B");
            assertThat(note.path()).isEqualTo("emailer_steps[0].emailer_touches[1].emailer_template.body_html");
        });
    }

    @Test
    void renders_a_wide_problem_with_the_file_row_and_users_header() throws IOException {
        SequenceCandidate candidate = candidate("""
                Sequence,Step 1 Subject,Step 1 Body,Step 2 Wait Days,Step 2 Body
                Q1,Hello,First,,Second
                """);
        SequenceDraft draft = validated(mapper.map(candidate));

        assertThat(draft.problems()).singleElement().satisfies(p -> assertThat(p.render(candidate.file()))
                .isEqualTo("sequences.csv row 2, column \"Step 2 Wait Days\" (emailer_steps[1].wait_time): is missing;"
                        + " Apollo needs a wait time on every step (0 sends right away)"));
    }

    @Test
    void reports_a_sequence_name_used_on_two_wide_rows() throws IOException {
        SequenceDraft draft = csv("""
                Sequence,Step 1 Subject,Step 1 Body
                Webinar recap,The recording,Here it is
                Webinar recap,The slides,Here they are
                """);

        assertThat(draft.problems()).singleElement().satisfies(p -> {
            assertThat(p.rows()).containsExactly(2, 3);
            assertThat(p.column()).isEqualTo("Sequence");
            assertThat(p.value()).isEqualTo("Webinar recap");
            assertThat(p.message()).contains("each sequence is one row");
        });
        // the second row is not merged into the first as an A/B variant, which would only add confusing errors
        assertThat(draft.request().emailerSteps()).singleElement()
                .satisfies(step -> assertThat(step.emailerTouches()).hasSize(1));
    }

    @Test
    void takes_sequence_settings_from_the_wide_row() throws IOException {
        SequenceDraft draft = csv("""
                Sequence,Permissions,Labels,Step 1 Body
                Q1,Team Can View,Inbound;Q1,Hello
                """);

        assertThat(draft.problems()).isEmpty();
        assertThat(draft.request().permissions()).isEqualTo("team_can_view");
        assertThat(draft.request().labelNames()).containsExactly("Inbound", "Q1");
        assertThat(draft.locator().locate("permissions")).isEqualTo(new SourceLocator.Location(List.of(2), "Permissions", "Team Can View"));
    }

    @Test
    void applies_the_cell_length_limit_to_a_numbered_cell_naming_it() throws IOException {
        ReadOptions shortCells = new ReadOptions(null, null, null, ZoneId.of("UTC"),
                new InputLimits(InputLimits.DEFAULT.maxFileBytes(), InputLimits.DEFAULT.maxRows(), 20));
        SourceProfile small = new SourceProfile("test", shortCells, Map.of(), Map.of(), BodyFormat.AUTO);
        Path file = TestInputs.write(dir, "long.csv", """
                sequence,Step 1 Subject,Step 1 Body,Step 2 Wait Days,Step 2 Body
                Q1,Hello,First,2,A body far longer than twenty characters
                """);
        SequenceCandidate candidate;
        try (SpooledInput input = TestInputs.spool(file, small)) {
            candidate = input.sequences().next();
        }

        assertThat(mapper.map(candidate).problems()).extracting(Problem::rows, Problem::column)
                .containsExactly(tuple(List.of(2), "Step 2 Body"));
    }

    // ---- the samples ---------------------------------------------------------------------------

    @Test
    void reads_the_wide_sample_as_its_description_says() throws IOException {
        List<SequenceDraft> drafts = mapAll(TestInputs.copy("samples/wide-layout.csv", dir));

        assertThat(drafts).extracting(SequenceDraft::name)
                .containsExactly("Q1 Outbound - Heads of Finance", "Event follow-up - Fintech Week");
        assertThat(drafts.get(0).request().emailerSteps()).extracting(EmailerStep::waitTime).containsExactly(0, 3, 4);
        assertThat(drafts.get(0).request().emailerSteps().get(1).emailerTouches()).hasSize(2);
        assertThat(drafts.get(1).request().emailerSteps()).extracting(EmailerStep::waitTime).containsExactly(0, 2);
        assertThat(drafts).extracting(d -> validated(d).isInvalid()).containsExactly(true, false);
        assertThat(drafts).extracting(d -> validated(d, true).isInvalid()).containsExactly(false, false);
    }

    @Test
    void reads_the_libreoffice_export_of_a_wide_sheet_with_mixed_header_styles() throws IOException {
        List<SequenceDraft> drafts = mapAll(TestInputs.copy("inputs/exports/wide-layout.csv", dir));

        assertThat(drafts).extracting(SequenceDraft::name).containsExactly("Q3 Fintech Outbound",
                "Renewals – Café Accounts", "Partner Webinar Invite");
        assertThat(drafts).extracting(d -> d.request().emailerSteps().size()).containsExactly(3, 2, 3);
        assertThat(drafts.get(0).request().emailerScheduleId()).isEqualTo("6523a1f0c4e5d70001a2b3c4");
        assertThat(drafts.get(0).request().emailerSteps().get(1).emailerTouches())
                .extracting(t -> t.emailerTemplate().bodyHtml()).containsExactly(
                        "<p>Hi {{first_name}}, bringing this back to the top of your inbox.</p>",
                        "<p>Hi {{first_name}}, one more thought: the café chain Brühl &amp; Söhne saved €12k in Q2.</p>");
        assertThat(drafts).extracting(d -> validated(d).isInvalid()).containsExactly(true, false, false);
        assertThat(drafts).extracting(d -> validated(d, true).isInvalid()).containsExactly(false, false, false);
    }

    @Test
    void an_unnumbered_body_format_is_the_format_of_every_email_of_its_row() throws IOException {
        SequenceDraft draft = csv("""
                sequence,Body Format,Step 1 Subject,Step 1 Body,Step 1 Body B,Step 2 Body,Step 2 Body Format,Step 3 Type
                Q1,markdown,Hello,**First**,*Other first*,<b>Second</b>,html,call
                """);

        assertThat(draft.problems()).isEmpty();
        assertThat(draft.request().emailerSteps().get(0).emailerTouches())
                .extracting(t -> t.emailerTemplate().bodyHtml())
                .containsExactly("<p><strong>First</strong></p>", "<p><em>Other first</em></p>");
        // a numbered body format still decides for its own step
        assertThat(draft.request().emailerSteps().get(1).emailerTouches().get(0).emailerTemplate().bodyHtml())
                .isEqualTo("<b>Second</b>");
        assertThat(draft.request().emailerSteps().get(2).type()).isEqualTo("call");
    }

    @Test
    void reports_a_wrong_unnumbered_body_format_once_not_once_per_email_of_the_row() throws IOException {
        SequenceDraft draft = csv("""
                sequence,Body Format,Step 1 Subject,Step 1 Body,Step 1 Body B,Step 2 Body,Step 3 Body
                Q1,docx,Hello,First,Other first,Second,Third
                """);

        assertThat(draft.problems()).extracting(Problem::rows, Problem::column, Problem::value, Problem::message)
                .containsExactly(tuple(List.of(2), "Body Format", "docx", "must be auto, html, text or markdown"));
    }

    @Test
    void reads_ab_emails_numbered_like_email_1a_and_email_1b_as_the_variants_of_step_1() throws IOException {
        SequenceDraft salesStyle = csv("""
                Sequence,Email 1A Subject,Email 1A Body,Email 1B Subject,Email 1B Body,Email 2 Wait Days,Email 2 Body (B),Email 2 Body
                Q1,Hello,First,Hi there,Other first,3,Other second,Second
                """);
        SequenceDraft canonical = csv("""
                sequence,step_1_subject,step_1_body,step_1_subject_b,step_1_body_b,step_2_wait_days,step_2_body,step_2_body_b
                Q1,Hello,First,Hi there,Other first,3,Second,Other second
                """);

        assertThat(salesStyle.problems()).isEmpty();
        assertThat(salesStyle.request().emailerSteps()).extracting(step -> step.emailerTouches().size())
                .containsExactly(2, 2);
        assertThat(body(salesStyle)).isEqualTo(body(canonical));
    }

    @Test
    void an_unnumbered_body_format_key_of_a_json_row_is_the_format_of_its_emails() throws IOException {
        SequenceDraft draft = only(mapAll(TestInputs.write(dir, "rows.json", """
                [{"sequence": "Q1", "body_format": "markdown", "step_1_subject": "Hello", "step_1_body": "**First**"}]
                """)));

        assertThat(draft.problems()).isEmpty();
        assertThat(draft.request().emailerSteps().get(0).emailerTouches().get(0).emailerTemplate().bodyHtml())
                .isEqualTo("<p><strong>First</strong></p>");
    }

    // ---- flat JSON rows with numbered keys -----------------------------------------------------

    @Test
    void maps_flat_json_rows_with_numbered_keys_like_wide_csv_rows() throws IOException {
        SequenceDraft json = only(mapAll(TestInputs.write(dir, "rows.json", """
                [{"sequence": "Q1", "labels": ["Inbound", "Q1"],
                  "step_1_subject": "Hello", "step_1_body": "First", "step_1_body_b": "Other first",
                  "step_2_wait_days": 3, "step_2_body": "Second"}]
                """)));
        SequenceDraft wide = csv("""
                sequence,labels,Step 1 Subject,Step 1 Body,Step 1 Body B,Step 2 Wait Days,Step 2 Body
                Q1,Inbound;Q1,Hello,First,Other first,3,Second
                """);

        assertThat(json.problems()).isEmpty();
        assertThat(body(json)).isEqualTo(body(wide));
        assertThat(json.locator().locate("emailer_steps[0].emailer_touches[1].emailer_template.body_html"))
                .isEqualTo(new SourceLocator.Location(List.of(1), "step_1_body_b", "Other first"));
    }

    @Test
    void reports_a_gap_in_the_numbered_keys_of_a_json_row() throws IOException {
        SequenceDraft draft = only(mapAll(TestInputs.write(dir, "rows.json", """
                [{"sequence": "Q1", "step_1_body": "First", "step_3_wait_days": 2, "step_3_body": "Third"}]
                """)));

        assertThat(draft.problems()).singleElement().satisfies(p -> {
            assertThat(p.rows()).containsExactly(1);
            assertThat(p.message()).startsWith("step 2 is empty, but step 3 is filled");
        });
    }

    @Test
    void reports_two_json_keys_for_one_step_field_on_the_row() throws IOException {
        SequenceDraft draft = only(mapAll(TestInputs.write(dir, "rows.json", """
                [{"sequence": "Q1", "Step 1 Body": "First", "step1_body": "Also first"}]
                """)));

        assertThat(draft.problems()).extracting(Problem::rows, Problem::column, Problem::message)
                .containsExactly(tuple(List.of(1), "step1_body",
                        "means the same as \"Step 1 Body\" (step 1 body); keep one of them"));
    }

    @Test
    void reports_a_step_row_key_in_a_json_row_that_numbers_its_steps() throws IOException {
        SequenceDraft draft = only(mapAll(TestInputs.write(dir, "rows.json", """
                [{"sequence": "Q1", "step": 1, "step_1_body": "First"}]
                """)));

        assertThat(draft.problems()).extracting(Problem::column, Problem::message)
                .containsExactly(tuple("step", "is a step-row field, but this row numbers its steps"
                        + " (\"step_1_body\"); number it like that too, or remove it"));
    }

    @Test
    void reports_a_sequence_name_used_on_two_numbered_json_rows() throws IOException {
        SequenceDraft draft = only(mapAll(TestInputs.write(dir, "rows.json", """
                [{"sequence": "Q1", "step_1_body": "First"},
                 {"sequence": "Q1", "step_1_body": "Pasted again"}]
                """)));

        assertThat(draft.problems()).extracting(Problem::rows, Problem::column)
                .containsExactly(tuple(List.of(1, 2), "sequence"));
    }

    @Test
    void a_refused_body_is_not_told_again_as_a_step_without_email() throws IOException {
        SequenceDraft draft = validated(only(mapAll(TestInputs.write(dir, "rows.json", """
                [{"sequence": "Q1", "step_1_subject": "Hi", "step_1_body": "First", "step_2_wait_days": 2,
                  "step_2_body": ["Second"]}]
                """))));

        assertThat(draft.problems()).extracting(Problem::column, Problem::message)
                .containsExactly(tuple("step_2_body", "must be a single value, not a list"));
    }

    @Test
    void reports_a_list_in_a_numbered_json_key() throws IOException {
        SequenceDraft draft = only(mapAll(TestInputs.write(dir, "rows.json", """
                [{"sequence": "Q1", "step_1_body": ["First", "Second"], "step_2_body": "Then", "step_2_wait_days": [3]}]
                """)));

        assertThat(draft.problems()).extracting(Problem::column, Problem::message).containsExactly(
                tuple("step_1_body", "must be a single value, not a list"),
                tuple("step_2_wait_days", "must be a single value, not a list"));
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** The request body exactly as the pipeline sends it or writes it to the outbox. */
    private String body(SequenceDraft draft) throws IOException {
        return new String(call.requestBody(draft), StandardCharsets.UTF_8);
    }

    private SequenceDraft csv(String content) throws IOException {
        return only(mapAll(TestInputs.write(dir, "sequences.csv", content)));
    }

    private SequenceCandidate candidate(String content) throws IOException {
        List<SequenceCandidate> all = TestInputs.candidates(TestInputs.write(dir, "sequences.csv", content));
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private List<SequenceDraft> mapAll(Path file) throws IOException {
        return TestInputs.candidates(file).stream().map(mapper::map).toList();
    }

    private static SequenceDraft only(List<SequenceDraft> drafts) {
        assertThat(drafts).hasSize(1);
        return drafts.get(0);
    }

    private static SequenceDraft validated(SequenceDraft draft) {
        return validated(draft, false);
    }

    private static SequenceDraft validated(SequenceDraft draft, boolean abTesting) {
        ApolloProperties apollo = new ApolloProperties(URI.create("https://api.apollo.io"), null, true, abTesting, true,
                Duration.ofSeconds(10), Duration.ofSeconds(30),
                new ApolloProperties.Retry(3, Duration.ofSeconds(2), 2.0, Duration.ofSeconds(60)));
        return new SequenceValidator(VALIDATION.getValidator(), apollo).validate(draft);
    }
}
