package io.apolloroutes.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for Apollo that enforces rate limits the way Apollo documents them: per endpoint, in
 * fixed minute, hour and day windows, each opened by the first call after the previous one ended,
 * with the {@code x-rate-limit-*} and {@code x-*-requests-left} headers on every answer and a 429
 * naming the window when one is spent. The windows are shortened by a time scale so a benchmark can
 * go through many of them. With {@code overstate} the headers claim more calls left than there are,
 * as if another tool on the same Apollo team were spending the budget unseen.
 */
final class RateLimitedApollo implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] SPANS = {"minute", "hour", "day"};

    private final HttpServer server;
    private final Duration[] lengths;
    private final int[] limits;
    private final int overstate;
    private final Map<String, Windows> endpoints = new HashMap<>();
    private final Map<String, Long> createdAtNanos = new ConcurrentHashMap<>();
    private final AtomicInteger duplicateCreates = new AtomicInteger();
    private final AtomicInteger refusals = new AtomicInteger();
    private final List<Long> createNanos = new ArrayList<>();

    RateLimitedApollo(double timeScale, int[] limits, int overstate) throws IOException {
        this.limits = limits.clone();
        this.overstate = overstate;
        this.lengths = new Duration[] {scaled(Duration.ofMinutes(1), timeScale), scaled(Duration.ofHours(1), timeScale),
                scaled(Duration.ofDays(1), timeScale)};
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/api/v1/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    Duration length(int span) {
        return lengths[span];
    }

    int created() {
        return createdAtNanos.size();
    }

    int duplicateCreates() {
        return duplicateCreates.get();
    }

    int refusals() {
        return refusals.get();
    }

    /** When each create call that created a sequence arrived, in order. */
    synchronized List<Long> createTimes() {
        return List.copyOf(createNanos);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String endpoint = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            long now = System.nanoTime();
            int[] left;
            int spent;
            synchronized (this) {
                Windows windows = endpoints.computeIfAbsent(endpoint, key -> new Windows());
                spent = windows.spent(now);
                left = spent < 0 ? windows.take(now) : null;
                if (spent < 0 && endpoint.endsWith("/sequences")) {
                    createNanos.add(now);
                }
            }
            if (spent >= 0) {
                refusals.incrementAndGet();
                send(exchange, 429, Map.of(), "{\"message\":\"The maximum number of api calls allowed for "
                        + exchange.getRequestURI().getPath().substring(1) + " is " + limits[spent] + " times per "
                        + SPANS[spent] + ". Please upgrade your plan.\"}");
                return;
            }
            Map<String, String> headers = new HashMap<>();
            headers.put("x-rate-limit-minute", Integer.toString(limits[0]));
            headers.put("x-rate-limit-hourly", Integer.toString(limits[1]));
            headers.put("x-rate-limit-24-hour", Integer.toString(limits[2]));
            headers.put("x-minute-requests-left", Integer.toString(left[0] + overstate));
            headers.put("x-hourly-requests-left", Integer.toString(left[1] + overstate));
            headers.put("x-24-hour-requests-left", Integer.toString(left[2] + overstate));
            if (endpoint.endsWith("/sequences")) {
                String name = body.path("name").asText();
                if (createdAtNanos.putIfAbsent(name, now) != null) {
                    duplicateCreates.incrementAndGet();
                }
                String id = String.format(Locale.ROOT, "66b0%020x", Math.abs((long) name.hashCode()));
                send(exchange, 200, headers, "{\"emailer_campaign\":{\"id\":\"" + id + "\"}}");
            } else {
                send(exchange, 200, headers, "{\"emailer_campaigns\":[],\"pagination\":{\"page\":1,\"total_pages\":1}}");
            }
        }
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Duration scaled(Duration real, double scale) {
        return Duration.ofNanos(Math.round(real.toNanos() * scale));
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** The three windows of one endpoint. */
    private final class Windows {
        private final long[] endsAt = new long[3];
        private final int[] used = new int[3];
        private final boolean[] open = new boolean[3];

        /** The first spent window's index, or -1 when a call may go. */
        int spent(long now) {
            for (int span = 0; span < 3; span++) {
                roll(span, now);
                if (open[span] && used[span] >= limits[span]) {
                    return span;
                }
            }
            return -1;
        }

        int[] take(long now) {
            int[] left = new int[3];
            for (int span = 0; span < 3; span++) {
                if (!open[span]) {
                    open[span] = true;
                    used[span] = 0;
                    endsAt[span] = now + lengths[span].toNanos();
                }
                used[span]++;
                left[span] = limits[span] - used[span];
            }
            return left;
        }

        private void roll(int span, long now) {
            if (open[span] && now >= endsAt[span]) {
                open[span] = false;
            }
        }
    }
}
