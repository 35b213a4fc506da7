package io.apolloroutes.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The pack's full dry-run pipeline on one file: the real application jar with the real YAML routes, in a
 * JVM of its own, started in an empty working folder. Once it has started, the file is dropped into its
 * inbox the way the README asks writers to (written beside it, then renamed in), and the clock runs from
 * that rename until the report appears under its final name, which the pack does only when the report is
 * complete. Then the JVM is stopped (SIGTERM, Spring's normal shutdown).
 */
final class PipelineRun {

    /**
     * @param seconds     drop → complete report, as the harness saw it
     * @param report      what the report says, checked against the generator's plan
     * @param heap        what the agent recorded from the drop on (after a full collection)
     * @param outboxFiles request bodies written
     * @param outboxBytes their size together
     * @param oom         the JVM ran out of memory
     * @param exitCode    the JVM's exit code after SIGTERM (143 is the normal one)
     * @param dropped     when the file was renamed into the inbox (for the profile's time window)
     * @param done        when the report appeared
     * @param load        the machine's load average (1 minute) at the drop and at the report: other
     *                    programs on the machine slow the run down, and this says whether there were any
     * @param jfr         the flight recording, when profiling
     */
    record Result(double seconds, ReportCheck.Result report, HeapStats heap, long outboxFiles, long outboxBytes,
                  boolean oom, int exitCode, Instant dropped, Instant done, String load, Path jfr, String failure) {
    }

    private static final String JFR_SETTINGS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <configuration version="2.0" label="bench" description="stack samples and collections">
              <event name="jdk.ExecutionSample">
                <setting name="enabled">true</setting>
                <setting name="period">10 ms</setting>
              </event>
              <event name="jdk.NativeMethodSample">
                <setting name="enabled">true</setting>
                <setting name="period">20 ms</setting>
              </event>
              <event name="jdk.GarbageCollection">
                <setting name="enabled">true</setting>
                <setting name="threshold">0 ms</setting>
              </event>
            </configuration>
            """;

    private final Path java;
    private final Path appJar;
    private final Path routes;
    private final Path agentJar;
    private final String heap;
    private final boolean profile;
    private final boolean warm;
    private final Duration timeout;

    /**
     * @param warm first run the same file once, unmeasured, under another name: the measured run then
     *             shows the pack with its code compiled, as in a service that has been up for a while
     */
    PipelineRun(Path java, Path appJar, Path routes, Path agentJar, String heap, boolean profile, boolean warm,
                Duration timeout) {
        this.warm = warm;
        this.java = java;
        this.appJar = appJar;
        this.routes = routes;
        this.agentJar = agentJar;
        this.heap = heap;
        this.profile = profile;
        this.timeout = timeout;
    }

    Result run(Path input, SyntheticData.Expectation expected, Path folder) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        Path heapFile = folder.resolve("pipeline-heap.json");
        Path log = folder.resolve("pipeline.log");
        Path jfr = folder.resolve("pipeline.jfr");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError",
                "-javaagent:" + agentJar + "=" + heapFile));
        if (profile) {
            // stack samples and collections only: JFR's "profile" settings also record allocations, locks
            // and I/O, which nearly doubled the run time of this workload
            Path settings = folder.resolve("samples.jfc");
            Files.writeString(settings, JFR_SETTINGS, StandardCharsets.UTF_8);
            command.add("-XX:FlightRecorderOptions:stackdepth=96");
            command.add("-XX:StartFlightRecording=settings=" + settings + ",dumponexit=true,filename=" + jfr);
        }
        command.addAll(List.of("-jar", appJar.toString(),
                "--camel.main.routes-include-pattern=file:" + routes + "/*.camel.yaml",
                // dry run, whatever the environment says; nothing may leave the machine
                "--apollo.dry-run=true", "--apollo.api-key=", "--apollo.base-url=http://127.0.0.1:9",
                // the generated files test A/B variants, as a team with that plan would
                "--apollo.ab-testing=true",
                // poll often, so the clock measures processing rather than the poll interval; the file is
                // complete before it is renamed into the inbox, so the stability wait is met at once
                "--inbox.poll-delay=100", "--inbox.stable-for=500", "--inbox.stable-check-interval=100"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("APOLLO_API_KEY");
        Process process = builder.start();
        try {
            awaitStarted(process, log);
            Path inbox = folder.resolve("inbox");
            if (warm) {
                String warmUp = "warm-up-" + input.getFileName();
                Path staged = Files.createDirectories(folder.resolve("staging")).resolve(warmUp);
                linkOrCopy(input, staged);
                Files.move(staged, inbox.resolve(warmUp), StandardCopyOption.ATOMIC_MOVE);
                if (awaitReport(process, folder.resolve("reports"), warmUp, log) == null) {
                    throw new IOException("the pack's JVM ended during the warm-up run; see " + log);
                }
            }
            Path staged = Files.createDirectories(folder.resolve("staging")).resolve(input.getFileName());
            linkOrCopy(input, staged);
            signalHeapWatch(heapFile, ".reset");
            Instant dropped = Instant.now();
            long started = System.nanoTime();
            Files.move(staged, inbox.resolve(input.getFileName()), StandardCopyOption.ATOMIC_MOVE);
            String loadBefore = loadAverage();
            Path report = awaitReport(process, folder.resolve("reports"), input.getFileName().toString(), log);
            double seconds = (System.nanoTime() - started) / 1e9;
            Instant done = Instant.now();
            String load = loadBefore + " → " + loadAverage();
            if (report != null) {
                signalHeapWatch(heapFile, ".mark");
            }
            if (report == null) {
                stop(process);
                return new Result(seconds, null, HeapStats.read(heapFile), 0, 0, outOfMemory(log, process),
                        process.exitValue(), dropped, done, load, profile ? jfr : null,
                        "the pack's JVM ended before the report was complete (exit code " + process.exitValue()
                        + "); see " + log);
            }
            ReportCheck.Result checked = ReportCheck.check(report, expected);
            long[] outbox = countOutbox(folder.resolve("outbox"), input.getFileName().toString());
            stop(process);
            return new Result(seconds, checked, HeapStats.read(heapFile), outbox[0], outbox[1], outOfMemory(log, process),
                    process.exitValue(), dropped, done, load, profile ? jfr : null, null);
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    static void awaitStarted(Process process, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains("Started ApolloSequenceRoutesApplication")) {
                return;
            }
            if (!process.isAlive()) {
                throw new IOException("the pack did not start (exit code " + process.exitValue() + "); see " + log);
            }
            Thread.sleep(100);
        }
        throw new IOException("the pack did not start within 3 minutes; see " + log);
    }

    /**
     * Asks the agent to start counting afresh after a full collection ({@code .reset}) or to freeze its
     * figures ({@code .mark}), and waits until it has.
     */
    private static void signalHeapWatch(Path heapFile, String signal) throws IOException, InterruptedException {
        Path reset = heapFile.resolveSibling(heapFile.getFileName() + signal);
        Files.writeString(reset, signal);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (Files.exists(reset)) {
            if (System.nanoTime() > deadline) {
                throw new IOException("the heap agent did not answer; is -javaagent missing?");
            }
            Thread.sleep(10);
        }
    }

    private Path awaitReport(Process process, Path reports, String name, Path log)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String suffix = "_" + name + ".report.json";
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(reports)) {
                try (Stream<Path> files = Files.list(reports)) {
                    Optional<Path> found = files.filter(p -> p.getFileName().toString().endsWith(suffix)).findFirst();
                    if (found.isPresent()) {
                        return found.get();
                    }
                }
            }
            if (!process.isAlive()) {
                return null;
            }
            Thread.sleep(20);
        }
        throw new IOException("no report for " + name + " within " + timeout + "; see " + log);
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    static boolean outOfMemory(Path log, Process process) throws IOException {
        // -XX:+ExitOnOutOfMemoryError ends the JVM with code 3 and says so on its output
        return (!process.isAlive() && process.exitValue() == 3)
                || (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains("OutOfMemoryError"));
    }

    static void linkOrCopy(Path from, Path to) throws IOException {
        Files.deleteIfExists(to);
        try {
            // same inode: no copy of a 400 MB file, and the modification time stays the generator's
            Files.createLink(to, from);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    /** Number and total size of the request bodies of the measured run (not of the warm-up run). */
    static long[] countOutbox(Path outbox, String name) throws IOException {
        long[] total = new long[2];
        if (!Files.isDirectory(outbox)) {
            return total;
        }
        try (Stream<Path> runs = Files.list(outbox)) {
            for (Path run : runs.filter(p -> p.getFileName().toString().endsWith("_" + name)).toList()) {
                long[] counted = countFiles(run);
                total[0] += counted[0];
                total[1] += counted[1];
            }
        }
        return total;
    }

    /** Number and total size of the files under a folder. */
    static long[] countFiles(Path folder) throws IOException {
        long[] countAndBytes = new long[2];
        if (!Files.isDirectory(folder)) {
            return countAndBytes;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                countAndBytes[0]++;
                countAndBytes[1] += file.toFile().length();
            });
        }
        return countAndBytes;
    }

    /** The 1-minute load average, where the system says it (Linux). */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /** Deletes what a run left behind except its log, report, heap figures and recording. */
    static void cleanUp(Path folder) throws IOException {
        for (String name : List.of("outbox", "processed", "dead-letter", "inbox", "staging")) {
            deleteTree(folder.resolve(name));
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
