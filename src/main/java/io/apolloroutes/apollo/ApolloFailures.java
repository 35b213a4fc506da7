package io.apolloroutes.apollo;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Predicates for the error handling route configuration: which {@link ApolloFailure.Kind} the failure
 * of the current exchange is.
 */
@Component("apolloFailures")
public class ApolloFailures {

    public boolean isRejected(Exchange exchange) {
        return of(exchange).kind() == ApolloFailure.Kind.REJECTED;
    }

    /** 401, 403, or a 429 for the hour or day: no later call of this run can succeed. */
    public boolean stopsSending(Exchange exchange) {
        return of(exchange).stopsSending();
    }

    public boolean isTransient(Exchange exchange) {
        return of(exchange).kind() == ApolloFailure.Kind.TRANSIENT;
    }

    /** The failure being handled on this exchange. */
    public static ApolloFailure of(Exchange exchange) {
        return ApolloFailure.of(caught(exchange));
    }

    /**
     * The exception being handled: on the exchange while an error handler decides, and in
     * {@link Exchange#EXCEPTION_CAUGHT} once it handles it; null when there is none.
     */
    public static Throwable caught(Exchange exchange) {
        Throwable error = exchange.getException();
        return error != null ? error : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    }
}
