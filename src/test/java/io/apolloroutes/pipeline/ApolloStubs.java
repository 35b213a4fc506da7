package io.apolloroutes.pipeline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Apollo's answers as the WireMock stand-in gives them, in the shapes of apollo-api.md §4, §7.1, §7.2, §7.3 and §7.5. */
final class ApolloStubs {

    static final String CREATE = "/api/v1/sequences";
    static final String SEARCH = "/api/v1/emailer_campaigns/search";
    static final String SCHEDULES = "/api/v1/emailer_schedules";
    static final String USERS = "/api/v1/users/search";
    static final String ACCOUNT_STAGES = "/api/v1/account_stages";
    static final String CONTACT_STAGES = "/api/v1/contact_stages";

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

    /** A live run against the stand-in, with timeouts and retry waits short enough for a test. */
    static void liveAgainst(DynamicPropertyRegistry registry, WireMockExtension apollo, String apiKey) {
        registry.add("apollo.base-url", apollo::baseUrl);
        registry.add("apollo.api-key", () -> apiKey);
        registry.add("apollo.response-timeout", () -> "1s");
        registry.add("apollo.retry.initial-delay", () -> "20ms");
        registry.add("apollo.retry.max-delay", () -> "100ms");
    }

    /**
     * Apollo's 429, its text naming the window ("… is 50 times per minute. Please upgrade your plan"),
     * for {@code endpoint} such as {@code sequences}.
     */
    static ResponseDefinitionBuilder tooManyCalls(String endpoint, int limit, String window) {
        return aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"The maximum number of api calls allowed for api/v1/" + endpoint + " is " + limit
                        + " times per " + window + ". Please upgrade your plan\"}");
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

    /** Apollo's email schedules, from {@code id, name} pairs: {@code {"emailer_schedules": [...]}}. */
    static ResponseDefinitionBuilder schedulesAnswer(String... idNamePairs) {
        StringBuilder entries = new StringBuilder();
        for (int i = 0; i < idNamePairs.length; i += 2) {
            entries.append(i == 0 ? "" : ",").append("{\"id\":\"").append(idNamePairs[i]).append("\",\"name\":\"")
                    .append(idNamePairs[i + 1]).append("\",\"default\":false,\"time_zone\":\"Europe/Berlin\"}");
        }
        return json("{\"emailer_schedules\":[" + entries + "]}");
    }

    /** Page {@code page} of {@code pages} of Apollo's users, from {@code id, email} pairs. */
    static ResponseDefinitionBuilder usersPage(int page, int pages, String... idEmailPairs) {
        StringBuilder entries = new StringBuilder();
        for (int i = 0; i < idEmailPairs.length; i += 2) {
            entries.append(i == 0 ? "" : ",").append("{\"id\":\"").append(idEmailPairs[i])
                    .append("\",\"first_name\":\"Someone\",\"email\":\"").append(idEmailPairs[i + 1])
                    .append("\",\"deleted\":false}");
        }
        return json("{\"users\":[" + entries + "],\"pagination\":{\"page\":" + page + ",\"per_page\":100,"
                + "\"total_entries\":" + (idEmailPairs.length / 2) + ",\"total_pages\":" + pages + "}}");
    }

    /**
     * Apollo's account or contact stages ({@code key} is {@code account_stages} or {@code contact_stages}),
     * from {@code id, name, display_name} triples.
     */
    static ResponseDefinitionBuilder stagesAnswer(String key, String... idNameDisplayTriples) {
        StringBuilder entries = new StringBuilder();
        for (int i = 0; i < idNameDisplayTriples.length; i += 3) {
            entries.append(i == 0 ? "" : ",").append("{\"id\":\"").append(idNameDisplayTriples[i])
                    .append("\",\"name\":\"").append(idNameDisplayTriples[i + 1]).append("\",\"display_name\":\"")
                    .append(idNameDisplayTriples[i + 2]).append("\",\"display_order\":").append(i / 3).append('}');
        }
        return json("{\"" + key + "\":[" + entries + "]}");
    }

    static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8").withBody(body);
    }
}
