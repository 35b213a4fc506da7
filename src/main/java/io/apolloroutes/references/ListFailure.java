package io.apolloroutes.references;

import io.apolloroutes.apollo.ApolloFailure;
import io.apolloroutes.ratelimit.QuotaExhaustedException;
import java.time.temporal.ChronoUnit;

/**
 * Says why one of Apollo's lists could not be read, and what to do about it, for the report of every
 * sequence that needed it: {@code Apollo's list of schedules (GET /api/v1/emailer_schedules) could not
 * be read: Apollo answered 503: Service Unavailable (after 4 attempts); drop the failed rows again later}.
 */
final class ListFailure {

    private static final String LATER = "drop the failed rows again later";

    private ListFailure() {
    }

    /**
     * @param attempts how many times a failure that may pass was tried (the route retries it before
     *                 giving up)
     */
    static String describe(ReferenceKind kind, Throwable error, int attempts) {
        String what = "Apollo's list of " + kind.plural() + " (GET /api/v1/" + kind.endpoint() + ") could not be read: ";
        if (error instanceof ReferenceListException unreadable) {
            return what + unreadable.getMessage() + "; " + LATER;
        }
        if (error instanceof QuotaExhaustedException spent) {
            return what + "the rate limit for this call is used up until " + spent.resumeAt()
                    .truncatedTo(ChronoUnit.SECONDS);
        }
        ApolloFailure failure = ApolloFailure.of(error);
        return what + failure.describe() + switch (failure.kind()) {
            // these two are tried again by themselves (see NextAttempt): the outcome says when
            case TRANSIENT -> " (after " + attempts + (attempts == 1 ? " attempt" : " attempts") + ")";
            case QUOTA_EXHAUSTED -> "; Apollo's limit for this call is used up for now (Apollo shows the limits under"
                    + " Settings > Integrations > API usage)";
            case KEY_REFUSED -> failure.status() == 401
                    ? "; Apollo does not accept the API key; check APOLLO_API_KEY (or apollo.api-key)"
                    : "; Apollo accepted the API key but will not list " + kind.plural() + " with it; this needs a"
                    + " master API key (Apollo: Settings > Integrations > API > API Keys, \"Set as master key\")";
            default -> "; " + LATER;
        };
    }
}
