package io.apolloroutes.ingest;

import java.io.BufferedOutputStream;
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
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A temporary file of records with an in-memory index from sequence name to record positions.
 *
 * <p>Rows of one sequence may stand anywhere in a file, and a whole file has to be seen before any
 * sequence can be sent (a later row may change or invalidate an earlier one). Holding every row in
 * memory does not scale, so records are written to disk as they are parsed and only their offsets
 * stay in memory; each sequence is then read back on its own.
 */
final class RowSpool implements Closeable {

    /**
     * Bounds the buffer for a run of adjacent records (one sequence of many rows); a longer run takes
     * several reads.
     */
    private static final int MAX_READ = 1 << 20;

    private final Path path;
    private final OutputStream out;
    private final SpoolFormat.Writer writer = new SpoolFormat.Writer();
    private final Map<String, Offsets> groups = new LinkedHashMap<>();
    private long size;
    private FileChannel reader;

    RowSpool() {
        try {
            path = Files.createTempFile("apollo-sequence-spool-", ".spool");
            out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a spool file in " + System.getProperty("java.io.tmpdir"), e);
        }
    }

    /** Appends a record to the group of its sequence; a null name makes a group of its own. */
    void add(String sequenceName, SourceRecord record) throws IOException {
        int length = writer.write(record, out);
        String key = sequenceName != null ? sequenceName : "\u0000#" + record.number();
        groups.computeIfAbsent(key, k -> new Offsets(sequenceName)).add(size, length);
        size += length;
    }

    /** The sequence names of the groups, in order of first appearance (records without a name have none). */
    Iterable<String> names() {
        return () -> groups.values().stream().map(offsets -> offsets.name).filter(Objects::nonNull).iterator();
    }

    /** How many groups (sequences) the spool holds. */
    int groupCount() {
        return groups.size();
    }

    /** One sequence's records read back from disk; {@code name} is null when the records carry none. */
    record Group(String name, List<SourceRecord> records) {
    }

    /** The groups in order of first appearance, each read back from disk when reached. */
    Iterator<Group> groups() throws IOException {
        out.close();
        reader = FileChannel.open(path, StandardOpenOption.READ);
        Iterator<Offsets> pending = groups.values().iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return pending.hasNext();
            }

            @Override
            public Group next() {
                Offsets group = pending.next();
                return new Group(group.name, read(group));
            }
        };
    }

    /** Reads a group's records; records written one after another (the usual case) are read in one go. */
    private List<SourceRecord> read(Offsets group) {
        List<SourceRecord> records = new ArrayList<>(group.count);
        try {
            for (int first = 0; first < group.count; ) {
                int end = group.adjacentRunEnd(first, MAX_READ);
                ByteBuffer run = readFully(group.offsets[first],
                        (int) (group.offsets[end - 1] + group.lengths[end - 1] - group.offsets[first]));
                for (int i = first; i < end; i++) {
                    records.add(SpoolFormat.read(run));
                }
                first = end;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back the spool file " + path.getFileName(), e);
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

    @Override
    public void close() throws IOException {
        try {
            out.close();
            if (reader != null) {
                reader.close();
            }
        } finally {
            Files.deleteIfExists(path);
        }
    }

    /** Offsets of one sequence's records; arrays rather than boxed lists to keep large files small. */
    static final class Offsets {
        private final String name;
        private long[] offsets = new long[2];
        private int[] lengths = new int[2];
        private int count;

        Offsets(String name) {
            this.name = name;
        }

        void add(long offset, int length) {
            if (count == offsets.length) {
                offsets = Arrays.copyOf(offsets, count * 2);
                lengths = Arrays.copyOf(lengths, count * 2);
            }
            offsets[count] = offset;
            lengths[count] = length;
            count++;
        }

        /**
         * The end (exclusive) of the run of records from {@code first} on that lie one right after the other
         * and together take at most {@code maxBytes}; always at least {@code first + 1}.
         */
        int adjacentRunEnd(int first, int maxBytes) {
            long runBytes = lengths[first];
            int end = first + 1;
            while (end < count && offsets[end] == offsets[end - 1] + lengths[end - 1]
                    && runBytes + lengths[end] <= maxBytes) {
                runBytes += lengths[end];
                end++;
            }
            return end;
        }
    }
}
