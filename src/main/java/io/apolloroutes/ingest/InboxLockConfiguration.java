package io.apolloroutes.ingest;

import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The inbox's read locks ({@link InboxLocks}) in the ledger's database, so that instances sharing an
 * inbox never take the same file. A lock lives while its file is processed and is removed afterwards,
 * so a file dropped again later is taken again.
 */
@Configuration
public class InboxLockConfiguration {

    @Bean
    public InboxLocks inboxLocks(DataSource dataSource, CamelContext camel, InboxProperties inbox) {
        return new InboxLocks(dataSource, "inbox", inbox.lockMaxAge(), camel);
    }
}
