package io.apolloroutes.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The budget of one fixed window (a minute, an hour or a day) of one endpoint: how many requests are
 * left and when the window ends. Apollo's windows are fed by its response headers; a configured
 * ceiling is a window the pack counts on its own.
 *
 * <p>Apollo does not say when a window resets. A window is taken to open with the first request after
 * the previous one ended, and to end one span later; if Apollo's count shows a reset sooner, the
 * window is restarted from then. Both guesses err late, never early: a late guess costs a little
 * waiting, an early one a 429.
 */
final class RateWindow {

    private final Span span;
    private final Duration length;
    private Integer limit;
    private Integer left;
    private Instant endsAt;
    private Instant refusedUntil;
    /** The window was opened by a call whose answer has not come yet. */
    private boolean opening;

    RateWindow(Span span, Duration length, Integer limit) {
        this.span = span;
        this.length = length;
        this.limit = limit;
        this.left = limit;
    }

    Span span() {
        return span;
    }

    /** Null when a request may go now; otherwise the earliest time it may. */
    Instant spentUntil(Instant now) {
        roll(now);
        if (refusedUntil != null) {
            return refusedUntil;
        }
        if (left != null && left <= 0) {
            if (endsAt == null) {
                // spent by someone else before the pack saw this window open: a full span is the safe bet
                endsAt = now.plus(length);
            }
            return endsAt;
        }
        return null;
    }

    /** A request is about to go. */
    void take(Instant now) {
        roll(now);
        if (endsAt == null) {
            endsAt = now.plus(length);
            opening = true;
        }
        if (left != null) {
            left--;
        }
    }

    /**
     * Apollo's count after one request: {@code remaining} left of {@code max} ({@code null} when the
     * answer did not say); {@code othersInFlight} requests went out after it and are not counted yet.
     */
    void observe(Integer max, Integer remaining, int othersInFlight, Instant now) {
        if (opening) {
            // Apollo opened the window when the call arrived, some time after it left: counting from
            // the answer errs late by that time instead of early
            endsAt = now.plus(length);
            opening = false;
        }
        if (max != null) {
            limit = max;
        }
        if (remaining == null) {
            return;
        }
        int adjusted = Math.max(0, remaining - othersInFlight);
        if (left != null && adjusted > left) {
            // more left than the pack counted: Apollo started a new window before the pack expected
            endsAt = now.plus(length);
        }
        left = adjusted;
    }

    /** When this window is expected to reset: its known end, or a full span from now. */
    Instant expectedEnd(Instant now) {
        roll(now);
        return endsAt != null && endsAt.isAfter(now) ? endsAt : now.plus(length);
    }

    /** Apollo answered 429 for this window: nothing goes until {@code until}. */
    void refused(Instant until) {
        left = 0;
        refusedUntil = until;
        endsAt = until;
    }

    private void roll(Instant now) {
        if (refusedUntil != null && !now.isBefore(refusedUntil)) {
            refusedUntil = null;
        }
        if (endsAt != null && !now.isBefore(endsAt)) {
            endsAt = null;
            opening = false;
            left = limit;
        }
    }

    /** The three windows Apollo counts in. */
    enum Span {
        MINUTE(Duration.ofMinutes(1)), HOUR(Duration.ofHours(1)), DAY(Duration.ofDays(1));

        private final Duration length;

        Span(Duration length) {
            this.length = length;
        }

        Duration length() {
            return length;
        }

        /** "minute", "hour", "day": as Apollo's 429 texts and this pack's messages say it. */
        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
