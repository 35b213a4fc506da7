package io.apolloroutes.ingest;

import java.util.Locale;

/**
 * How much text one workbook may give out, all its sheets and merged cells together: as much as the
 * largest file the pack accepts ({@code input.max-file-size}) could hold written out, the size at which
 * the workbook's own CSV export would be refused.
 *
 * <p>A workbook's bytes do not bound its text. One shared string can stand for a million cells, one
 * merged cell for a million rows; a file of a few megabytes could give out terabytes, to be spooled to
 * disk, mapped and validated. Real workbooks that large in text are beyond the limit as CSV too.
 */
final class TextBudget {

    private final long max;
    private long left;

    TextBudget(long maxChars) {
        this.max = maxChars;
        this.left = maxChars;
    }

    /** Counts text read out of the workbook; past the limit the workbook is refused. */
    void spend(int chars) {
        left -= chars;
        if (left < 0) {
            throw new UnreadableInputException(0, String.format(Locale.ROOT, "holds more text than the %.1f MB a file"
                    + " may have (input.max-file-size), counted as its CSV export would be: a text used in many cells,"
                    + " or a cell merged down over many rows, counts once for each; so it is not read; split it into"
                    + " smaller workbooks", max / (1024.0 * 1024.0)));
        }
    }
}
