package io.apolloroutes.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailBodyTest {

    @Test
    void wraps_a_single_line_in_a_paragraph() {
        assertThat(EmailBody.toHtml("Hi there")).isEqualTo("<p>Hi there</p>");
    }

    @Test
    void starts_a_paragraph_at_each_blank_line() {
        assertThat(EmailBody.toHtml("Hi Sam,\n\nThanks for your time.\n\nBest"))
                .isEqualTo("<p>Hi Sam,</p><p>Thanks for your time.</p><p>Best</p>");
    }

    @Test
    void turns_single_newlines_into_line_breaks() {
        assertThat(EmailBody.toHtml("Thanks,\nSam\nHead of Sales"))
                .isEqualTo("<p>Thanks,<br>Sam<br>Head of Sales</p>");
    }

    @Test
    void treats_several_blank_lines_or_whitespace_only_lines_as_one_paragraph_break() {
        assertThat(EmailBody.toHtml("One\n\n\n\nTwo\n   \nThree"))
                .isEqualTo("<p>One</p><p>Two</p><p>Three</p>");
    }

    @Test
    void handles_windows_line_endings() {
        assertThat(EmailBody.toHtml("Hi Sam,\r\n\r\nThanks for your time.\r\nBest,\r\nAlex\r\n"))
                .isEqualTo("<p>Hi Sam,</p><p>Thanks for your time.<br>Best,<br>Alex</p>");
    }

    @Test
    void handles_old_mac_line_endings() {
        assertThat(EmailBody.toHtml("One\r\rTwo\rThree")).isEqualTo("<p>One</p><p>Two<br>Three</p>");
    }

    @Test
    void trims_surrounding_whitespace_of_the_body_and_each_line() {
        assertThat(EmailBody.toHtml("\n\n  Hello  \n   world \n\n")).isEqualTo("<p>Hello<br>world</p>");
    }

    @Test
    void escapes_angle_brackets_and_ampersands_in_plain_text() {
        assertThat(EmailBody.toHtml("Prices < $50 & > $20")).isEqualTo("<p>Prices &lt; $50 &amp; &gt; $20</p>");
    }

    @Test
    void leaves_apostrophes_and_quotes_readable() {
        assertThat(EmailBody.toHtml("We'd love your \"honest\" take")).isEqualTo("<p>We'd love your \"honest\" take</p>");
    }

    @Test
    void keeps_non_ascii_text_as_is() {
        assertThat(EmailBody.toHtml("Café owners love it 🌷")).isEqualTo("<p>Café owners love it 🌷</p>");
    }

    @Test
    void passes_apollo_variables_through_untouched() {
        assertThat(EmailBody.toHtml("Hi {{first_name}},\nhow is {{company}} doing?"))
                .isEqualTo("<p>Hi {{first_name}},<br>how is {{company}} doing?</p>");
    }

    @Test
    void keeps_a_body_with_paragraph_tags_as_written() {
        String html = "<p>Hi {{first_name}},</p>\n<p>We'd love to talk & learn more.</p>";

        assertThat(EmailBody.toHtml(html)).isEqualTo(html);
    }

    @Test
    void keeps_a_body_with_an_inline_tag_as_written_without_adding_paragraphs() {
        assertThat(EmailBody.toHtml("Hi {{first_name}}, this is <strong>important</strong>.\nThanks"))
                .isEqualTo("Hi {{first_name}}, this is <strong>important</strong>.\nThanks");
    }

    @Test
    void only_trims_an_html_body() {
        assertThat(EmailBody.toHtml("  \n<p>Hi</p>\n  ")).isEqualTo("<p>Hi</p>");
    }

    @Test
    void treats_a_made_up_tag_as_plain_text_and_escapes_it() {
        assertThat(EmailBody.toHtml("Use <name> here")).isEqualTo("<p>Use &lt;name&gt; here</p>");
    }

    @Test
    void treats_a_lone_less_than_sign_as_plain_text() {
        assertThat(EmailBody.toHtml("a < b")).isEqualTo("<p>a &lt; b</p>");
    }

    @Test
    void treats_an_email_address_in_angle_brackets_as_plain_text() {
        assertThat(EmailBody.toHtml("Write to <sam@example.com>\nThanks"))
                .isEqualTo("<p>Write to &lt;sam@example.com&gt;<br>Thanks</p>");
    }

    @Test
    void recognises_html_only_by_known_tags() {
        assertThat(EmailBody.isHtml("<p>Hi</p>")).isTrue();
        assertThat(EmailBody.isHtml("Line<br>break")).isTrue();
        assertThat(EmailBody.isHtml("Hi <strong>you</strong>")).isTrue();
        assertThat(EmailBody.isHtml("Use <name> here")).isFalse();
        assertThat(EmailBody.isHtml("a < b")).isFalse();
        assertThat(EmailBody.isHtml("no angle brackets at all")).isFalse();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\n\n", "\r\n\t \r\n"})
    void gives_null_for_a_blank_body(String body) {
        assertThat(EmailBody.toHtml(body)).isNull();
    }
}
