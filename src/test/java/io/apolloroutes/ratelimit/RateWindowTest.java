package io.apolloroutes.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.apolloroutes.ratelimit.RateWindow.Span;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateWindowTest {

    static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void a_window_counts_from_the_answer_of_the_call_that_opened_it() {
        RateWindow minute = new RateWindow(Span.MINUTE, Duration.ofMinutes(1), null);

        minute.take(T0);
        // Apollo saw the call, and opened its window, somewhere between sending and answering
        minute.observe(2, 0, 0, T0.plusMillis(800));

        assertThat(minute.spentUntil(T0.plusSeconds(5))).isEqualTo(T0.plusMillis(800).plus(Duration.ofMinutes(1)));
    }

    @Test
    void more_left_than_counted_means_apollo_started_a_new_window_sooner() {
        RateWindow minute = new RateWindow(Span.MINUTE, Duration.ofMinutes(1), null);
        minute.take(T0);
        minute.observe(3, 1, 0, T0);
        minute.take(T0.plusSeconds(40));
        // Apollo's minute ran from the clock's :00, not from the pack's first call
        minute.observe(3, 2, 0, T0.plusSeconds(40));
        minute.take(T0.plusSeconds(41));
        minute.take(T0.plusSeconds(42));

        assertThat(minute.spentUntil(T0.plusSeconds(42))).isEqualTo(T0.plusSeconds(100));
    }
}
