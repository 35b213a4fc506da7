package io.apolloroutes.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.apolloroutes.apollo.EmailerTemplate;
import io.apolloroutes.ingest.BodyFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
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

    // ---- body formats --------------------------------------------------------------------------

    @Test
    void renders_markdown_emphasis_and_links() {
        assertThat(EmailBody.toHtml("We make **onboarding** _painless_: [see how](https://example.com/tour).",
                BodyFormat.MARKDOWN))
                .isEqualTo("<p>We make <strong>onboarding</strong> <em>painless</em>: "
                        + "<a href=\"https://example.com/tour\">see how</a>.</p>");
    }

    @Test
    void renders_markdown_lists_and_headings() {
        assertThat(EmailBody.toHtml("""
                ## Three things for {{company_name}}

                - faster follow-up
                - fewer tools

                1. reply
                2. book""", BodyFormat.MARKDOWN))
                .isEqualTo("""
                        <h2>Three things for {{company_name}}</h2>
                        <ul>
                        <li>faster follow-up</li>
                        <li>fewer tools</li>
                        </ul>
                        <ol>
                        <li>reply</li>
                        <li>book</li>
                        </ol>""");
    }

    @Test
    void keeps_a_single_markdown_line_break_as_a_line_break_as_in_an_email() {
        assertThat(EmailBody.toHtml("Best,\nSam\nHead of Sales", BodyFormat.MARKDOWN))
                .isEqualTo("<p>Best,<br>Sam<br>Head of Sales</p>");
    }

    @Test
    void starts_a_new_markdown_paragraph_at_a_blank_line() {
        assertThat(EmailBody.toHtml("Hi {{first_name}},\n\nThanks for your time.", BodyFormat.MARKDOWN))
                .isEqualTo("<p>Hi {{first_name}},</p>\n<p>Thanks for your time.</p>");
    }

    @Test
    void reads_windows_line_endings_in_markdown_like_any_other() {
        assertThat(EmailBody.toHtml("Hi {{first_name}},\r\n\r\nThanks,\r\nSam\r\n", BodyFormat.MARKDOWN))
                .isEqualTo("<p>Hi {{first_name}},</p>\n<p>Thanks,<br>Sam</p>");
    }

    @Test
    void passes_apollo_variables_through_markdown_untouched_even_with_underscores_and_in_links() {
        assertThat(EmailBody.toHtml("Hi {{first_name}}, how is **{{company_name}}** doing?\n"
                + "[Pick a time](https://cal.example.com/{{sender_first_name}}?ref={{company_name}})", BodyFormat.MARKDOWN))
                .isEqualTo("<p>Hi {{first_name}}, how is <strong>{{company_name}}</strong> doing?<br>"
                        + "<a href=\"https://cal.example.com/{{sender_first_name}}?ref={{company_name}}\">Pick a time</a></p>");
    }

    @Test
    void escapes_angle_brackets_and_ampersands_in_markdown_text() {
        assertThat(EmailBody.toHtml("Prices < $50 & more", BodyFormat.MARKDOWN))
                .isEqualTo("<p>Prices &lt; $50 &amp; more</p>");
    }

    @Test
    void escapes_tags_in_a_body_said_to_be_text_instead_of_keeping_them() {
        assertThat(EmailBody.toHtml("Hi <strong>{{first_name}}</strong>,\nsee <a href=\"x\">this</a>", BodyFormat.TEXT))
                .isEqualTo("<p>Hi &lt;strong&gt;{{first_name}}&lt;/strong&gt;,<br>see &lt;a href=\"x\"&gt;this&lt;/a&gt;</p>");
    }

    @Test
    void leaves_markdown_syntax_alone_in_a_body_said_to_be_text() {
        assertThat(EmailBody.toHtml("**Hi** {{first_name}}", BodyFormat.TEXT)).isEqualTo("<p>**Hi** {{first_name}}</p>");
    }

    @Test
    void keeps_a_body_said_to_be_html_as_written_even_without_tags() {
        assertThat(EmailBody.toHtml("  Hi {{first_name}} &amp; team,\nthanks  ", BodyFormat.HTML))
                .isEqualTo("Hi {{first_name}} &amp; team,\nthanks");
    }

    @Test
    void tells_html_from_text_by_its_tags_when_the_format_is_auto() {
        assertThat(EmailBody.toHtml("Hi <b>there</b>", BodyFormat.AUTO)).isEqualTo("Hi <b>there</b>");
        assertThat(EmailBody.toHtml("Hi **there**\nBye", BodyFormat.AUTO)).isEqualTo("<p>Hi **there**<br>Bye</p>");
        assertThat(EmailBody.toHtml("Hi <name>", BodyFormat.AUTO)).isEqualTo(EmailBody.toHtml("Hi <name>"));
    }

    @ParameterizedTest
    @EnumSource(BodyFormat.class)
    void gives_null_for_a_blank_body_in_every_format(BodyFormat format) {
        assertThat(EmailBody.toHtml(" \r\n ", format)).isNull();
        assertThat(EmailBody.toHtml(null, format)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"**  **", "---", "#", "&nbsp;", "<p></p>", "<br>", "* "})
    void counts_markdown_that_shows_nothing_as_no_visible_body(String markdown) {
        String html = EmailBody.toHtml(markdown, BodyFormat.MARKDOWN);

        assertThat(new EmailerTemplate(null, "Hello", html).hasVisibleBody()).as(html).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{{first_name}}", "**Hi**", "![logo](https://example.com/logo.png)"})
    void counts_markdown_with_text_a_variable_or_an_image_as_a_visible_body(String markdown) {
        String html = EmailBody.toHtml(markdown, BodyFormat.MARKDOWN);

        assertThat(new EmailerTemplate(null, "Hello", html).hasVisibleBody()).as(html).isTrue();
    }
}
