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
            "<p", "</p>", "<table><tr><td></td></tr></table>", "<a href=\"https://x.io\">{{sender_name}}</a>"})
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
}
