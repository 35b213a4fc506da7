package io.apolloroutes.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Temporary files of records, grouped by sequence in a small in-memory index ({@link SpoolIndex}).
 *
 * <p>Rows of one sequence may stand anywhere in a file, and a whole file has to be seen before any
 * sequence can be sent (a later row may change or invalidate an earlier one). Holding every row in
 * memory does not scale, so records are written to disk as they are parsed and only their offsets
 * stay in memory; each sequence is then read back on its own. Sequence names go to a file of their own,
 * one per group in order of first appearance, so that the groups and their names are read back in step.
 */
final class RowSpool implements Closeable {

    /**
     * Bounds the buffer for a run of adjacent records (one sequence of many rows); a longer run takes
     * several reads.
     */
    private static final int MAX_READ = 1 << 20;

    private final Path path;
    private final Path namesPath;
    private final OutputStream out;
    private final OutputStream namesOut;
    private final SpoolFormat.Writer writer = new SpoolFormat.Writer();
    private final SpoolIndex index = new SpoolIndex();
    private long size;
    private FileChannel reader;
    private DataInputStream namesIn;

    RowSpool() {
        Path records = null;
        Path names = null;
        try {
            records = Files.createTempFile("apollo-sequence-spool-", ".spool");
            names = Files.createTempFile("apollo-sequence-spool-", ".names");
            out = new BufferedOutputStream(Files.newOutputStream(records), 1 << 16);
            namesOut = new BufferedOutputStream(Files.newOutputStream(names), 1 << 13);
        } catch (IOException e) {
            deleteQuietly(records);
            deleteQuietly(names);
            throw new UncheckedIOException("cannot create a spool file in " + System.getProperty("java.io.tmpdir"), e);
        }
        path = records;
        namesPath = names;
    }

    /** Appends a record to the group of its sequence; a null name makes a group of its own. */
    void add(String sequenceName, SourceRecord record) throws IOException {
        int length = writer.write(record, out);
        if (index.add(sequenceName, size)) {
            writer.write(sequenceName, namesOut);
        }
        size += length;
    }

    /** The sequence names of the groups, in order of first appearance (records without a name have none). */
    Iterable<String> names() throws IOException {
        namesOut.flush();
        return () -> new Iterator<>() {
            private final DataInputStream in = openNames();
            private int remaining = index.groupCount();
            private String next = advance();

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public String next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                String name = next;
                next = advance();
                return name;
            }

            private String advance() {
                try {
                    while (remaining-- > 0) {
                        String name = SpoolFormat.readString(in);
                        if (name != null) {
                            return name;
                        }
                    }
                    in.close();
                    return null;
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read back the spool file " + namesPath.getFileName(), e);
                }
            }
        };
    }

    /** Whether a sequence of this name was added. */
    boolean contains(String sequenceName) {
        return index.contains(sequenceName);
    }

    /** How many groups (sequences) the spool holds. */
    int groupCount() {
        return index.groupCount();
    }

    /** One sequence's records read back from disk; {@code name} is null when the records carry none. */
    record Group(String name, List<SourceRecord> records) {
    }

    /** The groups in order of first appearance, each read back from disk when reached. */
    Iterator<Group> groups() throws IOException {
        out.close();
        namesOut.close();
        reader = FileChannel.open(path, StandardOpenOption.READ);
        namesIn = openNames();
        return new Iterator<>() {
            private int group;

            @Override
            public boolean hasNext() {
                return group < index.groupCount();
            }

            @Override
            public Group next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                try {
                    return new Group(SpoolFormat.readString(namesIn), read(group++));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read back the spool file " + path.getFileName(), e);
                }
            }
        };
    }

    /** Reads a group's records; records written one after another (the usual case) are read in one go. */
    private List<SourceRecord> read(int group) throws IOException {
        List<SourceRecord> records = new ArrayList<>();
        for (int first = index.first(group); first != SpoolIndex.NONE; ) {
            int last = first;
            while (index.next(last) == last + 1 && index.end(last + 1, size) - index.offset(first) <= MAX_READ) {
                last++;
            }
            ByteBuffer run = readFully(index.offset(first), (int) (index.end(last, size) - index.offset(first)));
            for (int record = first; record <= last; record++) {
                records.add(SpoolFormat.read(run));
            }
            first = index.next(last);
        }
        return records;
    }

    private ByteBuffer readFully(long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            int read = reader.read(buffer, position + buffer.position());
            if (read < 0) {
                throw new IOException("spool file ended early");
            }
        }
        return buffer.flip();
    }

    private DataInputStream openNames() {
        try {
            return new DataInputStream(new BufferedInputStream(Files.newInputStream(namesPath), 1 << 13));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back the spool file " + namesPath.getFileName(), e);
        }
    }

    @Override
    public void close() throws IOException {
        try (Closeable records = out; Closeable names = namesOut) {
            if (reader != null) {
                reader.close();
            }
            if (namesIn != null) {
                namesIn.close();
            }
        } finally {
            deleteQuietly(path);
            deleteQuietly(namesPath);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover temp file is not worth failing a processed input for
        }
    }
}
