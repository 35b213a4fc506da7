package io.apolloroutes.report;

import io.apolloroutes.apollo.ApolloFailure;
import io.apolloroutes.apollo.ApolloFailures;
import io.apolloroutes.apollo.ApolloProperties;
import io.apolloroutes.apollo.ApolloSequence;
import io.apolloroutes.apollo.OutboxEntry;
import io.apolloroutes.mapping.SequenceDraft;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Records how each sequence ended. Every route branch ends in exactly one of these methods, which is
 * what makes "every row has one outcome" hold.
 */
@Component("outcomes")
public class Outcomes {

    /** Exchange property: when a deferred sequence is due again (an {@link Instant}), or absent. */
    public static final String NEXT_ATTEMPT = "nextAttemptAt";

    private static final Logger LOG = LoggerFactory.getLogger(Outcomes.class);

    /** Exchange property with the reason a sequence is deferred before it was sent (see {@link #deferredUnsent}). */
    public static final String DEFER_REASON = "deferReason";

    /**
     * Exchange property, true when a schedule, owner or stage of the sequence stays a name because there
     * is no API key: its body then differs from the one a live run sent, IDs in place of names.
     */
    public static final String NAMES_LEFT = "referenceNamesLeft";

    private final int attempts;

    public Outcomes(ApolloProperties apollo) {
        this.attempts = 1 + apollo.retry().maxRetries();
    }

    public void invalid(@ExchangeProperty(FileRun.PROPERTY) FileRun run,
                        @ExchangeProperty(SequenceDraft.PROPERTY) SequenceDraft draft) {
        run.record(draft, Outcome.INVALID, null, null);
    }

    public void wouldCreate(@ExchangeProperty(FileRun.PROPERTY) FileRun run,
                            @ExchangeProperty(SequenceDraft.PROPERTY) SequenceDraft draft,
                            @ExchangeProperty(OutboxEntry.PROPERTY) OutboxEntry written) {
        run.record(draft, Outcome.WOULD_CREATE, null, null, written);
    }

    /** Created by this run: just now, or by an earlier attempt whose answer was lost. */
    public void created(@ExchangeProperty(FileRun.PROPERTY) FileRun run,
                        @ExchangeProperty(SequenceDraft.PROPERTY) SequenceDraft draft,
                        @ExchangeProperty(ApolloSequence.PROPERTY) ApolloSequence sequence) {
        // the log is an audit trail of what exists in Apollo, whatever happens to the report later
        LOG.info("{}: created '{}' as {}", run.file().name(), draft.name(), sequence.id());
        run.record(draft, Outcome.CREATED, sequence.id(), sequence.how());
    }

    /** Not created again: the ledger or Apollo itself already has a sequence of this name. */
    public void alreadyExists(@ExchangeProperty(FileRun.PROPERTY) FileRun run,
                              @ExchangeProperty(SequenceDraft.PROPERTY) SequenceDraft draft,
                              @ExchangeProperty(ApolloSequence.PROPERTY) ApolloSequence sequence) {
        Outcome outcome = Outcome.ALREADY_EXISTS;
        if (sequence.fromEarlierSync()) {
            // a sheet is read whole at every sync: what it created before is its normal state
            outcome = sequence.changed() ? Outcome.CHANGED_IN_SHEET : Outcome.UNCHANGED;
        }
        if (sequence.changed()) {
            LOG.warn("{}: '{}' exists as {}, but its rows have changed since it was created; Apollo was not updated",
                    run.file().name(), draft.name(), sequence.id());
        } else if (outcome == Outcome.ALREADY_EXISTS) {
            LOG.info("{}: '{}' already exists as {}", run.file().name(), draft.name(), sequence.id());
        }
        run.record(draft, outcome, sequence.id(), outcome == Outcome.UNCHANGED ? null : sequence.how());
    }

    /** Apollo refused this sequence (422 and other 4xx): its own text is the reason. */
    public void rejected(@ExchangeProperty(FileRun.PROPERTY) FileRun run,
                         @ExchangeProperty(SequenceDraft.PROPERTY) SequenceDraft draft, Exchange exchange) {
        run.record(draft, Outcome.REJECTED, null, ApolloFailures.of(exchange).describe());
    }

    /** Retries ran out on 429, 5xx or timeouts. */
    public void deferred(@ExchangeProperty(FileRun.PROPERTY) FileRun run,
                         @ExchangeProperty(SequenceDraft.PROPERTY) SequenceDraft draft,
                         @ExchangeProperty(NEXT_ATTEMPT) Instant next, Exchange exchange) {
        ApolloFailure failure = ApolloFailures.of(exchange);
        // the route's onException runs these steps only once every retry is spent
        run.record(draft, Outcome.DEFERRED, null, "not created: " + failure.describe() + " (after " + attempts
                + (attempts == 1 ? " attempt" : " attempts") + "); " + whatNext(next));
    }

    /** What becomes of a deferred sequence: sent again by itself at {@code next}, or by a person. */
    static String whatNext(Instant next) {
        return next == null ? "drop the failed rows again later"
                : "it is sent again automatically from " + next.truncatedTo(ChronoUnit.SECONDS)
                        + " (no need to drop the rows again)";
    }

    /**
     * Apollo refused the key (401), the key may not create sequences (403), or the hour's or day's
     * quota is spent (429). Every later call would fail the same way, so sending stops for this file
     * and the rest is deferred.
     */
    public void sendingStopped(@ExchangeProperty(FileRun.PROPERTY) FileRun run,
                               @ExchangeProperty(SequenceDraft.PROPERTY) SequenceDraft draft,
                               @ExchangeProperty(NEXT_ATTEMPT) Instant next, Exchange exchange) {
        ApolloFailure failure = ApolloFailures.of(exchange);
        String advice = adviceFor(failure, next);
        LOG.error("{}: {} ({}). Sending stopped for this file; its remaining sequences are deferred.",
                run.file().name(), advice, failure.describe());
        run.haltSending(advice, next);
        run.record(draft, Outcome.DEFERRED, null, "not created: " + failure.describe() + "; " + advice);
    }

    private static String adviceFor(ApolloFailure failure, Instant next) {
        if (failure.kind() == ApolloFailure.Kind.QUOTA_EXHAUSTED) {
            return "Apollo's limit for creating sequences is used up for now; " + whatNext(next)
                    + " (Apollo shows the limits under Settings > Integrations > API usage)";
        }
        if (failure.status() == 401) {
            return "Apollo does not accept the API key; check APOLLO_API_KEY (or apollo.api-key)";
        }
        if (failure.message().contains("paid plan")) {
            return "Apollo's plan for this team does not include this API; check the plan";
        }
        return "Apollo accepted the API key but will not create sequences with it; creating sequences needs"
                + " a master API key (Apollo: Settings > Integrations > API > API Keys, \"Set as master key\")";
    }

    /**
     * Valid, but not sent because something it depends on could not be checked now, for the reason in
     * {@link #DEFER_REASON}: for example Apollo's list of schedules could not be read.
     */
    public void deferredUnsent(@ExchangeProperty(FileRun.PROPERTY) FileRun run,
                               @ExchangeProperty(SequenceDraft.PROPERTY) SequenceDraft draft,
                               @ExchangeProperty(DEFER_REASON) String reason,
                               @ExchangeProperty(NEXT_ATTEMPT) Instant next) {
        run.record(draft, Outcome.DEFERRED, null, next == null ? reason : reason + "; " + whatNext(next));
    }

    /** A sequence reached after sending stopped for its file (see {@link #sendingStopped}). */
    public void notSent(@ExchangeProperty(FileRun.PROPERTY) FileRun run,
                        @ExchangeProperty(SequenceDraft.PROPERTY) SequenceDraft draft) {
        run.record(draft, Outcome.DEFERRED, null, "not sent: sending stopped earlier in this file: "
                + run.haltReason());
    }

    /**
     * A defect while handling one sequence. The sequence is deferred (its rows go to the dead-letter
     * file) and the rest of the file carries on.
     */
    public void internalError(@ExchangeProperty(FileRun.PROPERTY) FileRun run, Exchange exchange) {
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Object body = exchange.getProperty(SequenceDraft.PROPERTY);
        LOG.error("{}: internal error while handling a sequence", run.file().name(), error);
        if (body instanceof SequenceDraft draft) {
            run.record(draft, Outcome.DEFERRED, null, "not created: internal error (" + error + "); see the log");
        } else {
            throw new IllegalStateException("internal error before the sequence was mapped", error);
        }
    }
}
