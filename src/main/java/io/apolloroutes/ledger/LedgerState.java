package io.apolloroutes.ledger;

import java.util.Locale;

/** Where a sequence stands with Apollo, as the ledger knows it. */
public enum LedgerState {
    /**
     * The create request was about to leave, or left without a clear answer: Apollo may have created
     * it. The next attempt looks it up by name before sending anything.
     */
    SENDING,
    /** Apollo created it (or it was found there by name); never sent again. */
    CREATED,
    /** Apollo refused the request (4xx); a corrected sequence of the same name may be sent. */
    REJECTED,
    /** Certainly not created (429, refused key, never connected); to be sent again later. */
    DEFERRED;

    /** The value stored in the {@code state} column. */
    String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static LedgerState ofColumn(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
