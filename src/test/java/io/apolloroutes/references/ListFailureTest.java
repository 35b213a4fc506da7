package io.apolloroutes.references;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketTimeoutException;
import java.util.Map;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.junit.jupiter.api.Test;

class ListFailureTest {

    @Test
    void a_failure_that_outlasted_the_retries_says_how_often_it_was_tried() {
        String reason = ListFailure.describe(ReferenceKind.SCHEDULE, http(503, "Service Unavailable"), 4);

        // when it is tried again is the outcome's to say (it knows the time)
        assertThat(reason).isEqualTo("Apollo's list of schedules (GET /api/v1/emailer_schedules) could not be read:"
                + " Apollo answered 503: Service Unavailable (after 4 attempts)");
    }

    @Test
    void a_timeout_is_described_as_one() {
        String reason = ListFailure.describe(ReferenceKind.OWNER, new SocketTimeoutException("Read timed out"), 1);

        assertThat(reason).isEqualTo("Apollo's list of users (GET /api/v1/users/search) could not be read: no answer"
                + " from Apollo in time (SocketTimeoutException: Read timed out) (after 1 attempt)");
    }

    @Test
    void a_403_says_a_master_key_is_needed() {
        String reason = ListFailure.describe(ReferenceKind.OWNER, http(403,
                "{\"error\":\"api/v1/users/search is not accessible with this api_key\",\"error_code\":\"API_INACCESSIBLE\"}"),
                4);

        assertThat(reason).isEqualTo("Apollo's list of users (GET /api/v1/users/search) could not be read: Apollo"
                + " answered 403: api/v1/users/search is not accessible with this api_key; Apollo accepted the API key"
                + " but will not list users with it; this needs a master API key (Apollo: Settings > Integrations >"
                + " API > API Keys, \"Set as master key\")");
    }

    @Test
    void a_401_says_to_check_the_key() {
        String reason = ListFailure.describe(ReferenceKind.ACCOUNT_STAGE, http(401, "Invalid access credentials."), 4);

        assertThat(reason).endsWith("Apollo answered 401: Invalid access credentials.; Apollo does not accept the API"
                + " key; check APOLLO_API_KEY (or apollo.api-key)");
    }

    @Test
    void an_hourly_429_says_the_limit_is_used_up() {
        String reason = ListFailure.describe(ReferenceKind.CONTACT_STAGE, http(429, "{\"message\":\"The maximum number"
                + " of api calls allowed for api/v1/contact_stages is 400 times per hour.\"}"), 4);

        assertThat(reason).contains("GET /api/v1/contact_stages").contains("is 400 times per hour.")
                .endsWith("Apollo's limit for this call is used up for now (Apollo shows the limits under Settings >"
                        + " Integrations > API usage)");
    }

    @Test
    void an_answer_that_is_not_the_list_says_what_was_wrong_with_it() {
        String reason = ListFailure.describe(ReferenceKind.SCHEDULE,
                new ReferenceListException("Apollo's answer has no emailer_schedules list"), 4);

        assertThat(reason).isEqualTo("Apollo's list of schedules (GET /api/v1/emailer_schedules) could not be read:"
                + " Apollo's answer has no emailer_schedules list; drop the failed rows again later");
    }

    private static HttpOperationFailedException http(int status, String body) {
        return new HttpOperationFailedException("https://api.apollo.io/api/v1/x", status, "status " + status, null,
                Map.of("Content-Type", "application/json"), body);
    }
}
