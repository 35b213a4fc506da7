package io.apolloroutes.ratelimit;

import java.io.IOException;
import java.time.Instant;

/**
 * A request that was not sent because an hour's or a day's budget of its endpoint is spent (by Apollo's
 * headers, its 429, or a configured ceiling). An {@link IOException} because it ends the HTTP call
 * before the request leaves, like a connection that cannot be made.
 */
public class QuotaExhaustedException extends IOException {

    private final transient Instant resumeAt;

    QuotaExhaustedException(String endpoint, String window, Instant resumeAt) {
        super("the " + window + "'s budget of Apollo's " + endpoint + " is used up until " + resumeAt
                + "; not sent");
        this.resumeAt = resumeAt;
    }

    /** When the budget is expected back. */
    public Instant resumeAt() {
        return resumeAt;
    }
}
