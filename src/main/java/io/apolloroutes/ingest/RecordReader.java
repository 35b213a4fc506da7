package io.apolloroutes.ingest;

import java.io.IOException;
import java.io.InputStream;

/** Streams one input format into a {@link RecordSink}. */
interface RecordReader {

    /**
     * @throws UnreadableInputException when the file as a whole cannot be read
     */
    void read(InputStream in, RecordSink sink) throws IOException;
}
