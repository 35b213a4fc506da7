package io.apolloroutes.pipeline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.apolloroutes.pipeline.ApolloStubs.CREATE;
import static io.apolloroutes.pipeline.ApolloStubs.SEARCH;
import static io.apolloroutes.pipeline.ApolloStubs.createdAnswer;
import static io.apolloroutes.pipeline.ApolloStubs.createdButAnswerLost;
import static io.apolloroutes.pipeline.ApolloStubs.noSequencesYet;
import static io.apolloroutes.pipeline.ApolloStubs.liveAgainst;
import static io.apolloroutes.pipeline.ApolloStubs.tooManyCalls;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With {@code apollo.search-before-create=false}, Apollo is not searched before an ordinary create,
 * but a sequence whose create answer was lost is still looked up before anything is sent again.
 */
class LookUpOnlyAfterLostAnswerTest extends PipelineTestSupport {

    @RegisterExtension
    static final WireMockExtension APOLLO = WireMockExtension.newInstance().options(options().dynamicPort()).build();

    @DynamicPropertySource
    static void apollo(DynamicPropertyRegistry registry) {
        liveAgainst(registry, APOLLO, "sk_test_lookup_after_lost_answer");
        registry.add("apollo.search-before-create", () -> "false");
    }

    @BeforeEach
    void apollo_has_no_sequences_yet() {
        noSequencesYet(APOLLO);
    }

    @Test
    void an_ordinary_create_is_sent_without_a_search() {
        APOLLO.stubFor(post(CREATE).willReturn(createdAnswer("64f1a2b3c4d5e6f7a8b9c0f1")));
        dropText("plain.csv", "sequence,subject,body\nPlain,Hello,Hi\n");

        assertThat(awaitReport("plain.csv").path("sequences").get(0).path("outcome").asText()).isEqualTo("created");
        APOLLO.verify(0, postRequestedFor(urlEqualTo(SEARCH)));
        APOLLO.verify(1, postRequestedFor(urlEqualTo(CREATE)));
    }

    @Test
    void a_lost_answer_is_looked_up_before_anything_is_sent_again() {
        createdButAnswerLost(APOLLO, "Lost answer", "64f1a2b3c4d5e6f7a8b9c0f2",
                aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        dropText("lost.csv", "sequence,subject,body\nLost answer,Hello,Hi\n");

        JsonNode sequence = awaitReport("lost.csv").path("sequences").get(0);

        APOLLO.verify(1, postRequestedFor(urlEqualTo(CREATE)));
        APOLLO.verify(1, postRequestedFor(urlEqualTo(SEARCH))
                .withRequestBody(matchingJsonPath("$.q_name", equalTo("Lost answer"))));
        assertThat(sequence.path("outcome").asText()).isEqualTo("created");
        assertThat(sequence.path("apollo_id").asText()).isEqualTo("64f1a2b3c4d5e6f7a8b9c0f2");
    }

    @Test
    void a_failed_lookup_after_a_lost_answer_keeps_the_doubt_so_nothing_is_sent_blind() {
        APOLLO.stubFor(post(CREATE).inScenario("lost").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("created"));
        APOLLO.stubFor(post(CREATE).inScenario("lost").whenScenarioStateIs("created")
                .willReturn(createdAnswer("64f1a2b3c4d5e6f7a8b9c0f4")));
        // the lookup after the lost answer is refused once (a minute's 429), then finds the sequence
        APOLLO.stubFor(post(SEARCH).inScenario("lookup").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(tooManyCalls("emailer_campaigns/search", 50, "minute").withHeader("retry-after", "1"))
                .willSetStateTo("answers"));
        APOLLO.stubFor(post(SEARCH).inScenario("lookup").whenScenarioStateIs("answers")
                .willReturn(ApolloStubs.searchAnswer("In doubt", "64f1a2b3c4d5e6f7a8b9c0f5")));
        dropText("in-doubt.csv", "sequence,subject,body\nIn doubt,Hello,Hi\n");

        JsonNode sequence = awaitReport("in-doubt.csv").path("sequences").get(0);

        APOLLO.verify(1, postRequestedFor(urlEqualTo(CREATE)));
        assertThat(sequence.path("outcome").asText()).isEqualTo("created");
        assertThat(sequence.path("apollo_id").asText()).isEqualTo("64f1a2b3c4d5e6f7a8b9c0f5");
    }

    @Test
    void a_429_created_nothing_so_the_retry_needs_no_search() {
        APOLLO.stubFor(post(CREATE).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(tooManyCalls("sequences", 50, "minute").withHeader("retry-after", "1"))
                .willSetStateTo("free"));
        APOLLO.stubFor(post(CREATE).inScenario("busy").whenScenarioStateIs("free")
                .willReturn(createdAnswer("64f1a2b3c4d5e6f7a8b9c0f3")));
        dropText("busy.csv", "sequence,subject,body\nBusy minute,Hello,Hi\n");

        assertThat(awaitReport("busy.csv").path("sequences").get(0).path("outcome").asText()).isEqualTo("created");
        APOLLO.verify(2, postRequestedFor(urlEqualTo(CREATE)));
        APOLLO.verify(0, postRequestedFor(urlEqualTo(SEARCH)));
    }
}
