package io.apolloroutes.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Excel's delimiter hint: a first line {@code sep=;} (or any one character after the {@code =}) that
 * Excel reads, and some exports write, so a file opens in columns whatever the reader's locale. Excel
 * does not show that line: the header below it is row 1 on screen, and stays row 1 in messages.
 */
final class ExcelSepLine {

    /** Longest first line that can be a hint: "sep=", the delimiter, CR, LF. */
    private static final int LONGEST = 7;

    private ExcelSepLine() {
    }

    /**
     * The delimiter the first line names, or null when the file does not start with a hint; then the
     * reader is back at the start of the file, for the delimiter to be found another way.
     */
    static Character read(BufferedReader text) throws IOException {
        text.mark(LONGEST);
        Character delimiter = hint(text);
        if (delimiter == null) {
            text.reset();
        }
        return delimiter;
    }

    private static Character hint(Reader text) throws IOException {
        char[] start = new char[LONGEST];
        int length = text.read(start, 0, LONGEST);
        while (length > 0 && length < LONGEST) {
            int more = text.read(start, length, LONGEST - length);
            if (more < 0) {
                break;
            }
            length += more;
        }
        if (length < 5 || !new String(start, 0, 4).equalsIgnoreCase("sep=")) {
            return null;
        }
        char delimiter = start[4];
        if (delimiter == '\r' || delimiter == '\n' || delimiter == '"') {
            // no delimiter a CSV can have: the line is left for the header check to refuse with its message
            return null;
        }
        int end = 5;
        if (end < length && start[end] == '\r') {
            end++;
        }
        boolean lineEnds = end == length || start[end] == '\n';
        return lineEnds ? delimiter : null;
    }

    /** Reads past the hint line, so what follows starts with the header. */
    static void skip(Reader text) throws IOException {
        int c;
        do {
            c = text.read();
        } while (c >= 0 && c != '\n');
    }
}
