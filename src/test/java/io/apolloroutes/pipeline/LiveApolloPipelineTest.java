package io.apolloroutes.pipeline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.apolloroutes.pipeline.ApolloStubs.CREATE;
import static io.apolloroutes.pipeline.ApolloStubs.SEARCH;
import static io.apolloroutes.pipeline.ApolloStubs.createdAnswer;
import static io.apolloroutes.pipeline.ApolloStubs.createdButAnswerLost;
import static io.apolloroutes.pipeline.ApolloStubs.liveAgainst;
import static io.apolloroutes.pipeline.ApolloStubs.noSequencesYet;
import static io.apolloroutes.pipeline.ApolloStubs.searchAnswer;
import static io.apolloroutes.pipeline.ApolloStubs.searchPage;
import static io.apolloroutes.pipeline.ApolloStubs.tooManyCalls;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Sending for real, to a WireMock stand-in for Apollo on localhost. */
@ExtendWith(OutputCaptureExtension.class)
class LiveApolloPipelineTest extends PipelineTestSupport {

    static final String API_KEY = "sk_live_9F8e7D6c5B4a39281706f5E4d3C2b1A0";
    @RegisterExtension
    static final WireMockExtension APOLLO = WireMockExtension.newInstance().options(options().dynamicPort()).build();

    @DynamicPropertySource
    static void apollo(DynamicPropertyRegistry registry) {
        liveAgainst(registry, APOLLO, API_KEY);
        registry.add("apollo.ab-testing", () -> "true");
        registry.add("apollo.retry.max-retries", () -> "2");
    }

    @BeforeEach
    void apollo_has_no_sequences_yet() {
        noSequencesYet(APOLLO);
    }

    @Test
    void creates_each_sequence_with_exactly_the_expected_body_and_the_api_key() throws IOException {
        created("Q1 Outbound - VP Sales", "64f1a2b3c4d5e6f7a8b9c0d1");
        created("Webinar follow-up", "64f1a2b3c4d5e6f7a8b9c0d2");
        created("Customer expansion - Enterprise", "64f1a2b3c4d5e6f7a8b9c0d3");
        dropAs("samples/quick-start.csv", "live-quick-start.csv");

        JsonNode report = awaitReport("live-quick-start.csv");

        assertThat(report.path("mode").asText()).isEqualTo("live");
        assertThat(report.path("sequences")).extracting(s -> s.path("outcome").asText())
                .containsExactly("created", "created", "created");
        assertThat(report.path("sequences")).extracting(s -> s.path("apollo_id").asText())
                .containsExactly("64f1a2b3c4d5e6f7a8b9c0d1", "64f1a2b3c4d5e6f7a8b9c0d2", "64f1a2b3c4d5e6f7a8b9c0d3");
        for (String expected : List.of("001-q1-outbound-vp-sales", "002-webinar-follow-up",
                "003-customer-expansion-enterprise")) {
            APOLLO.verify(1, postRequestedFor(urlEqualTo(CREATE))
                    .withHeader("x-api-key", equalTo(API_KEY))
                    .withHeader("Content-Type", equalTo("application/json"))
                    .withRequestBody(equalToJson(resource("expected/quick-start/" + expected + ".json"))));
        }
        assertThat(APOLLO.findAll(postRequestedFor(urlEqualTo(CREATE)))).hasSize(3);
        assertThat(report.path("dead_letter").isNull()).isTrue();
        assertThat(runFile("dead-letter", "live-quick-start.csv", "")).isEmpty();
    }

    @Test
    void sends_no_camel_or_pipeline_headers_to_apollo() {
        created("Header check", "64f1a2b3c4d5e6f7a8b9c0d4");
        dropText("headers.csv", "sequence,subject,body\nHeader check,Hello,Hi there\n");
        awaitReport("headers.csv");

        LoggedRequest request = APOLLO.findAll(postRequestedFor(urlEqualTo(CREATE))).get(0);
        Set<String> names = request.getHeaders().keys().stream()
                .map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        assertThat(names).isSubsetOf("x-api-key", "content-type", "content-length", "host", "connection",
                "user-agent", "accept-encoding", "transfer-encoding");
    }

    @Test
    void a_422_rejects_that_sequence_an_invalid_one_is_not_sent_and_the_valid_one_is_created() throws IOException {
        APOLLO.stubFor(post(CREATE).withRequestBody(matchingJsonPath("$.name", equalTo("Rejected one")))
                .willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"Wait time must not be empty\"}")));
        created("Accepted one", "64f1a2b3c4d5e6f7a8b9c0d5");
        dropText("partly.csv", "sequence,step,wait_time,subject,body\n"
                + "Rejected one,1,0,Hello,Hi\nAccepted one,1,0,Hello,Hi\nRejected one,2,3,,Again\n"
                + "Invalid one,1,0,,No subject on a new thread\n");

        JsonNode report = awaitReport("partly.csv");

        JsonNode rejected = report.path("sequences").get(0);
        assertThat(rejected.path("outcome").asText()).isEqualTo("rejected");
        assertThat(rejected.path("reason").asText()).isEqualTo("Apollo answered 422: Wait time must not be empty");
        assertThat(report.path("sequences").get(1).path("outcome").asText()).isEqualTo("created");
        assertThat(report.path("sequences").get(2).path("outcome").asText()).isEqualTo("invalid");
        Path deadLetter = deadLetterOf("partly.csv");
        assertThat(Files.readAllLines(deadLetter.resolve("failed-rows.csv"), StandardCharsets.UTF_8)).containsExactly(
                "\uFEFF_error,sequence,step,wait_time,subject,body",
                "Apollo answered 422: Wait time must not be empty,Rejected one,1,0,Hello,Hi",
                "Apollo answered 422: Wait time must not be empty,Rejected one,2,3,,Again",
                "\"partly.csv row 5, column \"\"subject\"\" (emailer_steps[0].emailer_touches[0].emailer_template.subject):"
                        + " is empty, but this email starts a new thread; write a subject, or, unless it is the"
                        + " sequence's first email (which starts the thread), set its touch type to reply_to_thread"
                        + " to send it as a reply\",Invalid one,1,0,,No subject on a new thread");
        assertThat(deadLetter.resolve("partly.csv")).exists();
        APOLLO.verify(2, postRequestedFor(urlEqualTo(CREATE)));
    }

    @Test
    void a_401_stops_sending_for_the_file_and_defers_the_rest(CapturedOutput output) {
        APOLLO.stubFor(post(CREATE).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "text/plain").withBody("Invalid access credentials.")));
        dropText("bad-key.csv", "sequence,subject,body\nOne,Hello,Hi\nTwo,Hello,Hi\nThree,Hello,Hi\n");

        JsonNode report = awaitReport("bad-key.csv");

        APOLLO.verify(1, postRequestedFor(urlEqualTo(CREATE)));
        assertThat(report.path("sequences")).extracting(s -> s.path("outcome").asText())
                .containsExactly("deferred", "deferred", "deferred");
        assertThat(report.path("sequences").get(0).path("reason").asText())
                .contains("Apollo answered 401: Invalid access credentials.").contains("APOLLO_API_KEY");
        assertThat(report.path("sequences").get(2).path("reason").asText())
                .startsWith("not sent: sending stopped earlier in this file: Apollo does not accept the API key");
        assertThat(output.getAll()).containsOnlyOnce("Apollo does not accept the API key");
    }

    @Test
    void a_403_says_a_master_key_is_needed(CapturedOutput output) {
        APOLLO.stubFor(post(CREATE).willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"api/v1/sequences is not accessible with this api_key\","
                        + "\"error_code\":\"API_INACCESSIBLE\"}")));
        dropText("not-master.csv", "sequence,subject,body\nOne,Hello,Hi\nTwo,Hello,Hi\n");

        JsonNode report = awaitReport("not-master.csv");

        APOLLO.verify(1, postRequestedFor(urlEqualTo(CREATE)));
        assertThat(report.path("counts").path("sequences_by_outcome").path("deferred").asInt()).isEqualTo(2);
        assertThat(output.getAll()).contains("needs a master API key")
                .contains("api/v1/sequences is not accessible with this api_key");
    }

    @Test
    void a_500_then_200_creates_the_sequence_once() {
        firstThenCreated(aResponse().withStatus(500).withBody("upstream error"), "64f1a2b3c4d5e6f7a8b9c0d6");
        dropText("flaky.csv", "sequence,subject,body\nFlaky,Hello,Hi\n");

        JsonNode report = awaitReport("flaky.csv");

        APOLLO.verify(2, postRequestedFor(urlEqualTo(CREATE)));
        assertThat(report.path("sequences").get(0).path("outcome").asText()).isEqualTo("created");
        assertThat(report.path("sequences").get(0).path("apollo_id").asText()).isEqualTo("64f1a2b3c4d5e6f7a8b9c0d6");
    }

    @Test
    void a_minute_429_waits_for_retry_after_before_each_retry_then_defers_the_sequence() throws IOException {
        APOLLO.stubFor(post(CREATE).willReturn(tooManyCalls("sequences", 50, "minute").withHeader("retry-after", "1")));
        dropText("throttled.csv", "sequence,subject,body\nThrottled,Hello,Hi\n");

        JsonNode report = awaitReport("throttled.csv");

        List<LoggedRequest> creates = APOLLO.findAll(postRequestedFor(urlEqualTo(CREATE)));
        assertThat(creates).hasSize(3);
        for (int i = 1; i < creates.size(); i++) {
            // no hot retry loop: each retry waits out Apollo's retry-after
            assertThat(creates.get(i).getLoggedDate().getTime() - creates.get(i - 1).getLoggedDate().getTime())
                    .isGreaterThanOrEqualTo(950);
        }
        JsonNode sequence = report.path("sequences").get(0);
        assertThat(sequence.path("outcome").asText()).isEqualTo("deferred");
        assertThat(sequence.path("reason").asText()).contains("Apollo answered 429: The maximum number of api calls")
                .contains("after 3 attempts").contains("it is sent again automatically from");
        assertThat(read(deadLetterOf("throttled.csv").resolve("failed-rows.csv"))).contains("Throttled");
    }

    @Test
    void a_create_whose_answer_times_out_is_found_by_name_and_not_sent_again() {
        createdButAnswerLost(APOLLO, "Slow", "64f1a2b3c4d5e6f7a8b9c0d7", createdAnswer("64f1a2b3c4d5e6f7a8b9c0d7").withFixedDelay(3000));
        dropText("slow-apollo.csv", "sequence,subject,body\nSlow,Hello,Hi\n");

        JsonNode sequence = awaitReport("slow-apollo.csv").path("sequences").get(0);

        APOLLO.verify(1, postRequestedFor(urlEqualTo(CREATE)));
        assertThat(sequence.path("outcome").asText()).isEqualTo("created");
        assertThat(sequence.path("apollo_id").asText()).isEqualTo("64f1a2b3c4d5e6f7a8b9c0d7");
        assertThat(sequence.path("reason").asText()).contains("answer to an earlier attempt was lost");
    }

    @Test
    void a_create_whose_connection_drops_after_apollo_acted_is_found_by_name_and_not_sent_again() {
        createdButAnswerLost(APOLLO, "Dropped", "64f1a2b3c4d5e6f7a8b9c0da", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        dropText("dropped.csv", "sequence,subject,body\nDropped,Hello,Hi\n");

        JsonNode sequence = awaitReport("dropped.csv").path("sequences").get(0);

        APOLLO.verify(1, postRequestedFor(urlEqualTo(CREATE)));
        assertThat(sequence.path("outcome").asText()).isEqualTo("created");
        assertThat(sequence.path("apollo_id").asText()).isEqualTo("64f1a2b3c4d5e6f7a8b9c0da");
    }

    @Test
    void a_dropped_connection_that_created_nothing_is_looked_up_and_then_sent_again() {
        firstThenCreated(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), "64f1a2b3c4d5e6f7a8b9c0d9");
        dropText("reset.csv", "sequence,subject,body\nReset,Hello,Hi\n");

        JsonNode report = awaitReport("reset.csv");

        assertThat(report.path("sequences").get(0).path("outcome").asText()).isEqualTo("created");
        APOLLO.verify(2, postRequestedFor(urlEqualTo(CREATE)));
        // searched before the first create and again before the second: never a blind repeat
        List<String> calls = APOLLO.getAllServeEvents().stream()
                .sorted(Comparator.comparing(event -> event.getRequest().getLoggedDate()))
                .map(event -> event.getRequest().getUrl()).toList();
        assertThat(calls).containsExactly(SEARCH, CREATE, SEARCH, CREATE);
    }

    @Test
    void a_sequence_created_before_is_not_sent_again_when_its_file_is_dropped_again() {
        created("Dropped twice", "64f1a2b3c4d5e6f7a8b9c0db");
        String csv = "sequence,subject,body\nDropped twice,Hello,Hi\n";
        dropText("twice.csv", csv);
        awaitReport("twice.csv");
        APOLLO.resetRequests();

        dropText("twice-again.csv", csv);
        JsonNode sequence = awaitReport("twice-again.csv").path("sequences").get(0);

        assertThat(sequence.path("outcome").asText()).isEqualTo("already-exists");
        assertThat(sequence.path("apollo_id").asText()).isEqualTo("64f1a2b3c4d5e6f7a8b9c0db");
        assertThat(sequence.path("reason").asText()).contains("already created by this pack from twice.csv (row 2)")
                .doesNotContain("changed");
        // the ledger answers: Apollo is not even asked
        assertThat(APOLLO.getAllServeEvents()).isEmpty();
        assertThat(runFile("dead-letter", "twice-again.csv", "")).isEmpty();
    }

    @Test
    void says_so_when_a_sequence_created_before_comes_back_with_other_rows() {
        created("Edited later", "64f1a2b3c4d5e6f7a8b9c0dc");
        dropText("first-version.csv", "sequence,subject,body\nEdited later,Hello,Hi\n");
        awaitReport("first-version.csv");
        APOLLO.resetRequests();

        dropText("second-version.csv", "sequence,subject,body\nEdited later,Hello again,Hi there\n");
        JsonNode sequence = awaitReport("second-version.csv").path("sequences").get(0);

        assertThat(sequence.path("outcome").asText()).isEqualTo("already-exists");
        assertThat(sequence.path("reason").asText()).contains("its rows have changed since, and Apollo was not updated");
        assertThat(APOLLO.getAllServeEvents()).isEmpty();
    }

    @Test
    void a_sequence_apollo_already_has_by_that_exact_name_is_not_created() {
        APOLLO.stubFor(post(SEARCH).withRequestBody(matchingJsonPath("$.q_name", equalTo("Made by hand")))
                .willReturn(searchAnswer("Made by hand (old)", "64f1a2b3c4d5e6f7a8b9c0dc",
                        "Made by hand", "64f1a2b3c4d5e6f7a8b9c0dd")));
        dropText("by-hand.csv", "sequence,subject,body\nMade by hand,Hello,Hi\n");

        JsonNode report = awaitReport("by-hand.csv");

        APOLLO.verify(0, postRequestedFor(urlEqualTo(CREATE)));
        JsonNode sequence = report.path("sequences").get(0);
        assertThat(sequence.path("outcome").asText()).isEqualTo("already-exists");
        assertThat(sequence.path("apollo_id").asText()).isEqualTo("64f1a2b3c4d5e6f7a8b9c0dd");
        assertThat(report.path("counts").path("sequences_by_outcome").path("already-exists").asInt()).isEqualTo(1);
    }

    @Test
    void archived_sequences_and_names_that_only_contain_the_name_do_not_count_as_existing() {
        APOLLO.stubFor(post(SEARCH).withRequestBody(matchingJsonPath("$.q_name", equalTo("Renewal")))
                .willReturn(searchPage(1, 1, "{\"id\":\"64f1a2b3c4d5e6f7a8b9c0e1\",\"name\":\"Renewal\",\"archived\":true}",
                        "{\"id\":\"64f1a2b3c4d5e6f7a8b9c0e2\",\"name\":\"Renewal 2025\",\"archived\":false}")));
        created("Renewal", "64f1a2b3c4d5e6f7a8b9c0e3");
        dropText("renewal.csv", "sequence,subject,body\nRenewal,Hello,Hi\n");

        JsonNode sequence = awaitReport("renewal.csv").path("sequences").get(0);

        assertThat(sequence.path("outcome").asText()).isEqualTo("created");
        assertThat(sequence.path("apollo_id").asText()).isEqualTo("64f1a2b3c4d5e6f7a8b9c0e3");
    }

    @Test
    void the_search_follows_pages_until_it_finds_the_exact_name() {
        APOLLO.stubFor(post(SEARCH).withRequestBody(matchingJsonPath("$.page", equalTo("1")))
                .willReturn(searchPage(1, 2, "{\"id\":\"64f1a2b3c4d5e6f7a8b9c0e4\",\"name\":\"Intro call\",\"archived\":false}")));
        APOLLO.stubFor(post(SEARCH).withRequestBody(matchingJsonPath("$.page", equalTo("2")))
                .willReturn(searchPage(2, 2, "{\"id\":\"64f1a2b3c4d5e6f7a8b9c0e5\",\"name\":\"Intro\",\"archived\":false}")));
        dropText("paged.csv", "sequence,subject,body\nIntro,Hello,Hi\n");

        JsonNode sequence = awaitReport("paged.csv").path("sequences").get(0);

        assertThat(sequence.path("outcome").asText()).isEqualTo("already-exists");
        assertThat(sequence.path("apollo_id").asText()).isEqualTo("64f1a2b3c4d5e6f7a8b9c0e5");
        APOLLO.verify(2, postRequestedFor(urlEqualTo(SEARCH)));
        APOLLO.verify(0, postRequestedFor(urlEqualTo(CREATE)));
    }

    @Test
    void a_success_answer_that_is_not_json_still_counts_as_created_and_is_not_retried() {
        APOLLO.stubFor(post(CREATE).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withBody("<html><body>ok</body></html>")));
        dropText("html-answer.csv", "sequence,subject,body\nOdd answer,Hello,Hi\n");

        JsonNode sequence = awaitReport("html-answer.csv").path("sequences").get(0);

        APOLLO.verify(1, postRequestedFor(urlEqualTo(CREATE)));
        assertThat(sequence.path("outcome").asText()).isEqualTo("created");
        assertThat(sequence.path("reason").asText()).contains("without emailer_campaign.id");
    }

    @Test
    void the_api_key_never_appears_in_logs_reports_or_dead_letters(CapturedOutput output) {
        APOLLO.stubFor(post(CREATE).withRequestBody(matchingJsonPath("$.name", equalTo("Refused")))
                .willReturn(aResponse().withStatus(422).withBody("{\"error\":\"Invalid sequence\"}")));
        APOLLO.stubFor(post(CREATE).withRequestBody(matchingJsonPath("$.name", equalTo("Down")))
                .willReturn(aResponse().withStatus(503).withBody("Service Unavailable")));
        dropText("secrets-1.csv", "sequence,subject,body\nRefused,Hello,Hi\nDown,Hello,Hi\n");
        awaitReport("secrets-1.csv");
        APOLLO.stubFor(post(CREATE).willReturn(aResponse().withStatus(401).withBody("Invalid access credentials.")));
        dropText("secrets-2.csv", "sequence,subject,body\nLocked out,Hello,Hi\n");
        awaitReport("secrets-2.csv");

        awaitInboxEmpty();

        assertThat(output.getAll()).doesNotContain(API_KEY).contains("Apollo does not accept the API key");
        List<Path> written = filesUnder(work);
        assertThat(written).isNotEmpty();
        assertThat(written).anyMatch(file -> file.getFileName().toString().endsWith(".mv.db"));
        for (Path file : written) {
            // bytes as Latin-1, so binary files such as the ledger's database are searched too
            assertThat(readBytesAsText(file)).as(file.toString()).doesNotContain(API_KEY);
        }
    }

    /** The first create call gets {@code first}; every later one succeeds with {@code id}. */
    private static void firstThenCreated(ResponseDefinitionBuilder first, String id) {
        APOLLO.stubFor(post(CREATE).inScenario("first call").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(first).willSetStateTo("answered once"));
        APOLLO.stubFor(post(CREATE).inScenario("first call").whenScenarioStateIs("answered once")
                .willReturn(createdAnswer(id)));
    }

    private static void created(String name, String id) {
        APOLLO.stubFor(post(CREATE).withRequestBody(matchingJsonPath("$.name", equalTo(name)))
                .willReturn(createdAnswer(id)));
    }

    private static String readBytesAsText(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String resource(String name) throws IOException {
        try (var in = LiveApolloPipelineTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
