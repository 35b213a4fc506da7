package io.apolloroutes.mapping;

/**
 * Plain text as HTML: a paragraph at each blank line, a line break at each other line end, every line
 * trimmed and escaped as HTML text ({@code <}, {@code >} and {@code &}; apostrophes stay readable).
 *
 * <p>It reads the text once, line by line, into one builder: splitting with patterns and joining
 * streams of stripped copies cost more than anything else in a plain body. What counts as blank is
 * kept exactly as before, when the text was split at {@code \n\s*\n}: a paragraph break is a run of
 * lines of only spaces, tabs, vertical tabs and form feeds ({@code \s} without Unicode classes), while
 * trimming removes all Unicode whitespace ({@link String#strip()}). So a line of only a no-break or em
 * space is an empty line within a paragraph, not a paragraph break.
 */
final class EmailBodyText {

    private final String text;
    private final StringBuilder html;
    /** A {@code <p>} is open: the paragraph being read has had a line with text. */
    private boolean open;
    /** A line with text has been read: whitespace before it is trimmed with the body. */
    private boolean started;
    /** Whitespace lines (not breaks) since the last line with text: line breaks if text follows in the paragraph. */
    private int emptyLines;
    /** The paragraph being read, not yet open, has whitespace lines (a no-break space, say) but no text. */
    private boolean emptyParagraph;
    /** Such paragraphs since the last paragraph with text: {@code <p></p>} each if text follows. */
    private int emptyParagraphs;

    private EmailBodyText(String text) {
        this.text = text;
        this.html = new StringBuilder(text.length() + 32);
    }

    /** @param text not blank */
    static String toHtml(String text) {
        return new EmailBodyText(text).read();
    }

    private String read() {
        int start = 0;
        int n = text.length();
        int nextLf = text.indexOf('\n');
        int nextCr = text.indexOf('\r');
        while (start <= n) {
            // String.indexOf is much faster than a loop; most texts have no \r at all
            if (nextLf >= 0 && nextLf < start) {
                nextLf = text.indexOf('\n', start);
            }
            if (nextCr >= 0 && nextCr < start) {
                nextCr = text.indexOf('\r', start);
            }
            int end = Math.min(nextLf < 0 ? n : nextLf, nextCr < 0 ? n : nextCr);
            line(start, end);
            // \r\n, \r and \n all end a line
            start = end + (end + 1 < n && text.charAt(end) == '\r' && text.charAt(end + 1) == '\n' ? 2 : 1);
        }
        if (open) {
            html.append("</p>");
        }
        return html.toString();
    }

    private void line(int start, int end) {
        int from = start;
        int to = end;
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        if (from < to) {
            textLine(from, to);
        } else if (started) {
            whitespaceLine(start, end);
        }
    }

    private void whitespaceLine(int start, int end) {
        if (isBreak(start, end)) {
            paragraphBreak();
        } else if (open) {
            emptyLines++;
        } else {
            emptyParagraph = true;
        }
    }

    private void textLine(int from, int to) {
        if (open) {
            html.append("<br>".repeat(emptyLines + 1));
        } else {
            // whitespace lines that began this paragraph are trimmed with it; paragraphs of them stay
            html.append("<p></p>".repeat(emptyParagraphs)).append("<p>");
            emptyParagraphs = 0;
            emptyParagraph = false;
            open = true;
            started = true;
        }
        emptyLines = 0;
        escape(from, to);
    }

    private void paragraphBreak() {
        if (open) {
            // whitespace lines that ended the paragraph are trimmed with it
            html.append("</p>");
            open = false;
        } else if (emptyParagraph) {
            emptyParagraphs++;
            emptyParagraph = false;
        }
    }

    /** A line of only the characters {@code \s} matches (its ends are line ends, so no \n or \r). */
    private boolean isBreak(int start, int end) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\u000B' && c != '\f') {
                return false;
            }
        }
        return true;
    }

    private void escape(int from, int to) {
        // runs between the characters to escape are copied whole: appending char by char cost more than the rest
        int run = from;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '&' || c == '<' || c == '>') {
                html.append(text, run, i).append(c == '&' ? "&amp;" : c == '<' ? "&lt;" : "&gt;");
                run = i + 1;
            }
        }
        html.append(text, run, to);
    }
}
