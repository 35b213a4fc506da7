package io.apolloroutes.apollo;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How a dry run lays out its outbox ({@code outbox.*}).
 *
 * @param maxFiles the most sequences of one input written as one file each; an input with more
 *                 writes all its request bodies to one {@code requests.jsonl}, a body per line
 */
@Validated
@ConfigurationProperties("outbox")
public record OutboxProperties(@Min(0) int maxFiles) {
}
