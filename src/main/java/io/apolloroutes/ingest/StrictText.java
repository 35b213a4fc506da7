package io.apolloroutes.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import org.apache.commons.io.input.BOMInputStream;

/**
 * UTF-8 text that fails loudly: a byte sequence that is not UTF-8 stops the file, with its position,
 * instead of becoming a replacement character inside an email, and a leading byte-order mark never reaches a header name.
 */
final class StrictText {

    private StrictText() {
    }

    static Reader utf8Reader(InputStream in) throws IOException {
        InputStream withoutBom = BOMInputStream.builder().setInputStream(in).get();
        return new StrictUtf8Reader(withoutBom);
    }

    /** The decoding error behind a failure, or null when it is something else (say, a disk error). */
    static StrictUtf8Reader.InvalidUtf8Exception encodingError(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof StrictUtf8Reader.InvalidUtf8Exception invalid) {
                return invalid;
            }
        }
        return null;
    }

    /** The whole-file error for text that is not UTF-8. */
    static UnreadableInputException notUtf8(StrictUtf8Reader.InvalidUtf8Exception invalid) {
        return new UnreadableInputException((int) invalid.line(), "is not UTF-8 text: " + invalid.getMessage()
                + "; save it as UTF-8 (in Excel: \"CSV UTF-8 (Comma delimited)\") and drop it again");
    }
}
