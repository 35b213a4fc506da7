package io.apolloroutes.apollo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.apolloroutes.apollo.ApolloFailure.Kind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApolloFailureTest {

    private static final String URI = "https://api.apollo.io/api/v1/sequences";

    // ---------------------------------------------------------------- classification

    @ParameterizedTest
    @ValueSource(ints = {401, 403})
    void treats_401_and_403_as_a_refused_key(int status) {
        ApolloFailure failure = ApolloFailure.of(http(status, "Forbidden", "{\"error\":\"master key required\"}"));

        assertThat(failure.kind()).isEqualTo(Kind.KEY_REFUSED);
        assertThat(failure.status()).isEqualTo(status);
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 500, 502, 503})
    void treats_rate_limits_and_server_errors_as_transient(int status) {
        ApolloFailure failure = ApolloFailure.of(http(status, "Oops", "{\"message\":\"try later\"}"));

        assertThat(failure.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(failure.status()).isEqualTo(status);
        assertThat(failure.message()).isEqualTo("try later");
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 404, 422})
    void treats_other_client_errors_as_a_rejection_of_this_sequence(int status) {
        ApolloFailure failure = ApolloFailure.of(http(status, "Unprocessable", "{\"error\":\"no\"}"));

        assertThat(failure.kind()).isEqualTo(Kind.REJECTED);
        assertThat(failure.status()).isEqualTo(status);
    }

    @Test
    void treats_a_read_timeout_as_transient_without_a_status() {
        ApolloFailure failure = ApolloFailure.of(new SocketTimeoutException("Read timed out"));

        assertThat(failure.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(failure.status()).isZero();
        assertThat(failure.message()).isEqualTo("no answer from Apollo in time (SocketTimeoutException: Read timed out)");
        assertThat(failure.describe()).isEqualTo(failure.message());
        assertThat(failure.mayHaveCreated()).as("the request was sent").isTrue();
    }

    @Test
    void treats_a_refused_connection_as_transient_without_a_status() {
        ApolloFailure failure = ApolloFailure.of(new ConnectException("Connection refused"));

        assertThat(failure.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(failure.status()).isZero();
        assertThat(failure.describe()).isEqualTo("could not connect to Apollo (ConnectException: Connection refused)");
        assertThat(failure.mayHaveCreated()).as("the request never left").isFalse();
    }

    @Test
    void names_a_broken_connection_without_message_by_its_type() {
        ApolloFailure failure = ApolloFailure.of(new ConnectException());

        assertThat(failure.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(failure.message()).isEqualTo("could not connect to Apollo (ConnectException)");
    }

    @Test
    void treats_anything_else_as_unexpected() {
        ApolloFailure failure = ApolloFailure.of(new IllegalStateException("boom"));

        assertThat(failure.kind()).isEqualTo(Kind.UNEXPECTED);
        assertThat(failure.status()).isZero();
        assertThat(failure.message()).isEqualTo("java.lang.IllegalStateException: boom");
        assertThat(failure.describe()).isEqualTo("java.lang.IllegalStateException: boom");
    }

    // ---------------------------------------------------------------- Apollo's text

    @Test
    void takes_the_error_field_of_a_json_body() {
        ApolloFailure failure = ApolloFailure.of(http(422, "Unprocessable Entity",
                "{\"error\":\"Wait time must not be empty\"}"));

        assertThat(failure.kind()).isEqualTo(Kind.REJECTED);
        assertThat(failure.message()).isEqualTo("Wait time must not be empty");
        assertThat(failure.describe()).isEqualTo("Apollo answered 422: Wait time must not be empty");
    }

    @Test
    void prefers_the_error_field_over_the_message_field() {
        ApolloFailure failure = ApolloFailure.of(http(422, "Unprocessable Entity",
                "{\"message\":\"Validation failed\",\"error\":\"Name can't be blank\"}"));

        assertThat(failure.message()).isEqualTo("Name can't be blank");
    }

    @Test
    void takes_the_message_field_when_there_is_no_error_field() {
        ApolloFailure failure = ApolloFailure.of(http(429, "Too Many Requests",
                "{\"message\":\"The maximum number of api calls allowed for api/v1/sequences is 50 times per"
                        + " minute.\"}"));

        assertThat(failure.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(failure.describe()).isEqualTo("Apollo answered 429: The maximum number of api calls allowed"
                + " for api/v1/sequences is 50 times per minute.");
    }

    @Test
    void takes_the_message_field_when_the_error_field_is_not_text() {
        ApolloFailure failure = ApolloFailure.of(http(400, "Bad Request",
                "{\"error\":{\"code\":12},\"message\":\"Bad emailer_steps\"}"));

        assertThat(failure.message()).isEqualTo("Bad emailer_steps");
    }

    @Test
    void takes_a_plain_text_body_as_it_is() {
        ApolloFailure failure = ApolloFailure.of(http(401, "Unauthorized", "Invalid access credentials.\n"));

        assertThat(failure.kind()).isEqualTo(Kind.KEY_REFUSED);
        assertThat(failure.message()).isEqualTo("Invalid access credentials.");
        assertThat(failure.describe()).isEqualTo("Apollo answered 401: Invalid access credentials.");
    }

    @Test
    void takes_the_whole_json_body_when_it_has_neither_field() {
        ApolloFailure failure = ApolloFailure.of(http(404, "Not Found", "{\"status\":\"not_found\"}"));

        assertThat(failure.message()).isEqualTo("{\"status\":\"not_found\"}");
    }

    @Test
    void falls_back_to_the_status_text_for_an_empty_body() {
        assertThat(ApolloFailure.of(http(502, "Bad Gateway", "  ")).describe()).isEqualTo("Apollo answered 502: Bad Gateway");
        assertThat(ApolloFailure.of(http(503, null, null)).describe()).isEqualTo("Apollo answered 503: (no message)");
    }

    @Test
    void shortens_a_long_body_to_300_characters() {
        String page = "<html>" + "x".repeat(400) + "</html>";

        ApolloFailure failure = ApolloFailure.of(http(500, "Internal Server Error", page));

        assertThat(failure.message()).hasSize(301).startsWith("<html>xxx").endsWith("x…");
    }

    // ---------------------------------------------------------------- the created sequence's ID

    @Test
    void reads_the_created_id_from_emailer_campaign() throws IOException {
        String answer = "{\"emailer_campaign\":{\"id\":\"66e9e215ece19801b219997f\",\"name\":\"Q1 outbound\"},"
                + "\"labels\":[]}";

        assertThat(createdId(answer)).isEqualTo("66e9e215ece19801b219997f");
    }

    @Test
    void ignores_an_id_at_the_root_of_the_answer() throws IOException {
        assertThat(createdId("{\"id\":\"66e9e215ece19801b219997f\"}")).isNull();
        assertThat(createdId("{\"id\":\"root\",\"emailer_campaign\":{\"id\":\"nested\"}}")).isEqualTo("nested");
    }

    @Test
    void finds_no_id_when_emailer_campaign_has_none_or_the_answer_is_empty() throws IOException {
        assertThat(createdId("{\"emailer_campaign\":{\"name\":\"Q1\"}}")).isNull();
        assertThat(createdId("{\"emailer_campaign\":{\"id\":12345}}")).isNull();
        assertThat(createdId("{\"emailer_campaign\":null}")).isNull();
        assertThat(createdId("")).isNull();
    }

    @Test
    void finds_no_id_but_does_not_fail_when_a_success_answer_is_not_json() throws IOException {
        // a failure here would look like a broken connection and be retried, creating a duplicate
        assertThat(createdId("<html><body>ok</body></html>")).isNull();
    }

    // ---------------------------------------------------------------- windows and duplicates

    @Test
    void stops_sending_on_a_429_for_the_hour_or_the_day() {
        for (String window : new String[] {"hour", "day"}) {
            ApolloFailure failure = ApolloFailure.of(http(429, "Too Many Requests", "{\"message\":\"The maximum"
                    + " number of api calls allowed for api/v1/sequences is 600 times per " + window
                    + ". Please upgrade your plan\"}"));

            assertThat(failure.kind()).isEqualTo(Kind.QUOTA_EXHAUSTED);
            assertThat(failure.stopsSending()).isTrue();
        }
    }

    @Test
    void retries_a_429_for_the_minute_and_a_408() {
        ApolloFailure minute = ApolloFailure.of(http(429, "Too Many Requests", "{\"message\":\"The maximum number of"
                + " api calls allowed for api/v1/sequences is 50 times per minute. Please upgrade your plan\"}"));
        ApolloFailure requestTimeout = ApolloFailure.of(http(408, "Request Timeout", ""));

        assertThat(minute.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(minute.stopsSending()).isFalse();
        assertThat(requestTimeout.kind()).isEqualTo(Kind.TRANSIENT);
    }

    @Test
    void stops_sending_on_401_and_403() {
        assertThat(ApolloFailure.of(http(401, "Unauthorized", "Invalid access credentials.")).stopsSending()).isTrue();
        assertThat(ApolloFailure.of(http(403, "Forbidden", "{\"error\":\"no\"}")).stopsSending()).isTrue();
        assertThat(ApolloFailure.of(http(422, "Unprocessable", "{\"error\":\"no\"}")).stopsSending()).isFalse();
    }

    @Test
    void knows_which_failures_may_have_created_the_sequence_anyway() {
        assertThat(ApolloFailure.of(http(500, "Server Error", "")).mayHaveCreated()).isTrue();
        assertThat(ApolloFailure.of(new java.net.SocketException("Connection reset")).mayHaveCreated()).isTrue();
        assertThat(ApolloFailure.of(new org.apache.hc.client5.http.ConnectTimeoutException("connect timed out"))
                .mayHaveCreated()).isFalse();
        assertThat(ApolloFailure.of(new java.net.UnknownHostException("api.apollo.io")).mayHaveCreated()).isFalse();
        assertThat(ApolloFailure.of(http(429, "Too Many Requests", "")).mayHaveCreated()).isFalse();
    }

    private static String createdId(String answer) throws IOException {
        return new CreateSequenceCall(new ObjectMapper())
                .createdId(new ByteArrayInputStream(answer.getBytes(StandardCharsets.UTF_8)));
    }

    private static HttpOperationFailedException http(int status, String statusText, String body) {
        return new HttpOperationFailedException(URI, status, statusText, null,
                Map.of("Content-Type", "application/json"), body);
    }
}
