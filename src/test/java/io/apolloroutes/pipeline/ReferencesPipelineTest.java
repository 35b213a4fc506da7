package io.apolloroutes.pipeline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.apolloroutes.pipeline.ApolloStubs.ACCOUNT_STAGES;
import static io.apolloroutes.pipeline.ApolloStubs.CONTACT_STAGES;
import static io.apolloroutes.pipeline.ApolloStubs.CREATE;
import static io.apolloroutes.pipeline.ApolloStubs.SCHEDULES;
import static io.apolloroutes.pipeline.ApolloStubs.USERS;
import static io.apolloroutes.pipeline.ApolloStubs.createdAnswer;
import static io.apolloroutes.pipeline.ApolloStubs.json;
import static io.apolloroutes.pipeline.ApolloStubs.noSequencesYet;
import static io.apolloroutes.pipeline.ApolloStubs.schedulesAnswer;
import static io.apolloroutes.pipeline.ApolloStubs.stagesAnswer;
import static io.apolloroutes.pipeline.ApolloStubs.usersPage;
import static io.apolloroutes.pipeline.ApolloStubs.liveAgainst;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import io.apolloroutes.ledger.SequenceLedger;
import java.time.Instant;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Schedules, owners and stages written by name or ID, resolved against a WireMock stand-in for Apollo's
 * lists before the sequences are created.
 */
class ReferencesPipelineTest extends PipelineTestSupport {

    @Autowired
    SequenceLedger ledger;

    static final String API_KEY = "sk_live_references_5B4a39281706f5E4d3C2";
    static final String MORNINGS = "6095a710bd01d100a506d4a1";
    static final String AFTERNOONS = "6095a710bd01d100a506d4a2";
    static final String ANN = "5f8d1a2b3c4d5e6f7a8b9c01";
    static final String BOB = "5f8d1a2b3c4d5e6f7a8b9c02";
    static final String COLD = "aaaaaaaaaaaaaaaaaaaaaaa1";
    static final String CUSTOMER = "aaaaaaaaaaaaaaaaaaaaaaa2";
    static final String DO_NOT_CONTACT = "bbbbbbbbbbbbbbbbbbbbbbb1";

    @RegisterExtension
    static final WireMockExtension APOLLO = WireMockExtension.newInstance().options(options().dynamicPort()).build();

    @DynamicPropertySource
    static void apollo(DynamicPropertyRegistry registry) {
        liveAgainst(registry, APOLLO, API_KEY);
        registry.add("apollo.retry.max-retries", () -> "2");
    }

    @BeforeEach
    void apollo_has_lists_and_no_sequences_yet() {
        noSequencesYet(APOLLO);
        APOLLO.stubFor(get(SCHEDULES).willReturn(schedulesAnswer(MORNINGS, "Weekday mornings", AFTERNOONS, "Afternoons")));
        APOLLO.stubFor(get(urlPathEqualTo(USERS)).willReturn(usersPage(1, 1, ANN, "ann@acme.example", BOB, "bob@acme.example")));
        APOLLO.stubFor(get(ACCOUNT_STAGES).willReturn(stagesAnswer("account_stages",
                COLD, "Cold", "Cold lead", CUSTOMER, "Customer", "Current customer")));
        APOLLO.stubFor(get(CONTACT_STAGES).willReturn(stagesAnswer("contact_stages",
                DO_NOT_CONTACT, "Do not contact", "Do not contact")));
        APOLLO.stubFor(post(CREATE).willReturn(createdAnswer("64f1a2b3c4d5e6f7a8b9c0f0")));
    }

    @Test
    void a_file_naming_a_schedule_an_owner_by_email_and_stages_by_name_is_sent_with_their_ids() {
        dropText("named.csv", """
                sequence,schedule,owner email,excluded account stages,excluded contact stages,subject,body
                Named references, weekday MORNINGS ,Bob@Acme.example,cold lead; Customer,Do not contact,Hi,Hello
                """);

        JsonNode sequence = awaitReport("named.csv").path("sequences").get(0);

        assertThat(sequence.path("outcome").asText()).as(sequence.toPrettyString()).isEqualTo("created");
        APOLLO.verify(1, postRequestedFor(urlEqualTo(CREATE)).withRequestBody(equalToJson("""
                {"name": "Named references", "emailer_schedule_id": "%s", "user_id": "%s",
                 "excluded_account_stage_ids": ["%s", "%s"], "excluded_contact_stage_ids": ["%s"],
                 "emailer_steps": [{"type": "auto_email", "wait_time": 0, "wait_mode": "day",
                   "emailer_touches": [{"type": "new_thread", "status": "approved", "include_signature": true,
                     "emailer_template": {"subject": "Hi", "body_html": "<p>Hello</p>"}}]}]}
                """.formatted(MORNINGS, BOB, COLD, CUSTOMER, DO_NOT_CONTACT))));
        // read-only calls with the key and nothing of the pipeline's own
        for (LoggedRequest list : APOLLO.findAll(getRequestedFor(anyUrl()))) {
            assertThat(list.getHeader("x-api-key")).isEqualTo(API_KEY);
            Set<String> names = list.getHeaders().keys().stream().map(name -> name.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toSet());
            assertThat(names).isSubsetOf("x-api-key", "accept", "host", "connection", "user-agent", "accept-encoding");
        }
        APOLLO.verify(1, getRequestedFor(urlEqualTo(USERS + "?page=1&per_page=100")));
    }

    @Test
    void each_list_is_read_once_per_file_however_many_sequences_use_it() {
        String csv = """
                sequence,schedule,owner,excluded account stages,excluded contact stages,subject,body
                %1$s one,Weekday mornings,ann@acme.example,Cold,Do not contact,Hi,Hello
                %1$s two,Afternoons,bob@acme.example,Customer,,Hi,Hello
                %1$s three,%2$s,%3$s,Cold;Customer,Do not contact,Hi,Hello
                """;
        dropText("several.csv", csv.formatted("Several", MORNINGS, ANN));

        JsonNode report = awaitReport("several.csv");

        assertThat(report.path("sequences")).extracting(s -> s.path("outcome").asText())
                .containsExactly("created", "created", "created");
        APOLLO.verify(3, postRequestedFor(urlEqualTo(CREATE)));
        APOLLO.verify(1, getRequestedFor(urlEqualTo(SCHEDULES)));
        APOLLO.verify(1, getRequestedFor(urlPathEqualTo(USERS)));
        APOLLO.verify(1, getRequestedFor(urlEqualTo(ACCOUNT_STAGES)));
        APOLLO.verify(1, getRequestedFor(urlEqualTo(CONTACT_STAGES)));

        // the next file reads them again: what is cached is one run's view of Apollo, not Apollo
        dropText("several-again.csv", csv.formatted("Again", MORNINGS, ANN));
        awaitReport("several-again.csv");
        APOLLO.verify(2, getRequestedFor(urlEqualTo(SCHEDULES)));
        APOLLO.verify(2, getRequestedFor(urlPathEqualTo(USERS)));
    }

    @Test
    void a_file_without_references_reads_no_list() {
        dropText("plain.csv", "sequence,subject,body\nNo references,Hi,Hello\n");

        assertThat(awaitReport("plain.csv").path("sequences").get(0).path("outcome").asText()).isEqualTo("created");
        APOLLO.verify(0, getRequestedFor(anyUrl()));
    }

    @Test
    void only_the_lists_a_file_refers_to_are_read() {
        dropText("schedule-only.csv", "sequence,schedule,subject,body\nSchedule only,Afternoons,Hi,Hello\n");

        assertThat(awaitReport("schedule-only.csv").path("sequences").get(0).path("outcome").asText())
                .isEqualTo("created");
        APOLLO.verify(1, getRequestedFor(urlEqualTo(SCHEDULES)));
        APOLLO.verify(1, getRequestedFor(anyUrl()));
    }

    @Test
    void an_unknown_schedule_name_lists_the_valid_ones_and_the_other_sequences_are_still_created() {
        dropText("typo.csv", """
                sequence,schedule,subject,body
                Right schedule,Weekday mornings,Hi,Hello
                Misspelt schedule,Weekday mornigns,Hi,Hello
                Right schedule too,Afternoons,Hi,Hello
                """);

        JsonNode report = awaitReport("typo.csv");

        assertThat(report.path("sequences")).extracting(s -> s.path("outcome").asText())
                .containsExactly("created", "invalid", "created");
        assertThat(report.path("sequences").get(1).path("reason").asText()).isEqualTo("typo.csv row 3, column"
                + " \"schedule\" (emailer_schedule_id): no schedule named 'Weekday mornigns'; valid: 'Weekday mornings',"
                + " 'Afternoons'");
        APOLLO.verify(0, postRequestedFor(urlEqualTo(CREATE))
                .withRequestBody(matchingJsonPath("$.name", equalTo("Misspelt schedule"))));
        APOLLO.verify(2, postRequestedFor(urlEqualTo(CREATE)));
        assertThat(read(deadLetterOf("typo.csv").resolve("failed-rows.csv")))
                .contains("no schedule named 'Weekday mornigns'").contains("Misspelt schedule,Weekday mornigns,Hi,Hello")
                .doesNotContain("Right schedule");
    }

    @Test
    void a_schedule_id_apollo_does_not_list_makes_the_sequence_invalid() {
        dropText("stale-id.csv", "sequence,schedule_id,subject,body\nStale schedule,6095a710bd01d100a506d4ff,Hi,Hello\n");

        JsonNode sequence = awaitReport("stale-id.csv").path("sequences").get(0);

        assertThat(sequence.path("outcome").asText()).isEqualTo("invalid");
        assertThat(sequence.path("reason").asText()).endsWith("no schedule with ID '6095a710bd01d100a506d4ff'; valid:"
                + " 'Weekday mornings' (" + MORNINGS + "), 'Afternoons' (" + AFTERNOONS + ")");
        APOLLO.verify(0, postRequestedFor(urlEqualTo(CREATE)));
    }

    @Test
    void two_schedules_of_the_same_name_make_the_sequence_invalid_with_their_ids() {
        APOLLO.stubFor(get(SCHEDULES).willReturn(schedulesAnswer(MORNINGS, "Mornings", AFTERNOONS, "mornings")));
        dropText("twins.csv", "sequence,schedule,subject,body\nAmbiguous schedule,Mornings,Hi,Hello\n");

        JsonNode sequence = awaitReport("twins.csv").path("sequences").get(0);

        assertThat(sequence.path("outcome").asText()).isEqualTo("invalid");
        assertThat(sequence.path("reason").asText()).endsWith("'Mornings' fits 2 schedules (IDs " + MORNINGS + ", "
                + AFTERNOONS + "); write the ID of the one you mean");
    }

    @Test
    void an_owner_on_the_second_page_of_users_is_found() {
        APOLLO.stubFor(get(urlPathEqualTo(USERS)).withQueryParam("page", equalTo("1"))
                .willReturn(usersPage(1, 2, ANN, "ann@acme.example")));
        APOLLO.stubFor(get(urlPathEqualTo(USERS)).withQueryParam("page", equalTo("2"))
                .willReturn(usersPage(2, 2, BOB, "bob@acme.example")));
        dropText("page-two.csv", "sequence,owner,subject,body\nOwned by Bob,bob@acme.example,Hi,Hello\n");

        assertThat(awaitReport("page-two.csv").path("sequences").get(0).path("outcome").asText()).isEqualTo("created");
        APOLLO.verify(1, postRequestedFor(urlEqualTo(CREATE)).withRequestBody(matchingJsonPath("$.user_id", equalTo(BOB))));
        APOLLO.verify(2, getRequestedFor(urlPathEqualTo(USERS)));
    }

    @Test
    void a_list_that_keeps_failing_defers_the_sequences_that_need_it_and_the_others_are_created() {
        APOLLO.stubFor(get(CONTACT_STAGES).willReturn(aResponse().withStatus(503).withBody("Service Unavailable")));
        dropText("stages-down.csv", """
                sequence,excluded contact stages,subject,body
                Needs stages,Do not contact,Hi,Hello
                Needs nothing,,Hi,Hello
                Needs stages too,Do not contact,Hi,Hello
                """);

        JsonNode report = awaitReport("stages-down.csv");

        assertThat(report.path("sequences")).extracting(s -> s.path("outcome").asText())
                .containsExactly("deferred", "created", "deferred");
        String reason = "not sent: its excluded contact stages could not be checked: Apollo's list of contact stages"
                + " (GET /api/v1/contact_stages) could not be read: Apollo answered 503: Service Unavailable (after 3"
                + " attempts); it is sent again automatically from ";
        assertThat(report.path("sequences").get(0).path("reason").asText()).startsWith(reason);
        assertThat(report.path("sequences").get(2).path("reason").asText()).startsWith(reason);
        // in the ledger with a next attempt, so the resume sends it once the list can be read
        assertThat(ledger.find("Needs stages").orElseThrow().nextAttemptAt()).isAfter(Instant.now());
        // retried for the first sequence, then remembered for the run: the third does not ask again
        APOLLO.verify(3, getRequestedFor(urlEqualTo(CONTACT_STAGES)));
        APOLLO.verify(1, postRequestedFor(urlEqualTo(CREATE)));
        assertThat(read(deadLetterOf("stages-down.csv").resolve("failed-rows.csv")))
                .contains("Needs stages,Do not contact").contains("Needs stages too,Do not contact")
                .doesNotContain("Needs nothing");
    }

    @Test
    void a_list_that_answers_after_a_5xx_is_used() {
        APOLLO.stubFor(get(SCHEDULES).inScenario("flaky list").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(502).withBody("Bad Gateway")).willSetStateTo("up"));
        APOLLO.stubFor(get(SCHEDULES).inScenario("flaky list").whenScenarioStateIs("up")
                .willReturn(schedulesAnswer(MORNINGS, "Weekday mornings")));
        dropText("flaky-list.csv", "sequence,schedule,subject,body\nAfter a retry,Weekday mornings,Hi,Hello\n");

        assertThat(awaitReport("flaky-list.csv").path("sequences").get(0).path("outcome").asText()).isEqualTo("created");
        APOLLO.verify(2, getRequestedFor(urlEqualTo(SCHEDULES)));
        APOLLO.verify(1, postRequestedFor(urlEqualTo(CREATE))
                .withRequestBody(matchingJsonPath("$.emailer_schedule_id", equalTo(MORNINGS))));
    }

    @Test
    void a_403_on_the_users_defers_at_once_and_says_a_master_key_is_needed() {
        APOLLO.stubFor(get(urlPathEqualTo(USERS)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"api/v1/users/search is not"
                        + " accessible with this api_key\",\"error_code\":\"API_INACCESSIBLE\"}")));
        dropText("no-users.csv", "sequence,owner,subject,body\nOwner unknowable,ann@acme.example,Hi,Hello\n");

        JsonNode sequence = awaitReport("no-users.csv").path("sequences").get(0);

        assertThat(sequence.path("outcome").asText()).isEqualTo("deferred");
        assertThat(sequence.path("reason").asText()).startsWith("not sent: its owner could not be checked: Apollo's list"
                + " of users (GET /api/v1/users/search) could not be read: Apollo answered 403: api/v1/users/search is"
                + " not accessible with this api_key; ").contains("needs a master API key");
        APOLLO.verify(1, getRequestedFor(urlPathEqualTo(USERS)));
        APOLLO.verify(0, postRequestedFor(urlEqualTo(CREATE)));
    }

    @Test
    void an_answer_that_is_not_the_list_defers_without_retrying() {
        APOLLO.stubFor(get(ACCOUNT_STAGES).willReturn(json("{\"account_stage\": {\"id\": \"x\"}}")));
        dropText("odd-answer.csv", "sequence,excluded account stages,subject,body\nOdd stages,Cold,Hi,Hello\n");

        JsonNode sequence = awaitReport("odd-answer.csv").path("sequences").get(0);

        assertThat(sequence.path("outcome").asText()).isEqualTo("deferred");
        assertThat(sequence.path("reason").asText()).contains("Apollo's answer has no account_stages list");
        APOLLO.verify(1, getRequestedFor(urlEqualTo(ACCOUNT_STAGES)));
    }

    @Test
    void a_sequence_in_apollos_own_json_shape_may_name_its_schedule_too() {
        dropText("apollo-shape.json", """
                [{"name": "JSON with a schedule name", "emailer_schedule_id": "Afternoons",
                  "emailer_steps": [{"type": "call", "wait_time": 0, "wait_mode": "day"}]}]
                """);

        assertThat(awaitReport("apollo-shape.json").path("sequences").get(0).path("outcome").asText())
                .isEqualTo("created");
        APOLLO.verify(1, postRequestedFor(urlEqualTo(CREATE))
                .withRequestBody(matchingJsonPath("$.emailer_schedule_id", equalTo(AFTERNOONS))));
    }
}
