package io.apolloroutes.report;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a sequence, and with it every one of its rows, ended. */
public enum Outcome {
    /** Apollo created it; the report carries its ID. */
    CREATED("created"),
    /**
     * Not created again: the ledger holds it as created earlier, or Apollo already has a sequence of
     * this exact name; the report carries the existing ID.
     */
    ALREADY_EXISTS("already-exists"),
    /** Sheet sync: created from this sheet at an earlier sync, and its rows are as they were then. */
    UNCHANGED("unchanged"),
    /**
     * Sheet sync: created from this sheet at an earlier sync, and its rows changed since. Apollo is not
     * updated (the pack creates sequences, it never changes them); the report says so.
     */
    CHANGED_IN_SHEET("changed-in-sheet"),
    /** Dry-run: valid, and its request body is in the outbox. */
    WOULD_CREATE("would-create"),
    /** Failed a rule before anything was sent. */
    INVALID("invalid"),
    /** Sent, and Apollo refused it (422 and other 4xx). */
    REJECTED("rejected"),
    /** Valid but not created this time: Apollo was unavailable, rate-limited, or refused the key. */
    DEFERRED("deferred");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    /** Sequences whose rows go to the dead-letter folder. */
    public boolean isFailure() {
        return this == INVALID || this == REJECTED || this == DEFERRED;
    }
}
