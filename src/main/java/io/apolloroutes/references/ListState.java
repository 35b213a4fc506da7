package io.apolloroutes.references;

/** Where a file run stands with one of Apollo's lists. */
public sealed interface ListState {

    /** Read: references are checked against it. */
    record Loaded(ReferenceList list) implements ListState {
    }

    /**
     * Could not be read (after the retries, or refused): sequences that need it are deferred, and it is
     * not asked for again in this run.
     *
     * @param reason what went wrong and what to do, as the report shows it
     */
    record Unavailable(String reason) implements ListState {
    }

    /** Not asked for: there is no API key, so names stay as written and the report notes them. */
    record NoKey() implements ListState {
    }
}
