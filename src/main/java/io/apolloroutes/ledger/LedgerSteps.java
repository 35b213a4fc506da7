package io.apolloroutes.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.apolloroutes.apollo.ApolloFailure;
import io.apolloroutes.apollo.ApolloFailures;
import io.apolloroutes.apollo.ApolloProperties;
import io.apolloroutes.apollo.ApolloSequence;
import io.apolloroutes.apollo.CreateSequenceCall;
import io.apolloroutes.apollo.SequenceSearch;
import io.apolloroutes.mapping.RowNumbers;
import io.apolloroutes.mapping.SequenceDraft;
import io.apolloroutes.report.FileRun;
import io.apolloroutes.report.Outcomes;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.support.SynchronizationAdapter;
import org.springframework.stereotype.Component;

/**
 * The send route's ledger steps: what the ledger says before a sequence is sent, and what it records
 * at each turn (about to send, created, found, refused, deferred). Used as bean {@code ledger}.
 */
@Component("ledger")
public class LedgerSteps {

    /** Exchange property: this attempt's create request left (or was about to), so its failure counts. */
    static final String CREATE_LEFT = "apolloCreateLeft";

    private final SequenceLedger ledger;
    private final CreateSequenceCall call;
    private final NextAttempt nextAttempt;
    /**
     * Per dry run, whether the ledger held any created sequence at its first sequence. A trial run on a
     * fresh machine, the common case, then costs no lookup per sequence (a lookup is tens of
     * microseconds: seconds on a file of 200,000 sequences). Weak keys: a finished run's entry goes
     * with it.
     */
    private final Map<FileRun, Boolean> createdBeforeRun = Collections.synchronizedMap(new WeakHashMap<>());
    private final SequenceLocks locks;
    private final boolean searchBeforeCreate;

    public LedgerSteps(SequenceLedger ledger, SequenceLocks locks, CreateSequenceCall call, NextAttempt nextAttempt,
                       ApolloProperties apollo) {
        this.ledger = ledger;
        this.locks = locks;
        this.call = call;
        this.nextAttempt = nextAttempt;
        this.searchBeforeCreate = apollo.searchBeforeCreate();
    }

    /**
     * A sequence the ledger holds as created, from any file, is not sent again. First takes the name's
     * lock for the rest of this sequence's handling, so the answer cannot change under it: another
     * route or instance sending the same name is waited for, and then found as created.
     */
    public void check(@ExchangeProperty(SequenceDraft.PROPERTY) SequenceDraft draft,
                      @ExchangeProperty(FileRun.PROPERTY) FileRun run, Exchange exchange)
            throws SQLException, JsonProcessingException {
        SequenceLocks.Held lock = locks.acquire(draft.name());
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                lock.close();
            }
        });
        markCreated(draft, run, exchange);
    }

    /**
     * Dry run: a sequence the ledger has as created is reported as already there, as a live run would
     * report it, instead of as one that would be created. Nothing is locked or written.
     */
    public void checkDryRun(@ExchangeProperty(SequenceDraft.PROPERTY) SequenceDraft draft,
                            @ExchangeProperty(FileRun.PROPERTY) FileRun run, Exchange exchange)
            throws JsonProcessingException {
        if (createdBeforeRun.computeIfAbsent(run, r -> ledger.hasCreated())) {
            markCreated(draft, run, exchange);
        }
    }

    /** Sets {@link ApolloSequence#PROPERTY} when the ledger has the sequence as created. */
    private void markCreated(SequenceDraft draft, FileRun run, Exchange exchange) throws JsonProcessingException {
        Optional<LedgerEntry> created = ledger.find(draft.name()).filter(LedgerEntry::isCreated);
        if (created.isEmpty()) {
            return;
        }
        LedgerEntry entry = created.get();
        // never a silent drift: rows edited since the sequence was created are said to be so; a body
        // that still has names where the one sent had IDs (a dry run without a key) cannot be compared
        boolean comparable = !exchange.getProperty(Outcomes.NAMES_LEFT, false, Boolean.class);
        boolean changed = comparable && !Sha256.of(call.requestLine(draft)).equals(entry.contentHash());
        // a synced sheet meeting its own sequence again: unchanged or changed-in-sheet, not already-exists
        boolean fromEarlierSync = run.file().isSheet() && entry.sourceFile().equals(run.file().ledgerSource());
        String since = changed ? "; its rows have changed since, and Apollo was not updated (the pack never changes"
                + " a sequence): change it in Apollo, or give the new version a new name"
                : comparable ? "" : "; whether its rows have changed since cannot be told without an API key, which"
                + " turns its schedule, owner or stage names into IDs";
        exchange.setProperty(ApolloSequence.PROPERTY, new ApolloSequence(entry.apolloId(), ApolloSequence.Origin.LEDGER,
                "already created by this pack from " + entry.sourceFile() + " (" + entry.sourceRows() + ") at "
                        + entry.updatedAt() + since, changed, fromEarlierSync));
    }

    /**
     * Whether to ask Apollo by name before creating: always when searching first is configured, and in
     * any case after an attempt whose answer was lost (never a blind second create).
     */
    public boolean needsLookUp(@ExchangeProperty(SequenceDraft.PROPERTY) SequenceDraft draft) {
        return searchBeforeCreate || ledger.find(draft.name()).map(LedgerEntry::isInDoubt).orElse(false);
    }

    /** Recorded before the create request leaves: if its answer is lost, the next attempt looks first. */
    public void sending(@ExchangeProperty(SequenceDraft.PROPERTY) SequenceDraft draft,
                        @ExchangeProperty(FileRun.PROPERTY) FileRun run, Exchange exchange)
            throws JsonProcessingException {
        save(draft, run, LedgerState.SENDING, null, attemptsOf(ledger.find(draft.name())) + 1, null, null);
        exchange.setProperty(CREATE_LEFT, Boolean.TRUE);
    }

    /** Apollo answered the create call with success. */
    public void created(@ExchangeProperty(SequenceDraft.PROPERTY) SequenceDraft draft,
                        @ExchangeProperty(FileRun.PROPERTY) FileRun run, InputStream answer, Exchange exchange)
            throws JsonProcessingException {
        String id = call.createdId(answer);
        String how = id == null
                ? "Apollo answered with success but without emailer_campaign.id; look the sequence up by name" : null;
        settle(draft, run, new ApolloSequence(id, ApolloSequence.Origin.CREATED, how),
                attemptsOf(ledger.find(draft.name())), exchange);
    }

    /** Apollo already has a sequence of this exact name: after a lost answer, ours; otherwise made elsewhere. */
    public void found(@ExchangeProperty(SequenceDraft.PROPERTY) SequenceDraft draft,
                      @ExchangeProperty(FileRun.PROPERTY) FileRun run,
                      @ExchangeProperty(SequenceSearch.FOUND) String id, Exchange exchange)
            throws JsonProcessingException {
        Optional<LedgerEntry> current = ledger.find(draft.name());
        ApolloSequence sequence = current.map(LedgerEntry::isInDoubt).orElse(false)
                ? new ApolloSequence(id, ApolloSequence.Origin.RECOVERED, "Apollo's answer to an earlier attempt was"
                        + " lost; found by name, so it was not sent again")
                : new ApolloSequence(id, ApolloSequence.Origin.FOUND, "Apollo already has a sequence named '"
                        + draft.name() + "' (not archived); not created again");
        settle(draft, run, sequence, attemptsOf(current), exchange);
    }

    /**
     * Apollo refused it (4xx): a corrected sequence of the same name may be sent later. A refusal of the
     * lookup, not of the create call, says nothing about the sequence and leaves its state as it was.
     */
    public void rejected(@ExchangeProperty(SequenceDraft.PROPERTY) SequenceDraft draft,
                         @ExchangeProperty(FileRun.PROPERTY) FileRun run, Exchange exchange)
            throws JsonProcessingException {
        Optional<LedgerEntry> current = ledger.find(draft.name());
        LedgerState state = createLeft(exchange) ? LedgerState.REJECTED : stateKept(current);
        save(draft, run, state, null, attemptsOf(current), ApolloFailures.of(exchange).describe(), null);
    }

    /**
     * Not created this time. A failure that may have reached Apollo keeps the entry in doubt, so the
     * next attempt looks it up first.
     */
    public void deferred(@ExchangeProperty(SequenceDraft.PROPERTY) SequenceDraft draft,
                         @ExchangeProperty(FileRun.PROPERTY) FileRun run, Exchange exchange)
            throws JsonProcessingException {
        Optional<ApolloFailure> failure = failureOf(exchange);
        Optional<LedgerEntry> current = ledger.find(draft.name());
        // only the create call's own failure tells whether it may have created the sequence; a failed
        // lookup, or no attempt at all, leaves a doubt from before in place
        LedgerState state = failure.isPresent() && createLeft(exchange)
                ? (failure.get().mayHaveCreated() ? LedgerState.SENDING : LedgerState.DEFERRED)
                : stateKept(current);
        String why = failure.map(ApolloFailure::describe).orElse(run.isSendingHalted() ? "sending stopped" : null);
        Instant next = failure.isPresent()
                // the create call and the search that precedes it are both POSTs
                ? nextAttempt.after("POST", ApolloFailures.caught(exchange)) : run.haltResumeAt();
        save(draft, run, state, null, attemptsOf(current), why, next);
        exchange.setProperty(Outcomes.NEXT_ATTEMPT, next);
    }

    /**
     * Not sent because something it depends on could not be checked (a list of Apollo's could not be
     * read): due again when that list may be read again ({@link Outcomes#NEXT_ATTEMPT}), if ever.
     */
    public void deferredUnchecked(@ExchangeProperty(SequenceDraft.PROPERTY) SequenceDraft draft,
                                  @ExchangeProperty(FileRun.PROPERTY) FileRun run,
                                  @ExchangeProperty(Outcomes.DEFER_REASON) String reason,
                                  @ExchangeProperty(Outcomes.NEXT_ATTEMPT) Instant next) throws JsonProcessingException {
        if (run.isDryRun()) {
            // dry runs never touch the ledger
            return;
        }
        Optional<LedgerEntry> current = ledger.find(draft.name());
        save(draft, run, stateKept(current), null, attemptsOf(current), reason, next);
    }

    /**
     * Before a retry: a failure that certainly created nothing (429, no connection) takes the entry out
     * of doubt, so the retry does not need to look it up first.
     */
    public void attemptFailed(Exchange exchange) {
        SequenceDraft draft = exchange.getProperty(SequenceDraft.PROPERTY, SequenceDraft.class);
        ApolloFailure failure = ApolloFailures.of(exchange);
        // the next attempt starts afresh; a failed lookup created nothing but also settled no doubt
        boolean createLeft = exchange.removeProperty(CREATE_LEFT) != null;
        if (draft == null || !createLeft || failure.mayHaveCreated()) {
            return;
        }
        ledger.find(draft.name()).filter(LedgerEntry::isInDoubt).ifPresent(entry ->
                ledger.save(new LedgerEntry(entry.name(), LedgerState.DEFERRED, null, entry.contentHash(),
                        entry.sourceFile(), entry.sourceRows(), entry.requestBody(), entry.attempts(),
                        failure.describe(), null, null)));
    }

    /** The create request of this attempt left (or was about to): set by {@link #sending}. */
    private static boolean createLeft(Exchange exchange) {
        return exchange.getProperty(CREATE_LEFT) != null;
    }

    /** A state that says no more than before: still in doubt if it was, else not created. */
    private static LedgerState stateKept(Optional<LedgerEntry> current) {
        return current.map(LedgerEntry::isInDoubt).orElse(false) ? LedgerState.SENDING : LedgerState.DEFERRED;
    }

    private static int attemptsOf(Optional<LedgerEntry> current) {
        return current.map(LedgerEntry::attempts).orElse(0);
    }

    private void settle(SequenceDraft draft, FileRun run, ApolloSequence sequence, int attempts, Exchange exchange)
            throws JsonProcessingException {
        save(draft, run, LedgerState.CREATED, sequence.id(), attempts, null, null);
        exchange.setProperty(ApolloSequence.PROPERTY, sequence);
    }

    private void save(SequenceDraft draft, FileRun run, LedgerState state, String apolloId, int attempts,
                      String error, Instant nextAttemptAt) throws JsonProcessingException {
        byte[] body = call.requestLine(draft);
        Optional<LedgerEntry> current = DeferredSequences.isResumeFile(run.file().name())
                ? ledger.find(draft.name()) : Optional.empty();
        // a resumed sequence still belongs to the file or sheet it came from
        String source = current.map(LedgerEntry::sourceFile).orElse(run.file().ledgerSource());
        String rows = current.map(LedgerEntry::sourceRows).orElse(RowNumbers.describe(run.file(), draft.rows()));
        ledger.save(new LedgerEntry(draft.name(), state, apolloId, Sha256.of(body), source, rows,
                state == LedgerState.CREATED ? null : new String(body, StandardCharsets.UTF_8),
                attempts, error, nextAttemptAt, null));
    }

    /** The Apollo failure being handled, if the exchange carries one (a stop earlier in the file does not). */
    private static Optional<ApolloFailure> failureOf(Exchange exchange) {
        return Optional.ofNullable(ApolloFailures.caught(exchange)).map(ApolloFailure::of);
    }
}
