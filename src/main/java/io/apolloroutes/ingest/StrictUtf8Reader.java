package io.apolloroutes.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 and stops at the first invalid byte, saying exactly where it is.
 *
 * <p>{@link java.io.InputStreamReader} can be made strict too, but it decodes ahead in blocks and
 * reports no position, so a message could not tell the user which line to look at. This reader keeps
 * the byte offset and line number of what it has decoded.
 */
final class StrictUtf8Reader extends Reader {

    /** The input is not UTF-8 at a known place. */
    static final class InvalidUtf8Exception extends CharacterCodingException {
        private final long byteOffset;
        private final long line;

        InvalidUtf8Exception(long byteOffset, long line) {
            this.byteOffset = byteOffset;
            this.line = line;
        }

        long byteOffset() {
            return byteOffset;
        }

        long line() {
            return line;
        }

        @Override
        public String getMessage() {
            return "invalid UTF-8 at byte offset " + byteOffset + " (line " + line + ")";
        }
    }

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 14);
    private final CharBuffer chars = CharBuffer.allocate(1 << 14);
    private long bytesDecoded;
    private long line = 1;
    private boolean endOfInput;

    StrictUtf8Reader(InputStream in) {
        this.in = in;
        bytes.flip();
        chars.flip();
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
        countLines(start, bytes.position());
        if (result.isError()) {
            throw new InvalidUtf8Exception(bytesDecoded, line);
        }
        if (endOfInput && !bytes.hasRemaining()) {
            decoder.flush(chars);
        }
        chars.flip();
        return chars.hasRemaining() || !endOfInput || bytes.hasRemaining();
    }

    private void countLines(int from, int to) {
        byte[] array = bytes.array();
        for (int i = from; i < to; i++) {
            if (array[i] == '\n') {
                line++;
            }
        }
        bytesDecoded += to - from;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
