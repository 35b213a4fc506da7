package io.apolloroutes.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apolloroutes.support.LedgerDatabases;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the ledger must do on every database it supports; subclasses supply a real database, and the
 * schema is made by the same Flyway migrations the application runs at startup.
 */
abstract class SequenceLedgerContract {

    static final Instant NOW = Instant.parse("2026-11-26T09:30:00Z");

    JdbcClient jdbc;
    SequenceLedger ledger;

    abstract DataSource dataSource();

    @BeforeEach
    void fresh_schema() {
        jdbc = JdbcClient.create(LedgerDatabases.freshSchema(dataSource()));
        ledger = new SequenceLedger(jdbc, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void finds_an_entry_by_its_exact_name_only() {
        ledger.save(entry("Q1 Outbound - VP Sales", LedgerState.CREATED, "64f1a2b3c4d5e6f7a8b9c0d1"));

        LedgerEntry found = ledger.find("Q1 Outbound - VP Sales").orElseThrow();

        assertThat(found.state()).isEqualTo(LedgerState.CREATED);
        assertThat(found.apolloId()).isEqualTo("64f1a2b3c4d5e6f7a8b9c0d1");
        assertThat(found.sourceFile()).isEqualTo("q1.csv");
        assertThat(found.sourceRows()).isEqualTo("rows 2-4");
        assertThat(found.updatedAt()).isEqualTo(NOW);
        assertThat(ledger.find("q1 outbound - vp sales")).isEmpty();
        assertThat(ledger.find("Q1 Outbound - VP Sales ")).isEmpty();
    }

    @Test
    void saving_a_name_again_replaces_its_entry() {
        ledger.save(entry("Webinar follow-up", LedgerState.SENDING, null));
        ledger.save(entry("Webinar follow-up", LedgerState.CREATED, "64f1a2b3c4d5e6f7a8b9c0d2"));

        assertThat(ledger.find("Webinar follow-up").orElseThrow().state()).isEqualTo(LedgerState.CREATED);
        assertThat(jdbc.sql("select count(*) from sequence_ledger").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void has_created_only_once_a_sequence_is_created() {
        assertThat(ledger.hasCreated()).isFalse();
        ledger.save(entry("Webinar follow-up", LedgerState.DEFERRED, null));
        assertThat(ledger.hasCreated()).isFalse();

        ledger.save(entry("Webinar follow-up", LedgerState.CREATED, "64f1a2b3c4d5e6f7a8b9c0d2"));

        assertThat(ledger.hasCreated()).isTrue();
    }

    @Test
    void keeps_names_and_bodies_far_longer_than_an_index_entry() {
        String name = "Nurture ".repeat(2_000);
        String body = "{\"name\":\"" + name + "\",\"emailer_steps\":[" + "{}".repeat(50_000) + "]}";
        ledger.save(new LedgerEntry(name, LedgerState.DEFERRED, null, "0".repeat(64), "long.csv", "row 2", body, 0,
                "Apollo answered 429", null, null));

        LedgerEntry found = ledger.find(name).orElseThrow();

        assertThat(found.name()).isEqualTo(name);
        assertThat(found.requestBody()).isEqualTo(body);
    }

    @Test
    void keeps_times_as_instants_whatever_the_session_time_zone() {
        Instant due = Instant.parse("2026-11-26T10:00:00Z");
        ledger.save(new LedgerEntry("Deferred one", LedgerState.DEFERRED, null, "1".repeat(64), "d.csv", "row 2", "{}",
                1, "Apollo answered 429", due, null));

        assertThat(ledger.find("Deferred one").orElseThrow().nextAttemptAt()).isEqualTo(due);
    }

    @Test
    void due_entries_come_oldest_first_and_each_is_claimed_once() {
        Instant due = NOW.minusSeconds(60);
        for (String name : new String[] {"Second", "First", "Not yet"}) {
            ledger.save(new LedgerEntry(name, LedgerState.DEFERRED, null, "1".repeat(64), "d.csv", "row 2", "{}", 1,
                    "Apollo answered 429", name.equals("First") ? due.minusSeconds(1)
                    : name.equals("Second") ? due : NOW.plusSeconds(60), null));
        }

        List<LedgerEntry> found = ledger.due(NOW, 10);

        assertThat(found).extracting(LedgerEntry::name).containsExactly("First", "Second");
        assertThat(ledger.due(NOW, 1)).extracting(LedgerEntry::name).containsExactly("First");
        Instant until = NOW.plusSeconds(900);
        assertThat(ledger.claim(found.get(0), until)).isTrue();
        // a second instance that read the same entry does not get it
        assertThat(ledger.claim(found.get(0), until)).isFalse();
        assertThat(ledger.find("First").orElseThrow().nextAttemptAt()).isEqualTo(until);
        assertThat(ledger.due(NOW, 10)).extracting(LedgerEntry::name).containsExactly("Second");
    }

    @Test
    void a_created_sequence_stays_created_whatever_is_written_later() {
        ledger.save(entry("Made", LedgerState.CREATED, "64f1a2b3c4d5e6f7a8b9c0d5"));

        ledger.save(entry("Made", LedgerState.DEFERRED, null));

        LedgerEntry kept = ledger.find("Made").orElseThrow();
        assertThat(kept.state()).isEqualTo(LedgerState.CREATED);
        assertThat(kept.apolloId()).isEqualTo("64f1a2b3c4d5e6f7a8b9c0d5");
    }

    @Test
    void the_schema_refuses_a_state_the_pack_does_not_know() {
        assertThatThrownBy(() -> jdbc.sql("insert into sequence_ledger (name_key, sequence_name, state, content_hash,"
                        + " source_file, source_rows, attempts, created_at, updated_at)"
                        + " values ('k', 'n', 'lost', 'h', 'f', 'r', 0, ?, ?)")
                .params(NOW.atOffset(ZoneOffset.UTC), NOW.atOffset(ZoneOffset.UTC)).update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void lists_the_sequences_created_from_one_source() {
        ledger.save(entry("Plan - A", LedgerState.CREATED, "64f1a2b3c4d5e6f7a8b9c0e1"));
        ledger.save(entry("Plan - B", LedgerState.DEFERRED, null));
        ledger.save(new LedgerEntry("Other", LedgerState.CREATED, "64f1a2b3c4d5e6f7a8b9c0e2", "0".repeat(64),
                "other.csv", "row 2", null, 1, null, null, null));

        assertThat(ledger.createdFrom("q1.csv")).extracting(LedgerEntry::name).containsExactly("Plan - A");
    }

    @Test
    void migrating_an_up_to_date_schema_changes_nothing() {
        ledger.save(entry("Kept", LedgerState.CREATED, "64f1a2b3c4d5e6f7a8b9c0d4"));

        Flyway.configure().dataSource(dataSource()).load().migrate();

        assertThat(ledger.find("Kept")).isPresent();
    }

    @Test
    void a_second_sender_of_a_name_waits_until_the_first_lets_go() throws Exception {
        SequenceLocks locks = new SequenceLocks(dataSource(), jdbc);
        SequenceLocks.Held first = locks.acquire("Q1 Outbound - VP Sales");
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<SequenceLocks.Held> second = other.submit(() -> locks.acquire("Q1 Outbound - VP Sales"));

            // longer than one round of waiting (H2's lock timeout of 1 s, the 2 s set on PostgreSQL): the
            // second one keeps waiting rather than failing
            assertThatThrownBy(() -> second.get(2_500, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
            first.close();
            second.get(10, TimeUnit.SECONDS).close();
        } finally {
            // an open lock would block the next test's schema clean-up for good
            first.close();
            other.shutdownNow();
        }
    }

    @Test
    void senders_of_different_names_do_not_wait_for_each_other() throws Exception {
        SequenceLocks locks = new SequenceLocks(dataSource(), jdbc);
        try (SequenceLocks.Held first = locks.acquire("Webinar follow-up")) {
            ExecutorService other = Executors.newSingleThreadExecutor();
            try {
                other.submit(() -> locks.acquire("Customer expansion - Enterprise")).get(5, TimeUnit.SECONDS).close();
            } finally {
                other.shutdownNow();
            }
        }
    }

    static LedgerEntry entry(String name, LedgerState state, String apolloId) {
        return new LedgerEntry(name, state, apolloId, "a".repeat(64), "q1.csv", "rows 2-4",
                state == LedgerState.CREATED ? null : "{\"name\":\"" + name + "\"}", 1, null, null,
                NOW.minus(1, ChronoUnit.DAYS));
    }
}
