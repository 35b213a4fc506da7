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
                    Duration.ofSeconds(30), new ApolloProperties.Retry(3, Duration.ofSeconds(2), 2.0, Duration.ofSeconds(60))));

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

    private static InputStream text(String body) {
        return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
    }
}
