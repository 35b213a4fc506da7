package io.apolloroutes.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.apolloroutes.ApolloSequenceRoutesApplication;
import io.apolloroutes.support.TestInputs;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of the service, each a whole application with its own Camel context, share one
 * PostgreSQL ledger and one inbox. Files with overlapping sequence names are dropped at once: each
 * file is processed by exactly one instance, and Apollo receives each sequence exactly once.
 */
class SeveralInstancesTest {

    static final int FILES = 8;
    static final List<String> SHARED = List.of("Q4 renewal - Finance", "Q4 renewal - IT", "Q4 renewal - Ops",
            "Q4 renewal - Legal", "Q4 renewal - HR");

    @TempDir
    Path work;

    EmbeddedPostgres postgres;
    FakeApollo apollo;
    final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    @AfterEach
    void stop() throws IOException {
        instances.forEach(ConfigurableApplicationContext::close);
        if (apollo != null) {
            apollo.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void two_instances_on_one_inbox_and_ledger_process_each_file_once_and_create_each_sequence_once()
            throws IOException {
        postgres = EmbeddedPostgres.start();
        // slow answers keep both instances on one name long enough to collide without the name lock
        apollo = new FakeApollo(Duration.ofMillis(200), Duration.ofMillis(300));
        instances.add(start("a"));
        instances.add(start("b"));

        List<String> unique = new ArrayList<>();
        for (int i = 1; i <= FILES; i++) {
            StringBuilder csv = new StringBuilder("sequence,subject,body\n");
            String own = "Q4 outbound " + i;
            unique.add(own);
            csv.append(own).append(",Hello,Hi\n");
            // every file names the shared sequences too, in the same order: instances that take two
            // files at the same moment reach the same names at the same moment
            for (String shared : SHARED) {
                csv.append(shared).append(",Hello,Hi\n");
            }
            drop("part-" + i + ".csv", csv.toString());
        }

        Map<String, List<JsonNode>> reports = awaitReports();

        List<String> all = new ArrayList<>(SHARED);
        all.addAll(unique);
        assertThat(apollo.createCallsByName()).containsOnlyKeys(all).allSatisfy((name, calls) ->
                assertThat(calls).as(name).isEqualTo(1L));
        reports.forEach((file, runs) -> assertThat(runs).as(file).hasSize(1));
        for (List<JsonNode> runs : reports.values()) {
            for (JsonNode sequence : runs.get(0).path("sequences")) {
                assertThat(sequence.path("outcome").asText()).isIn("created", "already-exists");
                assertThat(sequence.path("apollo_id").asText()).isEqualTo(apollo.idOf(sequence.path("name").asText())
                        .orElseThrow());
            }
        }
        // both took part: the read lock, not luck, kept them apart
        assertThat(reportsIn("a")).isNotEmpty();
        assertThat(reportsIn("b")).isNotEmpty();
        assertThat(Files.list(work.resolve("inbox")).toList()).isEmpty();
    }

    private ConfigurableApplicationContext start(String instance) {
        Map<String, String> settings = new HashMap<>();
        settings.put("apollo.base-url", apollo.baseUrl());
        settings.put("apollo.api-key", "sk_test_several_instances");
        settings.put("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
        settings.put("spring.datasource.username", "postgres");
        settings.put("spring.datasource.password", "postgres");
        settings.put("folders.inbox", work.resolve("inbox").toString());
        settings.put("folders.processed", work.resolve("processed").toString());
        settings.put("folders.dead-letter", work.resolve("dead-letter").toString());
        settings.put("folders.outbox", work.resolve("outbox").toString());
        // reports per instance, so the test can see which instance took which file
        settings.put("folders.reports", work.resolve("reports-" + instance).toString());
        settings.put("inbox.poll-delay", "100ms");
        settings.put("inbox.stable-for", "300ms");
        settings.put("inbox.stable-check-interval", "100ms");
        settings.put("camel.main.name", "instance-" + instance);
        // as command-line arguments: they must win over application.properties, as they do for users
        String[] arguments = settings.entrySet().stream().map(setting -> "--" + setting.getKey() + "=" + setting.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(ApolloSequenceRoutesApplication.class).run(arguments);
    }

    private void drop(String name, String content) {
        try {
            Path staged = Files.createDirectories(work.resolve("staging")).resolve(name);
            Files.writeString(staged, content);
            Files.move(staged, Files.createDirectories(work.resolve("inbox")).resolve(name),
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every finished report of every instance, by the file it is about, once all files have one. */
    private Map<String, List<JsonNode>> awaitReports() {
        Map<String, List<JsonNode>> byFile = new HashMap<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            byFile.clear();
            for (String instance : List.of("a", "b")) {
                for (Path report : reportsIn(instance)) {
                    JsonNode json = TestInputs.MAPPER.readTree(report.toFile());
                    byFile.computeIfAbsent(json.path("file").asText(), file -> new ArrayList<>()).add(json);
                }
            }
            return byFile.size() == FILES && Files.list(work.resolve("inbox")).findAny().isEmpty();
        });
        return byFile;
    }

    private List<Path> reportsIn(String instance) {
        Path folder = work.resolve("reports-" + instance);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".report.json")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
