package io.apolloroutes.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;

/**
 * A parsed input file: every record is on disk, grouped by sequence, and can be handed out one
 * sequence at a time. Close it to delete the spool.
 */
public final class SpooledInput implements Closeable {

    private final InputFile file;
    private final TableLayout layout;
    private final RowSpool spool;
    private final int recordCount;
    private final int blankRows;
    private final List<String> warnings;

    SpooledInput(InputFile file, TableLayout layout, RowSpool spool, int recordCount, int blankRows,
                 List<String> warnings) {
        this.file = file;
        this.layout = layout;
        this.spool = spool;
        this.recordCount = recordCount;
        this.blankRows = blankRows;
        this.warnings = List.copyOf(warnings);
    }

    public InputFile file() {
        return file;
    }

    /** The header of a tabular file; null for JSON. */
    public TableLayout layout() {
        return layout;
    }

    /** Records that carry data and so need an outcome. */
    public int recordCount() {
        return recordCount;
    }

    /** Sequences in the file, counting each record without a sequence name as one. */
    public int sequenceCount() {
        return spool.groupCount();
    }

    /** Whether the file holds a sequence of this name; answered until the input is closed. */
    public boolean holds(String sequenceName) {
        return spool.contains(sequenceName);
    }

    /** Empty rows and lines, skipped (spreadsheets often leave some at the end). */
    public int blankRows() {
        return blankRows;
    }

    /** File-level notes for the report, such as ignored columns. */
    public List<String> warnings() {
        return warnings;
    }

    /** The sequences in order of first appearance; each is read from disk when the iterator reaches it. */
    public Iterator<SequenceCandidate> sequences() {
        Iterator<RowSpool.Group> groups;
        try {
            groups = spool.groups();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Iterator<>() {
            private int ordinal;

            @Override
            public boolean hasNext() {
                return groups.hasNext();
            }

            @Override
            public SequenceCandidate next() {
                RowSpool.Group group = groups.next();
                return new SequenceCandidate(file, layout, group.name(), ++ordinal, group.records());
            }
        };
    }

    @Override
    public void close() throws IOException {
        spool.close();
    }
}
