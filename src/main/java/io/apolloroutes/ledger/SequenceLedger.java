package io.apolloroutes.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ledger's table, {@code sequence_ledger} (schema: {@code db/migration}). Every write is its own
 * committed statement: the state must be on disk before the request it describes leaves, so that a
 * crash right after never leaves a sequence that Apollo has and the ledger does not know about.
 */
@Repository
public class SequenceLedger {

    private static final String COLUMNS = "sequence_name, state, apollo_id, content_hash, source_file, source_rows,"
            + " request_body, attempts, last_error, next_attempt_at, updated_at";

    private final JdbcClient jdbc;
    private final Clock clock;

    public SequenceLedger(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<LedgerEntry> find(String name) {
        return jdbc.sql("select " + COLUMNS + " from sequence_ledger where name_key = ?")
                .param(Sha256.of(name))
                .query(SequenceLedger::entry)
                .optional();
    }

    /** True when the ledger holds at least one created sequence. */
    public boolean hasCreated() {
        return jdbc.sql("select 1 from sequence_ledger where state = 'created' fetch first 1 rows only")
                .query(Integer.class).optional().isPresent();
    }

    /** Sequences created from a source (a file or synced sheet, by name), in name order. */
    public List<LedgerEntry> createdFrom(String sourceFile) {
        return jdbc.sql("select " + COLUMNS + " from sequence_ledger where source_file = ? and state = 'created'"
                        + " order by sequence_name")
                .param(sourceFile)
                .query(SequenceLedger::entry)
                .list();
    }

    /**
     * Deferred entries (and entries in doubt) whose next attempt is due at {@code now}, oldest due
     * first, at most {@code limit}.
     */
    public List<LedgerEntry> due(Instant now, int limit) {
        return jdbc.sql("select " + COLUMNS + " from sequence_ledger where state in ('deferred', 'sending')"
                        + " and next_attempt_at <= ? order by next_attempt_at, updated_at fetch first ? rows only")
                .params(timestamp(now), limit)
                .query(SequenceLedger::entry)
                .list();
    }

    /**
     * Claims a due entry for a resume, if it is still as read: true for exactly one caller when several
     * instances share the ledger. The entry is due again at {@code until} unless the resume records
     * something else by then, so a resume that never gets as far as the ledger loses nothing.
     */
    public boolean claim(LedgerEntry due, Instant until) {
        return jdbc.sql("update sequence_ledger set next_attempt_at = ? where name_key = ?"
                        + " and next_attempt_at = ? and state = ?")
                .params(timestamp(until), Sha256.of(due.name()), timestamp(due.nextAttemptAt()), due.state().column())
                .update() == 1;
    }

    /**
     * Writes the entry: replaces the one of the same name, or adds it. Returns it as stored, with the
     * time of this change.
     */
    public LedgerEntry save(LedgerEntry entry) {
        LedgerEntry stored = new LedgerEntry(entry.name(), entry.state(), entry.apolloId(), entry.contentHash(),
                entry.sourceFile(), entry.sourceRows(), entry.requestBody(), entry.attempts(), entry.lastError(),
                entry.nextAttemptAt(), clock.instant());
        if (update(stored) == 0) {
            try {
                insert(stored);
            } catch (DuplicateKeyException addedOrCreated) {
                // another writer added it meanwhile, or it is created and must stay so
                update(stored);
            }
        }
        return stored;
    }

    private int update(LedgerEntry e) {
        // a created sequence stays created: no later write may make it look sendable again
        return jdbc.sql("update sequence_ledger set sequence_name = ?, state = ?, apollo_id = ?, content_hash = ?,"
                        + " source_file = ?, source_rows = ?, request_body = ?, attempts = ?, last_error = ?,"
                        + " next_attempt_at = ?, updated_at = ? where name_key = ? and (state <> 'created' or ? = 'created')")
                .params(e.name(), e.state().column(), e.apolloId(), e.contentHash(), e.sourceFile(), e.sourceRows(),
                        e.requestBody(), e.attempts(), e.lastError(), timestamp(e.nextAttemptAt()),
                        timestamp(e.updatedAt()), Sha256.of(e.name()), e.state().column())
                .update();
    }

    private void insert(LedgerEntry e) {
        jdbc.sql("insert into sequence_ledger (name_key, " + COLUMNS + ", created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(Sha256.of(e.name()), e.name(), e.state().column(), e.apolloId(), e.contentHash(),
                        e.sourceFile(), e.sourceRows(), e.requestBody(), e.attempts(), e.lastError(),
                        timestamp(e.nextAttemptAt()), timestamp(e.updatedAt()), timestamp(e.updatedAt()))
                .update();
    }

    private static LedgerEntry entry(ResultSet rs, int row) throws SQLException {
        return new LedgerEntry(rs.getString("sequence_name"), LedgerState.ofColumn(rs.getString("state")),
                rs.getString("apollo_id"), rs.getString("content_hash"), rs.getString("source_file"),
                rs.getString("source_rows"), rs.getString("request_body"), rs.getInt("attempts"),
                rs.getString("last_error"), instant(rs, "next_attempt_at"), instant(rs, "updated_at"));
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
