package io.apolloroutes.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What {@code HeapWatch} (the agent) recorded in a child JVM; -1 where it wrote nothing. The CPU time
 * is the whole process's, then divided into its busiest thread, its other threads, the JIT compiler and
 * the collector (Linux only).
 */
record HeapStats(long maxHeap, long peakUsed, long maxUsedAfterGc, long baselineAfterReset, long gcCount,
                 long gcPauseMs, long cpuMs, String busiestThread, long busiestMs, long otherProgramMs, long jitMs,
                 long gcMs) {

    static final HeapStats NONE = new HeapStats(-1, -1, -1, -1, -1, -1, -1, "", -1, -1, -1, -1);

    static HeapStats read(Path file) {
        if (!Files.isRegularFile(file)) {
            return NONE;
        }
        try {
            JsonNode json = new ObjectMapper().readTree(file.toFile());
            return new HeapStats(json.path("max_heap").asLong(), json.path("peak_used").asLong(),
                    json.path("max_used_after_gc").asLong(), json.path("baseline_after_reset").asLong(),
                    json.path("gc_count").asLong(), json.path("gc_pause_ms").asLong(), json.path("cpu_ms").asLong(-1),
                    json.path("cpu_busiest_thread").asText(""), json.path("cpu_busiest_ms").asLong(-1),
                    json.path("cpu_other_program_ms").asLong(-1), json.path("cpu_jit_ms").asLong(-1),
                    json.path("cpu_gc_ms").asLong(-1));
        } catch (IOException e) {
            return NONE;
        }
    }

    static String mb(long bytes) {
        return bytes < 0 ? "?" : (bytes >> 20) + " MB";
    }
}
