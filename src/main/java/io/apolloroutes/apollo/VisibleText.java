package io.apolloroutes.apollo;

import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Whether an HTML body shows anything to its reader: text (Apollo variables count) or an image.
 * Characters that draw nothing do not count as text: whitespace, no-break spaces of every width, and
 * format characters such as the zero-width space, the word joiner and the byte-order mark, which
 * copies out of web pages and chat tools leave behind.
 *
 * <p>jsoup decides, but building a document for every body was the single largest cost of a large
 * dry run, and almost every body answers within its first few characters ({@code <p>Hi ...}). So a
 * scan over the markup answers the plain cases, and anything it is not sure about (comments,
 * scripts, entities other than a no-break space, markup it cannot follow) goes to jsoup.
 */
final class VisibleText {

    /** Elements whose content is not text on the page, or that jsoup treats specially. */
    private static final Set<String> OPAQUE = Set.of("script", "style", "template", "title", "head", "noscript",
            "textarea", "iframe", "object", "svg", "math", "xmp", "plaintext", "noembed", "noframes");

    private static final int UNSURE = -1;

    private VisibleText() {
    }

    static boolean isVisible(String html) {
        if (html == null || html.isBlank()) {
            return false;
        }
        int scanned = scan(html);
        return scanned == UNSURE ? byJsoup(html) : scanned == 1;
    }

    /** 1 visible, 0 not visible, {@link #UNSURE} when jsoup has to decide. */
    private static int scan(String html) {
        int n = html.length();
        int i = 0;
        while (i < n) {
            char c = html.charAt(i);
            if (c == '<') {
                int next = i + 1 < n ? html.charAt(i + 1) : -1;
                if (next == '!' || next == '?') {
                    return UNSURE;
                }
                if (!(Character.isLetter(next) || next == '/')) {
                    // "a < b": a lone "<" is text
                    return 1;
                }
                String name = tagName(html, next == '/' ? i + 2 : i + 1);
                if (OPAQUE.contains(name)) {
                    return UNSURE;
                }
                if (name.equals("img") && next != '/') {
                    return 1;
                }
                i = endOfTag(html, i);
                if (i < 0) {
                    return UNSURE;
                }
            } else if (c == '&') {
                int semicolon = html.indexOf(';', i);
                if (semicolon < 0 || semicolon - i > 8) {
                    return UNSURE;
                }
                String entity = html.substring(i + 1, semicolon).toLowerCase(Locale.ROOT);
                if (!entity.equals("nbsp") && !entity.equals("#160") && !entity.equals("#xa0")) {
                    return UNSURE;
                }
                i = semicolon + 1;
            } else if (isBlank(c)) {
                i++;
            } else {
                return 1;
            }
        }
        return 0;
    }

    /**
     * True for a character that draws nothing: whitespace, any space separator (the no-break spaces
     * too) and format characters (Unicode Cf: zero-width space, word joiner, soft hyphen, byte-order
     * mark, direction marks). jsoup drops only some of these from its text, so both paths ask here.
     */
    private static boolean isBlank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT;
    }

    private static String tagName(String html, int from) {
        int end = from;
        while (end < html.length() && Character.isLetterOrDigit(html.charAt(end))) {
            end++;
        }
        return html.substring(from, end).toLowerCase(Locale.ROOT);
    }

    /** The index after the {@code >} closing the tag at {@code start}, or -1 when there is none. */
    private static int endOfTag(String html, int start) {
        char quote = 0;
        for (int i = start + 1; i < html.length(); i++) {
            char c = html.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i + 1;
            } else if (c == '<') {
                return -1;
            }
        }
        return -1;
    }

    static boolean byJsoup(String html) {
        Document body = Jsoup.parseBodyFragment(html);
        String text = body.text();
        for (int i = 0; i < text.length(); i++) {
            if (!isBlank(text.charAt(i))) {
                return true;
            }
        }
        return !body.select("img").isEmpty();
    }
}
