package io.apolloroutes.ratelimit;

import io.apolloroutes.ratelimit.EndpointBudget.Wait;
import io.apolloroutes.ratelimit.RateWindow.Span;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * One rate limiter for every call the pack makes to Apollo, from every route and source, kept per
 * endpoint as Apollo counts ({@code POST /api/v1/sequences}, {@code POST /api/v1/emailer_campaigns/search},
 * …). It sits in the HTTP client itself, so no call can go around it.
 *
 * <p>Before a request leaves, it takes one from each window's budget. When a window is spent it waits
 * for the reset if that is near ({@code apollo.rate-limit.max-wait}); otherwise the request is not sent
 * and fails with {@link QuotaExhaustedException}, which defers the sequence until the reset. Every
 * answer updates the budgets from Apollo's headers; a 429 marks its window (named in Apollo's text)
 * spent until {@code retry-after}, or until the window's expected reset.
 */
@Component
public class ApolloRateLimiter implements ExecChainHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApolloRateLimiter.class);
    /** A 429's text is short; reading at most this much of it keeps a hostile answer from costing memory. */
    private static final int MAX_REFUSAL_TEXT = 16 * 1024;

    private final Map<String, EndpointBudget> budgets = new ConcurrentHashMap<>();
    private final RateLimitProperties settings;
    private final Clock clock;
    private final Sleeper sleeper;

    @Autowired
    public ApolloRateLimiter(RateLimitProperties settings, Clock clock) {
        this(settings, clock, duration -> Thread.sleep(duration.toMillis()));
    }

    ApolloRateLimiter(RateLimitProperties settings, Clock clock, Sleeper sleeper) {
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    @Override
    public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
            throws IOException, HttpException {
        String endpoint = endpointOf(request.getMethod(), request.getPath());
        EndpointBudget budget = budgetOf(endpoint);
        acquire(endpoint, budget);
        ClassicHttpResponse response;
        try {
            response = chain.proceed(request, scope);
        } catch (IOException | HttpException | RuntimeException noAnswer) {
            budget.answered(Map.of(), Map.of(), clock.instant());
            throw noAnswer;
        }
        Instant now = clock.instant();
        budget.answered(counts(response, HeaderNames.LIMIT), counts(response, HeaderNames.LEFT), now);
        if (response.getCode() == 429) {
            try {
                refused(endpoint, budget, response, now);
            } catch (IOException | RuntimeException unreadable) {
                // the answer goes nowhere now: give its connection back to the pool
                response.close();
                throw unreadable;
            }
        }
        return response;
    }

    /**
     * When the endpoint of {@code uri} (a full URL or a path) may be called again, if its budget is
     * spent now.
     */
    public Optional<Instant> availableAt(String method, String uri) {
        EndpointBudget budget = budgets.get(endpointOf(method, uri));
        return budget == null ? Optional.empty() : Optional.ofNullable(budget.availableAt(clock.instant()));
    }

    private void acquire(String endpoint, EndpointBudget budget) throws IOException {
        while (true) {
            Instant now = clock.instant();
            Wait wait = budget.reserve(now);
            if (wait == null) {
                return;
            }
            Duration pause = Duration.between(now, wait.until());
            // a minute is always waited out: only an hour's or a day's wait is long enough to defer for
            if (wait.span() != Span.MINUTE && pause.compareTo(settings.maxWait()) > 0) {
                throw new QuotaExhaustedException(endpoint, wait.span().word(), wait.until());
            }
            LOG.info("Apollo's {} budget for {} is used up; waiting {} s for it to reset", wait.span().word(), endpoint,
                    Math.max(1, pause.toSeconds()));
            try {
                sleeper.sleep(pause);
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for Apollo's rate limit");
            }
        }
    }

    private void refused(String endpoint, EndpointBudget budget, ClassicHttpResponse response, Instant now)
            throws IOException {
        Span span = Span.MINUTE;
        HttpEntity entity = response.getEntity();
        if (entity != null) {
            // read the text to learn the window, then put it back for the route's error handling
            byte[] text = EntityUtils.toByteArray(entity, MAX_REFUSAL_TEXT);
            response.setEntity(new ByteArrayEntity(text, ContentType.parseLenient(entity.getContentType())));
            span = RefusalText.window(new String(text, StandardCharsets.UTF_8))
                    .map(window -> Span.valueOf(window.toUpperCase(Locale.ROOT))).orElse(Span.MINUTE);
        }
        Long retryAfter = number(response.getFirstHeader("retry-after"));
        Instant until = budget.refused(span, retryAfter == null ? null : now.plusSeconds(retryAfter), now);
        LOG.warn("Apollo refused a call to {} for its {} limit (429); no call to it until {}", endpoint, span.word(), until);
    }

    private EndpointBudget budgetOf(String endpoint) {
        return budgets.computeIfAbsent(endpoint, key -> new EndpointBudget(settings));
    }

    /** {@code POST /api/v1/sequences}: the method and the path, without host or query. */
    static String endpointOf(String method, String uri) {
        String path = URI.create(uri).getRawPath();
        return method + " " + (path == null || path.isEmpty() ? "/" : path);
    }

    private static Map<Span, Integer> counts(HttpResponse response, Map<Span, String[]> names) {
        Map<Span, Integer> counts = new EnumMap<>(Span.class);
        names.forEach((span, headers) -> {
            Integer smallest = null;
            for (String name : headers) {
                Long value = number(response.getFirstHeader(name));
                if (value != null && value <= Integer.MAX_VALUE && (smallest == null || value < smallest)) {
                    smallest = value.intValue();
                }
            }
            if (smallest != null) {
                counts.put(span, smallest);
            }
        });
        return counts;
    }

    /** A header's whole number; null when it is missing, empty (an unlimited window) or not a number. */
    private static Long number(Header header) {
        if (header == null || header.getValue() == null || header.getValue().isBlank()) {
            return null;
        }
        try {
            long value = Long.parseLong(header.getValue().strip());
            return value < 0 ? null : value;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /** Waits; a seam for tests. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }
}
