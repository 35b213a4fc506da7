package io.apolloroutes.report;

import io.apolloroutes.apollo.ApolloFailure;
import io.apolloroutes.apollo.ApolloFailures;
import io.apolloroutes.apollo.ApolloProperties;
import io.apolloroutes.apollo.CreateSequenceCall;
import io.apolloroutes.mapping.SequenceDraft;
import java.io.IOException;
import java.io.InputStream;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.component.file.FileConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Records how each sequence ended. Every route branch ends in exactly one of these methods, which is
 * what makes "every row has one outcome" hold.
 */
@Component("outcomes")
public class Outcomes {

    /** Exchange property holding the {@link SequenceDraft} being sent. */
    public static final String DRAFT = "draft";

    private static final Logger LOG = LoggerFactory.getLogger(Outcomes.class);

    private final CreateSequenceCall call;
    private final int attempts;

    public Outcomes(CreateSequenceCall call, ApolloProperties apollo) {
        this.call = call;
        this.attempts = 1 + apollo.retry().maxRetries();
    }

    public void invalid(@ExchangeProperty(FileRun.PROPERTY) FileRun run,
                        @ExchangeProperty(DRAFT) SequenceDraft draft) {
        run.record(draft, Outcome.INVALID, null, null, null);
    }

    public void wouldCreate(@ExchangeProperty(FileRun.PROPERTY) FileRun run,
                            @ExchangeProperty(DRAFT) SequenceDraft draft, Exchange exchange) {
        String written = exchange.getMessage().getHeader(FileConstants.FILE_NAME_PRODUCED, String.class);
        run.record(draft, Outcome.WOULD_CREATE, null, null, written);
    }

    /** Apollo answered 2xx: the ID is at {@code emailer_campaign.id}. */
    public void created(@ExchangeProperty(FileRun.PROPERTY) FileRun run,
                        @ExchangeProperty(DRAFT) SequenceDraft draft, InputStream response) throws IOException {
        String id = call.createdId(response);
        // never retried: the sequence exists, only its ID is unknown
        String note = id == null ? "Apollo answered with success but without emailer_campaign.id; look the"
                + " sequence up by name in Apollo" : null;
        run.record(draft, Outcome.CREATED, id, note, null);
    }

    /** Apollo refused this sequence (422 and other 4xx): its own text is the reason. */
    public void rejected(@ExchangeProperty(FileRun.PROPERTY) FileRun run,
                         @ExchangeProperty(DRAFT) SequenceDraft draft, Exchange exchange) {
        run.record(draft, Outcome.REJECTED, null, ApolloFailures.of(exchange).describe(), null);
    }

    /** Retries ran out on 429, 5xx or timeouts. */
    public void deferred(@ExchangeProperty(FileRun.PROPERTY) FileRun run,
                         @ExchangeProperty(DRAFT) SequenceDraft draft, Exchange exchange) {
        ApolloFailure failure = ApolloFailures.of(exchange);
        // the route's onException runs these steps only once every retry is spent
        run.record(draft, Outcome.DEFERRED, null, "not created: " + failure.describe() + " (after " + attempts
                + (attempts == 1 ? " attempt" : " attempts") + "); drop the failed rows again later", null);
    }

    /**
     * Apollo refused the key (401) or the key may not create sequences (403). Every later call would
     * fail the same way, so sending stops for this file and the rest is deferred.
     */
    public void keyRefused(@ExchangeProperty(FileRun.PROPERTY) FileRun run,
                           @ExchangeProperty(DRAFT) SequenceDraft draft, Exchange exchange) {
        ApolloFailure failure = ApolloFailures.of(exchange);
        String advice = failure.status() == 401
                ? "Apollo does not accept the API key; check APOLLO_API_KEY (or apollo.api-key)"
                : "Apollo accepted the API key but will not create sequences with it; creating sequences needs"
                + " a master API key (Apollo: Settings > Integrations > API > API Keys, \"Set as master key\")";
        LOG.error("{}: {} ({}). Sending stopped for this file; its remaining sequences are deferred.",
                run.file().name(), advice, failure.describe());
        run.haltSending();
        run.record(draft, Outcome.DEFERRED, null, "not created: " + failure.describe() + "; " + advice, null);
    }

    /** A sequence reached after sending stopped for its file. */
    public void notSent(@ExchangeProperty(FileRun.PROPERTY) FileRun run,
                        @ExchangeProperty(DRAFT) SequenceDraft draft) {
        run.record(draft, Outcome.DEFERRED, null,
                "not sent: Apollo refused the API key earlier in this file (see the log)", null);
    }

    /**
     * A defect while handling one sequence. The sequence is deferred (its rows go to the dead-letter
     * file) and the rest of the file carries on.
     */
    public void internalError(@ExchangeProperty(FileRun.PROPERTY) FileRun run, Exchange exchange) {
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Object body = exchange.getProperty(DRAFT);
        LOG.error("{}: internal error while handling a sequence", run.file().name(), error);
        if (body instanceof SequenceDraft draft) {
            run.record(draft, Outcome.DEFERRED, null, "not created: internal error (" + error + "); see the log", null);
        } else {
            throw new IllegalStateException("internal error before the sequence was mapped", error);
        }
    }
}
