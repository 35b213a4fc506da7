package io.apolloroutes.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutcomeCountsTest {

    @Test
    void writes_large_counts_with_thousands_separators_in_the_summary_line() {
        OutcomeCounts counts = new OutcomeCounts();
        for (int i = 0; i < 990_019; i++) {
            counts.add(Outcome.WOULD_CREATE, 1);
        }
        counts.add(Outcome.INVALID, 3);

        // the log's summary of a large file, read at a glance
        assertThat(counts.summary()).isEqualTo("990,019 would-create, 1 invalid");
    }
}
