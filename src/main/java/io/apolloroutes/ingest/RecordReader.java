package io.apolloroutes.ingest;

import java.io.IOException;
import java.nio.file.Path;

/** Streams one input format into a {@link RecordSink}. */
interface RecordReader {

    /**
     * @throws UnreadableInputException when the file as a whole cannot be read
     * @throws StartOver                when the file has to be read again from its first byte
     */
    void read(Path file, RecordSink sink) throws IOException;

    /**
     * A reader found, part-way through a file, that it has been reading it the wrong way (a guessed
     * encoding turned out wrong). Nothing it gave the sink counts: the file is read again, from the
     * start and into a new sink, by {@link #reader()}.
     */
    final class StartOver extends RuntimeException {
        private final transient RecordReader reader;

        StartOver(RecordReader reader) {
            // a signal, not a failure: nobody reads its stack trace
            super(null, null, false, false);
            this.reader = reader;
        }

        RecordReader reader() {
            return reader;
        }
    }
}
