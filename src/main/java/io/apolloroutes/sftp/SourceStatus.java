package io.apolloroutes.sftp;

/**
 * How a polling source is doing, as its last poll left it.
 *
 * @param state  up, down (tried again later), stopped (needs a person) or not polled yet
 * @param reason why it is down or stopped, for people; null when up
 */
public record SourceStatus(State state, String reason) {

    /** The states a source can be in. */
    public enum State { STARTING, UP, DOWN, STOPPED }

    static SourceStatus starting() {
        return new SourceStatus(State.STARTING, null);
    }

    static SourceStatus up() {
        return new SourceStatus(State.UP, null);
    }

    static SourceStatus down(String reason) {
        return new SourceStatus(State.DOWN, reason);
    }

    static SourceStatus stopped(String reason) {
        return new SourceStatus(State.STOPPED, reason);
    }
}
