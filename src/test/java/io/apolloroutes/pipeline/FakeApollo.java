package io.apolloroutes.pipeline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.apolloroutes.pipeline.ApolloStubs.CREATE;
import static io.apolloroutes.pipeline.ApolloStubs.SEARCH;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.apolloroutes.support.TestInputs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * A stand-in for Apollo that remembers what it was sent, for tests where the application runs as a
 * process of its own and the test can only watch from Apollo's side. A create call makes a sequence
 * (a new 24-hex ID for the name) the moment it arrives, and is answered only after a delay, as a busy
 * Apollo does: a client killed during that delay has created a sequence it never heard about. The
 * name search finds every sequence created so far. Runs on WireMock, with itself as the transformer
 * of both endpoints' answers.
 */
final class FakeApollo implements ResponseDefinitionTransformerV2, AutoCloseable {

    private static final String NAME = "fake-apollo";

    /**
     * One create call as Apollo received it.
     *
     * @param answerDueNanos the {@link System#nanoTime()} before which its answer does not leave
     */
    record Create(String name, String id, long answerDueNanos) {
    }

    private final Duration minDelay;
    private final Duration maxDelay;
    private final ConcurrentLinkedQueue<Create> creates = new ConcurrentLinkedQueue<>();
    private final AtomicLong lastId = new AtomicLong();
    private final WireMockServer server;

    /** Answers each create call after a delay between {@code minDelay} and {@code maxDelay}. */
    FakeApollo(Duration minDelay, Duration maxDelay) {
        this.minDelay = minDelay;
        this.maxDelay = maxDelay;
        this.server = new WireMockServer(options().dynamicPort().extensions(this));
        server.start();
        server.stubFor(post(urlEqualTo(CREATE)).willReturn(aResponse().withTransformers(NAME)));
        server.stubFor(post(urlEqualTo(SEARCH)).willReturn(aResponse().withTransformers(NAME)));
    }

    String baseUrl() {
        return server.baseUrl();
    }

    /** Create calls received, duplicates included. */
    int createCalls() {
        return creates.size();
    }

    /** How many create calls each name received. */
    Map<String, Long> createCallsByName() {
        return creates.stream().collect(Collectors.groupingBy(Create::name, Collectors.counting()));
    }

    /** The ID the first create call of a name was given. */
    Optional<String> idOf(String name) {
        return creates.stream().filter(create -> create.name().equals(name)).map(Create::id).findFirst();
    }

    /** Names whose create answer has not left yet and will not leave within {@code atLeast}. */
    Set<String> awaitingAnswer(Duration atLeast) {
        long threshold = System.nanoTime() + atLeast.toNanos();
        return creates.stream().filter(create -> create.answerDueNanos() > threshold).map(Create::name)
                .collect(Collectors.toSet());
    }

    /** Names whose create answer has not left yet: a client gone now never got it. */
    Set<String> awaitingAnswer() {
        return awaitingAnswer(Duration.ZERO);
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        JsonNode body = json(event.getRequest().getBodyAsString());
        return event.getRequest().getUrl().equals(CREATE) ? create(body) : search(body);
    }

    /** Recorded on arrival, answered later: the sequence exists whether or not the answer gets through. */
    private ResponseDefinition create(JsonNode body) {
        String id = String.format(Locale.ROOT, "66a0%020x", lastId.incrementAndGet());
        long delay = ThreadLocalRandom.current().nextLong(minDelay.toMillis(), maxDelay.toMillis() + 1);
        creates.add(new Create(body.path("name").asText(), id, System.nanoTime() + delay * 1_000_000L));
        return ApolloStubs.createdAnswer(id).withFixedDelay((int) delay).build();
    }

    /**
     * Apollo matches {@code q_name} by keywords, so other sequences sharing the words come back too and
     * the pack has to pick the exact name; everything is one page here.
     */
    private ResponseDefinition search(JsonNode body) {
        List<String> words = words(body.path("q_name").asText());
        String[] campaigns = creates.stream()
                .filter(create -> words(create.name()).containsAll(words))
                .map(create -> "{\"id\":\"" + create.id() + "\",\"name\":"
                        + TestInputs.MAPPER.valueToTree(create.name()) + ",\"archived\":false}")
                .toArray(String[]::new);
        return ApolloStubs.searchPage(1, 1, campaigns).build();
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).filter(word -> !word.isEmpty())
                .toList();
    }

    private static JsonNode json(String text) {
        try {
            return TestInputs.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public void close() {
        server.stop();
    }
}
