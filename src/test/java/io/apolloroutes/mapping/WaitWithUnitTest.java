package io.apolloroutes.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WaitWithUnitTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "3 days|must be a whole number; write 3 here and day in \"Wait Mode\"",
            "48h|must be a whole number; write 48 here and hour in \"Wait Mode\"",
            "30 Mins|must be a whole number; write 30 here and minute in \"Wait Mode\"",
            "2 weeks|must be a whole number; Apollo waits in minutes, hours or days: write 14 here and day in \"Wait Mode\""})
    void says_to_put_the_unit_in_the_wait_mode_column(String raw, String message) {
        assertThat(WaitWithUnit.of(raw).orElseThrow().adviceWithout("\"Wait Mode\"")).contains(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "3 days|day|must be a whole number of days, as the column counts days: write 3",
            "1 week|day|must be a whole number of days, as the column counts days: write 7",
            "1 week|hour|must be a whole number of hours, as the column counts hours: write 168",
            "2 hours|day|must be a whole number of days, as the column counts days",
            "90 min|hour|must be a whole number of hours, as the column counts hours"})
    void converts_to_the_unit_the_step_has_when_it_comes_out_whole(String raw, String unit, String message) {
        assertThat(WaitWithUnit.of(raw).orElseThrow().adviceIn(unit, "the column counts " + unit + "s"))
                .isEqualTo(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "3 business days", "3 months", "3m", "three days", "3.5 days", "-3 days",
            "9999999999 days", "99999999999999999999 weeks"})
    void has_no_advice_for_other_waits(String raw) {
        assertThat(WaitWithUnit.of(raw)).isEmpty();
    }

    @Test
    void gives_no_number_too_large_to_write() {
        // 6,999,999,993 days, and 4,320,000,000 minutes: more than a whole number here may be
        assertThat(WaitWithUnit.of("999999999 weeks").orElseThrow().adviceWithout("wait_mode")).isEmpty();
        assertThat(WaitWithUnit.of("3000000 days").orElseThrow().adviceIn("minute", "the column counts minutes"))
                .isEqualTo("must be a whole number of minutes, as the column counts minutes");
    }
}
