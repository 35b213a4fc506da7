package io.apolloroutes.apollo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VisibleTextTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "<p>Hi {{first_name}},<br>thanks</p>", "Plain text", "<p></p>", "<p>&nbsp;</p>", "<br>", "<br/><br />",
            "<p> &#160; &#xA0; </p>", "<img src=\"logo.png\">", "<p><img src='a.png' alt=\"x > y\"></p>",
            "<!-- only a comment -->", "<p><!-- hidden --></p>", "<style>p { color: red }</style>",
            "<script>alert(1)</script>", "<p>&amp;</p>", "<p>&ensp;</p>", "&zwnj;", "<p>a < b</p>", "<p title=\"a>b\"></p>",
            "<div><span>  </span></div>", "<p>\u00A0</p>", "<3 you", "<title>Subject</title>", "<p class='x'>Text</p>",
            "<p", "</p>", "<table><tr><td></td></tr></table>", "<a href=\"https://x.io\">{{sender_name}}</a>",
            "<p>\u200B</p>", "<p>&#8203;</p>", "<p>\u2060\uFEFF</p>", "<p>\u00AD\u2007\u202F</p>", "<p>&zwj;&lrm;</p>",
            "<p>\u200BHi</p>"})
    void agrees_with_jsoup_on_every_kind_of_body(String html) {
        assertThat(VisibleText.isVisible(html)).as(html).isEqualTo(VisibleText.byJsoup(html));
    }

    @ParameterizedTest
    @ValueSource(strings = {"<p>Hi</p>", "<img src=\"a.png\">", "<p>&nbsp;x</p>"})
    void finds_visible_bodies(String html) {
        assertThat(VisibleText.isVisible(html)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"<p></p>", "<p>&nbsp;</p>", "<br>", "  "})
    void finds_empty_bodies(String html) {
        assertThat(VisibleText.isVisible(html)).isFalse();
    }

    /** A zero-width space, word joiner, byte-order mark, soft hyphen or narrow no-break space draws nothing. */
    @ParameterizedTest
    @ValueSource(strings = {"\u200B", "<p>\u200B</p>", "<p>&#8203;</p>", "<p>\u2060\uFEFF</p>", "<p>&zwj;&lrm;</p>",
            "<p>\u00AD\u2007\u202F</p>", "<!-- x --><p>&nbsp;\u200B<br></p>"})
    void finds_bodies_of_only_zero_width_and_no_break_characters_empty(String html) {
        assertThat(VisibleText.isVisible(html)).as(html).isFalse();
    }
}
