package io.apolloroutes.references;

import java.time.Instant;

/** Where a file run stands with one of Apollo's lists. */
public sealed interface ListState {

    /** Read: references are checked against it. */
    record Loaded(ReferenceList list) implements ListState {
    }

    /**
     * Could not be read (after the retries, or refused): sequences that need it are deferred, and it is
     * not asked for again in this run.
     *
     * @param reason  what went wrong, as the report shows it
     * @param retryAt when it may be read again (a spent window's reset, or a while after Apollo failed);
     *                null when a person must act first (a refused key, an answer that is not a list)
     */
    record Unavailable(String reason, Instant retryAt) implements ListState {

        Unavailable(String reason) {
            this(reason, null);
        }
    }

    /** Not asked for: there is no API key, so names stay as written and the report notes them. */
    record NoKey() implements ListState {
    }
}
