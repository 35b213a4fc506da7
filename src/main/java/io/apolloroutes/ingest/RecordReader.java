package io.apolloroutes.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Streams one input format into a {@link RecordSink}. */
interface RecordReader {

    /**
     * @throws UnreadableInputException when the file as a whole cannot be read
     */
    void read(Path file, RecordSink sink) throws IOException;

    /** A reader that needs only one pass over the bytes of the file. */
    interface OnePass extends RecordReader {

        void read(InputStream in, RecordSink sink) throws IOException;

        @Override
        default void read(Path file, RecordSink sink) throws IOException {
            try (InputStream in = Files.newInputStream(file)) {
                read(in, sink);
            }
        }
    }
}
