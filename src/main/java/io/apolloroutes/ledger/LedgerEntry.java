package io.apolloroutes.ledger;

import java.time.Instant;

/**
 * One sequence in the ledger.
 *
 * @param name          the sequence name, the ledger's key (compared exactly)
 * @param state         where it stands with Apollo
 * @param apolloId      Apollo's ID once created (null when Apollo's answer carried none)
 * @param contentHash   SHA-256 (hex) of the request body last sent
 * @param sourceFile    the file it came from last
 * @param sourceRows    its rows in that file, in words ("rows 2-5")
 * @param requestBody   the request body, kept until it is created
 * @param attempts      create requests sent so far
 * @param lastError     why the last attempt did not create it
 * @param nextAttemptAt when a deferred sequence is due again; null when not scheduled
 * @param updatedAt     when this entry last changed
 */
public record LedgerEntry(String name, LedgerState state, String apolloId, String contentHash, String sourceFile,
                          String sourceRows, String requestBody, int attempts, String lastError,
                          Instant nextAttemptAt, Instant updatedAt) {

    public boolean isCreated() {
        return state == LedgerState.CREATED;
    }

    /** A request may have reached Apollo without a clear answer: look it up before sending again. */
    public boolean isInDoubt() {
        return state == LedgerState.SENDING;
    }
}
