package io.apolloroutes.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the JSON readers need from the file itself, beyond the one pass of parsing it. */
final class JsonFiles {

    private JsonFiles() {
    }

    /**
     * The refusal for a JSON file that is not JSON text from its first bytes on (not UTF-8, or not
     * starting as JSON). A workbook renamed to .json fails exactly so, and "save it as UTF-8" would
     * send its owner the wrong way; the text readers' check of the first bytes ({@link DecodedText})
     * tells a workbook, a legacy workbook or a PDF, and says what to rename the file to. Otherwise the
     * refusal stands as it was.
     *
     * @param refusal the refusal for the text as read
     */
    static UnreadableInputException notJsonText(Path file, UnreadableInputException refusal) throws IOException {
        try {
            DecodedText.of(file, StandardCharsets.UTF_8);
        } catch (UnreadableInputException whatItIs) {
            return whatItIs;
        }
        return refusal;
    }

    /**
     * The characters {@code from} up to {@code to} of a UTF-8 file, counted as the JSON parser counts
     * them (after any byte-order mark). Only records that failed need their text again, and those are
     * few, so reading the file a second time costs less than keeping the text of every record.
     */
    static String text(Path file, long from, long to) throws IOException {
        try (InputStream in = Files.newInputStream(file); Reader reader = StrictText.utf8Reader(in)) {
            for (long left = from; left > 0; ) {
                long skipped = reader.skip(left);
                if (skipped <= 0) {
                    return "";
                }
                left -= skipped;
            }
            char[] chars = new char[(int) Math.min(to - from, Integer.MAX_VALUE - 8)];
            int filled = 0;
            for (int n; filled < chars.length && (n = reader.read(chars, filled, chars.length - filled)) > 0; ) {
                filled += n;
            }
            return new String(chars, 0, filled);
        }
    }
}
