package io.apolloroutes.ledger;

import java.time.Clock;
import org.apache.camel.Processor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The ledger's collaborators: the clock it stamps entries with, and its hook into Apollo retries. */
@Configuration
public class LedgerConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Runs before each retry of an attempt at creating a sequence; referenced from the error handling
     * route configuration as {@code onRedeliveryRef}.
     */
    @Bean
    public Processor beforeApolloRetry(LedgerSteps ledger) {
        return ledger::attemptFailed;
    }
}
