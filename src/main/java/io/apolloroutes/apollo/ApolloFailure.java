package io.apolloroutes.apollo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.SocketTimeoutException;
import org.apache.camel.http.base.HttpOperationFailedException;

/**
 * What a failed call to Apollo means for the sequence: Apollo said no to this sequence, Apollo refused
 * the key (so every later call would fail too), or the failure may pass and the call can be tried again.
 *
 * @param kind    how to treat it
 * @param status  HTTP status, or 0 when no answer arrived
 * @param message Apollo's own error text, or what went wrong on the way
 */
public record ApolloFailure(Kind kind, int status, String message) {

    /** How a failure is handled. */
    public enum Kind {
        /** 4xx other than 401/403/429: this request is wrong; Apollo's text says why. */
        REJECTED,
        /** 401/403: the key is wrong or not a master key; stop sending. */
        KEY_REFUSED,
        /** 429, 5xx, timeouts and broken connections: retry with backoff. */
        TRANSIENT,
        /** Anything else: a defect, not a property of the call. */
        UNEXPECTED
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_TEXT = 300;

    public static ApolloFailure of(Throwable error) {
        if (error instanceof HttpOperationFailedException http) {
            int status = http.getStatusCode();
            Kind kind = status == 401 || status == 403 ? Kind.KEY_REFUSED
                    : status == 429 || status >= 500 ? Kind.TRANSIENT
                    : Kind.REJECTED;
            return new ApolloFailure(kind, status, apolloText(http));
        }
        if (error instanceof SocketTimeoutException) {
            return new ApolloFailure(Kind.TRANSIENT, 0, "no answer from Apollo in time (" + error.getMessage() + ")");
        }
        if (error instanceof IOException) {
            return new ApolloFailure(Kind.TRANSIENT, 0, "could not reach Apollo ("
                    + error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage()) + ")");
        }
        return new ApolloFailure(Kind.UNEXPECTED, 0, String.valueOf(error));
    }

    /** E.g. {@code Apollo answered 422: Wait time must not be empty}. */
    public String describe() {
        return status == 0 ? message : "Apollo answered " + status + ": " + message;
    }

    /** The {@code error} or {@code message} of a JSON body, else the body text (401s come as text/plain). */
    private static String apolloText(HttpOperationFailedException http) {
        String body = http.getResponseBody();
        if (body == null || body.isBlank()) {
            return http.getStatusText() == null ? "(no message)" : http.getStatusText();
        }
        try {
            JsonNode json = JSON.readTree(body);
            for (String field : new String[] {"error", "message"}) {
                if (json != null && json.path(field).isTextual()) {
                    return shorten(json.path(field).asText());
                }
            }
        } catch (IOException notJson) {
            // fall through to the raw text
        }
        return shorten(body.strip());
    }

    private static String shorten(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
    }
}
