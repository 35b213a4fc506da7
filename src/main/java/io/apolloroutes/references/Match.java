package io.apolloroutes.references;

/** What a written reference turned out to be, checked against its Apollo list. */
public sealed interface Match {

    /** It names exactly one entry: send this ID. */
    record Found(String id) implements Match {
    }

    /** It names no entry, or more than one: the sequence is invalid, for this reason. */
    record Refused(String message) implements Match {
    }

    /**
     * An ID that is not in the part of a long list the pack read: it may still exist, so it is sent as
     * written and Apollo checks it; the note says so.
     */
    record Unconfirmed(String note) implements Match {
    }
}
