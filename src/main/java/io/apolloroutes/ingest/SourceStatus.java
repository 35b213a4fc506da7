package io.apolloroutes.ingest;

/**
 * How a source (the SFTP import, a synced sheet) is doing, as its last poll or sync left it.
 *
 * @param state  up, down (tried again later), stopped (needs a person) or not polled yet
 * @param reason why it is down or stopped, for people; null when up
 */
public record SourceStatus(State state, String reason) {

    /** The states a source can be in. */
    public enum State { STARTING, UP, DOWN, STOPPED }

    public static SourceStatus starting() {
        return new SourceStatus(State.STARTING, null);
    }

    public static SourceStatus up() {
        return new SourceStatus(State.UP, null);
    }

    public static SourceStatus down(String reason) {
        return new SourceStatus(State.DOWN, reason);
    }

    public static SourceStatus stopped(String reason) {
        return new SourceStatus(State.STOPPED, reason);
    }

    public boolean isDown() {
        return state == State.DOWN;
    }

    /** Down for this same reason already: an outage is said once, not at every poll. */
    public boolean isSameOutage(String newReason) {
        return isDown() && newReason.equals(reason);
    }

    /** "up", or "down: the reason", for health details. */
    public String describe() {
        String name = state.name().toLowerCase(java.util.Locale.ROOT);
        return reason == null ? name : name + ": " + reason;
    }
}
