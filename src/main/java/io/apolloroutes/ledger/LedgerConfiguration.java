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

    /** Referenced from the error handling route configuration as {@code onRedeliveryRef}. */
    @Bean
    public Processor apolloRetryMarker(LedgerSteps ledger) {
        return ledger::attemptFailed;
    }
}
