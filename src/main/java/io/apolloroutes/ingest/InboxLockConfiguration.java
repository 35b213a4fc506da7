package io.apolloroutes.ingest;

import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcOrphanLockAwareIdempotentRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The inbox's read lock in the ledger's database, so that instances sharing an inbox never take the
 * same file: the file consumer uses it as {@code readLock=idempotent-changed} with
 * {@code idempotentRepository=#inboxLocks}. A lock lives while its file is processed and is removed
 * afterwards, so a file dropped again later is taken again. Its holder refreshes it; one left by an
 * instance that died is taken over after {@code inbox.lock-max-age}.
 */
@Configuration
public class InboxLockConfiguration {

    @Bean
    public JdbcOrphanLockAwareIdempotentRepository inboxLocks(DataSource dataSource, CamelContext camel,
                                                              InboxProperties inbox) {
        JdbcOrphanLockAwareIdempotentRepository locks =
                new JdbcOrphanLockAwareIdempotentRepository(dataSource, "inbox", camel);
        // the table comes from the ledger's migrations (db/migration), with room for long paths
        locks.setCreateTableIfNotExists(false);
        locks.setLockMaxAgeMillis(inbox.lockMaxAge().toMillis());
        locks.setLockKeepAliveIntervalMillis(Math.max(1000, inbox.lockMaxAge().toMillis() / 3));
        return locks;
    }
}
