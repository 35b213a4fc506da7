package io.apolloroutes.report;

import io.apolloroutes.apollo.ApolloFailure;
import io.apolloroutes.apollo.ApolloFailures;
import io.apolloroutes.apollo.ApolloProperties;
import io.apolloroutes.apollo.CreateSequenceCall;
import io.apolloroutes.apollo.OutboxEntry;
import io.apolloroutes.mapping.SequenceDraft;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
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

    private static final Logger LOG = LoggerFactory.getLogger(Outcomes.class);

    private final CreateSequenceCall call;
    private final int attempts;

    public Outcomes(CreateSequenceCall call, ApolloProperties apollo) {
        this.call = call;
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

    /** Apollo answered 2xx: the ID is at {@code emailer_campaign.id}. */
    public void created(@ExchangeProperty(FileRun.PROPERTY) FileRun run,
                        @ExchangeProperty(SequenceDraft.PROPERTY) SequenceDraft draft, InputStream response, Exchange exchange) {
        String id = call.createdId(response);
        String unclear = exchange.getProperty(ApolloFailures.UNCLEAR_ATTEMPT, String.class);
        List<String> notes = new ArrayList<>();
        if (id == null) {
            // never retried: the sequence exists, only its ID is unknown
            notes.add("Apollo answered with success but without emailer_campaign.id; look the sequence up by name");
        }
        if (unclear != null) {
            notes.add("an earlier attempt got no clear answer (" + unclear + ") and may have created this sequence"
                    + " too; check Apollo for a second sequence named '" + draft.name() + "'");
            LOG.warn("{}: created '{}' ({}), but an earlier attempt may have created it as well: {}",
                    run.file().name(), draft.name(), id, unclear);
        } else {
            // the log is an audit trail of what exists in Apollo, whatever happens to the report later
            LOG.info("{}: created '{}' as {}", run.file().name(), draft.name(), id);
        }
        run.record(draft, Outcome.CREATED, id, notes.isEmpty() ? null : String.join("; ", notes));
    }

    /** Apollo refused this sequence (422 and other 4xx): its own text is the reason. */
    public void rejected(@ExchangeProperty(FileRun.PROPERTY) FileRun run,
                         @ExchangeProperty(SequenceDraft.PROPERTY) SequenceDraft draft, Exchange exchange) {
        run.record(draft, Outcome.REJECTED, null, ApolloFailures.of(exchange).describe());
    }

    /** Retries ran out on 429, 5xx or timeouts. */
    public void deferred(@ExchangeProperty(FileRun.PROPERTY) FileRun run,
                         @ExchangeProperty(SequenceDraft.PROPERTY) SequenceDraft draft, Exchange exchange) {
        ApolloFailure failure = ApolloFailures.of(exchange);
        // the route's onException runs these steps only once every retry is spent
        run.record(draft, Outcome.DEFERRED, null, "not created: " + failure.describe() + " (after " + attempts
                + (attempts == 1 ? " attempt" : " attempts") + "); drop the failed rows again later");
    }

    /**
     * Apollo refused the key (401), the key may not create sequences (403), or the hour's or day's
     * quota is spent (429). Every later call would fail the same way, so sending stops for this file
     * and the rest is deferred.
     */
    public void sendingStopped(@ExchangeProperty(FileRun.PROPERTY) FileRun run,
                               @ExchangeProperty(SequenceDraft.PROPERTY) SequenceDraft draft, Exchange exchange) {
        ApolloFailure failure = ApolloFailures.of(exchange);
        String advice = adviceFor(failure);
        LOG.error("{}: {} ({}). Sending stopped for this file; its remaining sequences are deferred.",
                run.file().name(), advice, failure.describe());
        run.haltSending(advice);
        run.record(draft, Outcome.DEFERRED, null, "not created: " + failure.describe() + "; " + advice);
    }

    private static String adviceFor(ApolloFailure failure) {
        if (failure.kind() == ApolloFailure.Kind.QUOTA_EXHAUSTED) {
            return "Apollo's limit for creating sequences is used up for now; drop the failed rows again once it"
                    + " resets (Apollo shows the limits under Settings > Integrations > API usage)";
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
