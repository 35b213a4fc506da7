package io.apolloroutes.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.apolloroutes.ApolloSequenceRoutesApplication;
import io.apolloroutes.support.TestInputs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Runs the whole application (YAML routes from ./routes, real file consumer, real HTTP) against
 * folders in a temporary directory. Files are dropped the way the README tells writers to: written
 * under a temporary name next to the inbox, then renamed into it.
 */
@CamelSpringBootTest
@SpringBootTest(classes = ApolloSequenceRoutesApplication.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class PipelineTestSupport {

    @TempDir
    static Path work;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        registry.add("folders.inbox", () -> work.resolve("inbox").toString());
        registry.add("folders.processed", () -> work.resolve("processed").toString());
        registry.add("folders.dead-letter", () -> work.resolve("dead-letter").toString());
        registry.add("folders.reports", () -> work.resolve("reports").toString());
        registry.add("folders.outbox", () -> work.resolve("outbox").toString());
        // each test class gets a ledger of its own, like a fresh installation
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + work.resolve("data/ledger"));
        registry.add("inbox.poll-delay", () -> "100");
        registry.add("inbox.stable-for", () -> "500");
        registry.add("inbox.stable-check-interval", () -> "100");
    }

    /** Drops a test resource into the inbox under its own name. */
    static Path drop(String resource) {
        return dropAs(resource, Path.of(resource).getFileName().toString());
    }

    /** Drops a test resource into the inbox under another name (file names make runs unique). */
    static Path dropAs(String resource, String name) {
        Path staging = folder("staging");
        Path copy = TestInputs.copy(resource, staging);
        return moveIntoInbox(copy, name);
    }

    static Path dropText(String name, String content) {
        return moveIntoInbox(TestInputs.write(folder("staging"), name, content), name);
    }

    static Path dropFile(Path file, String name) {
        Path staging = folder("staging").resolve(name);
        try {
            Files.copy(file, staging, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return moveIntoInbox(staging, name);
    }

    private static Path moveIntoInbox(Path staged, String name) {
        try {
            Path inbox = folder("inbox");
            Path target = inbox.resolve(name);
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the report of the run of a dropped file and returns it. */
    static JsonNode awaitReport(String fileName) {
        Path[] found = new Path[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> (found[0] = runFile("reports", fileName, ".report.json").orElse(null)) != null);
        try {
            return TestInputs.MAPPER.readTree(found[0].toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the consumer has moved every dropped file out of the inbox. */
    static void awaitInboxEmpty() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> filesUnder(folder("inbox")).isEmpty());
    }

    /** The dead-letter folder of a file's run. */
    static Path deadLetterOf(String fileName) {
        return runFile("dead-letter", fileName, "").orElseThrow(
                () -> new AssertionError("no dead-letter folder for " + fileName));
    }

    static Optional<Path> outboxOf(String fileName) {
        return runFile("outbox", fileName, "");
    }

    /** Entries are named {@code <timestamp>_<file name><suffix>}. */
    static Optional<Path> runFile(String folder, String fileName, String suffix) {
        try (Stream<Path> files = Files.list(folder(folder))) {
            return files.filter(p -> p.getFileName().toString().endsWith("_" + fileName + suffix)).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path folder(String name) {
        try {
            return Files.createDirectories(work.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> filesUnder(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The request in {@code actual} (a file of its own or one line of requests.jsonl) is the expected one. */
    static void assertSameJson(Path actual, String expectedResource) {
        try {
            assertSameJson(TestInputs.MAPPER.readTree(actual.toFile()), expectedResource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertSameJson(JsonNode actual, String expectedResource) {
        try (InputStream expected = PipelineTestSupport.class.getClassLoader().getResourceAsStream(expectedResource)) {
            assertThat(expected).as(expectedResource).isNotNull();
            assertThat(actual).isEqualTo(TestInputs.MAPPER.readTree(expected));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
