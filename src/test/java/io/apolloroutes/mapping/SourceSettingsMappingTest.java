package io.apolloroutes.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.apolloroutes.apollo.EmailerStep;
import io.apolloroutes.apollo.EmailerTouch;
import io.apolloroutes.apollo.SequenceRequest;
import io.apolloroutes.ingest.BodyFormat;
import io.apolloroutes.ingest.InputProperties;
import io.apolloroutes.ingest.SequenceCandidate;
import io.apolloroutes.ingest.SourceProfile;
import io.apolloroutes.ingest.SourceProfiles;
import io.apolloroutes.ingest.SpooledInput;
import io.apolloroutes.support.TestInputs;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * A source's mapping file and input settings, through the real read → spool → map path: the team's
 * own headers, constants for every sequence, the body format and the cell-length limit.
 */
class SourceSettingsMappingTest {

    private static final String WELCOME_HTML = """
            <p>Hi {{first_name}},</p>
            <p>thanks for joining the <strong>partner programme</strong> at {{company_name}}.<br>Here is what \
            happens next:</p>
            <ul>
            <li>a short call with your partner manager</li>
            <li>your co-branded landing page</li>
            <li>the first campaign, ready to go</li>
            </ul>
            <p><a href="https://cal.example.com/partners/kickoff?ref={{company_name}}">Book the kickoff</a></p>""";

    @TempDir
    Path dir;

    private final SequenceMapper mapper = new SequenceMapper(TestInputs.MAPPER);

    // ---- the team's own headers ----------------------------------------------------------------

    @Test
    void maps_the_teams_own_headers_to_the_columns_the_mapping_file_names() throws IOException {
        List<SequenceDraft> drafts = mapPartnerExport(100_000);

        assertThat(drafts).extracting(SequenceDraft::name).containsExactly(
                "Partner Onboarding – Café Owners", "Partner Reactivation DACH", "Partner Newsletter – Opt-in");
        SequenceDraft onboarding = drafts.get(0);
        assertThat(onboarding.problems()).isEmpty();
        assertThat(onboarding.rows()).containsExactly(2, 3, 5);
        List<EmailerStep> steps = onboarding.request().emailerSteps();
        assertThat(steps).extracting(EmailerStep::waitTime).containsExactly(0, 3, 4);
        assertThat(steps).extracting(EmailerStep::waitMode).containsOnly("day");
        assertThat(steps).extracting(s -> s.emailerTouches().get(0).emailerTemplate().subject())
                .containsExactly("Willkommen, {{first_name}}!", "", "Your partner kit");
        assertThat(steps).extracting(s -> s.emailerTouches().get(0).type())
                .containsExactly("new_thread", "reply_to_thread", "new_thread");
    }

    @Test
    void does_not_call_renamed_headers_unknown_but_still_names_a_header_the_mapping_leaves_out() throws IOException {
        try (SpooledInput input = TestInputs.spool(TestInputs.copy("inputs/partner-campaigns.csv", dir),
                profile("mappings/partner-export.yaml", 100_000))) {
            assertThat(input.layout().unknownColumns()).containsExactly("Region");
            assertThat(input.warnings()).containsExactly("unknown columns ignored (their cells are kept in dead-letter"
                    + " files but not sent): \"Region\"");
        }
    }

    @Test
    void matches_renamed_headers_loosely_like_any_header() throws IOException {
        SequenceDraft draft = only(mapCsv("""
                CAMPAIGN,email-subject,EMAIL_COPY
                Spring promo,Hello {{first_name}},Hi there
                """, "mappings/rename-only.yaml"));

        assertThat(draft.problems()).isEmpty();
        assertThat(draft.name()).isEqualTo("Spring promo");
        EmailerTouch touch = draft.request().emailerSteps().get(0).emailerTouches().get(0);
        assertThat(touch.emailerTemplate().subject()).isEqualTo("Hello {{first_name}}");
        assertThat(touch.emailerTemplate().bodyHtml()).isEqualTo("<p>Hi there</p>");
    }

    @Test
    void still_reads_headers_the_mapping_file_does_not_rename_under_their_own_names() throws IOException {
        SequenceDraft draft = only(mapCsv("""
                Campaign,wait_mode,Email Subject,Email Copy,permissions
                Spring promo,hours,Hello,Hi there,private
                """, "mappings/rename-only.yaml"));

        assertThat(draft.problems()).isEmpty();
        assertThat(draft.request().emailerSteps().get(0).waitMode()).isEqualTo("hour");
        assertThat(draft.request().permissions()).isEqualTo("private");
    }

    @Test
    void names_the_teams_own_header_in_a_problem() throws IOException {
        // partner-export.yaml reads Windows-1252 with semicolons
        SequenceDraft draft = only(mapCsv("""
                Campaign;Touch #;Delay (days);Email Subject;Email Copy
                Spring promo;1;0;Hello;Hi there
                Spring promo;2;two;;Following up
                """, "mappings/partner-export.yaml"));

        assertThat(draft.problems()).singleElement().satisfies(p -> {
            assertThat(p.rows()).containsExactly(3);
            assertThat(p.column()).isEqualTo("Delay (days)");
            assertThat(p.path()).isEqualTo("emailer_steps[1].wait_time");
            assertThat(p.value()).isEqualTo("two");
            assertThat(p.message()).isEqualTo("must be a whole number");
        });
    }

    @Test
    void a_step_without_email_names_the_teams_own_subject_and_body_headers() throws IOException {
        SequenceDraft draft = only(mapCsv("""
                Campaign;Touch #;Delay (days);Email Subject;Email Copy
                Spring promo;1;0;Hello;Hi there
                Spring promo;2;3;;
                """, "mappings/partner-export.yaml"));

        assertThat(draft.problems()).singleElement().satisfies(p -> {
            assertThat(p.rows()).containsExactly(3);
            assertThat(p.column()).isEqualTo("Email Copy");
            assertThat(p.message()).startsWith("is empty, and so is \"Email Subject\", but step 2 is an email step");
        });
    }

    // ---- constants -----------------------------------------------------------------------------

    @Test
    void fills_sequence_settings_from_mapping_constants_when_the_rows_leave_them_empty() throws IOException {
        SequenceRequest onboarding = mapPartnerExport(100_000).get(0).request();

        assertThat(onboarding.emailerScheduleId()).isEqualTo("6095a710bd01d100a506d4af");
        assertThat(onboarding.userId()).isEqualTo("60c1f2e3d4b5a69788796a5b");
        assertThat(onboarding.labelNames()).containsExactly("Partners", "Q3 2026", "DACH");
        assertThat(onboarding.permissions()).isEqualTo("team_can_use");
        assertThat(onboarding.maxEmailsPerDay()).isEqualTo(40);
        assertThat(onboarding.markFinishedIfReply()).isTrue();
        assertThat(onboarding.active()).isFalse();
        // settings neither the rows nor the mapping file give stay unset
        assertThat(onboarding.folderId()).isNull();
        assertThat(onboarding.markPausedIfOoo()).isNull();
    }

    @Test
    void a_value_in_the_file_wins_over_the_mapping_constant() throws IOException {
        List<SequenceDraft> drafts = mapPartnerExport(100_000);

        assertThat(drafts.get(1).name()).isEqualTo("Partner Reactivation DACH");
        assertThat(drafts.get(1).request().userId()).isEqualTo("5f2a8b3c9d4e1f0a2b3c4d5e");
        assertThat(drafts.get(0).request().userId()).isEqualTo("60c1f2e3d4b5a69788796a5b");
    }

    @Test
    void a_value_in_the_file_wins_over_the_mapping_constant_for_lists_and_numbers_too() throws IOException {
        List<SequenceDraft> drafts = mapCsv("""
                Campaign,Email Subject,Email Copy,labels,max emails per day
                Spring promo,Hello,Hi there,Spring; Promo,
                Autumn promo,Hello,Hi there,,15
                """, write("promo.yaml", """
                columns:
                  Campaign: sequence
                  Email Subject: subject
                  Email Copy: body
                constants:
                  labels: [Partners, Q3 2026]
                  max_emails_per_day: 40
                """));

        assertThat(drafts.get(0).request().labelNames()).containsExactly("Spring", "Promo");
        assertThat(drafts.get(0).request().maxEmailsPerDay()).isEqualTo(40);
        assertThat(drafts.get(1).request().labelNames()).containsExactly("Partners", "Q3 2026");
        assertThat(drafts.get(1).request().maxEmailsPerDay()).isEqualTo(15);
    }

    @Test
    void reports_a_mapping_constant_that_cannot_be_read_on_every_row_of_the_sequence() throws IOException {
        SequenceDraft draft = only(mapCsv("""
                Campaign,Touch #,Email Subject,Email Copy
                Spring promo,1,Hello,Hi there
                Spring promo,2,,Following up
                """, write("lots.yaml", """
                columns:
                  Campaign: sequence
                  "Touch #": step
                  Email Subject: subject
                  Email Copy: body
                constants:
                  max_emails_per_day: lots
                """)));

        assertThat(draft.isInvalid()).isTrue();
        assertThat(draft.request().maxEmailsPerDay()).isNull();
        assertThat(draft.problems()).singleElement().satisfies(p -> {
            assertThat(p.rows()).containsExactly(2, 3);
            assertThat(p.column()).isEqualTo("max_emails_per_day (mapping file constant)");
            assertThat(p.path()).isEqualTo("max_emails_per_day");
            assertThat(p.value()).isEqualTo("lots");
            assertThat(p.message()).isEqualTo("must be a whole number");
        });
        assertThat(draft.problems().get(0).render(draft.candidate().file())).isEqualTo("sequences.csv rows 2-3,"
                + " column \"max_emails_per_day (mapping file constant)\" (max_emails_per_day): must be a whole"
                + " number — got 'lots'");
    }

    @Test
    void locates_a_setting_the_rows_leave_to_a_mapping_constant_on_the_constant_not_on_a_column() throws IOException {
        // "public" reads as a code but breaks a rule only validation knows: its message must not send the
        // user to a "permissions" column the file does not have, nor to an empty one that it has
        List<SequenceDraft> drafts = mapCsv("""
                Campaign,Email Subject,Email Copy,Folder
                Spring promo,Hello,Hi there,
                Spring promo,,Following up,
                Summer promo,Hello,Hi there,64b0f00d64b0f00d64b0f00d
                """, write("public.yaml", """
                columns:
                  Campaign: sequence
                  Email Subject: subject
                  Email Copy: body
                  Folder: folder_id
                constants:
                  permissions: public
                  folder_id: not an id
                """));

        assertThat(drafts.get(0).locator().locate("permissions"))
                .isEqualTo(new SourceLocator.Location(List.of(2, 3), "permissions (mapping file constant)", "public"));
        assertThat(drafts.get(0).locator().locate("folder_id"))
                .isEqualTo(new SourceLocator.Location(List.of(2, 3), "folder_id (mapping file constant)", "not an id"));
        assertThat(drafts.get(1).locator().locate("folder_id"))
                .isEqualTo(new SourceLocator.Location(List.of(4), "Folder", "64b0f00d64b0f00d64b0f00d"));
    }

    @Test
    void does_not_read_a_bad_mapping_constant_for_a_sequence_whose_rows_give_the_setting() throws IOException {
        SequenceDraft draft = only(mapCsv("""
                Campaign,Email Subject,Email Copy,Max Emails Per Day
                Spring promo,Hello,Hi there,25
                """, write("lots.yaml", """
                columns:
                  Campaign: sequence
                  Email Subject: subject
                  Email Copy: body
                constants:
                  max_emails_per_day: lots
                """)));

        assertThat(draft.problems()).isEmpty();
        assertThat(draft.request().maxEmailsPerDay()).isEqualTo(25);
    }

    // ---- body format ---------------------------------------------------------------------------

    @Test
    void renders_bodies_in_the_sources_body_format_unless_the_row_names_another() throws IOException {
        List<SequenceDraft> drafts = mapPartnerExport(100_000);

        List<EmailerStep> onboarding = drafts.get(0).request().emailerSteps();
        // no format on the row: the mapping file's markdown
        assertThat(body(onboarding.get(0))).isEqualTo(WELCOME_HTML);
        assertThat(body(onboarding.get(1)))
                .isEqualTo("<p>Just bumping this up, {{first_name}} – any questions about the programme?</p>");
        // "HTML" on the row: kept as written
        assertThat(body(onboarding.get(2))).isEqualTo("Attached: the <b>partner kit</b> (PDF, 2 MB).");

        List<EmailerStep> dach = drafts.get(1).request().emailerSteps();
        assertThat(body(dach.get(0))).isEqualTo("""
                <h2>Was ist neu?</h2>
                <p>Drei Dinge haben sich geändert, {{first_name}}:</p>
                <ol>
                <li>höhere Provision ab dem ersten Deal</li>
                <li>ein eigenes Partner-Portal</li>
                <li>Co-Marketing-Budget für {{company_name}}</li>
                </ol>""");
        // "text" on the row: escaped, line breaks kept
        assertThat(body(dach.get(1))).isEqualTo("<p>Preise &lt; 50 € &amp; Rabatte &gt; 10 % – *nur* bis Ende Q3.<br>"
                + "Antworten Sie einfach auf diese Mail.</p>");
    }

    @Test
    void reads_a_body_format_column_under_its_own_name_row_by_row() throws IOException {
        List<SequenceDraft> drafts = mapCsv("""
                sequence,step,subject,body,body_format
                Formats,1,Hello,**Hi** {{first_name}},markdown
                Formats,2,,**Hi** <b>there</b>,Text
                Formats,3,,Thanks,HTML
                Formats,4,,**Hi** {{first_name}},
                """, (String) null);

        List<EmailerStep> steps = only(drafts).request().emailerSteps();
        assertThat(steps).extracting(SourceSettingsMappingTest::body).containsExactly(
                "<p><strong>Hi</strong> {{first_name}}</p>",
                "<p>**Hi** &lt;b&gt;there&lt;/b&gt;</p>",
                "Thanks",
                // no format on the row and none for the source: auto, which finds no tags
                "<p>**Hi** {{first_name}}</p>");
    }

    @Test
    void reports_an_unknown_body_format_on_its_row_and_column_and_keeps_the_other_rows() throws IOException {
        SequenceDraft draft = only(mapCsv("""
                Campaign;Touch #;Email Subject;Email Copy;Copy format
                Spring promo;1;Hello;**Hi** {{first_name}};
                Spring promo;2;;Following up;rich text
                """, "mappings/partner-export.yaml"));

        assertThat(draft.isInvalid()).isTrue();
        assertThat(draft.problems()).singleElement().satisfies(p -> {
            assertThat(p.rows()).containsExactly(3);
            assertThat(p.column()).isEqualTo("Copy format");
            assertThat(p.value()).isEqualTo("rich text");
            assertThat(p.message()).isEqualTo("must be auto, html, text or markdown");
        });
        assertThat(body(draft.request().emailerSteps().get(0))).isEqualTo("<p><strong>Hi</strong> {{first_name}}</p>");
    }

    @Test
    void a_row_may_set_its_body_format_back_to_auto_under_a_markdown_source() throws IOException {
        SequenceDraft draft = only(mapCsv("""
                sequence,subject,body,body_format
                Q1,Hello,**not bold** <b>bold</b>,Auto
                """, write("markdown.yaml", "body_format: markdown\n")));

        assertThat(draft.problems()).isEmpty();
        assertThat(body(draft.request().emailerSteps().get(0))).isEqualTo("**not bold** <b>bold</b>");
    }

    @Test
    void a_body_format_on_a_row_without_an_email_is_not_an_email() throws IOException {
        // the format column is filled down the whole sheet, including the call step
        SequenceDraft draft = only(mapCsv("""
                sequence,step,type,wait_time,subject,body,note,body_format
                Spring promo,1,auto_email,0,Hello,**Hi** {{first_name}},,markdown
                Spring promo,2,call,2,,,Call about the spring offer,markdown
                Spring promo,3,auto_email,1,,Any thoughts?,,markdown
                """, (String) null));

        assertThat(draft.problems()).isEmpty();
        assertThat(draft.request().emailerSteps()).extracting(EmailerStep::type)
                .containsExactly("auto_email", "call", "auto_email");
        assertThat(draft.request().emailerSteps().get(1).emailerTouches()).isNull();
    }

    @Test
    void a_body_format_on_a_row_of_sequence_settings_adds_no_step() throws IOException {
        SequenceDraft draft = only(mapCsv("""
                sequence,step,labels,subject,body,body_format
                Spring promo,,Spring,,,markdown
                Spring promo,1,,Hello,**Hi** {{first_name}},markdown
                """, (String) null));

        assertThat(draft.problems()).isEmpty();
        assertThat(draft.notes()).isEmpty();
        assertThat(draft.request().labelNames()).containsExactly("Spring");
        assertThat(draft.request().emailerSteps()).singleElement()
                .satisfies(step -> assertThat(body(step)).isEqualTo("<p><strong>Hi</strong> {{first_name}}</p>"));
    }

    @Test
    void creates_a_markdown_email_that_shows_nothing_as_a_draft() throws IOException {
        SequenceDraft draft = only(mapCsv("""
                sequence,subject,body
                Spring promo,Hello,**  **
                """, write("markdown.yaml", "body_format: markdown\n")));

        assertThat(draft.problems()).isEmpty();
        EmailerTouch touch = draft.request().emailerSteps().get(0).emailerTouches().get(0);
        assertThat(touch.status()).isNull();
        assertThat(draft.notes()).singleElement()
                .satisfies(note -> assertThat(note.message()).startsWith("is empty, so this email is created as a draft"));
    }

    // ---- cell-length limit ---------------------------------------------------------------------

    @Test
    void makes_a_row_with_a_cell_longer_than_the_limit_invalid_naming_row_column_and_lengths() throws IOException {
        List<SequenceDraft> drafts = mapPartnerExport(1_000);

        SequenceDraft newsletter = drafts.get(2);
        assertThat(newsletter.name()).isEqualTo("Partner Newsletter – Opt-in");
        assertThat(newsletter.isInvalid()).isTrue();
        assertThat(newsletter.problems()).singleElement().satisfies(p -> {
            assertThat(p.rows()).containsExactly(6);
            assertThat(p.column()).isEqualTo("Email Copy");
            assertThat(p.value()).startsWith("PARTNER PROGRAMME TERMS").hasSize(1_067);
            assertThat(p.message()).isEqualTo(String.format("is %,d characters long, more than the %,d a cell may"
                    + " have (input.max-cell-length); shorten it", 1_067, 1_000));
        });
    }

    @Test
    void leaves_the_other_sequences_of_the_file_alone_when_one_cell_is_too_long() throws IOException {
        List<SequenceDraft> drafts = mapPartnerExport(1_000);

        assertThat(drafts.get(0).problems()).isEmpty();
        assertThat(drafts.get(1).problems()).isEmpty();
        assertThat(drafts.get(0).request().emailerSteps()).hasSize(3);
    }

    @Test
    void accepts_a_cell_exactly_as_long_as_the_limit() throws IOException {
        List<SequenceDraft> drafts = mapPartnerExport(1_067);

        assertThat(drafts).allSatisfy(d -> assertThat(d.problems()).isEmpty());
    }

    @Test
    void measures_the_cells_it_reads_and_not_those_under_unknown_headers() throws IOException {
        // the notes column is never read, so its length is nobody's problem; the body's is
        SequenceDraft draft = only(mapCsv("sequence,subject,body,Internal notes\nSpring promo,Hello,"
                + "y".repeat(55) + "," + "x".repeat(60) + "\n", write("plain.yaml", "{}\n"), 50));

        assertThat(draft.problems()).singleElement().satisfies(p -> {
            assertThat(p.rows()).containsExactly(2);
            assertThat(p.column()).isEqualTo("body");
            assertThat(p.message()).startsWith("is 55 characters long, more than the 50 a cell may have");
        });
    }

    // ---- flat JSON rows ------------------------------------------------------------------------

    @Test
    void applies_constants_and_the_body_format_to_flat_json_rows() throws IOException {
        List<SequenceDraft> drafts = map(TestInputs.copy("inputs/partner-rows.json", dir),
                profile("mappings/partner-export.yaml", 100_000));

        SequenceDraft webinar = drafts.get(0);
        assertThat(webinar.problems()).isEmpty();
        SequenceRequest request = webinar.request();
        assertThat(request.name()).isEqualTo("Partner Webinar Follow-up");
        assertThat(request.emailerScheduleId()).isEqualTo("6095a710bd01d100a506d4af");
        assertThat(request.labelNames()).containsExactly("Webinar");
        assertThat(request.maxEmailsPerDay()).isEqualTo(40);
        assertThat(request.emailerSteps()).extracting(SourceSettingsMappingTest::body).containsExactly(
                "<p>Thanks for joining the webinar, {{first_name}}!<br>Here are <a href=\"https://example.com/slides\">"
                        + "the slides</a>.</p>",
                "<p>Did the recording reach you? &lt;3</p>");
    }

    @Test
    void reports_an_unknown_body_format_in_a_flat_json_row_by_element_and_key() throws IOException {
        List<SequenceDraft> drafts = map(TestInputs.copy("inputs/partner-rows.json", dir),
                profile("mappings/partner-export.yaml", 100_000));

        SequenceDraft roundtable = drafts.get(1);
        assertThat(roundtable.problems()).singleElement().satisfies(p -> {
            assertThat(p.rows()).containsExactly(4);
            assertThat(p.column()).isEqualTo("body_format");
            assertThat(p.value()).isEqualTo("docx");
            assertThat(p.message()).isEqualTo("must be auto, html, text or markdown");
        });
    }

    @Test
    void makes_a_flat_json_row_with_a_value_longer_than_the_limit_invalid() throws IOException {
        List<SequenceDraft> drafts = map(TestInputs.copy("inputs/partner-rows.json", dir),
                profile("mappings/partner-export.yaml", 200));

        assertThat(drafts.get(0).problems()).isEmpty();
        assertThat(drafts.get(2).problems()).singleElement().satisfies(p -> {
            assertThat(p.rows()).containsExactly(5);
            assertThat(p.column()).isEqualTo("body");
            assertThat(p.message()).startsWith("is 4").contains("more than the 200 a cell may have");
        });
    }

    @Test
    void maps_the_teams_own_keys_of_flat_json_rows_like_their_csv_headers() throws IOException {
        List<SequenceDraft> drafts = map(TestInputs.write(dir, "planner.json", """
                [{"Campaign": "Spring promo", "Touch #": 1, "Delay (days)": 0, "Email Subject": "Hello",
                  "Email Copy": "**Hi** {{first_name}}"},
                 {"Campaign": "Spring promo", "Touch #": 2, "Delay (days)": 3, "Email Copy": "Any thoughts?",
                  "Copy format": "text"}]
                """), profile("mappings/partner-export.yaml", 100_000));

        SequenceDraft draft = only(drafts);
        assertThat(draft.problems()).isEmpty();
        assertThat(draft.name()).isEqualTo("Spring promo");
        assertThat(draft.request().emailerSteps()).extracting(EmailerStep::waitTime).containsExactly(0, 3);
        assertThat(draft.request().emailerSteps()).extracting(SourceSettingsMappingTest::body)
                .containsExactly("<p><strong>Hi</strong> {{first_name}}</p>", "<p>Any thoughts?</p>");
        assertThat(draft.locator().locate("emailer_steps[1].emailer_touches[0].emailer_template.body_html"))
                .isEqualTo(new SourceLocator.Location(List.of(2), "Email Copy", "Any thoughts?"));
    }

    @Test
    void maps_the_teams_own_keys_of_json_lines_and_does_not_call_them_unknown() throws IOException {
        Path file = TestInputs.write(dir, "planner.jsonl", """
                {"campaign": "Spring promo", "touch-#": 1, "Email Subject": "Hello", "Email Copy": "Hi", "Owner note": "VIP"}
                {"campaign": "Spring promo", "touch-#": 2, "Delay (days)": 2, "Email Copy": "Any thoughts?"}
                """);
        SourceProfile profile = profile("mappings/partner-export.yaml", 100_000);

        try (SpooledInput input = TestInputs.spool(file, profile)) {
            assertThat(input.warnings()).containsExactly("unknown columns ignored (their cells are kept in dead-letter"
                    + " files but not sent): \"Owner note\"");
        }
        SequenceDraft draft = only(map(file, profile));
        assertThat(draft.problems()).isEmpty();
        assertThat(draft.name()).isEqualTo("Spring promo");
        assertThat(draft.request().emailerSteps()).extracting(EmailerStep::waitTime).containsExactly(0, 2);
    }

    @Test
    void renames_the_teams_numbered_headers_to_numbered_step_columns() throws IOException {
        SequenceDraft draft = only(mapCsv("""
                Campaign,Touch 1 Subject,Touch 1 Text,Touch 2 Delay,Touch 2 Text
                Spring promo,Hello {{first_name}},Hi {{first_name}},3,Any thoughts?
                """, "mappings/touch-columns.yaml"));

        assertThat(draft.problems()).isEmpty();
        assertThat(draft.request().emailerSteps()).extracting(EmailerStep::waitTime).containsExactly(0, 3);
        assertThat(draft.request().emailerSteps()).extracting(SourceSettingsMappingTest::body)
                .containsExactly("<p>Hi {{first_name}}</p>", "<p>Any thoughts?</p>");
    }

    @Test
    void renames_the_teams_numbered_keys_of_flat_json_rows_like_their_csv_headers() throws IOException {
        Path file = TestInputs.copy("inputs/touch-planner.json", dir);
        SourceProfile profile = profile("mappings/touch-columns.yaml", 100_000);

        try (SpooledInput input = TestInputs.spool(file, profile)) {
            assertThat(input.warnings()).containsExactly("unknown columns ignored (their cells are kept in dead-letter"
                    + " files but not sent): \"Owner note\"");
        }
        List<SequenceDraft> drafts = map(file, profile);
        assertThat(drafts).extracting(SequenceDraft::problems).containsOnly(List.of());
        SequenceDraft spring = drafts.get(0);
        assertThat(spring.request().emailerSteps()).extracting(EmailerStep::waitTime).containsExactly(0, 3);
        assertThat(spring.request().emailerSteps()).extracting(SourceSettingsMappingTest::body)
                .containsExactly("<p>Hi {{first_name}}</p>", "<p>Any thoughts?</p>");
        assertThat(spring.locator().locate("emailer_steps[1].wait_time"))
                .isEqualTo(new SourceLocator.Location(List.of(1), "Touch 2 Delay", "3"));
        assertThat(drafts.get(1).request().emailerSteps()).hasSize(1);
    }

    // ---- helpers -------------------------------------------------------------------------------

    private List<SequenceDraft> mapPartnerExport(int maxCellLength) throws IOException {
        return map(TestInputs.copy("inputs/partner-campaigns.csv", dir),
                profile("mappings/partner-export.yaml", maxCellLength));
    }

    private List<SequenceDraft> mapCsv(String content, String mappingResource) throws IOException {
        return mapCsv(content, mappingResource == null ? null : TestInputs.copy(mappingResource, dir), 100_000);
    }

    private List<SequenceDraft> mapCsv(String content, Path mapping) throws IOException {
        return mapCsv(content, mapping, 100_000);
    }

    private List<SequenceDraft> mapCsv(String content, Path mapping, int maxCellLength) throws IOException {
        return map(TestInputs.write(dir, "sequences.csv", content), profile(mapping, maxCellLength));
    }

    private List<SequenceDraft> map(Path file, SourceProfile profile) throws IOException {
        try (SpooledInput input = TestInputs.spool(file, profile)) {
            List<SequenceCandidate> candidates = new ArrayList<>();
            input.sequences().forEachRemaining(candidates::add);
            return candidates.stream().map(mapper::map).toList();
        }
    }

    private SourceProfile profile(String mappingResource, int maxCellLength) {
        return profile(TestInputs.copy(mappingResource, dir), maxCellLength);
    }

    private static SourceProfile profile(Path mapping, int maxCellLength) {
        InputProperties input = new InputProperties("auto", "auto", "", ZoneId.of("UTC"), BodyFormat.AUTO,
                DataSize.ofMegabytes(512), 1_000_000, maxCellLength);
        return new SourceProfiles(input).profile("test", mapping);
    }

    private Path write(String name, String yaml) {
        return TestInputs.write(dir, name, yaml);
    }

    private static String body(EmailerStep step) {
        return step.emailerTouches().get(0).emailerTemplate().bodyHtml();
    }

    private static SequenceDraft only(List<SequenceDraft> drafts) {
        assertThat(drafts).hasSize(1);
        return drafts.get(0);
    }
}
