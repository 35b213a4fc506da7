package io.apolloroutes.apollo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DryRunOutboxTest {

    @Test
    void names_files_after_the_sequence_in_plain_ascii() {
        assertThat(DryRunOutbox.slug("Renewals – Café Accounts")).isEqualTo("renewals-cafe-accounts");
        assertThat(DryRunOutbox.slug("  Q1 Outbound: VP Sales!  ")).isEqualTo("q1-outbound-vp-sales");
    }

    @Test
    void falls_back_to_a_generic_name_when_nothing_is_left() {
        assertThat(DryRunOutbox.slug(null)).isEqualTo("sequence");
        assertThat(DryRunOutbox.slug("日本語")).isEqualTo("sequence");
    }

    @Test
    void cuts_long_names_without_a_trailing_dash() {
        String slug = DryRunOutbox.slug("a".repeat(59) + " b" + "c".repeat(40));

        assertThat(slug).isEqualTo("a".repeat(59));
    }
}
