package io.apolloroutes.pipeline;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@code apollo.dry-run=true} wins over a configured key: a reachable Apollo receives nothing. */
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
}
