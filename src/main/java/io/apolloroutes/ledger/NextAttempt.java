package io.apolloroutes.ledger;

import io.apolloroutes.apollo.ApolloFailure;
import io.apolloroutes.ratelimit.ApolloRateLimiter;
import io.apolloroutes.ratelimit.QuotaExhaustedException;
import java.time.Clock;
import java.time.Instant;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.springframework.stereotype.Component;

/**
 * When a deferred sequence is due again: when Apollo's spent window resets, a while after a failure
 * that may pass, or never by itself when only a person can help (a refused key).
 */
@Component
public class NextAttempt {

    private final ApolloRateLimiter rateLimiter;
    private final ResumeProperties resume;
    private final Clock clock;

    public NextAttempt(ApolloRateLimiter rateLimiter, ResumeProperties resume, Clock clock) {
        this.rateLimiter = rateLimiter;
        this.resume = resume;
        this.clock = clock;
    }

    /**
     * After the failure {@code error} of a call with HTTP method {@code method} caused; null when it
     * needs a person. The method matters because Apollo counts each endpoint, method and path, apart.
     */
    public Instant after(String method, Throwable error) {
        if (error instanceof QuotaExhaustedException spent) {
            return spent.resumeAt();
        }
        return switch (ApolloFailure.of(error).kind()) {
            case QUOTA_EXHAUSTED -> error instanceof HttpOperationFailedException http
                    ? rateLimiter.availableAt(method, http.getUri()).orElseGet(this::afterFailure) : afterFailure();
            case TRANSIENT -> afterFailure();
            default -> null;
        };
    }

    private Instant afterFailure() {
        return clock.instant().plus(resume.afterFailure());
    }
}
