package io.apolloroutes.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the JSON readers need from the file itself, beyond the one pass of parsing it. */
final class JsonFiles {

    /**
     * Where Jackson says an unclosed object or array began: "(start marker at [Source: REDACTED
     * (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 3, column: 5])".
     */
    private static final Pattern START_MARKER = Pattern.compile(
            "\\s*\\(start marker at \\[Source: .*; line: (\\d+), column: (\\d+)\\]\\)");

    private JsonFiles() {
    }

    /**
     * What is wrong with the JSON, in Jackson's words but without its names for settings and sources:
     * "Unexpected end-of-input: expected close marker for OBJECT (opened at line 3, column 5)".
     */
    static String problem(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        Matcher marker = START_MARKER.matcher(message);
        return marker.find() ? message.substring(0, marker.start()) + " (opened at line " + marker.group(1)
                + ", column " + marker.group(2) + ")" + message.substring(marker.end()) : message;
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
        return notText(file).orElse(refusal);
    }

    /**
     * Why the file is no UTF-8 text at all, from its first bytes: a workbook, a PDF, a web page, binary data
     * or UTF-16 text; empty when it starts as UTF-8 text (which may still not be JSON).
     */
    static Optional<UnreadableInputException> notText(Path file) throws IOException {
        DecodedText text;
        try {
            text = DecodedText.of(file, StandardCharsets.UTF_8);
        } catch (DecodedText.BinaryData binary) {
            // no sheet to export: a JSON file with control bytes is another kind of file, or a damaged copy
            return Optional.of(binary.advising("a JSON file is UTF-8 text; check that this is the file you meant"
                    + " to drop, or export it again"));
        } catch (UnreadableInputException whatItIs) {
            // a JSON file is read as UTF-8 whatever input.encoding says, the setting that refusal points to
            String utf16 = DecodedText.utf16WithoutBom(file);
            return Optional.of(utf16 == null ? whatItIs : new UnreadableInputException(0, "looks like " + utf16
                    + " text without a byte-order mark, but a JSON file must be UTF-8; save it as UTF-8 and drop it"
                    + " again"));
        }
        if (text.bomLength() > 0 && !text.charset().equals(StandardCharsets.UTF_8)) {
            // Windows PowerShell's Out-File and > write UTF-16 with a byte-order mark unless told otherwise
            return Optional.of(new UnreadableInputException(0, "is " + text.charset().name() + " text (it starts"
                    + " with that byte-order mark), but a JSON file must be UTF-8; save it as UTF-8 (in PowerShell:"
                    + " Out-File -Encoding utf8) and drop it again"));
        }
        return Optional.empty();
    }

    /**
     * The refusal for JSON bytes that are not UTF-8 ({@link #notJsonText} first tells a workbook or UTF-16
     * text). JSON has no other encoding, so there is no setting to point to: only saving it as UTF-8.
     */
    static UnreadableInputException notUtf8(Path file, StrictTextReader.InvalidTextException invalid) throws IOException {
        return notJsonText(file, new UnreadableInputException((int) invalid.line(), "is not UTF-8 text: "
                + invalid.getMessage() + "; a JSON file must be UTF-8: save it as UTF-8 and drop it again"));
    }

    /**
     * The text of records of a UTF-8 file, by character offsets as the JSON parser counts them (after
     * any byte-order mark). Only records that failed need their text again; the file is read a second
     * time for them rather than keeping the text of every record. Offsets only grow while a file is
     * parsed, so one reader goes forward through the file once, however many records failed: a file in
     * which every record failed costs one more pass, not one pass per record.
     */
    static final class Excerpts implements Closeable {

        private final Path file;
        private Reader reader;
        private long position;

        Excerpts(Path file) {
            this.file = file;
        }

        String text(long from, long to) throws IOException {
            if (reader == null || from < position) {
                close();
                reader = StrictText.utf8Reader(Files.newInputStream(file));
                position = 0;
            }
            for (long left = from - position; left > 0; ) {
                long skipped = reader.skip(left);
                if (skipped <= 0) {
                    return "";
                }
                left -= skipped;
            }
            position = from;
            char[] chars = new char[(int) Math.min(to - from, Integer.MAX_VALUE - 8)];
            int filled = 0;
            for (int n; filled < chars.length && (n = reader.read(chars, filled, chars.length - filled)) > 0; ) {
                filled += n;
            }
            position += filled;
            return new String(chars, 0, filled);
        }

        @Override
        public void close() throws IOException {
            if (reader != null) {
                reader.close();
                reader = null;
            }
        }
    }
}
