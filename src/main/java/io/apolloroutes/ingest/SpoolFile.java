package io.apolloroutes.ingest;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One temporary file of a {@link RowSpool}: written from the start, then read back. It is deleted when
 * closed, and on Linux and macOS already when opened (the JDK unlinks a file opened with
 * {@code DELETE_ON_CLOSE} straight away), so a service that is killed mid-file leaves no spool behind to
 * fill the disk. Not for use by more than one thread.
 */
final class SpoolFile implements Closeable {

    private final Path path;
    private final FileChannel channel;
    private final OutputStream out;

    SpoolFile(String suffix, int bufferSize) throws IOException {
        path = Files.createTempFile("apollo-sequence-spool-", suffix);
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE);
        } catch (IOException | RuntimeException e) {
            deleteAfter(e);
            throw e;
        }
        out = new BufferedOutputStream(Channels.newOutputStream(channel), bufferSize);
    }

    /** Where to write; buffered, see {@link #flush}. */
    OutputStream out() {
        return out;
    }

    /** Makes everything written so far readable. */
    void flush() throws IOException {
        out.flush();
    }

    /** The file from its start, read at positions of its own: the channel's position is where writes go. */
    InputStream fromStart() {
        return new InputStream() {
            private long position;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                int read = channel.read(ByteBuffer.wrap(bytes, offset, length), position);
                if (read > 0) {
                    position += read;
                }
                return read;
            }
        };
    }

    /** {@code length} bytes from {@code position}, in a heap buffer ready to read. */
    ByteBuffer read(long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, position + buffer.position());
            if (read < 0) {
                throw new IOException("spool file " + name() + " ended early");
            }
        }
        return buffer.flip();
    }

    /** The file's name, for messages. */
    String name() {
        return path.getFileName().toString();
    }

    /**
     * Closes the file, which deletes it. What is still in the write buffer is dropped, not written: on a
     * full disk that write would fail and hide the error the file is being closed for.
     */
    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            // where the unlink at opening did not happen (some network file systems refuse it)
            Files.deleteIfExists(path);
        }
    }

    private void deleteAfter(Exception failure) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
