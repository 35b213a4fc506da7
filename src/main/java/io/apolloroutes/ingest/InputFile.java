package io.apolloroutes.ingest;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One file taken from a source, as the rest of the pipeline knows it.
 *
 * @param name       the file name as dropped (used in every message)
 * @param path       where the file is read from while it is processed
 * @param format     how it is parsed; null when the extension is not supported
 * @param receivedAt when the pack picked it up
 * @param runId      {@code <name>-<timestamp>}: names the report, outbox and dead-letter entries of this run
 */
public record InputFile(String name, Path path, InputFormat format, Instant receivedAt, String runId) {

    /** "row", "element" or "line". */
    public String recordWord() {
        return format == null ? "row" : format.recordWord();
    }
}
