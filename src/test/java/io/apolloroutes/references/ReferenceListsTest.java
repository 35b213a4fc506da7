package io.apolloroutes.references;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apolloroutes.apollo.ApolloProperties;
import io.apolloroutes.support.TestInputs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReferenceListsTest {

    private final ReferenceLists lists = new ReferenceLists(new ReferenceCache(), TestInputs.MAPPER,
            new ApolloProperties(URI.create("https://api.apollo.io"), "key", false, false, true, Duration.ofSeconds(10),
                    Duration.ofSeconds(30), new ApolloProperties.Retry(3, Duration.ofSeconds(2), 2.0, Duration.ofSeconds(60))),
            // reading pages never asks when to try again
            null);

    @Test
    void an_answer_that_is_not_json_is_an_unreadable_list_not_a_broken_connection() {
        ListFetch fetch = new ListFetch(ReferenceKind.SCHEDULE);
        fetch.advance();

        assertThatThrownBy(() -> lists.readPage(text("<html>Maintenance</html>"), fetch))
                .isInstanceOf(ReferenceListException.class)
                .hasMessageStartingWith("Apollo's answer is not JSON");
    }

    @Test
    void reads_a_page_into_the_list() throws IOException {
        ListFetch fetch = new ListFetch(ReferenceKind.SCHEDULE);
        fetch.advance();

        lists.readPage(text("{\"emailer_schedules\":[{\"id\":\"6095a710bd01d100a506d4a1\",\"name\":\"Mornings\"}]}"), fetch);

        assertThat(fetch.toList().referents()).extracting(Referent::label).containsExactly("Mornings");
    }

    @Test
    void users_without_a_page_count_are_read_on_while_pages_come_full() throws IOException {
        ListFetch fetch = new ListFetch(ReferenceKind.OWNER);
        fetch.advance();
        lists.readPage(text(users(1, ListFetch.PER_PAGE)), fetch);
        assertThat(fetch.isMore()).isTrue();

        fetch.advance();
        lists.readPage(text(users(ListFetch.PER_PAGE + 1, 7)), fetch);

        assertThat(fetch.isMore()).isFalse();
        assertThat(fetch.toList().referents()).hasSize(ListFetch.PER_PAGE + 7);
    }

    /** A page of users without any pagination object. */
    private static String users(int first, int count) {
        StringBuilder users = new StringBuilder();
        for (int i = first; i < first + count; i++) {
            users.append(users.isEmpty() ? "" : ",").append(String.format(java.util.Locale.ROOT,
                    "{\"id\":\"%024x\",\"email\":\"user%d@acme.example\"}", i, i));
        }
        return "{\"users\":[" + users + "]}";
    }

    private static InputStream text(String body) {
        return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
    }
}
