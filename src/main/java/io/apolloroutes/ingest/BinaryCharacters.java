package io.apolloroutes.ingest;

/**
 * The control characters that mark binary data rather than text: every one below the space except
 * tab and line breaks, vertical tab and form feed (which some exports write for a line break inside a
 * cell) and the end-of-file mark of old DOS programs. One rule for the text readers, which refuse a
 * file holding them, and for the cell checks, which refuse a cell holding them.
 */
public final class BinaryCharacters {

    private BinaryCharacters() {
    }

    public static boolean isBinary(char c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != 0x0B && c != 0x0C && c != 0x1A;
    }
}
