package io.apolloroutes.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.apolloroutes.support.RandomText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The scan must answer as jsoup does, on every body; these generate many and compare. */
class EmailBodyMarkupTest {

    /** jsoup's known HTML tags, and names that are not known but that parsers treat in a special way. */
    private static final List<String> NAMES = List.of(
            "a", "abbr", "acronym", "address", "applet", "area", "article", "aside", "audio", "b", "base",
            "basefont", "bdi", "bdo", "bgsound", "big", "blockquote", "body", "br", "button", "canvas", "caption",
            "center", "cite", "code", "col", "colgroup", "data", "datalist", "dd", "del", "details", "dfn",
            "dialog", "dir", "div", "dl", "dt", "em", "embed", "fieldset", "figcaption", "figure", "font", "footer",
            "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr",
            "html", "i", "iframe", "img", "input", "ins", "kbd", "keygen", "label", "legend", "li", "link",
            "listing", "main", "map", "mark", "marquee", "menu", "meta", "meter", "nav", "nobr", "noembed",
            "noframes", "noscript", "object", "ol", "optgroup", "option", "output", "p", "param", "picture",
            "plaintext", "pre", "progress", "q", "rb", "rp", "rt", "rtc", "ruby", "s", "samp", "script", "search",
            "section", "select", "slot", "small", "source", "span", "strike", "strong", "style", "sub", "summary",
            "sup", "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "time", "title", "tr",
            "track", "tt", "u", "ul", "var", "video", "wbr", "xmp",
            // not known to jsoup as HTML, some of them known in SVG or MathML or once in HTML
            "image", "isindex", "sarcasm", "svg", "math", "mi", "mtext", "text", "foreignobject", "menuitem",
            "command", "blink", "spacer", "name", "x", "first_name", "custom-tag", "h7", "p1");

    private static final List<String> FORMS = List.of("<%s>", "<%S>", "</%s>", "</%S >", "<%s/>", "<%s />",
            "<%s class=x>", "<%s class=\"x\">", "<%s title='a>b'>", "<%s", "<%s ", "<%s>text</%s>", "<%s<b>",
            "<%s\u000B>", "<%s\u0000>");

    private static final List<String> BEFORE = List.of("", "Hi ", "<x>", "<x/>", "</x>", "<x a=b>", "a < b ",
            "<{{first_name}}> ", "<!-- c -->", "<ruby>", "<table>", "<select>", "<svg>", "</p>", "&lt;", "<3 ");

    /** Pieces that bodies are made of, tags and text and the odd things people write. */
    private static final List<String> PIECES = List.of("<p>", "</p>", "< p>", "<3", "a<b", "<br/>", "<BR>", "<br>",
            "<name>", "</name>", "<!-- -->", "<!--", "-->", "<?xml", "?>", "<{{first_name}}>", "{{first_name}}",
            "<p", "<b", "&amp;", "&lt;p&gt;", "&", "&nbsp;", "<", ">", "/", "=", "\"", "'", " ", "\n", "\t", "Hi",
            "x", "<P CLASS=\"a\">", "<p class='x>'>", "<a href=x>", "<a href=\"x\">", "<td>", "<tr>", "<table>",
            "<image>", "<svg>", "<math>", "<script>", "</script>", "<title>", "<textarea>", "<style>", "<xmp>",
            "<plaintext>", "<x-y>", "<sam@example.com>", "<é>", "\u0000", "<b<p>", "<ruby>", "<rt>", "<template>",
            "<body>", "<html>", "<head>", "<frameset>", "<form>", "</br>", "</>", "</ x>", "<!DOCTYPE html>",
            "<![CDATA[<p>]]>", "<p/", "<x y=<p>>", "<x\u000Bp>", "<x y='1'>", "<Strong>", "<sTrOnG>", "<h1>",
            "<noscript>", "<iframe>", "<option>", "<li>", "<isindex>", "<caption>", "<col>");

    @ParameterizedTest
    @ValueSource(strings = {"<p>", "< p>", "<3", "a<b", "<br/>", "<BR>", "<name>", "<!-- -->", "<?xml",
            "<{{first_name}}>", "<p", "&lt;p&gt;", "&amp; <b>", "<P CLASS=\"greeting\">Hi</P>", "<p class=x>",
            "<p title=\"a > b\">", "Write to <sam@example.com>", "Hi {{first_name}},\n\nThanks", "</p>", "</br>",
            "</b>", "<td>Hi</td>", "<image src=x>", "<svg></svg>", "<x><p>", "<!-- <p> -->", "<x a='<p>'>", "<",
            "</", "<>", "</>", "Hi <", "<p\u0000>", "<é a='<p>'>", "<\u212Abd>", "<mar\u212A>", "</ <p>>", "</!<p>", "<? <p> ?>",
            "<x a=\"b>c<p>d\">", "<x a='>' <p>"})
    void agrees_with_jsoup_on_edge_cases(String body) {
        assertAgrees(body);
    }

    @Test
    void agrees_with_jsoup_on_every_tag_name_in_many_forms_and_places() {
        for (String name : NAMES) {
            for (String form : FORMS) {
                String tag = form.replace("%S", name.toUpperCase(Locale.ROOT)).replace("%s", name);
                for (String before : BEFORE) {
                    assertAgrees(before + tag);
                    assertAgrees(before + tag + " after");
                }
            }
        }
    }

    @Test
    void agrees_with_jsoup_on_bodies_put_together_at_random() {
        Random random = new Random(20240601);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder body = new StringBuilder();
            for (int pieces = 1 + random.nextInt(6); pieces > 0; pieces--) {
                body.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            assertAgrees(body.toString());
        }
    }

    @Test
    void agrees_with_jsoup_on_random_characters_around_angle_brackets() {
        for (String body : RandomText.strings(7, 30_000, "<<<>>//!?-pPbBrRaxtd =\"'&;\n\u0000é", 1, 10)) {
            assertAgrees(body);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"<p>Hi {{first_name}},</p><p>Best,<br>Sam</p>", "Hi {{first_name}},\n\nThanks",
            "Hi <strong>you</strong>", "Use <name> here", "a < b", "<{{first_name}}>", "Write to <sam@example.com>",
            "<BR>", "<br/>", "<p class=x>Hi</p>", "<3 you", "<x-y>text</x-y> and no tags"})
    void answers_everyday_bodies_without_jsoup(String body) {
        // the point of the scan: jsoup is left only the bodies people rarely write
        assertThat(EmailBodyMarkup.scan(body)).as(body).isNotEqualTo(EmailBodyMarkup.UNSURE);
    }

    private static void assertAgrees(String body) {
        assertThat(EmailBodyMarkup.hasElement(body)).as("%s", body).isEqualTo(EmailBodyMarkup.byJsoup(body));
    }

    /** Agreement alone would also hold for a scan that left everything to jsoup. */
    @Test
    void generated_bodies_cover_every_answer_of_the_scan() {
        List<Integer> answers = new ArrayList<>();
        for (String piece : PIECES) {
            answers.add(EmailBodyMarkup.scan(piece));
        }
        assertThat(answers).contains(EmailBodyMarkup.YES, EmailBodyMarkup.NO, EmailBodyMarkup.UNSURE);
    }
}
