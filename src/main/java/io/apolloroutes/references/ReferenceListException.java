package io.apolloroutes.references;

/**
 * Apollo answered a list request with success but the answer is not a list the pack can read. Not a
 * transport failure, so it is not retried: the same request gets the same answer.
 */
public class ReferenceListException extends RuntimeException {

    public ReferenceListException(String message) {
        super(message);
    }

    public ReferenceListException(String message, Throwable cause) {
        super(message, cause);
    }
}
