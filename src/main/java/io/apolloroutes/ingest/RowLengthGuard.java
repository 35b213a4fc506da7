package io.apolloroutes.ingest;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.util.Locale;

/**
 * Stops a parser from buffering one endless record. A quote that is never closed makes a CSV parser
 * read the rest of the file into a single cell, and a JSON file's rows under a key the pack does not
 * read ({@code {"data": [...]}}) or a JSON array on one line of a .jsonl file would be read as one
 * record; past the limit the file is refused instead of the service running out of memory.
 */
final class RowLengthGuard extends FilterReader {

    /** More characters than the limit were read without a row ending. */
    static final class RowTooLongException extends IOException {
        RowTooLongException(long limit) {
            super("a row is longer than " + limit + " characters");
        }
    }

    /**
     * The limit as the readers' messages name it: "2,000,000 characters, the most one sequence or row may
     * take (20 × input.max-cell-length)".
     */
    static String limitText(long limit) {
        return String.format(Locale.ROOT, "%,d characters, the most one sequence or row may take (20 ×"
                + " input.max-cell-length)", limit);
    }

    /** What the parser may have read ahead of the row it is on (its buffer is 8 KiB). */
    private static final int READ_AHEAD = 1 << 16;

    private final long limit;
    private long sinceRowEnd;

    RowLengthGuard(Reader in, long limit) {
        super(in);
        this.limit = limit;
    }

    /** The parser finished a row: start counting again. */
    void rowEnded() {
        sinceRowEnd = 0;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        count(c < 0 ? 0 : 1);
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        count(Math.max(n, 0));
        return n;
    }

    private void count(int chars) throws RowTooLongException {
        sinceRowEnd += chars;
        if (sinceRowEnd > limit + READ_AHEAD) {
            throw new RowTooLongException(limit);
        }
    }
}
