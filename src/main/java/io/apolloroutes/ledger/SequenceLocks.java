package io.apolloroutes.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One sender per sequence name at a time, across every route and every instance sharing the ledger.
 * The lock is a row lock ({@code SELECT … FOR UPDATE} on {@code sequence_lock}) held by an open
 * transaction, so it ends by itself when its holder's connection ends: a crashed instance leaves no
 * lock behind. (A holder cut off by a network failure keeps it until the database notices the dead
 * connection, which PostgreSQL's TCP keepalive settings decide.)
 */
@Component
public class SequenceLocks {

    private static final Logger LOG = LoggerFactory.getLogger(SequenceLocks.class);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private volatile Boolean postgres;

    public SequenceLocks(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** The database does not change while the service runs: asked on the first lock only. */
    private boolean isPostgres(Connection connection) throws SQLException {
        Boolean known = postgres;
        if (known == null) {
            known = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
            postgres = known;
        }
        return known;
    }

    /** Waits until this thread holds the lock of {@code name}; close the result to let go. */
    public Held acquire(String name) throws SQLException {
        String key = Sha256.of(name);
        try {
            // a name sent before has its row already; inserting only when missing keeps the database's
            // log free of a duplicate-key error per sequence
            jdbc.sql("insert into sequence_lock (name_key) select ? where not exists"
                    + " (select 1 from sequence_lock where name_key = ?)").params(key, key).update();
        } catch (DuplicateKeyException addedMeanwhile) {
            // another sender added it a moment ago
        }
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(false);
            boolean postgres = isPostgres(connection);
            try (PreparedStatement lock = connection.prepareStatement(
                    "select name_key from sequence_lock where name_key = ? for update");
                 Statement settings = connection.createStatement()) {
                lock.setString(1, key);
                while (true) {
                    try {
                        if (postgres) {
                            // per transaction, so again in every round: wait in rounds, so a stuck holder
                            // shows in the log, and never let a server-wide idle timeout end a lock that
                            // is held across a wait for Apollo
                            settings.execute("set local lock_timeout = '2s'");
                            settings.execute("set local idle_in_transaction_session_timeout = 0");
                        }
                        lock.executeQuery().close();
                        return new Held(connection);
                    } catch (SQLException busy) {
                        // a lock timeout (H2's, or the one set above): someone else is sending this
                        // name right now, so wait on
                        if (!isLockTimeout(busy)) {
                            throw busy;
                        }
                        connection.rollback();
                        LOG.info("'{}' is being sent by another route or instance; waiting for it", name);
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private static boolean isLockTimeout(SQLException e) {
        // H2: LOCK_TIMEOUT_1 (50200); PostgreSQL: lock_not_available (55P03) if a lock_timeout is set
        return e.getErrorCode() == 50200 || "55P03".equals(e.getSQLState()) || "HYT00".equals(e.getSQLState());
    }

    /** A held lock: closing ends the transaction, and with it the lock. */
    public static final class Held implements AutoCloseable {
        private final Connection connection;

        Held(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void close() {
            try (connection) {
                if (connection.isClosed()) {
                    return;
                }
                connection.rollback();
            } catch (SQLException e) {
                // a connection that cannot roll back is closed, which ends the lock just the same
                LOG.warn("letting go of a sequence lock failed: {}", e.toString());
            }
        }
    }
}
