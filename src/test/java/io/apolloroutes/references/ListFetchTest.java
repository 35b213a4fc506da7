package io.apolloroutes.references;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ListFetchTest {

    @Test
    void reads_an_unpaged_list_in_one_request_whatever_its_pagination_says() {
        ListFetch fetch = new ListFetch(ReferenceKind.SCHEDULE);

        fetch.advance();
        assertThat(fetch.path()).isEqualTo("emailer_schedules");
        assertThat(fetch.query()).isNull();
        fetch.add(page(3, user(1)));

        assertThat(fetch.isMore()).isFalse();
        assertThat(fetch.toList().complete()).isTrue();
    }

    @Test
    void follows_the_pages_of_the_users() {
        ListFetch fetch = new ListFetch(ReferenceKind.OWNER);
        assertThat(fetch.isMore()).isTrue();

        fetch.advance();
        assertThat(fetch.path()).isEqualTo("users/search");
        assertThat(fetch.query()).isEqualTo("page=1&per_page=100");
        fetch.add(page(2, user(1)));
        assertThat(fetch.isMore()).isTrue();
        fetch.advance();
        assertThat(fetch.query()).isEqualTo("page=2&per_page=100");
        fetch.add(page(2, user(2)));

        assertThat(fetch.isMore()).isFalse();
        ReferenceList list = fetch.toList();
        assertThat(list.referents()).extracting(Referent::label).containsExactly("u1@acme.example", "u2@acme.example");
        assertThat(list.complete()).isTrue();
    }

    @Test
    void an_empty_page_ends_the_list_whatever_the_page_count_says() {
        ListFetch fetch = new ListFetch(ReferenceKind.OWNER);
        fetch.advance();
        fetch.add(page(9, user(1)));
        fetch.advance();
        fetch.add(new ReferencePage(List.of(), 9, 0));

        assertThat(fetch.isMore()).isFalse();
        assertThat(fetch.toList().complete()).isTrue();
    }

    @Test
    void a_page_of_only_deleted_users_does_not_end_the_list() {
        ListFetch fetch = new ListFetch(ReferenceKind.OWNER);
        fetch.advance();
        fetch.add(new ReferencePage(List.of(), 2, 3));

        assertThat(fetch.isMore()).isTrue();
    }

    @Test
    void stops_after_the_page_limit_and_marks_the_list_incomplete() {
        ListFetch fetch = new ListFetch(ReferenceKind.OWNER);
        int requests = 0;
        while (fetch.isMore()) {
            fetch.advance();
            requests++;
            fetch.add(page(ListFetch.MAX_PAGES + 10, user(requests)));
        }

        assertThat(requests).isEqualTo(ListFetch.MAX_PAGES);
        assertThat(fetch.toList().complete()).isFalse();
        assertThat(fetch.toList().referents()).hasSize(ListFetch.MAX_PAGES);
    }

    private static ReferencePage page(int totalPages, Referent... referents) {
        return new ReferencePage(List.of(referents), totalPages, referents.length);
    }

    private static Referent user(int n) {
        return new Referent(String.format("%024x", n), "u" + n + "@acme.example", List.of("u" + n + "@acme.example"));
    }
}
