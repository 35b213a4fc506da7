package io.apolloroutes.apollo;

import io.apolloroutes.mapping.SequenceDraft;
import io.apolloroutes.report.FileRun;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;

/**
 * Decides where a validated sequence goes: nowhere (invalid), nowhere because Apollo refused the key
 * earlier in the file, the dry-run outbox, or Apollo. The decision is stored as a plain exchange
 * property so the route's choice compares strings instead of calling methods on the draft through
 * Camel's bean language for every sequence.
 */
@Component("dispatch")
public class Dispatch {

    /** Exchange property holding the decision: {@code invalid}, {@code not-sent}, {@code dry-run} or {@code send}. */
    public static final String PROPERTY = "next";

    public void decide(@Body SequenceDraft draft, @ExchangeProperty(FileRun.PROPERTY) FileRun run, Exchange exchange) {
        exchange.setProperty(PROPERTY, next(draft, run));
    }

    static String next(SequenceDraft draft, FileRun run) {
        if (draft.isInvalid()) {
            return "invalid";
        }
        if (run.isSendingHalted()) {
            return "not-sent";
        }
        return run.isDryRun() ? "dry-run" : "send";
    }
}
