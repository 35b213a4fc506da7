package io.apolloroutes.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes text in one encoding and stops at the first byte that is not valid in it, saying exactly
 * where it is.
 *
 * <p>{@link java.io.InputStreamReader} can be made strict too, but it decodes ahead in blocks and
 * reports no position, so a message could not tell the user which line to look at. This reader keeps
 * the byte offset and line number of what it has decoded.
 */
final class StrictTextReader extends Reader {

    /** The input is not valid in its encoding at a known place. */
    static final class InvalidTextException extends CharacterCodingException {
        private final Charset charset;
        private final long byteOffset;
        private final long line;

        InvalidTextException(Charset charset, long byteOffset, long line) {
            this.charset = charset;
            this.byteOffset = byteOffset;
            this.line = line;
        }

        Charset charset() {
            return charset;
        }

        long byteOffset() {
            return byteOffset;
        }

        long line() {
            return line;
        }

        @Override
        public String getMessage() {
            return "invalid " + charset.name() + " at byte offset " + byteOffset + " (line " + line + ")";
        }
    }

    private final InputStream in;
    private final Charset charset;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 14);
    private final CharBuffer chars = CharBuffer.allocate(1 << 14);
    private long bytesDecoded;
    private long line = 1;
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
        bytesDecoded += bytes.position() - start;
        countLines();
        if (result.isError()) {
            throw new InvalidTextException(charset, bytesDecoded, line);
        }
        if (endOfInput && !bytes.hasRemaining()) {
            decoder.flush(chars);
        }
        chars.flip();
        return chars.hasRemaining() || !endOfInput || bytes.hasRemaining();
    }

    /** Counts line breaks in the characters just decoded (in characters, so it holds for UTF-16 too). */
    private void countLines() {
        char[] array = chars.array();
        for (int i = 0; i < chars.position(); i++) {
            if (array[i] == '\n') {
                line++;
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
