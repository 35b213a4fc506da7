package io.apolloroutes.references;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferencePageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void reads_schedules_under_their_documented_key() {
        ReferencePage page = ReferencePage.read(ReferenceKind.SCHEDULE, json("""
                {"emailer_schedules": [
                  {"id": "6095a710bd01d100a506d4a1", "name": "Weekday mornings", "default": true, "time_zone": "UTC"},
                  {"id": "6095a710bd01d100a506d4a2", "name": "Afternoons"}]}"""));

        assertThat(page.referents()).containsExactly(
                new Referent("6095a710bd01d100a506d4a1", "Weekday mornings", List.of("Weekday mornings")),
                new Referent("6095a710bd01d100a506d4a2", "Afternoons", List.of("Afternoons")));
        assertThat(page.totalPages()).isEqualTo(1);
    }

    @Test
    void reads_stages_with_their_name_and_display_name() {
        ReferencePage page = ReferencePage.read(ReferenceKind.ACCOUNT_STAGE, json("""
                {"account_stages": [{"id": "aaaaaaaaaaaaaaaaaaaaaaa1", "team_id": "t", "name": "cold",
                  "display_name": "Cold lead", "display_order": 1, "category": "in_progress"}]}"""));

        assertThat(page.referents()).containsExactly(
                new Referent("aaaaaaaaaaaaaaaaaaaaaaa1", "cold", List.of("cold", "Cold lead")));
    }

    @Test
    void reads_a_list_wrapped_in_data_as_some_of_apollos_docs_show_it() {
        ReferencePage page = ReferencePage.read(ReferenceKind.CONTACT_STAGE, json("""
                {"data": [{"id": "bbbbbbbbbbbbbbbbbbbbbbb1", "name": "Do not contact"}]}"""));

        assertThat(page.referents()).extracting(Referent::label).containsExactly("Do not contact");
    }

    @Test
    void reads_a_bare_array() {
        ReferencePage page = ReferencePage.read(ReferenceKind.SCHEDULE, json("""
                [{"id": "6095a710bd01d100a506d4a1", "name": "Weekday mornings"}]"""));

        assertThat(page.referents()).extracting(Referent::id).containsExactly("6095a710bd01d100a506d4a1");
    }

    @Test
    void reads_users_by_email_with_the_page_count_and_leaves_out_deleted_users() {
        ReferencePage page = ReferencePage.read(ReferenceKind.OWNER, json("""
                {"users": [
                  {"id": "5f8d1a2b3c4d5e6f7a8b9c01", "first_name": "Ann", "name": "Ann Lee", "email": "ann@acme.example"},
                  {"id": "5f8d1a2b3c4d5e6f7a8b9c02", "email": "gone@acme.example", "deleted": true}],
                 "pagination": {"page": 1, "per_page": 100, "total_entries": 230, "total_pages": 3}}"""));

        assertThat(page.referents()).containsExactly(
                new Referent("5f8d1a2b3c4d5e6f7a8b9c01", "ann@acme.example", List.of("ann@acme.example")));
        assertThat(page.totalPages()).isEqualTo(3);
        assertThat(page.empty()).isFalse();
    }

    @Test
    void skips_entries_without_an_id_and_shows_an_entry_without_a_name_by_its_id() {
        ReferencePage page = ReferencePage.read(ReferenceKind.SCHEDULE, json("""
                {"emailer_schedules": [{"name": "No ID"}, {"id": ""}, "not an object",
                  {"id": "6095a710bd01d100a506d4a1"}]}"""));

        assertThat(page.referents()).containsExactly(
                new Referent("6095a710bd01d100a506d4a1", "6095a710bd01d100a506d4a1", List.of()));
    }

    @Test
    void refuses_an_answer_without_the_list() {
        assertThatThrownBy(() -> ReferencePage.read(ReferenceKind.SCHEDULE, json("{\"schedules\": {}}")))
                .isInstanceOf(ReferenceListException.class)
                .hasMessage("Apollo's answer has no emailer_schedules list");
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
