package io.apolloroutes.references;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;

/**
 * The lists one sequence needs that its run has not read yet, taken one at a time by the route's
 * loop. The current one stays put while the route reads (and, on a retry, re-reads) it.
 */
public final class ReferencePlan {

    private final Deque<ReferenceKind> waiting;
    private ReferenceKind current;

    ReferencePlan(Collection<ReferenceKind> toRead) {
        this.waiting = new ArrayDeque<>(toRead);
    }

    /** True while a list is left to read (the route's loop condition). */
    public boolean isMore() {
        return !waiting.isEmpty();
    }

    void advance() {
        current = waiting.remove();
    }

    ReferenceKind current() {
        return current;
    }
}
