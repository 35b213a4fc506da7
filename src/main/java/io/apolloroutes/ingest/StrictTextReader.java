package io.apolloroutes.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes text in one encoding and stops at the first byte that is not valid in it, saying exactly
 * where it is; optionally also at the first control character that marks binary data.
 *
 * <p>{@link java.io.InputStreamReader} can be made strict too, but it decodes ahead in blocks and
 * reports no position, so a message could not tell the user which line to look at. This reader keeps
 * the byte offset and line number of what it has decoded.
 */
final class StrictTextReader extends Reader {

    /** The input is not the text it was taken for, at a known line. */
    abstract static class TextProblem extends IOException {
        private final long line;

        TextProblem(long line) {
            this.line = line;
        }

        long line() {
            return line;
        }
    }

    /** The input is not valid in its encoding at a known place. */
    static final class InvalidTextException extends TextProblem {
        private final Charset charset;
        private final long byteOffset;
        private final long firstNonAsciiLine;

        InvalidTextException(Charset charset, long byteOffset, long line, long firstNonAsciiLine) {
            super(line);
            this.charset = charset;
            this.byteOffset = byteOffset;
            this.firstNonAsciiLine = firstNonAsciiLine;
        }

        /**
         * The line of the first character beyond ASCII decoded before this point, or 0 when there was
         * none. In UTF-8 such a character is a valid multi-byte sequence: text before the invalid byte
         * that only UTF-8 explains.
         */
        long firstNonAsciiLine() {
            return firstNonAsciiLine;
        }

        Charset charset() {
            return charset;
        }

        long byteOffset() {
            return byteOffset;
        }

        @Override
        public String getMessage() {
            return "invalid " + charset.name() + " at byte offset " + byteOffset + " (line " + line() + ")";
        }
    }

    /** The input holds a control character that no spreadsheet program writes: it is binary data. */
    static final class BinaryDataException extends TextProblem {
        private final char character;

        BinaryDataException(char character, long line) {
            super(line);
            this.character = character;
        }

        @Override
        public String getMessage() {
            return "control character U+" + String.format("%04X", (int) character) + " on line " + line();
        }
    }

    private final InputStream in;
    private final Charset charset;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 14);
    private final CharBuffer chars = CharBuffer.allocate(1 << 14);
    private boolean refusingBinaryData;
    private long bytesDecoded;
    private long line = 1;
    /** What ends a line: 0 until the first line break tells, then LF (also CRLF files) or CR (classic Mac). */
    private char lineEnd;
    private boolean crEndedLastBlock;  // with the line end not settled yet
    private long firstNonAsciiLine;
    private boolean endOfInput;

    /**
     * @param leadingBytes bytes already consumed before {@code in} (a byte-order mark), so offsets
     *                     count from the start of the file
     */
    StrictTextReader(InputStream in, Charset charset, long leadingBytes) {
        this.in = in;
        this.charset = charset;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.bytesDecoded = leadingBytes;
        bytes.flip();
        chars.flip();
    }

    StrictTextReader(InputStream in, Charset charset) {
        this(in, charset, 0);
    }

    /**
     * Makes the reader stop at binary data too ({@link BinaryDataException}); checked as the text is
     * decoded, so it costs no pass of its own.
     */
    StrictTextReader refusingBinaryData() {
        refusingBinaryData = true;
        return this;
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (!fill()) {
                return -1;
            }
        }
        int count = Math.min(length, chars.remaining());
        chars.get(target, offset, count);
        return count;
    }

    /**
     * Decodes the rest of the input without keeping it, for the one thing that can come of it: the
     * {@link TextProblem} further on, if there is one.
     */
    void skipRest() throws IOException {
        chars.position(chars.limit());
        while (fill()) {
            chars.position(chars.limit());
        }
    }

    /** Decodes the next block; false at the end of the input. */
    private boolean fill() throws IOException {
        if (endOfInput && !bytes.hasRemaining()) {
            return false;
        }
        if (!endOfInput) {
            bytes.compact();
            int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (read < 0) {
                endOfInput = true;
            } else {
                bytes.position(bytes.position() + read);
            }
            bytes.flip();
        }
        chars.clear();
        int start = bytes.position();
        CoderResult result = decoder.decode(bytes, chars, endOfInput);
        bytesDecoded += bytes.position() - start;
        checkDecoded();
        if (result.isError()) {
            throw new InvalidTextException(charset, bytesDecoded, line, firstNonAsciiLine);
        }
        if (endOfInput && !bytes.hasRemaining()) {
            decoder.flush(chars);
        }
        chars.flip();
        return chars.hasRemaining() || !endOfInput || bytes.hasRemaining();
    }

    /**
     * Counts line breaks in the characters just decoded (in characters, so it holds for UTF-16 too),
     * and looks for binary data and the first character beyond ASCII on the way: one comparison per
     * character in the usual case.
     */
    private void checkDecoded() throws BinaryDataException {
        char[] array = chars.array();
        int end = chars.position();
        if (end > 0 && crEndedLastBlock) {
            crEndedLastBlock = false;
            if (array[0] != '\n') {
                // the CR that ended the previous block was a line end of its own
                lineEnd = '\r';
                line++;
            }
        }
        for (int i = 0; i < end; i++) {
            char c = array[i];
            if (c < 0x20) {
                // lineEnd is 0 until the first line break: compared alone, it would take U+0000 for one
                if (c == '\n' || c == '\r') {
                    if (c == lineEnd) {
                        line++;
                    } else if (lineEnd == 0) {
                        settleLineEnd(c, i + 1 < end ? array[i + 1] : -1);
                    }
                } else if (refusingBinaryData && BinaryCharacters.isBinary(c)) {
                    throw new BinaryDataException(c, line);
                }
            } else if (c > 0x7F && firstNonAsciiLine == 0) {
                firstNonAsciiLine = line;
            }
        }
    }

    /**
     * Decides at the first line break whether lines end in LF (and CRLF) or in a bare CR, as Excel for
     * Mac writes them, so that line numbers are right for either; a CR inside a cell of an LF file is
     * then no line of its own.
     */
    private void settleLineEnd(char c, int next) {
        if (c == '\n') {
            lineEnd = '\n';
            line++;
        } else if (next == '\n') {
            lineEnd = '\n';
        } else if (next >= 0) {
            lineEnd = '\r';
            line++;
        } else {
            // a CR at the very end of the block: the next block tells
            crEndedLastBlock = true;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
