package io.apolloroutes.references;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReferenceMatcherTest {

    private static final String MORNINGS = "6095a710bd01d100a506d4a1";
    private static final String AFTERNOONS = "6095a710bd01d100a506d4a2";
    private static final ReferenceList SCHEDULES = list(ReferenceKind.SCHEDULE,
            new Referent(MORNINGS, "Weekday mornings", List.of("Weekday mornings")),
            new Referent(AFTERNOONS, "Afternoons (EU)", List.of("Afternoons (EU)")));

    @Test
    void finds_a_schedule_by_its_name() {
        assertThat(ReferenceMatcher.match("Weekday mornings", SCHEDULES)).isEqualTo(new Match.Found(MORNINGS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"weekday mornings", "WEEKDAY MORNINGS", "  Weekday mornings ", "Weekday   mornings",
            "Weekday\tMornings"})
    void compares_names_without_regard_to_case_and_spaces(String written) {
        assertThat(ReferenceMatcher.match(written, SCHEDULES)).isEqualTo(new Match.Found(MORNINGS));
    }

    @Test
    void does_not_guess_from_part_of_a_name() {
        assertThat(ReferenceMatcher.match("Weekday", SCHEDULES)).isInstanceOf(Match.Refused.class);
    }

    @Test
    void finds_a_schedule_by_its_id_written_in_any_case() {
        assertThat(ReferenceMatcher.match(AFTERNOONS.toUpperCase(), SCHEDULES)).isEqualTo(new Match.Found(AFTERNOONS));
    }

    @Test
    void an_unknown_schedule_name_lists_the_valid_ones() {
        Match match = ReferenceMatcher.match("Weekend mornings", SCHEDULES);

        assertThat(match).isEqualTo(new Match.Refused(
                "no schedule named 'Weekend mornings'; valid: 'Weekday mornings', 'Afternoons (EU)'"));
    }

    @Test
    void an_unknown_schedule_id_lists_the_valid_ones_with_their_ids() {
        Match match = ReferenceMatcher.match("6095a710bd01d100a506d4ff", SCHEDULES);

        assertThat(match).isEqualTo(new Match.Refused("no schedule with ID '6095a710bd01d100a506d4ff'; valid:"
                + " 'Weekday mornings' (" + MORNINGS + "), 'Afternoons (EU)' (" + AFTERNOONS + ")"));
    }

    @Test
    void an_ambiguous_name_lists_the_ids_of_the_candidates() {
        ReferenceList twins = list(ReferenceKind.SCHEDULE,
                new Referent(MORNINGS, "Mornings", List.of("Mornings")),
                new Referent(AFTERNOONS, "Afternoons", List.of("Afternoons")),
                new Referent("6095a710bd01d100a506d4a3", "mornings", List.of("mornings ")));

        Match match = ReferenceMatcher.match("Mornings", twins);

        assertThat(match).isEqualTo(new Match.Refused("'Mornings' fits 2 schedules (IDs " + MORNINGS
                + ", 6095a710bd01d100a506d4a3); write the ID of the one you mean"));
    }

    @Test
    void finds_a_user_by_email_without_regard_to_case() {
        ReferenceList users = list(ReferenceKind.OWNER,
                new Referent("5f8d1a2b3c4d5e6f7a8b9c01", "ann@acme.example", List.of("ann@acme.example")),
                new Referent("5f8d1a2b3c4d5e6f7a8b9c02", "Bob@Acme.example", List.of("Bob@Acme.example")));

        assertThat(ReferenceMatcher.match("bob@acme.EXAMPLE", users)).isEqualTo(new Match.Found("5f8d1a2b3c4d5e6f7a8b9c02"));
        assertThat(ReferenceMatcher.match("carol@acme.example", users)).isEqualTo(new Match.Refused(
                "no user with the email 'carol@acme.example'; valid: 'ann@acme.example', 'Bob@Acme.example'"));
    }

    @Test
    void finds_a_stage_by_its_name_or_its_display_name() {
        ReferenceList stages = list(ReferenceKind.ACCOUNT_STAGE,
                new Referent("aaaaaaaaaaaaaaaaaaaaaaa1", "cold", List.of("cold", "Cold lead")),
                new Referent("aaaaaaaaaaaaaaaaaaaaaaa2", "customer", List.of("customer", "Current customer")));

        assertThat(ReferenceMatcher.match("Cold", stages)).isEqualTo(new Match.Found("aaaaaaaaaaaaaaaaaaaaaaa1"));
        assertThat(ReferenceMatcher.match("current customer", stages))
                .isEqualTo(new Match.Found("aaaaaaaaaaaaaaaaaaaaaaa2"));
        assertThat(ReferenceMatcher.match("Churned", stages))
                .isEqualTo(new Match.Refused("no account stage named 'Churned'; valid: 'cold', 'customer'"));
    }

    @Test
    void lists_the_first_twenty_valid_names_and_counts_the_rest() {
        List<Referent> many = new ArrayList<>();
        for (int i = 1; i <= 23; i++) {
            many.add(new Referent(String.format("%024x", i), "Stage " + i, List.of("Stage " + i)));
        }

        Match match = ReferenceMatcher.match("Stage 99", new ReferenceList(ReferenceKind.CONTACT_STAGE, many, true));

        assertThat(((Match.Refused) match).message())
                .startsWith("no contact stage named 'Stage 99'; valid: 'Stage 1', 'Stage 2', ")
                .endsWith("'Stage 19', 'Stage 20' and 3 more")
                .doesNotContain("'Stage 21'");
    }

    @Test
    void says_when_apollo_lists_none_at_all() {
        Match match = ReferenceMatcher.match("Weekday mornings", list(ReferenceKind.SCHEDULE));

        assertThat(match).isEqualTo(new Match.Refused(
                "no schedule named 'Weekday mornings'; Apollo lists no schedules for this team"));
    }

    @Test
    void an_email_beyond_the_part_of_a_long_user_list_that_was_read_asks_for_the_id() {
        ReferenceList partial = new ReferenceList(ReferenceKind.OWNER,
                List.of(new Referent("5f8d1a2b3c4d5e6f7a8b9c01", "ann@acme.example", List.of("ann@acme.example"))), false);

        assertThat(ReferenceMatcher.match("zoe@acme.example", partial)).isEqualTo(new Match.Refused(
                "no user with the email 'zoe@acme.example' among the first 1 users Apollo lists (it has more);"
                        + " write the user's ID instead"));
    }

    @Test
    void an_id_beyond_the_part_of_a_long_user_list_that_was_read_is_sent_for_apollo_to_check() {
        ReferenceList partial = new ReferenceList(ReferenceKind.OWNER,
                List.of(new Referent("5f8d1a2b3c4d5e6f7a8b9c01", "ann@acme.example", List.of("ann@acme.example"))), false);

        Match match = ReferenceMatcher.match("5f8d1a2b3c4d5e6f7a8b9c99", partial);

        assertThat(match).isEqualTo(new Match.Unconfirmed("user ID '5f8d1a2b3c4d5e6f7a8b9c99' is not among the first"
                + " 1 users Apollo lists (it has more), so it was not checked here; Apollo checks it when the sequence"
                + " is created"));
    }

    private static ReferenceList list(ReferenceKind kind, Referent... referents) {
        return new ReferenceList(kind, List.of(referents), true);
    }
}
