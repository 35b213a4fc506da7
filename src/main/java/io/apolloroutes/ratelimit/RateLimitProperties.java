package io.apolloroutes.ratelimit;

import io.apolloroutes.ratelimit.RateWindow.Span;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Pacing of calls to Apollo ({@code apollo.rate-limit.*}). Apollo's own limits come from its response
 * headers; these settings only add to them.
 *
 * @param perMinute ceiling per endpoint and minute, below Apollo's own (for example to leave room for
 *                  other tools on the same Apollo team); empty for none
 * @param perHour   the same per hour
 * @param perDay    the same per day
 * @param maxWait   the longest the pack waits in line for an hour's or a day's window to reset; a longer
 *                  wait defers the sequence instead, to be sent when the window resets (a spent minute is
 *                  always waited out)
 * @param timeScale the length of Apollo's windows as a share of a real minute, hour and day: 1 for
 *                  Apollo; smaller only against a stand-in with shortened windows (the pacing benchmark)
 */
@Validated
@ConfigurationProperties("apollo.rate-limit")
public record RateLimitProperties(@Positive Integer perMinute, @Positive Integer perHour, @Positive Integer perDay,
                                  @NotNull @DefaultValue("2m") Duration maxWait,
                                  @Positive @DefaultValue("1.0") double timeScale) {

    /** How long a window of {@code span} lasts. */
    Duration length(Span span) {
        return Duration.ofNanos(Math.round(span.length().toNanos() * timeScale));
    }

    Integer ceiling(Span span) {
        return switch (span) {
            case MINUTE -> perMinute;
            case HOUR -> perHour;
            case DAY -> perDay;
        };
    }
}
