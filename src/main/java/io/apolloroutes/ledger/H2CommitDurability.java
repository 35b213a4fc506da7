package io.apolloroutes.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes the embedded H2 ledger write every commit to disk before the commit returns.
 *
 * <p>H2 flushes committed changes in the background, up to half a second later by default, so a
 * killed process (SIGKILL) loses the ledger's last writes: "sending" entries vanish and a
 * request that may have reached Apollo is sent again. The ledger's promise rests on its write order
 * surviving the process, so the delay is set to zero at startup, whatever H2 URL is configured: a
 * commit is then handed to the operating system before it returns. (It is not forced to the disk; for
 * power failures, use PostgreSQL, which makes commits durable by itself.)
 */
@Component
public class H2CommitDurability {

    private static final Logger LOG = LoggerFactory.getLogger(H2CommitDurability.class);

    public H2CommitDurability(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if ("H2".equals(connection.getMetaData().getDatabaseProductName())) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET WRITE_DELAY 0");
                }
                LOG.debug("H2 ledger: every commit is written to disk before it returns");
            }
        }
    }
}
