package io.apolloroutes.apollo;

/**
 * Where the dry run put one request body: its own file, or a line of the file's {@code requests.jsonl}.
 *
 * @param file the file written, as the outbox folder is configured (relative to where the service runs
 *             when the folder is, as the dead-letter folder in the same report)
 * @param line 1-based line in {@code requests.jsonl}; null for a file of its own
 */
public record OutboxEntry(String file, Integer line) {

    /** Exchange property holding the entry of the sequence being handled. */
    public static final String PROPERTY = "outboxEntry";
}
