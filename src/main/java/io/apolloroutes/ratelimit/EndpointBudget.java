package io.apolloroutes.ratelimit;

import io.apolloroutes.ratelimit.RateWindow.Span;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * All windows of one Apollo endpoint (Apollo counts per endpoint): its own minute, hour and day, and
 * any ceilings configured for the pack. Thread-safe: every route and source shares it.
 */
final class EndpointBudget {

    private final Map<Span, RateWindow> apollo = new EnumMap<>(Span.class);
    /** Apollo's windows and the configured ceilings: every window a call takes from. */
    private final List<RateWindow> windows = new ArrayList<>();
    private int inFlight;

    EndpointBudget(RateLimitProperties configured) {
        for (Span span : Span.values()) {
            apollo.put(span, new RateWindow(span, configured.length(span), null));
        }
        windows.addAll(apollo.values());
        for (Span span : Span.values()) {
            Integer ceiling = configured.ceiling(span);
            if (ceiling != null) {
                windows.add(new RateWindow(span, configured.length(span), ceiling));
            }
        }
    }

    /**
     * Takes one request from every window, or takes nothing and says until when the tightest window
     * is spent.
     */
    synchronized Wait reserve(Instant now) {
        Wait longest = tightest(now);
        if (longest != null) {
            return longest;
        }
        windows.forEach(window -> window.take(now));
        inFlight++;
        return null;
    }

    /** A reserved request ended: with Apollo's counts when it answered, or without (no answer). */
    synchronized void answered(Map<Span, Integer> limits, Map<Span, Integer> left, Instant now) {
        inFlight = Math.max(0, inFlight - 1);
        apollo.forEach((span, window) -> window.observe(limits.get(span), left.get(span), inFlight, now));
    }

    /**
     * Apollo answered 429 for {@code span}: spent until {@code retryAfter} when Apollo said so, else
     * until the window's expected reset. Returns that time.
     */
    synchronized Instant refused(Span span, Instant retryAfter, Instant now) {
        RateWindow window = apollo.get(span);
        Instant until = retryAfter != null ? retryAfter : window.expectedEnd(now);
        window.refused(until);
        return until;
    }

    /** When every window allows a request again; null when one may go now. */
    synchronized Instant availableAt(Instant now) {
        Wait longest = tightest(now);
        return longest == null ? null : longest.until();
    }

    /** The window spent longest, and until when; null when none is spent. */
    private Wait tightest(Instant now) {
        Wait longest = null;
        for (RateWindow window : windows) {
            Instant until = window.spentUntil(now);
            if (until != null && (longest == null || until.isAfter(longest.until()))) {
                longest = new Wait(window.span(), until);
            }
        }
        return longest;
    }


    /** A spent window and when it is expected to allow requests again. */
    record Wait(Span span, Instant until) {
    }
}
