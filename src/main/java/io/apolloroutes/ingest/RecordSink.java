package io.apolloroutes.ingest;

import java.io.IOException;

/** Where a reader puts what it parses, record by record, so no reader holds a whole file. */
interface RecordSink {

    /** A header row was read (tabular formats only). */
    void layout(TableLayout layout);

    /** A record that needs an outcome, filed under its sequence name (null when it has none). */
    void record(String sequenceName, SourceRecord record) throws IOException;

    /** A field of a JSON row that names no known column (reported once per file). */
    void unknownColumn(String name);

    /** A file-level note for the report. */
    void warning(String warning);

    /** An empty row or line, skipped. */
    void blank();
}
