package io.apolloroutes.pipeline;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.apolloroutes.pipeline.ApolloStubs.CREATE;
import static io.apolloroutes.pipeline.ApolloStubs.noSequencesYet;
import static io.apolloroutes.pipeline.ApolloStubs.schedulesAnswer;
import static io.apolloroutes.pipeline.ApolloStubs.tooManyCalls;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.apolloroutes.ledger.LedgerEntry;
import io.apolloroutes.ledger.LedgerState;
import io.apolloroutes.ledger.SequenceLedger;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An hour's budget spent: sending stops at once, nothing more goes to Apollo from any file until the
 * window resets, and every sequence left over is deferred with that time in the ledger. A class of its
 * own, because the spent hour holds for the whole service.
 */
@ExtendWith(OutputCaptureExtension.class)
class SpentQuotaPipelineTest extends PipelineTestSupport {

    static final String SCHEDULES = "/api/v1/emailer_schedules";
    static final String USERS = "/api/v1/users/search";

    @RegisterExtension
    static final WireMockExtension APOLLO = WireMockExtension.newInstance().options(options().dynamicPort()).build();

    @Autowired
    SequenceLedger ledger;

    @DynamicPropertySource
    static void apollo(DynamicPropertyRegistry registry) {
        registry.add("apollo.base-url", () -> APOLLO.baseUrl());
        registry.add("apollo.api-key", () -> "sk_test_spent_quota");
    }

    @Test
    void a_list_held_back_by_the_rate_limiter_defers_the_sequences_that_need_it_without_asking_again() {
        noSequencesYet(APOLLO);
        // Apollo's last schedules call of the hour
        APOLLO.stubFor(get(SCHEDULES).willReturn(schedulesAnswer("64f1a2b3c4d5e6f7a8b9c0b1", "Weekday mornings")
                .withHeader("x-rate-limit-hourly", "200").withHeader("x-hourly-requests-left", "0")));
        dropText("first-of-the-hour.csv", "sequence,schedule,subject,body\nEarly,Weekday mornings,Hello,Hi\n");
        awaitReport("first-of-the-hour.csv");

        dropText("rest-of-the-hour.csv", "sequence,schedule,subject,body\nLate one,Weekday mornings,Hello,Hi\n"
                + "Late two,Weekday mornings,Hello,Hi\n");
        JsonNode report = awaitReport("rest-of-the-hour.csv");

        APOLLO.verify(1, getRequestedFor(urlEqualTo(SCHEDULES)));
        assertThat(report.path("sequences")).extracting(s -> s.path("outcome").asText())
                .containsExactly("deferred", "deferred");
        assertThat(report.path("sequences")).extracting(s -> s.path("reason").asText())
                .allSatisfy(reason -> assertThat(reason).contains("schedules")
                        .contains("the rate limit for this call is used up until").doesNotContain("internal error")
                        .contains("it is sent again automatically from"));
        assertThat(ledger.find("Late one").orElseThrow().nextAttemptAt()).isAfter(Instant.now().plusSeconds(3000));
    }

    @Test
    void a_sequence_deferred_by_a_lists_hourly_429_is_due_when_that_hour_resets() {
        noSequencesYet(APOLLO);
        // the users list is read with GET: its 429 names the GET endpoint's window, not the create call's
        APOLLO.stubFor(get(urlPathEqualTo(USERS)).willReturn(tooManyCalls("users/search", 600, "hour")));
        Instant before = Instant.now();
        dropText("owner-by-email.csv", "sequence,owner,subject,body\nOwned,jane@example.com,Hello,Hi\n");

        JsonNode report = awaitReport("owner-by-email.csv");

        assertThat(report.path("sequences").get(0).path("outcome").asText()).isEqualTo("deferred");
        // no retry-after: the hour the pack counted from its call, not apollo.resume.after-failure (15m)
        assertThat(ledger.find("Owned").orElseThrow().nextAttemptAt())
                .isBetween(before.plus(Duration.ofMinutes(59)), Instant.now().plus(Duration.ofHours(1)));
    }

    @Test
    void an_hourly_429_stops_sending_everywhere_until_the_hour_resets(CapturedOutput output) {
        noSequencesYet(APOLLO);
        APOLLO.stubFor(post(CREATE).willReturn(tooManyCalls("sequences", 400, "hour")));
        Instant before = Instant.now();
        dropText("hourly.csv", "sequence,subject,body\nOne,Hello,Hi\nTwo,Hello,Hi\nThree,Hello,Hi\n");

        JsonNode report = awaitReport("hourly.csv");

        APOLLO.verify(1, postRequestedFor(urlEqualTo(CREATE)));
        assertThat(report.path("counts").path("sequences_by_outcome").path("deferred").asInt()).isEqualTo(3);
        assertThat(report.path("sequences").get(2).path("reason").asText())
                .contains("limit for creating sequences is used up").contains("it is sent again automatically from");
        assertThat(output.getAll()).containsOnlyOnce("Apollo's limit for creating sequences is used up for now");
        for (String name : new String[] {"One", "Two", "Three"}) {
            LedgerEntry entry = ledger.find(name).orElseThrow();
            assertThat(entry.state()).isEqualTo(LedgerState.DEFERRED);
            // no retry-after: the hour the pack counted from its first call
            assertThat(entry.nextAttemptAt()).isBetween(before.plus(Duration.ofMinutes(59)),
                    Instant.now().plus(Duration.ofHours(1)));
        }

        // another file, later: held back by the rate limiter, not sent into a second 429
        dropText("later.csv", "sequence,subject,body\nFour,Hello,Hi\n");
        JsonNode later = awaitReport("later.csv").path("sequences").get(0);

        APOLLO.verify(1, postRequestedFor(urlEqualTo(CREATE)));
        assertThat(later.path("outcome").asText()).isEqualTo("deferred");
        assertThat(later.path("reason").asText()).contains("hour's budget of Apollo's POST /api/v1/sequences is used up")
                .contains("it is sent again automatically from");
        assertThat(ledger.find("Four").orElseThrow().nextAttemptAt())
                .isEqualTo(ledger.find("One").orElseThrow().nextAttemptAt());
    }
}
