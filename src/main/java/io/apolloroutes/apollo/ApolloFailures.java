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
        return kindOf(exchange) == ApolloFailure.Kind.REJECTED;
    }

    public boolean isKeyRefused(Exchange exchange) {
        return kindOf(exchange) == ApolloFailure.Kind.KEY_REFUSED;
    }

    public boolean isTransient(Exchange exchange) {
        return kindOf(exchange) == ApolloFailure.Kind.TRANSIENT;
    }

    /** The failure being handled on this exchange. */
    public static ApolloFailure of(Exchange exchange) {
        Throwable error = exchange.getException();
        if (error == null) {
            error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        }
        return ApolloFailure.of(error);
    }

    private static ApolloFailure.Kind kindOf(Exchange exchange) {
        return of(exchange).kind();
    }
}
