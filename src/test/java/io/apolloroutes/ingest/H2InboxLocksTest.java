package io.apolloroutes.ingest;

import io.apolloroutes.support.LedgerDatabases;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;

/** The inbox's read locks on the embedded default: an H2 database file. */
class H2InboxLocksTest extends InboxLocksContract {

    @TempDir
    static Path folder;

    @Override
    DataSource dataSource() {
        return LedgerDatabases.h2(folder.resolve("ledger"));
    }
}
