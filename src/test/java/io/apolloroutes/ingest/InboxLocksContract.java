package io.apolloroutes.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.apache.camel.impl.DefaultCamelContext;
import io.apolloroutes.support.LedgerDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the inbox's read locks must do on every database the ledger supports. Each {@link InboxLocks}
 * stands for one instance of the service; they share a real database whose schema comes from the
 * application's own migrations.
 */
abstract class InboxLocksContract {

    static final String FILE = "/srv/apollo/inbox/q4-outbound.csv";

    DefaultCamelContext camel;
    JdbcClient jdbc;
    final List<InboxLocks> instances = new ArrayList<>();

    abstract DataSource dataSource();

    @BeforeEach
    void fresh_schema() {
        jdbc = JdbcClient.create(LedgerDatabases.freshSchema(dataSource()));
        camel = new DefaultCamelContext();
    }

    @AfterEach
    void stop_instances() throws IOException {
        instances.forEach(InboxLocks::stop);
        camel.close();
    }

    @Test
    void a_file_locked_by_one_instance_is_skipped_by_another_until_released() {
        InboxLocks a = instance(Duration.ofSeconds(30));
        InboxLocks b = instance(Duration.ofSeconds(30));

        assertThat(a.add(FILE)).isTrue();
        assertThat(b.add(FILE)).isFalse();
        assertThat(a.add(FILE)).as("not even the holder takes it twice").isFalse();

        a.remove(FILE);

        assertThat(b.add(FILE)).isTrue();
        assertThat(a.held()).isEmpty();
        assertThat(b.held()).containsExactly(FILE);
    }

    @Test
    void instances_reaching_a_new_file_at_the_same_moment_take_it_once() throws Exception {
        List<InboxLocks> racers = List.of(instance(Duration.ofSeconds(30)), instance(Duration.ofSeconds(30)),
                instance(Duration.ofSeconds(30)));

        // many rounds: the race is lost only when the statements interleave, which a single try rarely shows
        for (int round = 0; round < 40; round++) {
            assertThat(winners(racers, FILE + "." + round)).as("round %d", round).isEqualTo(1);
        }
    }

    @Test
    void a_lock_left_by_an_instance_that_died_is_taken_over_once_it_is_older_than_the_max_age() throws Exception {
        List<InboxLocks> racers = List.of(instance(Duration.ofSeconds(30)), instance(Duration.ofSeconds(30)),
                instance(Duration.ofSeconds(30)));
        for (int round = 0; round < 20; round++) {
            String file = FILE + "." + round;
            orphan(file, Duration.ofSeconds(31));

            assertThat(winners(racers, file)).as("round %d", round).isEqualTo(1);
        }
    }

    @Test
    void a_lock_younger_than_the_max_age_is_not_taken_over() {
        InboxLocks b = instance(Duration.ofSeconds(30));
        orphan(FILE, Duration.ofSeconds(20));

        assertThat(b.add(FILE)).isFalse();
    }

    @Test
    void a_holder_working_longer_than_the_max_age_keeps_its_file() {
        InboxLocks a = instance(Duration.ofMillis(600));
        InboxLocks b = instance(Duration.ofMillis(600));
        assertThat(a.add(FILE)).isTrue();

        // three max ages of work: only the holder's refreshes keep the lock alive
        await().pollDelay(Duration.ofMillis(1800)).until(() -> true);

        assertThat(b.add(FILE)).isFalse();
    }

    @Test
    void a_file_whose_holder_stopped_is_taken_over_after_the_max_age() {
        InboxLocks a = instance(Duration.ofMillis(600));
        InboxLocks b = instance(Duration.ofMillis(600));
        assertThat(a.add(FILE)).isTrue();

        // stopped without releasing, as a killed process would: its refreshes stop
        a.stop();

        assertThat(b.add(FILE)).isFalse();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> b.add(FILE));
    }

    private InboxLocks instance(Duration lockMaxAge) {
        InboxLocks locks = new InboxLocks(dataSource(), "inbox", lockMaxAge, camel);
        locks.start();
        instances.add(locks);
        return locks;
    }

    /** A lock row as an instance that died this long ago would have left it. */
    private void orphan(String file, Duration age) {
        Timestamp now = jdbc.sql("select current_timestamp").query(Timestamp.class).single();
        jdbc.sql("insert into camel_messageprocessed (processorName, messageId, createdAt) values (?, ?, ?)")
                .params("inbox", file, new Timestamp(now.getTime() - age.toMillis())).update();
    }

    /** How many of the instances, all asking for the file at the same moment, were granted it. */
    private static long winners(List<InboxLocks> racers, String file) throws Exception {
        CyclicBarrier start = new CyclicBarrier(racers.size());
        ExecutorService threads = Executors.newFixedThreadPool(racers.size());
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (InboxLocks racer : racers) {
                answers.add(threads.submit(() -> {
                    start.await();
                    try {
                        return racer.add(file);
                    } catch (RuntimeException refused) {
                        // how Camel's read lock sees a lost race too: it skips the file
                        return false;
                    }
                }));
            }
            long granted = 0;
            for (Future<Boolean> answer : answers) {
                granted += answer.get() ? 1 : 0;
            }
            return granted;
        } finally {
            threads.shutdownNow();
        }
    }
}
