package io.apolloroutes.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.apache.commons.io.input.BOMInputStream;

/**
 * Text that fails loudly: a byte sequence that is not valid in the file's encoding stops the file,
 * with its position, instead of becoming a replacement character inside an email.
 */
final class StrictText {

    private StrictText() {
    }

    /** UTF-8 (JSON is UTF-8 by definition); a leading byte-order mark never reaches a field name. */
    static Reader utf8Reader(InputStream in) throws IOException {
        BOMInputStream withoutBom = BOMInputStream.builder().setInputStream(in).get();
        return new StrictTextReader(withoutBom, StandardCharsets.UTF_8, withoutBom.hasBOM() ? 3 : 0);
    }

    /** The decoding error behind a failure, or null when it is something else (say, a disk error). */
    static StrictTextReader.InvalidTextException encodingError(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof StrictTextReader.InvalidTextException invalid) {
                return invalid;
            }
        }
        return null;
    }

    /** The whole-file error for bytes that are not valid in the file's encoding. */
    static UnreadableInputException notText(StrictTextReader.InvalidTextException invalid) {
        if (invalid.charset().equals(StandardCharsets.UTF_8)) {
            return new UnreadableInputException((int) invalid.line(), "is not UTF-8 text: " + invalid.getMessage()
                    + "; save it as UTF-8 (in Excel: \"CSV UTF-8 (Comma delimited)\") and drop it again");
        }
        return new UnreadableInputException((int) invalid.line(), "is not valid " + invalid.charset().name()
                + " text: " + invalid.getMessage() + "; check the encoding set for this source (input.encoding),"
                + " or save the file as \"CSV UTF-8\" and drop it again");
    }
}
