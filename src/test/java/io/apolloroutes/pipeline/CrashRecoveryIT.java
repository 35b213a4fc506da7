package io.apolloroutes.pipeline;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.apolloroutes.support.TestInputs;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger's promise under the hardest stop there is. The packaged application, run as a process of
 * its own, is killed with SIGKILL in the middle of a 200-sequence file while Apollo still holds the
 * answer to a create call, then started again on the same folders and ledger. The file, left in the
 * inbox, is processed again from its first row. Afterwards Apollo has received each sequence exactly
 * once, and the second run's report gives every row of the file an outcome with Apollo's ID: the
 * sequences the first run created are taken from the ledger, the one whose answer the kill cut off is
 * found by name, and the rest are created.
 */
class CrashRecoveryIT {

    static final String FILE = "crash-recovery.csv";
    static final int SEQUENCES = 200;
    /** One step row per sequence, and a second step on every other one. */
    static final int ROWS = SEQUENCES + SEQUENCES / 2;
    /** Creates before the kill: well into the file and far from its end. */
    static final int KILL_AFTER = 40;
    static final String LOST_ANSWER = "answer to an earlier attempt was lost";

    @TempDir
    Path work;

    FakeApollo apollo;

    final List<PackagedApp> apps = new ArrayList<>();

    /** Runs before the temporary folder, logs included, is deleted. */
    @RegisterExtension
    final AfterTestExecutionCallback logsOnFailure = context -> context.getExecutionException().ifPresent(failure ->
            apps.forEach(app -> System.out.printf("----- %s run -----%n%s%n", app.name(), app.log())));

    @BeforeEach
    void start_apollo() {
        // create answers take 50-100 ms, so the application spends most of its time waiting for one
        apollo = new FakeApollo(Duration.ofMillis(50), Duration.ofMillis(100));
    }

    @AfterEach
    void stop_everything() throws InterruptedException {
        // every process is signalled before any is waited for: one that hangs must not keep the others alive
        apps.forEach(PackagedApp::kill);
        try {
            for (PackagedApp app : apps) {
                app.awaitExit();
            }
        } finally {
            apollo.close();
        }
    }

    @Test
    void a_sigkill_mid_file_then_restart_creates_every_sequence_exactly_once() throws Exception {
        // the default settings: Apollo is also searched by name before every create
        Restart restart = killMidFileAndRestart();

        assertEachSequenceCreatedExactlyOnce(restart);
        assertEveryRowHasAnOutcome(restart);
        assertKnownAsTheLedgerSays(restart);
    }

    @Test
    void without_searching_before_each_create_the_ledger_alone_keeps_a_sigkill_from_creating_duplicates()
            throws Exception {
        // only the ledger stands between a restart and a second create of the sequence in flight
        Restart restart = killMidFileAndRestart("--apollo.search-before-create=false");

        assertEachSequenceCreatedExactlyOnce(restart);
        assertEveryRowHasAnOutcome(restart);
        assertKnownAsTheLedgerSays(restart);
    }

    /**
     * What the test knows after the second run.
     *
     * @param names                the file's sequences
     * @param answerLost           sequences whose create answer had not left Apollo when the first run was killed
     * @param createdBeforeRestart sequences Apollo had received a create call for before the second run started
     * @param report               the second run's report
     */
    record Restart(List<String> names, Set<String> answerLost, Set<String> createdBeforeRestart, JsonNode report) {

        List<JsonNode> sequences() {
            return StreamSupport.stream(report.path("sequences").spliterator(), false).toList();
        }
    }

    /** Drops the file, kills the application mid-file with SIGKILL, starts it again and waits for the report. */
    private Restart killMidFileAndRestart(String... settings) throws Exception {
        List<String> names = writeSequences(folder("staging").resolve(FILE));
        long started = System.nanoTime();

        PackagedApp first = start("first", settings);
        drop(FILE);
        // well into the file, at a moment when a create call has reached Apollo and its answer is still
        // some way off: the ledger says "sending" for that sequence, and Apollo already has it
        await("a create answer pending after " + KILL_AFTER + " creates").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(5))
                .failFast("the first run stopped by itself", () -> !first.isAlive())
                .until(() -> apollo.createCalls() >= KILL_AFTER
                        && !apollo.awaitingAnswer(Duration.ofMillis(30)).isEmpty());
        first.kill();
        // asked right after the signal: an answer that had not left by now never reached the application
        Set<String> answerLost = apollo.awaitingAnswer();
        first.awaitExit();
        // the application sends one create at a time and was waiting for an answer: nothing else is on its way
        int createdByFirst = apollo.createCalls();
        Set<String> createdBeforeRestart = Set.copyOf(apollo.createCallsByName().keySet());

        assertThat(answerLost).as("sequences whose create answer the kill cut off").isNotEmpty();
        assertThat(createdByFirst).as("create calls before the kill").isLessThan(SEQUENCES);
        assertThat(folder("inbox").resolve(FILE)).as("an interrupted run leaves its file in the inbox").exists();
        assertThat(report()).as("a complete report from the killed run").isEmpty();

        PackagedApp second = start("second", settings);
        JsonNode report = awaitReport(second);
        // the file leaves the inbox only once its run has completed
        await("the file moved out of the inbox").atMost(Duration.ofSeconds(10))
                .until(() -> Files.notExists(work.resolve("inbox").resolve(FILE)));
        System.out.printf("killed after %d create calls, answer lost for %s; both runs took %d s%n", createdByFirst,
                answerLost, (System.nanoTime() - started) / 1_000_000_000L);
        return new Restart(names, answerLost, createdBeforeRestart, report);
    }

    /** Apollo: every sequence of the file, each created exactly once, whichever run sent it. */
    private void assertEachSequenceCreatedExactlyOnce(Restart restart) {
        assertThat(apollo.createCallsByName()).as("create calls per sequence name")
                .containsOnlyKeys(restart.names())
                .allSatisfy((name, calls) -> assertThat(calls).as(name).isEqualTo(1L));
        assertThat(apollo.createCalls()).isEqualTo(SEQUENCES);
    }

    /** The report: every row has an outcome, and every sequence is there once, with Apollo's ID. */
    private void assertEveryRowHasAnOutcome(Restart restart) {
        JsonNode report = restart.report();
        assertThat(report.path("status").asText()).isEqualTo("processed");
        assertThat(report.path("counts").path("rows").asInt()).isEqualTo(ROWS);
        List<JsonNode> sequences = restart.sequences();
        assertThat(sequences).extracting(sequence -> sequence.path("name").asText())
                .containsExactlyInAnyOrderElementsOf(restart.names());
        assertThat(sequences.stream().mapToInt(sequence -> sequence.path("rows").size()).sum()).isEqualTo(ROWS);
        JsonNode rowsByOutcome = report.path("counts").path("rows_by_outcome");
        assertThat(rowsByOutcome.path("created").asInt() + rowsByOutcome.path("already-exists").asInt())
                .as("rows created or already there, of %s", rowsByOutcome).isEqualTo(ROWS);
        assertThat(sequences).allSatisfy(sequence -> {
            String name = sequence.path("name").asText();
            assertThat(sequence.path("outcome").asText()).as(name).isIn("created", "already-exists");
            assertThat(sequence.path("apollo_id").asText()).as(name)
                    .isEqualTo(apollo.idOf(name).orElse("(never created)"));
        });
    }

    /**
     * How the second run knew each sequence follows from what the ledger recorded before the kill: each
     * state is written before the step it describes, so a kill at any point leaves the ledger right.
     */
    private void assertKnownAsTheLedgerSays(Restart restart) {
        Map<String, String> how = restart.sequences().stream().collect(Collectors.toMap(
                sequence -> sequence.path("name").asText(), CrashRecoveryIT::how));
        assertThat(how).allSatisfy((name, known) -> {
            if (restart.answerLost().contains(name)) {
                // "sending": looked up by name, found, and not sent again
                assertThat(known).as(name).isEqualTo("recovered");
            } else if (restart.createdBeforeRestart().contains(name)) {
                // "created", or "sending" had the kill fallen between Apollo's answer and the ledger
                assertThat(known).as(name).isIn("already-exists", "recovered");
            } else {
                assertThat(known).as(name).isEqualTo("created");
            }
        });
    }

    /**
     * {@code created} by the second run, {@code recovered} (reported as created: an earlier attempt
     * created it and its answer was lost) or {@code already-exists}.
     */
    private static String how(JsonNode sequence) {
        String outcome = sequence.path("outcome").asText();
        boolean recovered = outcome.equals("created") && sequence.path("reason").asText().contains(LOST_ANSWER);
        return recovered ? "recovered" : outcome;
    }

    /** 200 sequences as a team writes them: one row per step, with multi-line bodies and Apollo variables. */
    private static List<String> writeSequences(Path csv) throws IOException {
        List<String> audiences = List.of("VP Sales", "Head of Operations", "CFO", "IT Director", "Founders");
        List<String> names = new ArrayList<>();
        try (BufferedWriter out = Files.newBufferedWriter(csv, UTF_8)) {
            out.write("sequence,permissions,step,wait_time,wait_mode,subject,body\n");
            for (int s = 1; s <= SEQUENCES; s++) {
                String name = String.format("Q3 outbound %03d - %s", s, audiences.get(s % audiences.size()));
                names.add(name);
                out.write(name + ",team_can_use,1,0,minute,\"{{first_name}}, a question about {{company}}\","
                        + "\"Hi {{first_name}},\n\nTeams like {{company}}'s lose a fifth of their pipeline to slow"
                        + " follow-up. Would 15 minutes next week help?\n\nBest,\nSam\"\n");
                if (s % 2 == 0) {
                    out.write(name + ",,2,3,day,,\"Hi {{first_name}}, just bringing this back to the top of your"
                            + " inbox.\"\n");
                }
            }
        }
        return names;
    }

    private PackagedApp start(String name, String... settings) throws IOException {
        List<String> arguments = new ArrayList<>(List.of(
                "--apollo.base-url=" + apollo.baseUrl(),
                "--apollo.api-key=sk_test_crash_recovery_5c7e9a1b3d",
                "--folders.inbox=" + work.resolve("inbox"),
                "--folders.processed=" + work.resolve("processed"),
                "--folders.dead-letter=" + work.resolve("dead-letter"),
                "--folders.reports=" + work.resolve("reports"),
                "--folders.outbox=" + work.resolve("outbox"),
                "--spring.datasource.url=jdbc:h2:file:" + work.resolve("data/ledger"),
                "--inbox.poll-delay=200ms",
                "--inbox.stable-for=500ms",
                "--inbox.stable-check-interval=100ms",
                // the killed run leaves its inbox lock behind: taken over once it is this old
                "--inbox.lock-max-age=3s",
                // the routes are read from a folder, not from the jar; these are the project's own
                "--camel.main.routes-include-pattern=file:" + Path.of("routes").toAbsolutePath() + "/*.camel.yaml"));
        arguments.addAll(List.of(settings));
        PackagedApp app = PackagedApp.start(name, work, arguments);
        apps.add(app);
        return app;
    }

    /** Written elsewhere and renamed into the inbox, as the README tells writers to: never seen half-written. */
    private void drop(String name) throws IOException {
        Files.move(folder("staging").resolve(name), folder("inbox").resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /** The complete report of the file's run; the first run's is left as a {@code .part} file and never matches. */
    private JsonNode awaitReport(PackagedApp app) throws IOException {
        Path[] found = new Path[1];
        await("the report of " + FILE).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .failFast("the " + app.name() + " run stopped by itself", () -> !app.isAlive())
                .until(() -> (found[0] = report().orElse(null)) != null);
        return TestInputs.MAPPER.readTree(found[0].toFile());
    }

    /** Reports are named {@code <timestamp>_<file name>.report.json}. */
    private Optional<Path> report() throws IOException {
        try (Stream<Path> reports = Files.list(folder("reports"))) {
            return reports.filter(path -> path.getFileName().toString().endsWith("_" + FILE + ".report.json"))
                    .findFirst();
        }
    }

    private Path folder(String name) throws IOException {
        return Files.createDirectories(work.resolve(name));
    }
}
