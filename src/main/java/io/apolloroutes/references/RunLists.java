package io.apolloroutes.references;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The lists one file run has read (or failed to read) so far; each is asked for at most once. */
public final class RunLists {

    private final Map<ReferenceKind, ListState> states = new ConcurrentHashMap<>();

    /** The list's state, or null when this run has not asked for it yet. */
    ListState state(ReferenceKind kind) {
        return states.get(kind);
    }

    void put(ReferenceKind kind, ListState state) {
        states.put(kind, state);
    }
}
