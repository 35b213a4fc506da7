package io.apolloroutes.pipeline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

/** Apollo's answers as the WireMock stand-in gives them, in the shapes of apollo-api.md §4 and §7.1. */
final class ApolloStubs {

    static final String CREATE = "/api/v1/sequences";
    static final String SEARCH = "/api/v1/emailer_campaigns/search";

    private ApolloStubs() {
    }

    /** Apollo has no sequences until a test says otherwise (a test's own stubs take precedence). */
    static void noSequencesYet(WireMockExtension apollo) {
        apollo.stubFor(post(SEARCH).atPriority(10).willReturn(searchAnswer()));
    }

    /**
     * Apollo creates the sequence when it receives the create call, but the answer never arrives
     * ({@code lost}: a delay past the response timeout, or a dropped connection); from then on its
     * search finds the sequence.
     */
    static void createdButAnswerLost(WireMockExtension apollo, String name, String id, ResponseDefinitionBuilder lost) {
        apollo.stubFor(post(CREATE).inScenario("lost answer").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(lost).willSetStateTo("created"));
        apollo.stubFor(post(SEARCH).inScenario("lost answer").whenScenarioStateIs("created")
                .willReturn(searchAnswer(name, id)));
    }

    /** A 200 answer to the create call, with the new ID where Apollo puts it. */
    static ResponseDefinitionBuilder createdAnswer(String id) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody("{\"emailer_campaign\":{\"id\":\"" + id + "\",\"archived\":false,\"active\":false},"
                        + "\"emailer_steps\":[],\"emailer_touches\":[],\"emailer_templates\":[]}");
    }

    /** A page of Apollo's sequence search holding the given {@code name, id} pairs, unarchived. */
    static ResponseDefinitionBuilder searchAnswer(String... nameIdPairs) {
        String[] campaigns = new String[nameIdPairs.length / 2];
        for (int i = 0; i < campaigns.length; i++) {
            campaigns[i] = "{\"id\":\"" + nameIdPairs[2 * i + 1] + "\",\"name\":\"" + nameIdPairs[2 * i]
                    + "\",\"archived\":false}";
        }
        return searchPage(1, 1, campaigns);
    }

    /** Page {@code page} of {@code pages} of Apollo's sequence search, holding the given campaign objects. */
    static ResponseDefinitionBuilder searchPage(int page, int pages, String... campaigns) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody("{\"emailer_campaigns\":[" + String.join(",", campaigns) + "],\"pagination\":{\"page\":"
                        + page + ",\"per_page\":100,\"total_pages\":" + pages + "}}");
    }
}
