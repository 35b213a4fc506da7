package io.apolloroutes.sync;

/** A sheet could not be read from where it lives; the next scheduled sync tries again. */
public class SheetFetchException extends Exception {

    public SheetFetchException(String message) {
        super(message);
    }

    public SheetFetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
