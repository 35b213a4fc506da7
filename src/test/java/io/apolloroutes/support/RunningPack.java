package io.apolloroutes.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.apolloroutes.ApolloSequenceRoutesApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole application started the way users start it, settings as command-line arguments (so they
 * win over application.properties), working folders and an H2 ledger under one folder of the test.
 */
public final class RunningPack implements AutoCloseable {

    private final Path work;
    private final ConfigurableApplicationContext context;

    private RunningPack(Path work, ConfigurableApplicationContext context) {
        this.work = work;
        this.context = context;
    }

    /** Starts with {@code settings} on top of folders under {@code work}; dry run unless settings say otherwise. */
    public static RunningPack start(Path work, Map<String, String> settings) {
        Map<String, String> all = new HashMap<>();
        all.put("apollo.api-key", "");
        all.put("apollo.base-url", "http://localhost:9");
        all.put("spring.datasource.url", "jdbc:h2:file:" + work.resolve("data/ledger"));
        for (String folder : List.of("inbox", "processed", "dead-letter", "reports", "outbox")) {
            all.put("folders." + folder, work.resolve(folder).toString());
        }
        all.putAll(settings);
        String[] arguments = all.entrySet().stream().map(s -> "--" + s.getKey() + "=" + s.getValue())
                .toArray(String[]::new);
        return new RunningPack(work, new SpringApplicationBuilder(ApolloSequenceRoutesApplication.class).run(arguments));
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** Every finished report, oldest first. */
    public List<Path> reports() {
        Path folder = work.resolve("reports");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".report.json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reports about a file (or synced sheet) of this name, oldest first. */
    public List<JsonNode> reportsOf(String name) {
        return reports().stream().filter(report -> report.getFileName().toString().endsWith("_" + name + ".report.json"))
                .map(RunningPack::read).toList();
    }

    /** Waits for the {@code count}-th report about {@code name} and returns it. */
    public JsonNode awaitReport(String name, int count, Duration patience) {
        await().atMost(patience).pollInterval(Duration.ofMillis(100)).until(() -> reportsOf(name).size() >= count);
        return reportsOf(name).get(count - 1);
    }

    public JsonNode awaitReport(String name, Duration patience) {
        return awaitReport(name, 1, patience);
    }

    /** GET /actuator/health (or one of its groups); needs the setting {@code server.port=0}. */
    public JsonNode health(String group) {
        int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/actuator/health" + group)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return TestInputs.MAPPER.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }

    private static JsonNode read(Path report) {
        try {
            return TestInputs.MAPPER.readTree(report.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
