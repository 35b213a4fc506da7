package io.apolloroutes.ingest;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
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

    private final SpoolFile recordFile;
    private final SpoolFile nameFile;
    private final SpoolFormat.Writer writer = new SpoolFormat.Writer();
    private final SpoolIndex index = new SpoolIndex();
    private long size;

    RowSpool() {
        SpoolFile recordFile = null;
        try {
            recordFile = new SpoolFile(".spool", 1 << 16);
            nameFile = new SpoolFile(".names", 1 << 13);
        } catch (IOException e) {
            closeAfter(recordFile, e);
            throw new UncheckedIOException("cannot create a spool file in " + System.getProperty("java.io.tmpdir"), e);
        } catch (RuntimeException e) {
            closeAfter(recordFile, e);
            throw e;
        }
        this.recordFile = recordFile;
    }

    /** Appends a record to the group of its sequence; a null name makes a group of its own. */
    void add(String sequenceName, SourceRecord record) throws IOException {
        int length = writer.write(record, recordFile.out());
        if (index.add(sequenceName, size)) {
            writer.write(sequenceName, nameFile.out());
        }
        size += length;
    }

    /** The sequence names of the groups, in order of first appearance (records without a name have none). */
    Iterable<String> names() throws IOException {
        nameFile.flush();
        return () -> new Iterator<>() {
            private final DataInputStream in = namesFromStart();
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
                    return null;
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read back the spool file " + nameFile.name(), e);
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
        recordFile.flush();
        nameFile.flush();
        DataInputStream namesIn = namesFromStart();
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
                    throw new UncheckedIOException("cannot read back the spool file " + recordFile.name(), e);
                }
            }
        };
    }

    /** Reads a group's records; records written one after another (the usual case) are read in one go. */
    private List<SourceRecord> read(int group) throws IOException {
        List<SourceRecord> found = new ArrayList<>();
        for (int first = index.first(group); first != SpoolIndex.NONE; ) {
            int last = first;
            while (index.next(last) == last + 1 && index.end(last + 1, size) - index.offset(first) <= MAX_READ) {
                last++;
            }
            ByteBuffer run = recordFile.read(index.offset(first), (int) (index.end(last, size) - index.offset(first)));
            for (int record = first; record <= last; record++) {
                found.add(SpoolFormat.read(run));
            }
            first = index.next(last);
        }
        return found;
    }

    /** Deletes the spool's files. */
    @Override
    public void close() throws IOException {
        try (SpoolFile closedFirst = recordFile; SpoolFile closedSecond = nameFile) {
            // both closed, the second even when closing the first fails
        }
    }

    /** Closes what was opened before a failure; a second error goes with the first. */
    static void closeAfter(Closeable opened, Exception failure) {
        if (opened == null) {
            return;
        }
        try {
            opened.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    private DataInputStream namesFromStart() {
        return new DataInputStream(new BufferedInputStream(nameFile.fromStart(), 1 << 13));
    }
}
