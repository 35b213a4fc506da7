package io.apolloroutes.apollo;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings for talking to Apollo ({@code apollo.*}).
 *
 * @param baseUrl         scheme and host of the API; the pack appends {@code /api/v1/...}
 * @param apiKey          a master API key; when empty the pack runs in dry-run mode
 * @param dryRun          write request bodies to the outbox instead of sending, even with a key
 * @param abTesting       allow more than one email variant per step (needs an Apollo plan with A/B tests)
 * @param searchBeforeCreate ask Apollo for a sequence of the same name before creating one, so that one made
 *                        by hand or by another tool is not duplicated (a lost answer is always looked up)
 * @param connectTimeout  how long to wait for a connection to Apollo
 * @param responseTimeout how long to wait for Apollo's answer
 * @param retry           retries for 429, 5xx and timeouts
 */
@Validated
@ConfigurationProperties("apollo")
public record ApolloProperties(@NotNull URI baseUrl, String apiKey, boolean dryRun, boolean abTesting,
                               boolean searchBeforeCreate,
                               @NotNull Duration connectTimeout, @NotNull Duration responseTimeout,
                               @Valid @NotNull Retry retry) {

    /**
     * Exponential backoff for answers that may succeed later.
     *
     * @param maxRetries   attempts after the first one
     * @param initialDelay wait before the first retry
     * @param multiplier   factor between consecutive waits
     * @param maxDelay     longest single wait
     */
    public record Retry(@Min(0) int maxRetries, @NotNull Duration initialDelay,
                        @DecimalMin("1.0") double multiplier, @NotNull Duration maxDelay) {
    }

    /** True when nothing may be sent: dry-run was asked for, or there is no key to send with. */
    public boolean sendsNothing() {
        return dryRun || !hasApiKey();
    }

    public boolean hasApiKey() {
        return apiKey != null && !apiKey.isBlank();
    }

    /** Never prints the key: configuration objects end up in logs and failure reports. */
    @Override
    public String toString() {
        return "ApolloProperties[baseUrl=" + baseUrl + ", apiKey=" + (hasApiKey() ? "(set)" : "(not set)")
                + ", dryRun=" + dryRun + ", abTesting=" + abTesting + ", searchBeforeCreate=" + searchBeforeCreate
                + ", connectTimeout=" + connectTimeout
                + ", responseTimeout=" + responseTimeout + ", retry=" + retry + "]";
    }
}
