package io.apolloroutes.ledger;

import io.apolloroutes.support.LedgerDatabases.PostgresServer;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ledger on a real PostgreSQL server, started from the embedded binaries for this class. */
class PostgresSequenceLedgerTest extends SequenceLedgerContract {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @Override
    DataSource dataSource() {
        return POSTGRES.dataSource();
    }
}
