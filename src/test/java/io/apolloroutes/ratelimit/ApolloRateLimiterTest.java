package io.apolloroutes.ratelimit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.apolloroutes.support.TestClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The rate limiter inside a real HTTP client, against a WireMock Apollo that sends Apollo's
 * rate-limit headers. Time is a test clock; waiting moves it forward instead of sleeping.
 */
class ApolloRateLimiterTest {

    static final String CREATE = "/api/v1/sequences";
    static final String SEARCH = "/api/v1/emailer_campaigns/search";

    @RegisterExtension
    static final WireMockExtension APOLLO = WireMockExtension.newInstance().options(options().dynamicPort()).build();

    final TestClock clock = new TestClock(Instant.parse("2026-11-26T10:00:00Z"));
    final List<Duration> waits = new ArrayList<>();
    CloseableHttpClient client;

    @AfterEach
    void close() throws IOException {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void waits_for_the_minute_to_reset_instead_of_sending_into_a_429() throws IOException {
        limiter(new RateLimitProperties(null, null, null, Duration.ofMinutes(2), 1.0));
        APOLLO.stubFor(post(CREATE).inScenario("minute").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(ok().withHeader("x-rate-limit-minute", "2").withHeader("x-minute-requests-left", "1"))
                .willSetStateTo("one left"));
        APOLLO.stubFor(post(CREATE).inScenario("minute").whenScenarioStateIs("one left")
                .willReturn(ok().withHeader("x-rate-limit-minute", "2").withHeader("x-minute-requests-left", "0"))
                .willSetStateTo("reset"));
        APOLLO.stubFor(post(CREATE).inScenario("minute").whenScenarioStateIs("reset")
                .willReturn(ok().withHeader("x-rate-limit-minute", "2").withHeader("x-minute-requests-left", "1")));

        call(new HttpPost(url(CREATE)));
        clock.advance(Duration.ofSeconds(10));
        call(new HttpPost(url(CREATE)));
        call(new HttpPost(url(CREATE)));

        // the window opened with the first call at 10:00:00; the third call waited for 10:01:00
        assertThat(waits).containsExactly(Duration.ofSeconds(50));
        APOLLO.verify(3, postRequestedFor(urlEqualTo(CREATE)));
    }

    @Test
    void against_a_stand_in_with_shortened_windows_the_windows_shrink_by_the_same_factor() throws IOException {
        limiter(new RateLimitProperties(null, null, null, Duration.ofMinutes(2), 1.0 / 60));
        APOLLO.stubFor(post(CREATE).willReturn(ok().withHeader("x-minute-requests-left", "0")));

        call(new HttpPost(url(CREATE)));
        call(new HttpPost(url(CREATE)));

        // a "minute" of one second, opened by the first call
        assertThat(waits).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void a_spent_minute_is_waited_out_even_when_the_wait_is_longer_than_max_wait() throws IOException {
        limiter(new RateLimitProperties(null, null, null, Duration.ofSeconds(5), 1.0));
        APOLLO.stubFor(post(CREATE).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("retry-after", "40").withBody(
                        "{\"message\":\"The maximum number of api calls allowed for api/v1/sequences is 50 times per"
                                + " minute.\"}"))
                .willSetStateTo("after"));
        APOLLO.stubFor(post(CREATE).inScenario("429").whenScenarioStateIs("after").willReturn(ok()));

        call(new HttpPost(url(CREATE)));
        call(new HttpPost(url(CREATE)));

        assertThat(waits).containsExactly(Duration.ofSeconds(40));
    }

    @Test
    void a_spent_hour_is_not_waited_out_in_line_and_nothing_is_sent() throws IOException {
        limiter(new RateLimitProperties(null, null, null, Duration.ofMinutes(2), 1.0));
        APOLLO.stubFor(post(CREATE).willReturn(ok().withHeader("x-rate-limit-hourly", "400")
                .withHeader("x-hourly-requests-left", "0")));
        call(new HttpPost(url(CREATE)));
        clock.advance(Duration.ofMinutes(20));

        assertThatThrownBy(() -> call(new HttpPost(url(CREATE))))
                .isInstanceOfSatisfying(QuotaExhaustedException.class, spent -> {
                    assertThat(spent.resumeAt()).isEqualTo(Instant.parse("2026-11-26T11:00:00Z"));
                    assertThat(spent.getMessage()).contains("hour").contains("POST /api/v1/sequences");
                });
        APOLLO.verify(1, postRequestedFor(urlEqualTo(CREATE)));
        assertThat(waits).isEmpty();
    }

    @Test
    void counts_each_endpoint_on_its_own() throws IOException {
        limiter(new RateLimitProperties(null, null, null, Duration.ofMinutes(2), 1.0));
        APOLLO.stubFor(post(SEARCH).willReturn(ok().withHeader("x-hourly-requests-left", "0")));
        APOLLO.stubFor(post(CREATE).willReturn(ok().withHeader("x-hourly-requests-left", "300")));
        call(new HttpPost(url(SEARCH)));

        call(new HttpPost(url(CREATE)));

        assertThatThrownBy(() -> call(new HttpPost(url(SEARCH)))).isInstanceOf(QuotaExhaustedException.class);
        APOLLO.verify(1, postRequestedFor(urlEqualTo(CREATE)));
    }

    @Test
    void reads_both_spellings_of_the_day_headers_and_trusts_the_smaller() throws IOException {
        limiter(new RateLimitProperties(null, null, null, Duration.ofMinutes(2), 1.0));
        APOLLO.stubFor(get("/api/v1/users/search").willReturn(ok().withHeader("x-daily-requests-left", "25")
                .withHeader("x-24-hour-requests-left", "0")));
        call(new HttpGet(url("/api/v1/users/search")));

        assertThat(rateLimiter.availableAt("GET", url("/api/v1/users/search?page=2")))
                .contains(Instant.parse("2026-11-27T10:00:00Z"));
    }

    @Test
    void an_empty_limit_header_means_no_limit_for_that_window() throws IOException {
        limiter(new RateLimitProperties(null, null, null, Duration.ofMinutes(2), 1.0));
        APOLLO.stubFor(post(CREATE).willReturn(ok().withHeader("x-rate-limit-daily", "")
                .withHeader("x-daily-requests-left", "")));

        for (int i = 0; i < 5; i++) {
            call(new HttpPost(url(CREATE)));
        }

        assertThat(waits).isEmpty();
        assertThat(rateLimiter.availableAt("POST", CREATE)).isEmpty();
    }

    @Test
    void a_429_blocks_its_window_until_retry_after() throws IOException {
        limiter(new RateLimitProperties(null, null, null, Duration.ofMinutes(2), 1.0));
        APOLLO.stubFor(post(CREATE).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("retry-after", "7").withBody(
                        "{\"message\":\"The maximum number of api calls allowed for api/v1/sequences is 50 times per"
                                + " minute. Please upgrade your plan\"}"))
                .willSetStateTo("after"));
        APOLLO.stubFor(post(CREATE).inScenario("429").whenScenarioStateIs("after").willReturn(ok()));

        String refusal = call(new HttpPost(url(CREATE)));
        call(new HttpPost(url(CREATE)));

        // Apollo's text still reaches the route's error handling after the limiter read it
        assertThat(refusal).contains("per minute");
        assertThat(waits).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void an_hourly_429_without_retry_after_defers_until_the_hour_the_pack_counted_ends() throws IOException {
        limiter(new RateLimitProperties(null, null, null, Duration.ofMinutes(2), 1.0));
        APOLLO.stubFor(post(CREATE).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(ok()).willSetStateTo("spent"));
        APOLLO.stubFor(post(CREATE).inScenario("429").whenScenarioStateIs("spent")
                .willReturn(aResponse().withStatus(429).withBody("{\"message\":\"The maximum number of api calls"
                        + " allowed for api/v1/sequences is 400 times per hour. Please upgrade your plan\"}")));
        call(new HttpPost(url(CREATE)));
        clock.advance(Duration.ofMinutes(45));
        call(new HttpPost(url(CREATE)));

        assertThat(rateLimiter.availableAt("POST", CREATE)).contains(Instant.parse("2026-11-26T11:00:00Z"));
        assertThatThrownBy(() -> call(new HttpPost(url(CREATE)))).isInstanceOf(QuotaExhaustedException.class);
        APOLLO.verify(2, postRequestedFor(urlEqualTo(CREATE)));
    }

    @Test
    void a_configured_ceiling_holds_below_apollos_own_limit() throws IOException {
        limiter(new RateLimitProperties(2, null, null, Duration.ofMinutes(2), 1.0));
        APOLLO.stubFor(get("/api/v1/emailer_schedules").willReturn(ok().withHeader("x-rate-limit-minute", "200")
                .withHeader("x-minute-requests-left", "199")));

        call(new HttpGet(url("/api/v1/emailer_schedules")));
        call(new HttpGet(url("/api/v1/emailer_schedules")));
        call(new HttpGet(url("/api/v1/emailer_schedules")));

        assertThat(waits).containsExactly(Duration.ofMinutes(1));
        APOLLO.verify(3, getRequestedFor(urlEqualTo("/api/v1/emailer_schedules")));
    }

    @Test
    void a_call_without_an_answer_gives_its_place_back() throws IOException {
        limiter(new RateLimitProperties(null, null, null, Duration.ofMinutes(2), 1.0));
        APOLLO.stubFor(post(CREATE).willReturn(aResponse().withFault(
                com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> call(new HttpPost(url(CREATE)))).isInstanceOf(IOException.class)
                .isNotInstanceOf(QuotaExhaustedException.class);
        APOLLO.stubFor(post(CREATE).willReturn(ok().withHeader("x-minute-requests-left", "1")));
        call(new HttpPost(url(CREATE)));
        // with one call wrongly still "in flight", the 1 left would have been counted as 0
        call(new HttpPost(url(CREATE)));

        assertThat(waits).isEmpty();
    }

    ApolloRateLimiter rateLimiter;

    private void limiter(RateLimitProperties settings) {
        rateLimiter = new ApolloRateLimiter(settings, clock, pause -> {
            waits.add(pause);
            clock.advance(pause);
        });
        client = HttpClients.custom().disableAutomaticRetries()
                .addExecInterceptorFirst("apollo-rate-limit", rateLimiter).build();
    }

    private String call(HttpUriRequestBase request) throws IOException {
        return client.execute(request, response -> EntityUtils.toString(response.getEntity()));
    }

    private static String url(String path) {
        return APOLLO.baseUrl() + path;
    }

    private static ResponseDefinitionBuilder ok() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}");
    }
}
