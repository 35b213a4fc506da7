package io.apolloroutes.apollo;

import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.hc.core5.http.HttpRequestInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * HTTP client settings for the Apollo calls.
 *
 * <p>The API key is added by the HTTP client itself, as the last thing before a request leaves. It
 * therefore never sits in a Camel message header, where exchange logging, tracing or an error report
 * could print it.
 */
@Configuration
public class ApolloHttpConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ApolloHttpConfiguration.class);
    static final String API_KEY_HEADER = "x-api-key";

    /** Referenced from the route as {@code httpClientConfigurer=#apolloApiKey}. */
    @Bean
    public HttpClientConfigurer apolloApiKey(ApolloProperties apollo) {
        String key = apollo.apiKey() == null ? "" : apollo.apiKey().strip();
        HttpRequestInterceptor addKey = (request, entity, context) -> request.setHeader(API_KEY_HEADER, key);
        return builder -> builder.addRequestInterceptorLast(addKey);
    }

    /** Finite timeouts: camel-http waits forever for a response by default. */
    @Bean
    public ComponentCustomizer apolloHttpTimeouts(ApolloProperties apollo) {
        return ComponentCustomizer.forType(HttpComponent.class, http -> {
            http.setConnectTimeout(apollo.connectTimeout().toMillis());
            http.setConnectionRequestTimeout(apollo.connectTimeout().toMillis());
            http.setResponseTimeout(apollo.responseTimeout().toMillis());
            http.setSoTimeout(apollo.responseTimeout().toMillis());
        });
    }

    /** Says once, at startup, whether anything will be sent. */
    @EventListener(ApplicationStartedEvent.class)
    public void announceMode(ApplicationStartedEvent started) {
        ApolloProperties apollo = started.getApplicationContext().getBean(ApolloProperties.class);
        if (apollo.sendsNothing()) {
            LOG.info("Dry-run: {}. Request bodies are written to the outbox; nothing is sent to Apollo.",
                    apollo.hasApiKey() ? "apollo.dry-run=true" : "no API key configured (set APOLLO_API_KEY)");
        } else {
            LOG.info("Live: sequences are created at {} with the configured API key.", apollo.baseUrl());
        }
    }
}
