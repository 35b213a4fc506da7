package io.apolloroutes.ingest;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells which of {@code , ; tab |} separates the cells of a delimited text file. Excel writes
 * {@code ;} in locales where the comma is the decimal mark, and "Unicode Text" uses tabs, so the
 * extension alone says little.
 *
 * <p>The header decides: the candidate that occurs in it, outside quotes, and splits the following
 * lines into the same number of cells wins; ties go to the extension's usual delimiter. Only the
 * first few kilobytes are looked at.
 */
final class DelimiterSniffer {

    static final char[] CANDIDATES = {',', ';', '\t', '|'};

    private static final int SAMPLE_CHARS = 1 << 16;
    private static final int SAMPLE_LINES = 50;

    private DelimiterSniffer() {
    }

    /**
     * @param text      the start of the file (the reader is read from, not closed)
     * @param preferred the delimiter to pick when the sample does not decide
     */
    static char detect(Reader text, char preferred) throws IOException {
        List<int[]> counts = countPerLine(sample(text));
        if (counts.isEmpty()) {
            return preferred;
        }
        int[] header = counts.get(0);
        char best = preferred;
        int bestScore = -1;
        for (int c = 0; c < CANDIDATES.length; c++) {
            if (header[c] == 0) {
                continue;
            }
            int consistent = 0;
            for (int line = 1; line < counts.size(); line++) {
                if (counts.get(line)[c] == header[c]) {
                    consistent++;
                }
            }
            // rows that agree with the header count most; the number of columns breaks ties
            int score = consistent * 1000 + Math.min(header[c], 999);
            if (score > bestScore || (score == bestScore && CANDIDATES[c] == preferred)) {
                best = CANDIDATES[c];
                bestScore = score;
            }
        }
        return best;
    }

    private static String sample(Reader text) throws IOException {
        char[] buffer = new char[SAMPLE_CHARS];
        int filled = 0;
        while (filled < buffer.length) {
            int n = text.read(buffer, filled, buffer.length - filled);
            if (n < 0) {
                break;
            }
            filled += n;
        }
        return new String(buffer, 0, filled);
    }

    /** Occurrences of each candidate outside quotes, per logical line (quoted line breaks don't end one). */
    private static List<int[]> countPerLine(String sample) {
        List<int[]> lines = new ArrayList<>();
        int[] current = new int[CANDIDATES.length];
        boolean quoted = false;
        boolean blank = true;
        for (int i = 0; i < sample.length() && lines.size() < SAMPLE_LINES; i++) {
            char ch = sample.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (!quoted && (ch == '\n' || ch == '\r')) {
                if (!blank) {
                    lines.add(current);
                }
                current = new int[CANDIDATES.length];
                blank = true;
                continue;
            } else if (!quoted) {
                for (int c = 0; c < CANDIDATES.length; c++) {
                    if (ch == CANDIDATES[c]) {
                        current[c]++;
                    }
                }
            }
            blank = false;
        }
        // a last line cut off by the end of the sample would count short: only keep it at the end of the file
        if (!blank && sample.length() < SAMPLE_CHARS) {
            lines.add(current);
        }
        return lines;
    }
}
