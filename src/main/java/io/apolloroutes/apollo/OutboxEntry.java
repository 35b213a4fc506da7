package io.apolloroutes.apollo;

/**
 * Where the dry run put one request body: its own file, or a line of the file's {@code requests.jsonl}.
 *
 * @param file absolute path of the file written
 * @param line 1-based line in {@code requests.jsonl}; null for a file of its own
 */
public record OutboxEntry(String file, Integer line) {

    /** Exchange property holding the entry of the sequence being handled. */
    public static final String PROPERTY = "outboxEntry";
}
