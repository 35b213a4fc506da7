package io.apolloroutes.deadletter;

import io.apolloroutes.ingest.SourceRecord;
import java.io.Closeable;
import java.io.IOException;

/**
 * The records of sequences that did not succeed, written back in the input's own format with an
 * {@code _error} column, so a person can fix them and drop the file into the inbox again.
 */
interface FailedRows extends Closeable {

    void write(SourceRecord record, String error) throws IOException;

    /** The file name inside the dead-letter folder. */
    String fileName();
}
