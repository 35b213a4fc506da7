package io.apolloroutes.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WallClockTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @ParameterizedTest
    @CsvSource({
            "2026-12-01 09:30,    2026-12-01T09:30:00+01:00",
            "2026-12-01T09:30,    2026-12-01T09:30:00+01:00",
            "2026-07-01 17:05:09, 2026-07-01T17:05:09+02:00",
            "2026-07-01 9:05,     2026-07-01T09:05:00+02:00",
            "2026-12-01T09:30:00.000, 2026-12-01T09:30:00+01:00",
            // the repeated hour of autumn: the first of the two
            "2026-10-25 02:30,    2026-10-25T02:30:00+02:00"})
    void reads_a_date_and_time_without_offset_as_the_wall_clock_in_the_zone(String text, String iso) {
        assertThat(WallClock.inZone(text, BERLIN)).isEqualTo(iso);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-01T09:30:00Z", "2026-12-01T09:30:00-05:00", "12/1/2026 9:30", "2026-12-01",
            "next Monday", ""})
    void leaves_other_text_as_written(String text) {
        assertThat(WallClock.inZone(text, BERLIN)).isEqualTo(text);
    }

    @Test
    void refuses_a_time_the_clocks_skip() {
        assertThatThrownBy(() -> WallClock.inZone("2026-03-29 02:30", BERLIN))
                .isInstanceOf(WallClock.SkippedTime.class)
                .hasMessage("is not a time in Europe/Berlin (input.time-zone): on 2026-03-29 the clocks go forward"
                        + " from 02:00 to 03:00; write a time before 02:00, or from 03:00 on");
        assertThat(WallClock.inZone("2026-03-29 02:30", ZoneOffset.UTC)).isEqualTo("2026-03-29T02:30:00Z");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30 10:00", "2026-12-01 24:00", "2026-13-01 10:00", "2026-12-01 10:60"})
    void refuses_a_date_or_time_that_does_not_exist(String text) {
        assertThatThrownBy(() -> WallClock.inZone(text, BERLIN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("is no date and time that exists (a month after 12, a day the month does not have, an"
                        + " hour after 23); write it as year-month-day and the time of day from 00:00 to 23:59, such"
                        + " as 2026-12-01 09:30");
    }
}
