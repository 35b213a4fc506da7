package io.apolloroutes.ingest;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;

/**
 * The inbox's read locks: one row per file being processed, in the ledger's database, so that
 * instances sharing an inbox never take the same file. The file consumer uses it as
 * {@code readLock=idempotent-changed} with {@code idempotentRepository=#inboxLocks}.
 *
 * <p>The holder refreshes its locks while it works; a lock not refreshed for {@code lockMaxAge} was
 * left by an instance that died, and the next instance to reach the file takes it over. Camel's
 * {@code JdbcOrphanLockAwareIdempotentRepository} does the same but decides "orphaned" in one statement
 * and takes the row over in another, unconditionally: when two instances reach a new file at the same
 * moment, the slower one finds the other's fresh row, "takes it over" and both process the file. Here
 * the takeover is a single conditional update, and a new lock a plain insert that the table's primary
 * key grants to one instance only; the loser's {@code add} fails and Camel skips the file.
 *
 * <p>Ages are measured by the database's clock, never an instance's, so instances whose clocks
 * disagree still agree on which locks are orphaned.
 */
public class InboxLocks extends JdbcMessageIdRepository {

    private static final String NOW = "SELECT CURRENT_TIMESTAMP";
    private static final String COUNT_LIVE = "SELECT COUNT(*) FROM camel_messageprocessed"
            + " WHERE processorName = ? AND messageId = ? AND createdAt >= ?";
    private static final String TAKE_OVER_ORPHAN = "UPDATE camel_messageprocessed SET createdAt = ?"
            + " WHERE processorName = ? AND messageId = ? AND createdAt < ?";
    private static final String REFRESH = "UPDATE camel_messageprocessed SET createdAt = CURRENT_TIMESTAMP"
            + " WHERE processorName = ? AND messageId = ?";

    private final Duration lockMaxAge;
    private final CamelContext camel;
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService keepAlive;

    public InboxLocks(DataSource dataSource, String processorName, Duration lockMaxAge, CamelContext camel) {
        super(dataSource, processorName);
        this.lockMaxAge = lockMaxAge;
        this.camel = camel;
        // the table comes from the ledger's migrations (db/migration), with room for long paths
        setCreateTableIfNotExists(false);
    }

    /** Locks this instance holds now, by key (the file's absolute path). */
    public Set<String> held() {
        return Set.copyOf(held);
    }

    @Override
    public boolean add(String key) {
        boolean taken = super.add(key);
        if (taken) {
            // only once committed: a lock that lost the race is never refreshed
            held.add(key);
        }
        return taken;
    }

    @Override
    public boolean remove(String key) {
        held.remove(key);
        return super.remove(key);
    }

    @Override
    protected int queryForInt(String key) {
        return jdbcTemplate.queryForObject(COUNT_LIVE, Integer.class, processorName, key, orphanedBefore(now()));
    }

    @Override
    protected int insert(String key) {
        Timestamp now = now();
        int taken = jdbcTemplate.update(TAKE_OVER_ORPHAN, now, processorName, key, orphanedBefore(now));
        if (taken == 0) {
            // a duplicate key here means another instance got there first: add() fails, the file is skipped
            taken = jdbcTemplate.update(getInsertString(), processorName, key, now);
        }
        return taken;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // refreshed three times per max age, so one late refresh never lets a live lock look orphaned
        long interval = Math.max(1, lockMaxAge.toMillis() / 3);
        keepAlive = camel.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "InboxLockKeepAlive");
        keepAlive.scheduleWithFixedDelay(this::refresh, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() throws Exception {
        if (keepAlive != null) {
            camel.getExecutorServiceManager().shutdownNow(keepAlive);
            keepAlive = null;
        }
        super.doStop();
    }

    private void refresh() {
        try {
            List<Object[]> rows = held.stream().map(key -> new Object[] {processorName, key}).toList();
            if (!rows.isEmpty()) {
                transactionTemplate.executeWithoutResult(status -> jdbcTemplate.batchUpdate(REFRESH, rows));
            }
        } catch (RuntimeException e) {
            // the next round tries again; only a holder silent for the whole max age loses its files
            log.warn("Could not refresh the inbox's read locks: {}", e.getMessage());
        }
    }

    private Timestamp now() {
        return jdbcTemplate.queryForObject(NOW, Timestamp.class);
    }

    private Timestamp orphanedBefore(Timestamp now) {
        return new Timestamp(now.getTime() - lockMaxAge.toMillis());
    }
}
