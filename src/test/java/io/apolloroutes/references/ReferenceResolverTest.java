package io.apolloroutes.references;

import static org.assertj.core.api.Assertions.assertThat;

import io.apolloroutes.mapping.Problem;
import io.apolloroutes.mapping.SequenceDraft;
import io.apolloroutes.mapping.SequenceMapper;
import io.apolloroutes.references.ReferenceResolver.Resolution;
import io.apolloroutes.support.TestInputs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceResolverTest {

    private static final String MORNINGS = "6095a710bd01d100a506d4a1";
    private static final String ANN = "5f8d1a2b3c4d5e6f7a8b9c01";
    private static final String COLD = "aaaaaaaaaaaaaaaaaaaaaaa1";
    private static final String CUSTOMER = "aaaaaaaaaaaaaaaaaaaaaaa2";
    private static final String DO_NOT_CONTACT = "bbbbbbbbbbbbbbbbbbbbbbb1";

    private static final Map<ReferenceKind, ListState> LOADED = new EnumMap<>(Map.of(
            ReferenceKind.SCHEDULE, loaded(ReferenceKind.SCHEDULE, new Referent(MORNINGS, "Weekday mornings",
                    List.of("Weekday mornings"))),
            ReferenceKind.OWNER, loaded(ReferenceKind.OWNER, new Referent(ANN, "ann@acme.example",
                    List.of("ann@acme.example"))),
            ReferenceKind.ACCOUNT_STAGE, loaded(ReferenceKind.ACCOUNT_STAGE,
                    new Referent(COLD, "Cold", List.of("Cold", "Cold lead")),
                    new Referent(CUSTOMER, "Customer", List.of("Customer"))),
            ReferenceKind.CONTACT_STAGE, loaded(ReferenceKind.CONTACT_STAGE,
                    new Referent(DO_NOT_CONTACT, "Do not contact", List.of("Do not contact")))));

    @TempDir
    Path dir;

    @Test
    void replaces_names_with_the_ids_apollo_lists() throws IOException {
        SequenceDraft draft = draft("""
                sequence,schedule,owner email,excluded account stages,excluded contact stages,subject,body
                Q1,weekday mornings,Ann@Acme.example,cold lead; Customer,Do not contact,Hi,Hello
                """);

        Resolution resolution = ReferenceResolver.resolve(draft, LOADED::get);

        assertThat(resolution.deferReason()).isNull();
        SequenceDraft resolved = resolution.draft();
        assertThat(resolved.problems()).isEmpty();
        assertThat(resolved.request().emailerScheduleId()).isEqualTo(MORNINGS);
        assertThat(resolved.request().userId()).isEqualTo(ANN);
        assertThat(resolved.request().excludedAccountStageIds()).containsExactly(COLD, CUSTOMER);
        assertThat(resolved.request().excludedContactStageIds()).containsExactly(DO_NOT_CONTACT);
        assertThat(resolved.request().emailerSteps()).isEqualTo(draft.request().emailerSteps());
    }

    @Test
    void checks_ids_and_keeps_them() throws IOException {
        SequenceDraft draft = draft("sequence,schedule_id,owner_id,subject,body\nQ1," + MORNINGS + "," + ANN + ",Hi,Hello\n");

        SequenceDraft resolved = ReferenceResolver.resolve(draft, LOADED::get).draft();

        assertThat(resolved.problems()).isEmpty();
        assertThat(resolved.request()).isEqualTo(draft.request());
    }

    @Test
    void an_unknown_name_is_a_problem_located_by_row_and_column() throws IOException {
        SequenceDraft draft = draft("""
                sequence,subject,body,Excluded Account Stages
                Q1,Hi,Hello,
                Q1,,Again,Cold; Churned
                """);

        Resolution resolution = ReferenceResolver.resolve(draft, LOADED::get);

        assertThat(resolution.draft().isInvalid()).isTrue();
        assertThat(resolution.draft().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.rows()).containsExactly(3);
            assertThat(problem.column()).isEqualTo("Excluded Account Stages");
            assertThat(problem.path()).isEqualTo("excluded_account_stage_ids[1]");
            assertThat(problem.render(draft.candidate().file())).isEqualTo("sequences.csv row 3, column"
                    + " \"Excluded Account Stages\" (excluded_account_stage_ids[1]): no account stage named 'Churned';"
                    + " valid: 'Cold', 'Customer'");
        });
    }

    @Test
    void an_unknown_id_is_a_problem_too() throws IOException {
        SequenceDraft draft = draft("sequence,owner,subject,body\nQ1,5f8d1a2b3c4d5e6f7a8b9c99,Hi,Hello\n");

        Problem problem = ReferenceResolver.resolve(draft, LOADED::get).draft().problems().get(0);

        assertThat(problem.message()).isEqualTo("no user with ID '5f8d1a2b3c4d5e6f7a8b9c99'; valid: 'ann@acme.example'"
                + " (" + ANN + ")");
    }

    @Test
    void without_a_key_names_stay_as_written_with_a_note_and_ids_need_none() throws IOException {
        SequenceDraft draft = draft("""
                sequence,schedule,owner,excluded account stages,subject,body
                Q1,Weekday mornings,""" + ANN + """
                ,Cold; Lost;""" + COLD + """
                ,Hi,Hello
                """);

        Resolution resolution = ReferenceResolver.resolve(draft, kind -> new ListState.NoKey());

        assertThat(resolution.deferReason()).isNull();
        SequenceDraft result = resolution.draft();
        assertThat(result.isInvalid()).isFalse();
        assertThat(result.request()).isEqualTo(draft.request());
        assertThat(result.notes()).extracting(note -> note.render(draft.candidate().file())).containsExactly(
                "sequences.csv row 2, column \"schedule\" (emailer_schedule_id): schedule 'Weekday mornings' was not"
                        + " looked up: without an API key Apollo cannot be asked for its schedules, so the outbox body"
                        + " keeps it as written; a run with a key sends its ID instead, or reports it as unknown",
                "sequences.csv row 2, column \"excluded account stages\" (excluded_account_stage_ids): account stages"
                        + " 'Cold', 'Lost' were not looked up: without an API key Apollo cannot be asked for its account"
                        + " stages, so the outbox body keeps them as written; a run with a key sends their IDs"
                        + " instead, or reports them as unknown");
    }

    @Test
    void reference_problems_join_the_others_in_the_order_of_the_file() throws IOException {
        SequenceDraft mapped = draft("""
                sequence,schedule,subject,body
                Q1,Weekend,Hi,Hello
                Q1,,,Again
                """);
        Problem later = new Problem(List.of(3), "subject", "emailer_steps[1].emailer_touches[0].emailer_template.subject",
                null, "is empty");
        SequenceDraft draft = new SequenceDraft(mapped.candidate(), mapped.request(), mapped.locator(), List.of(later));

        List<Problem> problems = ReferenceResolver.resolve(draft, LOADED::get).draft().problems();

        assertThat(problems).extracting(Problem::path).containsExactly("emailer_schedule_id",
                "emailer_steps[1].emailer_touches[0].emailer_template.subject");
    }

    @Test
    void leaves_the_problems_as_they_were_when_the_references_add_none() throws IOException {
        SequenceDraft mapped = draft("sequence,schedule,subject,body\nQ1,Weekday mornings,Hi,Hello\n");
        List<Problem> found = List.of(new Problem(List.of(3), null, "b", null, "second"),
                new Problem(List.of(2), null, "a", null, "first"));
        SequenceDraft draft = new SequenceDraft(mapped.candidate(), mapped.request(), mapped.locator(), found);

        assertThat(ReferenceResolver.resolve(draft, LOADED::get).draft().problems()).isEqualTo(found);
    }

    @Test
    void a_list_that_could_not_be_read_defers_a_valid_sequence_that_needs_it() throws IOException {
        SequenceDraft draft = draft("sequence,schedule,owner,subject,body\nQ1,Weekday mornings,ann@acme.example,Hi,Hello\n");
        Map<ReferenceKind, ListState> lists = new EnumMap<>(LOADED);
        lists.put(ReferenceKind.OWNER, new ListState.Unavailable("Apollo's list of users (GET /api/v1/users/search)"
                + " could not be read: Apollo answered 503: down (after 4 attempts); drop the failed rows again later"));

        Resolution resolution = ReferenceResolver.resolve(draft, lists::get);

        assertThat(resolution.draft().isInvalid()).isFalse();
        assertThat(resolution.deferReason()).isEqualTo("not sent: its owner could not be checked: Apollo's list of users"
                + " (GET /api/v1/users/search) could not be read: Apollo answered 503: down (after 4 attempts); drop the"
                + " failed rows again later");
    }

    @Test
    void an_invalid_sequence_stays_invalid_when_a_list_it_needs_could_not_be_read() throws IOException {
        SequenceDraft draft = draft("sequence,schedule,owner,subject,body\nQ1,Weekend,ann@acme.example,Hi,Hello\n");
        Map<ReferenceKind, ListState> lists = new EnumMap<>(LOADED);
        lists.put(ReferenceKind.OWNER, new ListState.Unavailable("down"));

        Resolution resolution = ReferenceResolver.resolve(draft, lists::get);

        assertThat(resolution.deferReason()).isNull();
        assertThat(resolution.draft().problems()).extracting(Problem::message)
                .containsExactly("no schedule named 'Weekend'; valid: 'Weekday mornings'");
    }

    @Test
    void does_not_look_up_a_value_validation_already_refused() throws IOException {
        SequenceDraft mapped = draft("sequence,schedule,subject,body\nQ1,6095a710bd01d100a506d4a,Hi,Hello\n");
        Problem mistyped = new Problem(List.of(2), "schedule", "emailer_schedule_id", "6095a710bd01d100a506d4a",
                "looks like an Apollo ID with 23 characters instead of 24");
        SequenceDraft draft = new SequenceDraft(mapped.candidate(), mapped.request(), mapped.locator(), List.of(mistyped));

        SequenceDraft result = ReferenceResolver.resolve(draft, LOADED::get).draft();

        assertThat(result.problems()).containsExactly(mistyped);
    }

    @Test
    void an_id_beyond_a_long_list_is_sent_as_written_with_a_note() throws IOException {
        SequenceDraft draft = draft("sequence,owner,subject,body\nQ1,5f8d1a2b3c4d5e6f7a8b9c99,Hi,Hello\n");
        Map<ReferenceKind, ListState> lists = new EnumMap<>(LOADED);
        lists.put(ReferenceKind.OWNER, new ListState.Loaded(new ReferenceList(ReferenceKind.OWNER,
                List.of(new Referent(ANN, "ann@acme.example", List.of("ann@acme.example"))), false)));

        SequenceDraft result = ReferenceResolver.resolve(draft, lists::get).draft();

        assertThat(result.isInvalid()).isFalse();
        assertThat(result.request().userId()).isEqualTo("5f8d1a2b3c4d5e6f7a8b9c99");
        assertThat(result.notes()).extracting(Problem::message).singleElement().asString()
                .startsWith("user ID '5f8d1a2b3c4d5e6f7a8b9c99' is not among the first 1 users");
    }

    private SequenceDraft draft(String csv) throws IOException {
        SequenceMapper mapper = new SequenceMapper(TestInputs.MAPPER);
        List<SequenceDraft> drafts = TestInputs.candidates(TestInputs.write(dir, "sequences.csv", csv)).stream()
                .map(mapper::map).toList();
        assertThat(drafts).hasSize(1);
        assertThat(drafts.get(0).problems()).isEmpty();
        return drafts.get(0);
    }

    private static ListState loaded(ReferenceKind kind, Referent... referents) {
        return new ListState.Loaded(new ReferenceList(kind, List.of(referents), true));
    }
}
