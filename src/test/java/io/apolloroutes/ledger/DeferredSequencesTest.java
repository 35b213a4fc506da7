package io.apolloroutes.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.apolloroutes.apollo.ApolloProperties;
import io.apolloroutes.config.FolderProperties;
import io.apolloroutes.support.LedgerDatabases;
import io.apolloroutes.support.TestClock;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Resume files: which deferred sequences go into the inbox, and when, on a real (H2) ledger. */
class DeferredSequencesTest {

    private static final Duration AFTER_FAILURE = Duration.ofMinutes(15);

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-26T09:30:00Z"));
    private SequenceLedger ledger;
    private DeferredSequences deferred;
    private Path inbox;

    @BeforeEach
    void ledger_and_folders() throws IOException {
        ledger = new SequenceLedger(JdbcClient.create(LedgerDatabases.freshSchema(LedgerDatabases.h2(dir.resolve("ledger")))),
                clock);
        inbox = Files.createDirectories(dir.resolve("inbox"));
        FolderProperties folders = new FolderProperties(inbox, dir.resolve("processed"), dir.resolve("dead-letter"),
                dir.resolve("reports"), dir.resolve("outbox"));
        ApolloProperties live = new ApolloProperties(URI.create("https://api.apollo.io"), "key", false, false, true,
                Duration.ofSeconds(10), Duration.ofSeconds(30),
                new ApolloProperties.Retry(3, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30)));
        deferred = new DeferredSequences(ledger, folders, new ResumeProperties(true, AFTER_FAILURE, Duration.ofMinutes(1)),
                live, clock);
    }

    @Test
    void writes_the_due_sequences_into_one_resume_file_in_the_inbox() throws IOException {
        defer("Q1 Outbound", clock.instant().minusSeconds(60));
        defer("Later", clock.instant().plusSeconds(600));

        Path file = deferred.resumeDue();

        assertThat(file.getParent()).isEqualTo(inbox);
        assertThat(file.getFileName().toString()).startsWith("resume-").endsWith(".jsonl");
        assertThat(Files.readAllLines(file)).containsExactly(body("Q1 Outbound"));
        assertThat(deferred.resumeDue()).isNull();
    }

    @Test
    void does_not_write_a_sequence_again_while_its_resume_file_is_still_in_the_inbox() throws IOException {
        defer("Q1 Outbound", clock.instant().minusSeconds(60));
        Path first = deferred.resumeDue();

        // the run of that file is slow (paced by Apollo's minute window): the claim runs out first
        clock.advance(AFTER_FAILURE.multipliedBy(2));
        defer("Webinar", clock.instant().minusSeconds(1));
        Path second = deferred.resumeDue();

        assertThat(Files.readAllLines(second)).containsExactly(body("Webinar"));
        assertThat(deferred.resumeDue()).isNull();

        // the run ended (the file moved on) and left it deferred: it is due again in a file of its own
        Files.delete(first);
        Files.delete(second);
        clock.advance(AFTER_FAILURE.multipliedBy(2));
        assertThat(Files.readAllLines(deferred.resumeDue())).containsExactlyInAnyOrder(body("Q1 Outbound"), body("Webinar"));
    }

    private void defer(String name, Instant due) {
        ledger.save(new LedgerEntry(name, LedgerState.DEFERRED, null, "1".repeat(64), "monday.csv", "row 2", body(name), 1,
                "Apollo answered 503", due, null));
    }

    private static String body(String name) {
        return "{\"name\":\"" + name + "\",\"emailer_steps\":[]}";
    }
}
