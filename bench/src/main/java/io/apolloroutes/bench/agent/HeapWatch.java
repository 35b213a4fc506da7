package io.apolloroutes.bench.agent;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * A {@code -javaagent} that records how much heap the JVM it runs in used, for processes the harness
 * cannot instrument otherwise (the pack runs as its own Spring Boot jar; Spring and Camel keep no
 * peak of their own). JDK classes only: the agent jar is on the system class path of that JVM.
 *
 * <p>Two sources, because each alone misses something:
 * <ul>
 *   <li>every garbage collection reports the heap in use just before it started and just after it
 *       ended ({@link GarbageCollectionNotificationInfo}); heap use only falls at a collection, so the
 *       largest "before" value is the true peak between collections, and the largest "after" value is
 *       the most the program ever kept (live data plus garbage not yet collected);</li>
 *   <li>a thread reads the heap in use every 10 ms, for the growth after the last collection.</li>
 * </ul>
 *
 * <p>The figures go to the file named by the agent argument, as a one-line JSON object, every half
 * second and when the JVM exits normally ({@code -XX:+ExitOnOutOfMemoryError} skips the shutdown hooks, so
 * after an {@code OutOfMemoryError} the file holds the last half-second's figures). When a file with the same name
 * plus {@code .reset} appears, the agent collects garbage, starts counting afresh from there and
 * deletes it: the harness does that just before it drops a file, so the pack's start-up does not count.
 * A file with the suffix {@code .mark} freezes the figures (the harness makes one as soon as the report is
 * complete, so the shutdown does not count either).
 *
 * <p>It also records the CPU time of the whole process (every thread: the work itself, the collector,
 * the JIT compiler) over the same span, a figure that other programs on the machine disturb less than
 * the wall-clock time; and, on Linux, how that time divides between the JIT compiler, the collector and
 * the program's own threads, with the busiest thread named ({@link ThreadCpu}).
 */
public final class HeapWatch {

    private static final AtomicLong PEAK_USED = new AtomicLong();
    private static final AtomicLong MAX_AFTER_GC = new AtomicLong();
    private static final AtomicLong GC_COUNT = new AtomicLong();
    private static final AtomicLong GC_PAUSE_MS = new AtomicLong();
    private static volatile long baselineAfterReset;
    private static volatile long resets;
    private static volatile long cpuAtReset;
    private static volatile long cpuAtMark = -1;
    private static volatile boolean frozen;
    private static volatile ThreadCpu threadsAtReset = ThreadCpu.now();
    private static volatile ThreadCpu.Split threadSplit;

    private HeapWatch() {
    }

    public static void premain(String argument) {
        if (argument == null || argument.isBlank()) {
            throw new IllegalArgumentException("HeapWatch needs the path of its output file: -javaagent:bench-agent.jar=PATH");
        }
        Path out = Path.of(argument);
        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
                .collect(Collectors.toSet());
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    return;
                }
                GarbageCollectionNotificationInfo info =
                        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                if (frozen || info.getGcCause().equals("System.gc()")) {
                    // only the reset calls it (the pack never does); its "before" is start-up garbage, and
                    // the notification may arrive after the reset
                    return;
                }
                PEAK_USED.accumulateAndGet(heapUsed(info.getGcInfo().getMemoryUsageBeforeGc(), heapPools), Math::max);
                MAX_AFTER_GC.accumulateAndGet(heapUsed(info.getGcInfo().getMemoryUsageAfterGc(), heapPools), Math::max);
                GC_COUNT.incrementAndGet();
                // G1's concurrent cycle is reported too; it does not stop the application
                if (!info.getGcName().contains("Concurrent")) {
                    GC_PAUSE_MS.addAndGet(info.getGcInfo().getDuration());
                }
            }, null, null);
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Path reset = out.resolveSibling(out.getFileName() + ".reset");
        Path mark = out.resolveSibling(out.getFileName() + ".mark");
        Thread poller = new Thread(() -> {
            long lastWrite = 0;
            while (true) {
                if (!frozen) {
                    PEAK_USED.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                }
                if (Files.exists(reset)) {
                    reset(memory);
                    delete(reset);
                    lastWrite = 0;
                }
                if (Files.exists(mark)) {
                    cpuAtMark = processCpuTime();
                    threadSplit = ThreadCpu.now().since(threadsAtReset);
                    frozen = true;
                    write(out, memory);
                    delete(mark);
                }
                long now = System.nanoTime();
                if (now - lastWrite > 500_000_000L) {
                    write(out, memory);
                    lastWrite = now;
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-heap-watch");
        poller.setDaemon(true);
        poller.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> write(out, memory), "bench-heap-watch-exit"));
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // tried again on the next round
        }
    }

    private static long processCpuTime() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void reset(MemoryMXBean memory) {
        System.gc();
        cpuAtReset = processCpuTime();
        threadsAtReset = ThreadCpu.now();
        threadSplit = null;
        cpuAtMark = -1;
        frozen = false;
        long used = memory.getHeapMemoryUsage().getUsed();
        baselineAfterReset = used;
        PEAK_USED.set(used);
        MAX_AFTER_GC.set(used);
        GC_COUNT.set(0);
        GC_PAUSE_MS.set(0);
        resets++;
    }

    private static long heapUsed(Map<String, MemoryUsage> pools, Set<String> heapPools) {
        return pools.entrySet().stream().filter(e -> heapPools.contains(e.getKey()))
                .mapToLong(e -> e.getValue().getUsed()).sum();
    }

    private static synchronized void write(Path out, MemoryMXBean memory) {
        if (!frozen) {
            PEAK_USED.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        }
        long cpu = (cpuAtMark >= 0 ? cpuAtMark : processCpuTime()) - cpuAtReset;
        ThreadCpu.Split split = threadSplit != null ? threadSplit : ThreadCpu.now().since(threadsAtReset);
        String json = String.format("{\"max_heap\": %d, \"peak_used\": %d, \"max_used_after_gc\": %d,"
                        + " \"baseline_after_reset\": %d, \"gc_count\": %d, \"gc_pause_ms\": %d, \"cpu_ms\": %d,"
                        + " %s, \"resets\": %d, \"frozen\": %b}%n",
                Runtime.getRuntime().maxMemory(), PEAK_USED.get(), MAX_AFTER_GC.get(), baselineAfterReset,
                GC_COUNT.get(), GC_PAUSE_MS.get(), cpu / 1_000_000, split.json(), resets, frozen);
        try {
            Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
            Files.writeString(tmp, json, StandardCharsets.UTF_8);
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException ignored) {
            // the next write tries again; the harness reports a missing file
        }
    }
}
