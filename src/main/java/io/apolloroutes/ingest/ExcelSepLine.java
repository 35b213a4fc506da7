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

    /** The delimiter a hint line names, and how many characters the line takes with its line end. */
    record Hint(char delimiter, int length) {
    }

    /**
     * The hint the first line gives, or null when the file does not start with one; then the reader is
     * back at the start of the file, for the delimiter to be found another way.
     */
    static Hint read(BufferedReader text) throws IOException {
        text.mark(LONGEST);
        Hint hint = hint(text);
        if (hint == null) {
            text.reset();
        }
        return hint;
    }

    private static Hint hint(Reader text) throws IOException {
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
        // the line ends in CRLF, LF, or a bare CR (Excel for Mac), or the file ends with it
        int end = 5;
        if (end < length && start[end] == '\r') {
            end++;
            if (end < length && start[end] == '\n') {
                end++;
            }
        } else if (end < length && start[end] == '\n') {
            end++;
        } else if (end < length) {
            return null;
        }
        return new Hint(delimiter, end);
    }
}
