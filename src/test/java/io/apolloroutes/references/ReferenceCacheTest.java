package io.apolloroutes.references;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReferenceCacheTest {

    @Test
    void keeps_the_lists_of_a_run_for_that_run_only() {
        ReferenceCache cache = new ReferenceCache();
        cache.of("run-1").put(ReferenceKind.SCHEDULE, new ListState.Unavailable("down"));

        assertThat(cache.of("run-1").state(ReferenceKind.SCHEDULE)).isEqualTo(new ListState.Unavailable("down"));
        assertThat(cache.of("run-2").state(ReferenceKind.SCHEDULE)).isNull();
    }

    @Test
    void forgets_the_oldest_runs() {
        ReferenceCache cache = new ReferenceCache();
        RunLists first = cache.of("run-0");
        for (int i = 1; i <= ReferenceCache.RUNS_KEPT; i++) {
            cache.of("run-" + i);
        }

        assertThat(cache.of("run-0")).isNotSameAs(first);
        assertThat(cache.of("run-" + ReferenceCache.RUNS_KEPT)).isSameAs(cache.of("run-" + ReferenceCache.RUNS_KEPT));
    }
}
