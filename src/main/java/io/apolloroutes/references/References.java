package io.apolloroutes.references;

import io.apolloroutes.apollo.ApolloProperties;
import io.apolloroutes.mapping.SequenceDraft;
import io.apolloroutes.report.FileRun;
import io.apolloroutes.report.Outcomes;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;

/**
 * The references stage, for {@code routes/references.camel.yaml}: which of Apollo's lists a sequence
 * needs, and resolving its schedule, owner and excluded stages against them once they are read.
 * Lists are only read with an API key: they are read-only calls, so a dry run with a key checks
 * references too.
 */
@Component("references")
public class References {

    /** Exchange property holding the {@link ReferencePlan} of the sequence at hand; absent when it refers to nothing. */
    public static final String PLAN = "referencePlan";

    private final ReferenceCache cache;
    private final boolean lookUp;

    public References(ReferenceCache cache, ApolloProperties apollo) {
        this.cache = cache;
        this.lookUp = apollo.hasApiKey();
    }

    /** Plans the lists to read: those the sequence refers to that this run has not read yet. */
    public void plan(@ExchangeProperty(SequenceDraft.PROPERTY) SequenceDraft draft,
                     @ExchangeProperty(FileRun.PROPERTY) FileRun run, Exchange exchange) {
        exchange.removeProperty(PLAN);
        exchange.removeProperty(Outcomes.DEFER_REASON);
        exchange.removeProperty(Outcomes.NEXT_ATTEMPT);
        if (draft.request() == null) {
            return;
        }
        List<ReferenceKind> used = new ArrayList<>();
        for (ReferenceKind kind : ReferenceKind.values()) {
            if (!kind.valuesIn(draft.request()).isEmpty()) {
                used.add(kind);
            }
        }
        if (used.isEmpty()) {
            // most sequences: nothing to look up, and the route skips the rest
            return;
        }
        RunLists lists = cache.of(run.file().runId());
        List<ReferenceKind> toRead = lookUp ? used.stream().filter(kind -> lists.state(kind) == null).toList() : List.of();
        exchange.setProperty(PLAN, new ReferencePlan(toRead));
    }

    /** Takes the next list of the plan (the route's loop reads it). */
    public void nextList(@ExchangeProperty(PLAN) ReferencePlan plan) {
        plan.advance();
    }

    /**
     * Replaces names with IDs and checks every reference. When a list the sequence needs could not be
     * read, it leaves the reason in {@link Outcomes#DEFER_REASON} for the route to defer it.
     */
    public SequenceDraft resolve(@ExchangeProperty(SequenceDraft.PROPERTY) SequenceDraft draft,
                                 @ExchangeProperty(FileRun.PROPERTY) FileRun run, Exchange exchange) {
        RunLists lists = cache.of(run.file().runId());
        ReferenceResolver.Resolution resolution = ReferenceResolver.resolve(draft,
                kind -> lookUp ? lists.state(kind) : new ListState.NoKey());
        exchange.setProperty(SequenceDraft.PROPERTY, resolution.draft());
        if (resolution.namesLeft()) {
            exchange.setProperty(Outcomes.NAMES_LEFT, Boolean.TRUE);
        }
        if (resolution.deferReason() != null) {
            exchange.setProperty(Outcomes.DEFER_REASON, resolution.deferReason());
            // a dry run resumes nothing: its report must not promise it
            exchange.setProperty(Outcomes.NEXT_ATTEMPT, run.isDryRun() ? null : resolution.retryAt());
        }
        return resolution.draft();
    }
}
