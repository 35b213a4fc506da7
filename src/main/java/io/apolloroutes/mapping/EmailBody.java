package io.apolloroutes.mapping;

import io.apolloroutes.ingest.BodyFormat;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Turns a body cell into the HTML Apollo expects in {@code body_html}. HTML is kept as written;
 * Markdown is rendered with commonmark; plain text becomes paragraphs (at blank lines) and line
 * breaks, escaped as HTML text (so {@code <}, {@code >} and {@code &} are safe, while apostrophes stay
 * readable). Apollo variables such as
 * {@code {{first_name}}} contain nothing to escape and pass through untouched.
 */
final class EmailBody {

    private static final Parser MARKDOWN = Parser.builder().build();
    // a line break inside a paragraph is a line break in an email, not a space as on a web page
    private static final HtmlRenderer MARKDOWN_HTML = HtmlRenderer.builder().softbreak("<br>").build();

    private EmailBody() {
    }

    static String toHtml(String body) {
        return toHtml(body, BodyFormat.AUTO);
    }

    /**
     * @param format how the cell is written; {@link BodyFormat#AUTO} tells HTML from plain text by
     *               looking for real HTML elements
     */
    static String toHtml(String body, BodyFormat format) {
        if (body == null || body.isBlank()) {
            return null;
        }
        BodyFormat effective = format == BodyFormat.AUTO ? (isHtml(body) ? BodyFormat.HTML : BodyFormat.TEXT) : format;
        return switch (effective) {
            case HTML -> body.strip();
            case MARKDOWN -> MARKDOWN_HTML.render(MARKDOWN.parse(body)).strip();
            default -> EmailBodyText.toHtml(body);
        };
    }

    /** True when the text contains at least one real HTML element (not just a stray "<" or "<name>"). */
    static boolean isHtml(String body) {
        return EmailBodyMarkup.hasElement(body);
    }
}
