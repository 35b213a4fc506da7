package io.apolloroutes.apollo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.apache.camel.processor.errorhandler.RedeliveryPolicy;
import org.junit.jupiter.api.Test;

class ApolloPropertiesTest {

    static final String KEY = "sk_live_0123456789abcdef";

    @Test
    void sends_only_with_a_key_and_without_dry_run() {
        assertThat(properties(KEY, false).sendsNothing()).isFalse();
        assertThat(properties(KEY, true).sendsNothing()).as("dry-run with a key").isTrue();
        assertThat(properties("", false).sendsNothing()).as("no key").isTrue();
        assertThat(properties("   ", false).sendsNothing()).as("blank key").isTrue();
        assertThat(properties(null, false).sendsNothing()).as("unset key").isTrue();
    }

    @Test
    void never_prints_the_key() {
        assertThat(properties(KEY, false).toString()).doesNotContain(KEY).contains("apiKey=(set)");
        assertThat(properties(null, false).toString()).contains("apiKey=(not set)");
    }

    @Test
    void builds_the_retry_policy_from_duration_settings() {
        RedeliveryPolicy policy = new ApolloClientConfiguration(properties(KEY, false), null).apolloRetryPolicy();

        assertThat(policy.getMaximumRedeliveries()).isEqualTo(3);
        assertThat(policy.getRedeliveryDelay()).isEqualTo(2_000);
        assertThat(policy.getMaximumRedeliveryDelay()).isEqualTo(60_000);
        assertThat(policy.getBackOffMultiplier()).isEqualTo(2.0);
        assertThat(policy.isUseExponentialBackOff()).isTrue();
        assertThat(policy.isUseCollisionAvoidance()).as("jitter").isTrue();
    }

    static ApolloProperties properties(String key, boolean dryRun) {
        return new ApolloProperties(URI.create("https://api.apollo.io"), key, dryRun, false, true, Duration.ofSeconds(10),
                Duration.ofSeconds(30), new ApolloProperties.Retry(3, Duration.ofSeconds(2), 2.0, Duration.ofSeconds(60)));
    }
}
