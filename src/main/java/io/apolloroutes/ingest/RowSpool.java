package io.apolloroutes.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
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

/**
 * A temporary file of records with an in-memory index from sequence name to record positions.
 *
 * <p>Rows of one sequence may stand anywhere in a file, and a whole file has to be seen before any
 * sequence can be sent (a later row may change or invalidate an earlier one). Holding every row in
 * memory does not scale, so records are written to disk as they are parsed and only their offsets
 * stay in memory; each sequence is then read back on its own.
 */
final class RowSpool implements Closeable {

    private static final ObjectMapper CODEC = new ObjectMapper();
    private static final ObjectWriter WRITER = CODEC.writerFor(SourceRecord.class);

    private final Path path;
    private final OutputStream out;
    private final Map<String, Offsets> groups = new LinkedHashMap<>();
    private long size;
    private FileChannel reader;

    RowSpool() {
        try {
            path = Files.createTempFile("apollo-sequence-spool-", ".jsonl");
            out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a spool file in " + System.getProperty("java.io.tmpdir"), e);
        }
    }

    /** Appends a record to the group of its sequence; a null name makes a group of its own. */
    void add(String sequenceName, SourceRecord record) throws IOException {
        byte[] bytes = WRITER.writeValueAsBytes(record);
        out.write(bytes);
        String key = sequenceName != null ? sequenceName : "\u0000#" + record.number();
        groups.computeIfAbsent(key, k -> new Offsets(sequenceName)).add(size, bytes.length);
        size += bytes.length;
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

    private List<SourceRecord> read(Offsets group) {
        List<SourceRecord> records = new ArrayList<>(group.count);
        try {
            for (int i = 0; i < group.count; i++) {
                ByteBuffer buffer = ByteBuffer.allocate(group.lengths[i]);
                long position = group.offsets[i];
                while (buffer.hasRemaining()) {
                    int read = reader.read(buffer, position + buffer.position());
                    if (read < 0) {
                        throw new IOException("spool file ended early");
                    }
                }
                records.add(CODEC.readValue(buffer.array(), SourceRecord.class));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back the spool file " + path.getFileName(), e);
        }
        return records;
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
    private static final class Offsets {
        private final String name;
        private long[] offsets = new long[2];
        private int[] lengths = new int[2];
        private int count;

        private Offsets(String name) {
            this.name = name;
        }

        private void add(long offset, int length) {
            if (count == offsets.length) {
                offsets = Arrays.copyOf(offsets, count * 2);
                lengths = Arrays.copyOf(lengths, count * 2);
            }
            offsets[count] = offset;
            lengths[count] = length;
            count++;
        }
    }
}
