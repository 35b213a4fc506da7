package io.apolloroutes.ledger;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Sending deferred sequences again ({@code apollo.resume.*}).
 *
 * @param enabled       send deferred sequences again by themselves when they are due
 * @param afterFailure  how long after Apollo's last failure (5xx, timeouts, after the retries) a sequence
 *                      is due again; a spent hour or day is due when Apollo's window resets
 * @param checkInterval how often the ledger is checked for sequences that are due
 */
@Validated
@ConfigurationProperties("apollo.resume")
public record ResumeProperties(@DefaultValue("true") boolean enabled,
                               @NotNull @DefaultValue("15m") Duration afterFailure,
                               @NotNull @DefaultValue("1m") Duration checkInterval) {
}
