package io.apolloroutes;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Starts the route pack: Camel loads the YAML routes from {@code routes/}, the inbox is watched, and
 * sequences are created in Apollo (or written to the outbox in dry-run).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ApolloSequenceRoutesApplication {

    public static void main(String[] args) {
        SpringApplication.run(ApolloSequenceRoutesApplication.class, args);
    }
}
