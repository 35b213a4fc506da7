package io.apolloroutes.ledger;

import io.apolloroutes.support.LedgerDatabases;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;

/** The ledger on the embedded default: an H2 database file. */
class H2SequenceLedgerTest extends SequenceLedgerContract {

    @TempDir
    static Path folder;

    @Override
    DataSource dataSource() {
        return LedgerDatabases.h2(folder.resolve("ledger"));
    }
}
