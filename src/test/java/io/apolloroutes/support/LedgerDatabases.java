package io.apolloroutes.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The databases the ledger runs on, for tests that need a real one. */
public final class LedgerDatabases {

    private LedgerDatabases() {
    }

    /** The embedded default: an H2 database file. */
    public static DataSource h2(Path file) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + file);
        h2.setUser("sa");
        return h2;
    }

    /** Empties the database and makes the schema with the application's own migrations. */
    public static DataSource freshSchema(DataSource dataSource) {
        Flyway flyway = Flyway.configure().dataSource(dataSource).cleanDisabled(false).load();
        flyway.clean();
        flyway.migrate();
        return dataSource;
    }

    /**
     * A real PostgreSQL server from the embedded binaries, started once for a test class:
     * {@code @RegisterExtension static final PostgresServer postgres = new PostgresServer();}
     */
    public static final class PostgresServer implements BeforeAllCallback, AfterAllCallback {

        private EmbeddedPostgres server;

        public DataSource dataSource() {
            return server.getPostgresDatabase();
        }

        @Override
        public void beforeAll(ExtensionContext context) throws IOException {
            server = EmbeddedPostgres.start();
        }

        @Override
        public void afterAll(ExtensionContext context) throws IOException {
            server.close();
        }
    }
}
