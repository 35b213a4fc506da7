package io.apolloroutes.references;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.apolloroutes.apollo.ApolloFailures;
import io.apolloroutes.apollo.ApolloProperties;
import io.apolloroutes.ledger.NextAttempt;
import io.apolloroutes.report.FileRun;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads one of Apollo's lists for {@code routes/references.camel.yaml}, page by page, into the run's
 * cache; and, when it cannot be read, remembers why, so the sequences that need it are deferred
 * without asking Apollo again in the same run.
 */
@Component("referenceLists")
public class ReferenceLists {

    /** Exchange property holding the {@link ListFetch} in progress. */
    public static final String PROPERTY = "referenceList";

    private static final Logger LOG = LoggerFactory.getLogger(ReferenceLists.class);

    private final ReferenceCache cache;
    private final NextAttempt nextAttempt;
    private final ObjectMapper mapper;
    private final int attempts;

    public ReferenceLists(ReferenceCache cache, ObjectMapper mapper, ApolloProperties apollo, NextAttempt nextAttempt) {
        this.cache = cache;
        this.mapper = mapper;
        this.nextAttempt = nextAttempt;
        this.attempts = 1 + apollo.retry().maxRetries();
    }

    /** Starts reading the plan's current list from its first page; a retry starts here again. */
    public void start(@ExchangeProperty(References.PLAN) ReferencePlan plan, Exchange exchange) {
        exchange.setProperty(PROPERTY, new ListFetch(plan.current()));
    }

    /** Asks for the list's next page: its path and query become the GET's. */
    public void nextPage(@ExchangeProperty(PROPERTY) ListFetch fetch, Exchange exchange) {
        fetch.advance();
        exchange.getMessage().setHeader(Exchange.HTTP_PATH, fetch.path());
        exchange.getMessage().setHeader(Exchange.HTTP_QUERY, fetch.query());
    }

    /**
     * Reads a page of Apollo's answer. An answer that is not the list is not retried: it would come back
     * the same. (A connection that breaks while the answer is read is, like any other.)
     */
    public void readPage(InputStream answer, @ExchangeProperty(PROPERTY) ListFetch fetch) throws IOException {
        JsonNode page;
        try {
            page = answer == null ? null : mapper.readTree(answer);
        } catch (JsonProcessingException notJson) {
            // an IOException too, but not a broken connection, so it must not look like one
            throw new ReferenceListException("Apollo's answer is not JSON (" + notJson.getOriginalMessage() + ")", notJson);
        }
        fetch.add(ReferencePage.read(fetch.kind(), page));
    }

    /** The whole list is read: the run's other sequences use it too. */
    public void finish(@ExchangeProperty(PROPERTY) ListFetch fetch, @ExchangeProperty(FileRun.PROPERTY) FileRun run) {
        ReferenceList list = fetch.toList();
        LOG.debug("{}: read {} {} from Apollo{}", run.file().name(), list.referents().size(), fetch.kind().plural(),
                list.complete() ? "" : " (the first " + ListFetch.MAX_PAGES + " pages)");
        cache.of(run.file().runId()).put(fetch.kind(), new ListState.Loaded(list));
    }

    /**
     * The list could not be read, after the retries where a retry could help. Remembered for the run,
     * so its other sequences are deferred for the same reason instead of asking again.
     */
    public void failed(@ExchangeProperty(References.PLAN) ReferencePlan plan,
                       @ExchangeProperty(FileRun.PROPERTY) FileRun run, Exchange exchange) {
        Throwable error = ApolloFailures.caught(exchange);
        String reason = ListFailure.describe(plan.current(), error, attempts);
        LOG.warn("{}: {}. Sequences that need it are deferred.", run.file().name(), reason);
        // a list Apollo answered but that makes no sense (ReferenceListException) needs a person: null
        Instant retryAt = nextAttempt.after("GET", error);
        cache.of(run.file().runId()).put(plan.current(), new ListState.Unavailable(reason, retryAt));
    }
}
