package io.apolloroutes.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.apolloroutes.support.ChildJvm;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A ledger write that returned is on disk, even when the process dies the next instant: each case
 * runs a JVM that writes one entry and halts at once, the way SIGKILL ends the service.
 */
class H2CommitDurabilityTest {

    @TempDir
    Path folder;

    @Test
    void an_entry_written_just_before_the_process_dies_is_still_there() throws Exception {
        assertThat(writeThenDie(true)).isTrue();
    }

    /** The case that makes the setting necessary: H2's default delay loses the last commit. */
    @Test
    void without_it_h2_loses_the_last_commit() throws Exception {
        assertThat(writeThenDie(false)).isFalse();
    }

    private boolean writeThenDie(boolean durable) throws Exception {
        String url = "jdbc:h2:file:" + folder.resolve("ledger");
        Path log = folder.resolve("child.log");
        int exit = ChildJvm.run(log, Duration.ofSeconds(60), List.of(), Child.class, url, Boolean.toString(durable));
        assertThat(exit).as("child exit; its output:%n%s", ChildJvm.tail(log)).isEqualTo(3);
        return new SequenceLedger(JdbcClient.create(dataSource(url)), Clock.systemUTC()).find("Written last").isPresent();
    }

    static JdbcDataSource dataSource(String url) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url);
        h2.setUser("sa");
        return h2;
    }

    /** Writes one ledger entry and halts without any shutdown: no hooks, no closing of the database. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            JdbcDataSource h2 = dataSource(args[0]);
            Flyway.configure().dataSource(h2).load().migrate();
            // keep a connection open, as the service's pool does, so the database stays open
            var held = h2.getConnection();
            if (Boolean.parseBoolean(args[1])) {
                new H2CommitDurability(h2);
            }
            new SequenceLedger(JdbcClient.create(h2), Clock.systemUTC()).save(SequenceLedgerContract.entry(
                    "Written last", LedgerState.SENDING, null));
            Runtime.getRuntime().halt(held.isClosed() ? 1 : 3);
        }
    }
}
