package io.apolloroutes.bench.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The CPU time of each thread of this process, read from Linux's {@code /proc/self/task}: the JIT
 * compiler's and the collector's threads are not Java threads, so {@code ThreadMXBean} cannot see them.
 * Elsewhere it is empty, and the figures come out as -1.
 *
 * <p>The busiest single thread bounds how short a run can be (it cannot go faster than its own CPU
 * time), and the process's CPU time divided by the cores bounds it too: together they tell what any
 * rearrangement of the same work over the machine's cores could gain at best.
 *
 * <p>Only threads alive at the end are counted: a thread that ended during the run (the JVM retires
 * idle extra JIT compiler threads) takes its time with it, so the split can add up to a little less
 * than the process's CPU time, and the JIT's share reads low rather than high.
 */
final class ThreadCpu {

    /** Linux reports thread CPU time in clock ticks of USER_HZ, which is 100 on every architecture Java runs on. */
    private static final long MS_PER_TICK = 10;
    private static final Path TASKS = Path.of("/proc/self/task");

    /** CPU time in ms by thread id, with the thread's name (as Linux keeps it: 15 characters at most). */
    private final Map<String, Long> cpuMs;
    private final Map<String, String> names;

    private ThreadCpu(Map<String, Long> cpuMs, Map<String, String> names) {
        this.cpuMs = cpuMs;
        this.names = names;
    }

    static ThreadCpu now() {
        Map<String, Long> cpuMs = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        if (Files.isDirectory(TASKS)) {
            try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
                for (Path task : tasks) {
                    read(task, cpuMs, names);
                }
            } catch (IOException e) {
                // a thread that ended while being listed; the rest still count
            }
        }
        return new ThreadCpu(cpuMs, names);
    }

    private static void read(Path task, Map<String, Long> cpuMs, Map<String, String> names) {
        try {
            String stat = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
            // "tid (name) state ...": the name may hold spaces and parentheses, so it ends at the last ")"
            int close = stat.lastIndexOf(')');
            String[] fields = stat.substring(close + 2).split(" ");
            // fields from the state on: utime and stime are the 14th and 15th of the whole line
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            String id = task.getFileName().toString();
            cpuMs.put(id, ticks * MS_PER_TICK);
            names.put(id, stat.substring(stat.indexOf('(') + 1, close));
        } catch (IOException | RuntimeException e) {
            // the thread ended in the meantime
        }
    }

    /** How the CPU time spent since {@code earlier} divides between the threads. */
    Split since(ThreadCpu earlier) {
        if (cpuMs.isEmpty()) {
            return Split.UNKNOWN;
        }
        long jit = 0;
        long gc = 0;
        long program = 0;
        long busiest = 0;
        String busiestName = "";
        for (Map.Entry<String, Long> thread : cpuMs.entrySet()) {
            // never below zero: Linux may give an ended thread's id to a new one
            long spent = Math.max(0, thread.getValue() - earlier.cpuMs.getOrDefault(thread.getKey(), 0L));
            String name = names.get(thread.getKey());
            if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                jit += spent;
            } else if (name.startsWith("G1 ") || name.startsWith("GC Thread") || name.equals("VM Thread")) {
                // the VM thread runs the collector's pauses and other safepoint work
                gc += spent;
            } else {
                program += spent;
                if (spent > busiest) {
                    busiest = spent;
                    busiestName = name;
                }
            }
        }
        return new Split(busiestName, busiest, program - busiest, jit, gc);
    }

    /** CPU ms of the busiest program thread, the program's other threads, the JIT compiler and the collector. */
    record Split(String busiestName, long busiestMs, long otherProgramMs, long jitMs, long gcMs) {

        static final Split UNKNOWN = new Split("", -1, -1, -1, -1);

        String json() {
            return String.format("\"cpu_busiest_thread\": \"%s\", \"cpu_busiest_ms\": %d, \"cpu_other_program_ms\": %d,"
                            + " \"cpu_jit_ms\": %d, \"cpu_gc_ms\": %d",
                    busiestName.replace("\\", "\\\\").replace("\"", "\\\""), busiestMs, otherProgramMs, jitMs, gcMs);
        }
    }
}
