package io.apolloroutes.mapping;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * Turns a body cell into the HTML Apollo expects in {@code body_html}. HTML is kept as written; plain
 * text becomes paragraphs (at blank lines) and line breaks, escaped as HTML text (so {@code <}, {@code >}
 * and {@code &} are safe, while apostrophes stay readable). Apollo variables such as
 * {@code {{first_name}}} contain nothing to escape and pass through untouched.
 */
final class EmailBody {

    private EmailBody() {
    }

    static String toHtml(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        if (isHtml(body)) {
            return body.strip();
        }
        String text = body.replace("\r\n", "\n").replace('\r', '\n').strip();
        return Arrays.stream(text.split("\\n\\s*\\n"))
                .map(paragraph -> "<p>" + Arrays.stream(paragraph.strip().split("\\n"))
                        .map(line -> new TextNode(line.strip()).outerHtml())
                        .collect(Collectors.joining("<br>")) + "</p>")
                .collect(Collectors.joining());
    }

    /** True when the text contains at least one real HTML element (not just a stray "<" or "<name>"). */
    static boolean isHtml(String body) {
        if (body.indexOf('<') < 0) {
            return false;
        }
        for (Element element : Jsoup.parseBodyFragment(body).body().getAllElements()) {
            if (!"body".equals(element.tagName()) && element.tag().isKnownTag()) {
                return true;
            }
        }
        return false;
    }
}
