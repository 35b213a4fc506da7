package io.apolloroutes.ingest;

/**
 * Trims what a person cannot see at the ends of a cell: whitespace, but also the no-break spaces,
 * zero-width spaces and stray byte-order marks that spreadsheets, web pages and chat tools leave
 * behind. {@link String#strip()} keeps all three, so a header "sequence" followed by a no-break space
 * would not be recognised, and "Q3 launch" with one would be a second sequence beside "Q3 launch".
 */
public final class EdgeBlanks {

    private EdgeBlanks() {
    }

    /** {@code text} without blanks at either end; the same instance when there are none. */
    public static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isBlank(text.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(text.charAt(end - 1))) {
            end--;
        }
        return start == 0 && end == text.length() ? text : text.substring(start, end);
    }

    /** True when nothing but blanks: what {@link String#isBlank()} would say if it saw them all. */
    public static boolean isBlank(String text) {
        return strip(text).isEmpty();
    }

    private static boolean isBlank(char c) {
        if (c > ' ' && c < 0x7F) {
            // the usual case, decided in one comparison
            return false;
        }
        return Character.isWhitespace(c) || Character.isSpaceChar(c)
                // zero-width space, word joiner, zero-width no-break space (the byte-order mark)
                || c == '\u200B' || c == '\u2060' || c == '\uFEFF';
    }
}
