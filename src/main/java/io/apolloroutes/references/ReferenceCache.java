package io.apolloroutes.references;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Apollo's lists per file run, keyed by run ID. A run reads each list at most once, however many of
 * its sequences refer to it; the next file has a new run ID and reads them afresh, so a schedule
 * renamed in Apollo between two files is seen by the second one. Nothing is kept forever: only the
 * last few runs are remembered (the inbox takes one file at a time; the margin keeps a run's lists
 * should runs ever overlap).
 */
@Component
public class ReferenceCache {

    static final int RUNS_KEPT = 4;

    private final Map<String, RunLists> runs = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RunLists> eldest) {
            return size() > RUNS_KEPT;
        }
    };

    /** The lists of the run with this ID, empty at first. */
    public synchronized RunLists of(String runId) {
        return runs.computeIfAbsent(runId, id -> new RunLists());
    }
}
