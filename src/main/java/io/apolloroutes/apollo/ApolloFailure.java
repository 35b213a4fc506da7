package io.apolloroutes.apollo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.apolloroutes.ratelimit.QuotaExhaustedException;
import io.apolloroutes.ratelimit.RefusalText;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.hc.client5.http.ConnectTimeoutException;

/**
 * What a failed call to Apollo means for the sequence: Apollo said no to this sequence; Apollo refused
 * the key or the hour's or day's quota is spent (so every later call would fail too); or the failure
 * may pass and the call can be tried again.
 *
 * @param kind    how to treat it
 * @param status  HTTP status, or 0 when no answer arrived
 * @param message   Apollo's own error text, or what went wrong on the way
 * @param neverSent the request certainly did not leave (no connection could be made)
 */
public record ApolloFailure(Kind kind, int status, String message, boolean neverSent) {

    /** How a failure is handled. */
    public enum Kind {
        /** 4xx other than 401/403/429: this request is wrong; Apollo's text says why. */
        REJECTED,
        /** 401/403: the key is wrong or not a master key; stop sending. */
        KEY_REFUSED,
        /** 429 for the hour or the day: retrying within seconds cannot help; stop sending. */
        QUOTA_EXHAUSTED,
        /** 408, 429 for the minute, 5xx, timeouts and broken connections: retry with backoff. */
        TRANSIENT,
        /** Anything else: a defect, not a property of the call. */
        UNEXPECTED
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_TEXT = 300;

    public static ApolloFailure of(Throwable error) {
        if (error instanceof HttpOperationFailedException http) {
            int status = http.getStatusCode();
            String text = apolloText(http);
            Kind kind = status == 401 || status == 403 ? Kind.KEY_REFUSED
                    : status == 429 && RefusalText.namesALongWindow(text) ? Kind.QUOTA_EXHAUSTED
                    : status == 408 || status == 429 || status >= 500 ? Kind.TRANSIENT
                    : Kind.REJECTED;
            return new ApolloFailure(kind, status, text, false);
        }
        if (error instanceof QuotaExhaustedException spent) {
            // the rate limiter held the request back: nothing left the pack
            return new ApolloFailure(Kind.QUOTA_EXHAUSTED, 0, spent.getMessage(), true);
        }
        if (error instanceof ConnectException || error instanceof ConnectTimeoutException
                || error instanceof UnknownHostException) {
            return new ApolloFailure(Kind.TRANSIENT, 0, "could not connect to Apollo (" + describe(error) + ")", true);
        }
        if (error instanceof SocketTimeoutException) {
            return new ApolloFailure(Kind.TRANSIENT, 0, "no answer from Apollo in time (" + describe(error) + ")", false);
        }
        if (error instanceof IOException) {
            return new ApolloFailure(Kind.TRANSIENT, 0, "the connection to Apollo failed (" + describe(error) + ")", false);
        }
        return new ApolloFailure(Kind.UNEXPECTED, 0, String.valueOf(error), false);
    }

    private static String describe(Throwable error) {
        return error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
    }

    /** Every later call of this run would fail the same way. */
    public boolean stopsSending() {
        return kind == Kind.KEY_REFUSED || kind == Kind.QUOTA_EXHAUSTED;
    }

    /**
     * True when the request may have reached Apollo and been acted on although no clear answer came
     * back: a server error, no answer in time, or a connection lost after sending. A connection that
     * was never made, or a 429, created nothing.
     */
    public boolean mayHaveCreated() {
        return status >= 500 || (status == 0 && kind == Kind.TRANSIENT && !neverSent);
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
