package io.apolloroutes.ratelimit;

import io.apolloroutes.ratelimit.RateWindow.Span;
import java.util.Map;

/**
 * Apollo's rate-limit headers (apollo-api.md §6): the documented names and the {@code 24-hour} names
 * seen in real traffic for the day window. Where both are sent, the smaller value counts.
 */
final class HeaderNames {

    static final Map<Span, String[]> LIMIT = Map.of(
            Span.MINUTE, new String[] {"x-rate-limit-minute"},
            Span.HOUR, new String[] {"x-rate-limit-hourly"},
            Span.DAY, new String[] {"x-rate-limit-daily", "x-rate-limit-24-hour"});

    static final Map<Span, String[]> LEFT = Map.of(
            Span.MINUTE, new String[] {"x-minute-requests-left"},
            Span.HOUR, new String[] {"x-hourly-requests-left"},
            Span.DAY, new String[] {"x-daily-requests-left", "x-24-hour-requests-left"});

    private HeaderNames() {
    }
}
