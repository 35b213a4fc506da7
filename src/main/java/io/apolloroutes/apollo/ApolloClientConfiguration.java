package io.apolloroutes.apollo;

import io.apolloroutes.ratelimit.ApolloRateLimiter;
import org.apache.camel.LoggingLevel;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.processor.errorhandler.RedeliveryPolicy;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.hc.core5.http.HttpRequestInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * How the pack talks to Apollo: HTTP client settings, the rate limiter and the retry policy of the
 * create call.
 *
 * <p>The API key is added by the HTTP client itself, as the last thing before a request leaves. It
 * therefore never sits in a Camel message header, where exchange logging, tracing or an error report
 * could print it. The client's automatic retries are off: a create call is not idempotent, so every
 * repeat must be one the route decides on, counts and logs.
 */
@Configuration
public class ApolloClientConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ApolloClientConfiguration.class);
    static final String API_KEY_HEADER = "x-api-key";

    private final ApolloProperties apollo;
    private final ApolloRateLimiter rateLimiter;

    public ApolloClientConfiguration(ApolloProperties apollo, ApolloRateLimiter rateLimiter) {
        this.apollo = apollo;
        this.rateLimiter = rateLimiter;
    }

    /** Referenced from the route as {@code httpClientConfigurer=#apolloApiKey}. */
    @Bean
    public HttpClientConfigurer apolloApiKey() {
        String key = apollo.apiKey() == null ? "" : apollo.apiKey().strip();
        HttpRequestInterceptor addKey = (request, entity, context) -> request.setHeader(API_KEY_HEADER, key);
        // HttpClient's own retry strategy re-sends even POSTs on 429/503, invisibly and without
        // backoff; only the route's retry policy may repeat a create call. Every call waits its
        // turn with the rate limiter first, whichever route makes it.
        return builder -> builder.addRequestInterceptorLast(addKey).disableAutomaticRetries()
                .addExecInterceptorFirst("apollo-rate-limit", rateLimiter);
    }

    /** Finite timeouts: camel-http waits forever for a response by default. */
    @Bean
    public ComponentCustomizer apolloHttpTimeouts() {
        return ComponentCustomizer.forType(HttpComponent.class, http -> {
            http.setConnectTimeout(apollo.connectTimeout().toMillis());
            http.setConnectionRequestTimeout(apollo.connectTimeout().toMillis());
            http.setResponseTimeout(apollo.responseTimeout().toMillis());
            http.setSoTimeout(apollo.responseTimeout().toMillis());
        });
    }

    /**
     * Exponential backoff with jitter for 429, 5xx and timeouts, referenced from the error handling
     * route configuration as {@code redeliveryPolicyRef: apolloRetryPolicy}. Built here so the delays
     * are typed durations ({@code 2s}) like every other setting.
     */
    @Bean
    public RedeliveryPolicy apolloRetryPolicy() {
        ApolloProperties.Retry retry = apollo.retry();
        RedeliveryPolicy policy = new RedeliveryPolicy();
        policy.setMaximumRedeliveries(retry.maxRetries());
        policy.setRedeliveryDelay(retry.initialDelay().toMillis());
        policy.setUseExponentialBackOff(true);
        policy.setBackOffMultiplier(retry.multiplier());
        policy.setMaximumRedeliveryDelay(retry.maxDelay().toMillis());
        policy.setUseCollisionAvoidance(true);
        policy.setRetryAttemptedLogLevel(LoggingLevel.WARN);
        policy.setLogRetryAttempted(true);
        policy.setLogStackTrace(false);
        policy.setLogExhausted(false);
        return policy;
    }

    /** Says once, at startup, whether anything will be sent. */
    @EventListener(ApplicationStartedEvent.class)
    public void announceMode() {
        if (apollo.sendsNothing()) {
            LOG.info("Dry-run: {}. Request bodies are written to the outbox; nothing is sent to Apollo.",
                    apollo.hasApiKey() ? "apollo.dry-run=true" : "no API key configured (set APOLLO_API_KEY)");
        } else {
            LOG.info("Live: sequences are created at {} with the configured API key.", apollo.baseUrl());
        }
    }
}
