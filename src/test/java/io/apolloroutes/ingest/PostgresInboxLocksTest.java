package io.apolloroutes.ingest;

import io.apolloroutes.support.LedgerDatabases.PostgresServer;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The inbox's read locks on a real PostgreSQL server, started from the embedded binaries for this class. */
class PostgresInboxLocksTest extends InboxLocksContract {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @Override
    DataSource dataSource() {
        return POSTGRES.dataSource();
    }
}
