package io.apolloroutes.pipeline;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.apolloroutes.pipeline.ApolloStubs.SCHEDULES;
import static io.apolloroutes.pipeline.ApolloStubs.schedulesAnswer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.apolloroutes.support.TestInputs;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code apollo.dry-run=true} wins over a configured key: nothing is created. References are still
 * looked up, with read-only calls, so the outbox holds the IDs a live run would send.
 */
class DryRunWithKeyTest extends PipelineTestSupport {

    @RegisterExtension
    static final WireMockExtension APOLLO = WireMockExtension.newInstance().options(options().dynamicPort()).build();

    @DynamicPropertySource
    static void apollo(DynamicPropertyRegistry registry) {
        registry.add("apollo.base-url", () -> APOLLO.baseUrl());
        registry.add("apollo.api-key", () -> "sk_live_configured_but_dry");
        registry.add("apollo.dry-run", () -> "true");
    }

    @Test
    void sends_nothing_when_dry_run_is_set_even_with_a_key() {
        dropText("checked-only.csv", "sequence,subject,body\nChecked only,Hello,Hi\n");

        JsonNode report = awaitReport("checked-only.csv");

        assertThat(report.path("mode").asText()).isEqualTo("dry-run");
        assertThat(report.path("sequences").get(0).path("outcome").asText()).isEqualTo("would-create");
        assertThat(APOLLO.getAllServeEvents()).isEmpty();
    }

    @Test
    void looks_references_up_with_a_key_and_writes_their_ids_to_the_outbox_without_creating_anything()
            throws IOException {
        APOLLO.stubFor(get(SCHEDULES).willReturn(schedulesAnswer("6095a710bd01d100a506d4a1", "Weekday mornings")));
        dropText("checked-names.csv", """
                sequence,schedule,subject,body
                Checked name,Weekday Mornings,Hello,Hi
                Unknown name,Weekend,Hello,Hi
                """);

        JsonNode report = awaitReport("checked-names.csv");

        assertThat(report.path("sequences")).extracting(s -> s.path("outcome").asText())
                .containsExactly("would-create", "invalid");
        assertThat(report.path("sequences").get(1).path("reason").asText())
                .endsWith("no schedule named 'Weekend'; valid: 'Weekday mornings'");
        JsonNode body = TestInputs.MAPPER.readTree(outboxOf("checked-names.csv").orElseThrow()
                .resolve("001-checked-name.json").toFile());
        assertThat(body.path("emailer_schedule_id").asText()).isEqualTo("6095a710bd01d100a506d4a1");
        APOLLO.verify(1, getRequestedFor(urlEqualTo(SCHEDULES)));
        APOLLO.verify(0, postRequestedFor(anyUrl()));
    }
}
