package io.apolloroutes.ledger;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.io.TempDir;

/** The ledger on the embedded default: an H2 database file. */
class H2SequenceLedgerTest extends SequenceLedgerContract {

    @TempDir
    static Path folder;

    @Override
    DataSource dataSource() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + folder.resolve("ledger"));
        h2.setUser("sa");
        return h2;
    }
}
