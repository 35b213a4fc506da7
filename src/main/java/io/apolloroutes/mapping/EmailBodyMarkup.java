package io.apolloroutes.mapping;

import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Tag;

/**
 * Whether a body contains a real HTML element: one that jsoup, parsing the body as a fragment, would
 * build with a tag it knows ({@code <p>}, {@code <br>}; not {@code <name>} or a stray {@code <}).
 *
 * <p>jsoup decides, but building a document for every body with a {@code <} in it was the largest single
 * cost of mapping, and almost every body answers at its first tag ({@code <p>Hi ...}) or holds no tag
 * at all ({@code a < b}, {@code <{{first_name}}>}). So a scan answers those, following jsoup's tokeniser
 * only as far as it is sure, and hands the rest (comments, quoted attributes, end tags of known elements,
 * elements the tree builder moves or drops) to jsoup. A test compares the two on many generated bodies.
 */
final class EmailBodyMarkup {

    /**
     * Whether these make an element is up to jsoup's tree builder, not to its list of known tags: in a
     * body, table parts and document-level elements are dropped or merged, {@code <image>} becomes
     * {@code <img>}, and svg and math open elements of their own namespaces.
     */
    private static final Set<String> PLACED_BY_TREE_BUILDER = Set.of("html", "head", "body", "frameset", "frame",
            "caption", "col", "colgroup", "tbody", "thead", "tfoot", "tr", "td", "th", "image", "svg", "math");

    static final int NO = 0;
    static final int YES = 1;
    static final int UNSURE = -1;

    private EmailBodyMarkup() {
    }

    static boolean hasElement(String body) {
        int scanned = scan(body);
        return scanned == UNSURE ? byJsoup(body) : scanned == YES;
    }

    /** {@link #YES}, {@link #NO}, or {@link #UNSURE} when jsoup has to decide. */
    static int scan(String body) {
        int n = body.length();
        int lt = body.indexOf('<');
        while (lt >= 0) {
            boolean endTag = lt + 1 < n && body.charAt(lt + 1) == '/';
            int nameStart = endTag ? lt + 2 : lt + 1;
            int first = nameStart < n ? body.charAt(nameStart) : -1;
            if (!isAsciiLetter(first)) {
                // comments, "<?xml" and "</ ..." swallow what follows up to a ">"
                if (endTag || first == '!' || first == '?') {
                    return UNSURE;
                }
                // "a < b", "<3", "<{{first_name}}>", "<é": a "<" that opens no tag is text
                lt = body.indexOf('<', lt + 1);
                continue;
            }
            int nameEnd = nameStart;
            while (nameEnd < n && !endsName(body.charAt(nameEnd))) {
                if (body.charAt(nameEnd) >= 0x80) {
                    // Unicode lower-casing makes known names of some ("mar\u212A", with a Kelvin sign, is "mark")
                    return UNSURE;
                }
                nameEnd++;
            }
            int close = endOfTag(body, nameEnd);
            if (close < 0) {
                return UNSURE;
            }
            String name = body.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
            if (PLACED_BY_TREE_BUILDER.contains(name)) {
                return UNSURE;
            }
            if (Tag.isKnownTag(name)) {
                // a stray end tag is mostly ignored, but "</p>" and "</br>" make elements
                return endTag ? UNSURE : YES;
            }
            lt = body.indexOf('<', close);
        }
        return NO;
    }

    private static boolean isAsciiLetter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean endsName(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '/' || c == '>';
    }

    /**
     * The index after the {@code >} closing a tag whose name ends at {@code from}, or -1 when the scan
     * cannot be sure where the tag ends: quotes (a quoted value may hold {@code >}), a {@code <} inside
     * it, or no {@code >} at all (jsoup then drops the tag).
     */
    private static int endOfTag(String body, int from) {
        for (int i = from; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '>') {
                return i + 1;
            }
            if (c == '"' || c == '\'' || c == '<') {
                return -1;
            }
        }
        return -1;
    }

    static boolean byJsoup(String body) {
        for (Element element : Jsoup.parseBodyFragment(body).body().getAllElements()) {
            if (!"body".equals(element.tagName()) && element.tag().isKnownTag()) {
                return true;
            }
        }
        return false;
    }
}
