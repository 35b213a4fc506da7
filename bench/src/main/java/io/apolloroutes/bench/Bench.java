package io.apolloroutes.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The benchmark: for each case, generate the file, run the raw floor on it, run the pack's dry-run
 * pipeline on it, and compare. See docs/performance.md; run it with {@code bench/run [options]}.
 */
public final class Bench {

    /** @param wide one row per sequence ({@link WideData}) instead of step rows ({@link SyntheticData}) */
    record Case(String name, String extension, int rows, boolean wide) {
    }

    static final List<Case> CASES = List.of(
            new Case("csv-100k", "csv", 100_000, false),
            new Case("csv-1m", "csv", 1_000_000, false),
            new Case("xlsx-200k", "xlsx", 200_000, false),
            // a million sequences in one file: the memory promise of the dry run, not a throughput figure,
            // hence not in the default run
            new Case("wide-1m", "csv", 1_000_000, true));

    static final List<String> DEFAULT_CASES = List.of("csv-100k", "csv-1m", "xlsx-200k");

    private static final String USAGE = """
            bench/run [options]      (from a clone of the repository; builds the pack and the harness first)

              --cases a,b,...        cases to run, of: csv-100k, csv-1m, xlsx-200k (step rows; the default
                                     is these three), wide-1m (1,000,000 sequences of one row each, in
                                     numbered step columns)
              --heap SIZE            -Xmx of the floor's and the pack's JVMs (default: 256m)
              --profile              record the pack's JVM with JFR and print where its time goes
                                     (slower; for analysis, not for the numbers)
              --warm                 let the pack process the same file once, unmeasured, before the
                                     measured run (steady state instead of a cold JVM; takes longer)
              --work DIR             working folder (default: bench/target/work; emptied case by case)
              --keep                 keep the outbox, dead letters and inputs of each case
              --generate-only        write the input files into the work folder and stop
              --timeout-minutes N    give up on one pipeline run after N minutes (default: 20)
            """;

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        List<Case> cases = CASES.stream().filter(c -> DEFAULT_CASES.contains(c.name())).toList();
        String heap = "256m";
        boolean profile = false;
        boolean warm = false;
        boolean keep = false;
        boolean generateOnly = false;
        Path work = Path.of("bench", "target", "work");
        Duration timeout = Duration.ofMinutes(20);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--cases" -> {
                    List<String> names = List.of(args[++i].split(","));
                    cases = CASES.stream().filter(c -> names.contains(c.name())).toList();
                    if (cases.size() != names.size()) {
                        fail("unknown case in " + names + "\n" + USAGE);
                    }
                }
                case "--heap" -> heap = args[++i];
                case "--profile" -> profile = true;
                case "--warm" -> warm = true;
                case "--keep" -> keep = true;
                case "--generate-only" -> generateOnly = true;
                case "--work" -> work = Path.of(args[++i]);
                case "--timeout-minutes" -> timeout = Duration.ofMinutes(Long.parseLong(args[++i]));
                case "-h", "--help" -> {
                    System.out.print(USAGE);
                    return;
                }
                default -> fail("unknown option " + args[i] + "\n" + USAGE);
            }
        }
        work = work.toAbsolutePath();
        Files.createDirectories(work);
        if (generateOnly) {
            for (Case c : cases) {
                Path input = work.resolve("bench-" + c.name() + "." + c.extension());
                long t = System.nanoTime();
                SyntheticData.Expectation expected = generate(c, input);
                log(c, "%s: %d MB, %s, %.1f s", input, Files.size(input) >> 20, expected, (System.nanoTime() - t) / 1e9);
            }
            return;
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path appJar = appJar();
        Path agent = Path.of("bench", "target", "bench-agent.jar").toAbsolutePath();
        Path routes = Path.of("routes").toAbsolutePath();
        if (!Files.isRegularFile(agent) || !Files.isDirectory(routes)) {
            fail("run from the repository's root after building (bench/run does both)");
        }
        String machine = machine(java);
        System.out.println(machine);
        System.out.printf("heap for the floor and the pack: -Xmx%s; work folder: %s%s%n%n", heap, work,
                warm ? "; the pack processes each file once before the measured run" : "");

        PipelineRun pipeline = new PipelineRun(java, appJar, routes, agent, heap, profile, warm, timeout);
        List<Outcome> outcomes = new ArrayList<>();
        long benchStarted = System.nanoTime();
        for (Case c : cases) {
            outcomes.add(runCase(c, work, java, agent, heap, pipeline, keep, warm));
        }
        String table = table(outcomes);
        String details = details(outcomes) + cpuSplit(outcomes, Runtime.getRuntime().availableProcessors());
        System.out.println();
        System.out.println(table);
        System.out.println(details);
        for (Outcome o : outcomes) {
            if (o.profile != null) {
                System.out.println("### " + o.c.name() + "\n\n" + o.profile);
            }
        }
        System.out.printf(Locale.ROOT, "benchmark took %.0f s%n", (System.nanoTime() - benchStarted) / 1e9);
        Files.writeString(work.resolve("results.md"), machine + "\n\n" + table + "\n" + details + "\n"
                + String.join("\n", outcomes.stream().filter(o -> o.profile != null)
                .map(o -> "### " + o.c.name() + "\n\n" + o.profile).toList()), StandardCharsets.UTF_8);
        writeJson(work.resolve("results.json"), machine, heap, outcomes);
        System.out.println("results: " + work.resolve("results.md") + ", " + work.resolve("results.json"));
        boolean failed = outcomes.stream().anyMatch(o -> o.failure != null);
        System.exit(failed ? 1 : 0);
    }

    /** One case's results; {@code failure} set when a JVM ran out of memory or the report does not add up. */
    static final class Outcome {
        Case c;
        SyntheticData.Expectation expected;
        double generateSeconds;
        long inputBytes;
        double floorSeconds = -1;
        double floorCpuSeconds = -1;
        double outboxAloneSeconds = -1;
        long floorRows;
        HeapStats floorHeap = HeapStats.NONE;
        PipelineRun.Result pipeline;
        String skipped;
        String failure;
        String profile;

        double floorRate() {
            return floorSeconds > 0 ? floorRows / floorSeconds : -1;
        }

        double pipelineRate() {
            return ran() ? pipeline.report().rows() / pipeline.seconds() : -1;
        }

        boolean ran() {
            return pipeline != null && pipeline.report() != null && skipped == null && pipeline.report().problems().isEmpty();
        }
    }

    private static Outcome runCase(Case c, Path work, Path java, Path agent, String heap, PipelineRun pipeline,
                                   boolean keep, boolean warm) throws Exception {
        Outcome o = new Outcome();
        o.c = c;
        Path folder = work.resolve(c.name());
        PipelineRun.deleteTree(folder);
        Files.createDirectories(folder);
        Path input = folder.resolve("bench-" + c.name() + "." + c.extension());

        log(c, "generating %,d rows", c.rows());
        long t = System.nanoTime();
        o.expected = generate(c, input);
        o.generateSeconds = (System.nanoTime() - t) / 1e9;
        o.inputBytes = Files.size(input);
        log(c, "%s: %d MB, %,d sequences (%,d with an A/B step, %,d with a mistake), %.1f s", input.getFileName(),
                o.inputBytes >> 20, o.expected.sequences(), o.expected.abSequences(), o.expected.invalidSequences(),
                o.generateSeconds);

        runFloor(o, folder, input, java, agent, heap, warm);
        if (o.floorSeconds > 0) {
            log(c, "floor: %,d rows in %.2f s = %,.0f rows/s (CPU %.2f s), peak heap %s", o.floorRows, o.floorSeconds,
                    o.floorRate(), o.floorCpuSeconds, HeapStats.mb(o.floorHeap.peakUsed()));
        }

        log(c, "pipeline: starting the pack, dropping the file, waiting for its report");
        try {
            o.pipeline = pipeline.run(input, o.expected, folder.resolve("pipeline"));
        } catch (IOException e) {
            // the pack did not start, or gave no report in time: the other cases still run
            o.failure = e.getMessage();
        }
        PipelineRun.Result r = o.pipeline;
        if (r == null) {
            // failure already set
        } else if (r.failure() != null) {
            o.failure = (r.oom() ? "OutOfMemoryError: " : "") + r.failure();
        } else if (r.report().unsupported()) {
            o.skipped = "the pack cannot read this format yet: " + r.report().error();
        } else if (!r.report().problems().isEmpty()) {
            o.failure = "report does not add up: " + String.join("; ", r.report().problems());
        } else if (r.oom()) {
            o.failure = "OutOfMemoryError in the pack's JVM (see pipeline.log)";
        }
        if (o.skipped != null) {
            log(c, "pipeline SKIPPED: %s", o.skipped);
        } else if (o.failure != null) {
            log(c, "pipeline FAILED: %s", o.failure);
        } else {
            log(c, "pipeline: %,d rows in %.2f s = %,.0f rows/s (pack's own clock: %.2f s; CPU %.2f s; load %s),"
                            + " peak heap %s, %,d outbox files, %s",
                    r.report().rows(), r.seconds(), o.pipelineRate(), r.report().packTime().toMillis() / 1000.0,
                    r.heap().cpuMs() / 1000.0, r.load(), HeapStats.mb(r.heap().peakUsed()), r.outboxFiles(),
                    r.report().outcomes());
        }
        // the reference means something for a file per sequence (small inputs); one requests.jsonl of a large
        // input is written as it goes, and building it in memory for the reference would not fit the heap
        if (o.ran() && r.outboxFiles() > 1) {
            o.outboxAloneSeconds = outboxAlone(folder, java, heap, (int) r.outboxFiles(),
                    (int) (r.outboxBytes() / r.outboxFiles()));
            log(c, "reference: creating %,d files of %,d bytes alone takes %.2f s", r.outboxFiles(),
                    r.outboxBytes() / r.outboxFiles(), o.outboxAloneSeconds);
        }
        if (r != null && r.jfr() != null && Files.exists(r.jfr())) {
            JfrStages.Breakdown breakdown = JfrStages.analyze(r.jfr(), r.dropped(), r.done());
            o.profile = JfrStages.format(breakdown, r.seconds());
            Files.writeString(folder.resolve("profile.md"), o.profile, StandardCharsets.UTF_8);
        }
        if (!keep) {
            long cleaning = System.nanoTime();
            PipelineRun.cleanUp(folder.resolve("pipeline"));
            Files.deleteIfExists(input);
            log(c, "cleaned up in %.1f s", (System.nanoTime() - cleaning) / 1e9);
        }
        return o;
    }

    private static SyntheticData.Expectation generate(Case c, Path input) throws IOException {
        if (c.wide()) {
            return InputFiles.csv(input, WideData.HEADER, c.rows(), WideData::generate);
        }
        return c.extension().equals("xlsx") ? InputFiles.xlsx(input, c.rows()) : InputFiles.csv(input, c.rows());
    }

    private static void runFloor(Outcome o, Path folder, Path input, Path java, Path agent, String heap, boolean warm)
            throws IOException, InterruptedException {
        Path heapFile = folder.resolve("floor-heap.json");
        Path output = folder.resolve("floor-output.jsonl");
        Path log = folder.resolve("floor.log");
        Process process = new ProcessBuilder(java.toString(), "-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError",
                "-javaagent:" + agent + "=" + heapFile, "-cp", System.getProperty("java.class.path"),
                RawFloor.class.getName(), input.toString(), output.toString(), warm ? "--warm" : "")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(20, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        o.floorHeap = HeapStats.read(heapFile);
        List<String> lines = Files.readAllLines(log);
        String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        if (process.exitValue() != 0 || !last.startsWith("{")) {
            boolean oom = PipelineRun.outOfMemory(log, process);
            o.failure = "raw floor " + (oom ? "ran out of memory" : "failed (exit " + process.exitValue() + ")")
                    + "; see " + log;
            log(o.c, "%s", o.failure);
        } else {
            JsonNode result = new ObjectMapper().readTree(last);
            o.floorRows = result.path("rows").asLong();
            o.floorSeconds = result.path("seconds").asDouble();
            o.floorCpuSeconds = result.path("cpu_seconds").asDouble();
            if (o.floorRows != o.expected.rows()) {
                o.failure = "raw floor read " + o.floorRows + " rows, expected " + o.expected.rows();
            }
        }
        Files.deleteIfExists(output);
    }

    /** Seconds to create the outbox's files alone (see {@link RawFloor#files}), or -1. */
    private static double outboxAlone(Path folder, Path java, String heap, int files, int size)
            throws IOException, InterruptedException {
        Path target = folder.resolve("outbox-alone");
        Path log = folder.resolve("outbox-alone.log");
        Process process = new ProcessBuilder(java.toString(), "-Xmx" + heap, "-cp", System.getProperty("java.class.path"),
                RawFloor.class.getName(), "--files", String.valueOf(files), String.valueOf(size), target.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        process.waitFor(10, TimeUnit.MINUTES);
        PipelineRun.deleteTree(target);
        List<String> lines = Files.readAllLines(log);
        if (process.exitValue() != 0 || lines.isEmpty() || !lines.get(lines.size() - 1).startsWith("{")) {
            return -1;
        }
        return new ObjectMapper().readTree(lines.get(lines.size() - 1)).path("seconds").asDouble();
    }

    static String table(List<Outcome> outcomes) {
        StringBuilder out = new StringBuilder();
        out.append("| case | rows | floor rows/s | pipeline rows/s | ratio (pipeline time / floor time) |"
                + " pipeline peak heap | floor peak heap |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (Outcome o : outcomes) {
            String pipelineRate;
            String ratio;
            if (o.skipped != null) {
                pipelineRate = "skipped¹";
                ratio = "–";
            } else if (!o.ran()) {
                pipelineRate = "FAILED";
                ratio = "–";
            } else {
                pipelineRate = String.format(Locale.ROOT, "%,.0f", o.pipelineRate());
                ratio = o.floorSeconds > 0 ? String.format(Locale.ROOT, "%.1f×", o.pipeline.seconds() / o.floorSeconds) : "–";
            }
            out.append(String.format(Locale.ROOT, "| %s | %,d | %s | %s | %s | %s | %s |%n", o.c.name(), o.c.rows(),
                    o.floorSeconds > 0 ? String.format(Locale.ROOT, "%,.0f", o.floorRate()) : "FAILED", pipelineRate, ratio,
                    o.pipeline == null || o.skipped != null ? "–" : heap(o.pipeline.heap()), heap(o.floorHeap)));
        }
        for (Outcome o : outcomes) {
            if (o.skipped != null) {
                out.append("\n¹ ").append(o.c.name()).append(": ").append(o.skipped).append('\n');
            }
            if (o.failure != null) {
                out.append("\nFAILED ").append(o.c.name()).append(": ").append(o.failure).append('\n');
            }
        }
        return out.toString();
    }

    /** Peak heap in use, and the most still in use after a collection (live data plus uncollected garbage). */
    private static String heap(HeapStats heap) {
        return heap.peakUsed() < 0 ? "?" : HeapStats.mb(heap.peakUsed()) + " (" + HeapStats.mb(heap.maxUsedAfterGc())
                + " after GC)";
    }

    static String details(List<Outcome> outcomes) {
        StringBuilder out = new StringBuilder();
        out.append("\n| case | input | sequences | floor s (CPU s) | pipeline s (CPU s) | pack's own clock s |"
                + " CPU ratio | load avg | pipeline GCs (pauses) | outbox files | creating them alone s |"
                + " outcomes (sequences) |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Outcome o : outcomes) {
            PipelineRun.Result r = o.pipeline;
            boolean ran = o.ran();
            double pipelineCpu = ran ? r.heap().cpuMs() / 1000.0 : -1;
            out.append(String.format(Locale.ROOT, "| %s | %d MB | %,d | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    o.c.name(), o.inputBytes >> 20, o.expected.sequences(),
                    o.floorSeconds > 0 ? String.format(Locale.ROOT, "%.2f (%.2f)", o.floorSeconds, o.floorCpuSeconds) : "–",
                    ran ? String.format(Locale.ROOT, "%.2f (%.2f)", r.seconds(), pipelineCpu) : "–",
                    ran ? String.format(Locale.ROOT, "%.2f", r.report().packTime().toMillis() / 1000.0) : "–",
                    ran && o.floorCpuSeconds > 0 && pipelineCpu > 0
                            ? String.format(Locale.ROOT, "%.1f×", pipelineCpu / o.floorCpuSeconds) : "–",
                    ran ? r.load() : "–",
                    ran ? String.format(Locale.ROOT, "%d (%.1f s)", r.heap().gcCount(), r.heap().gcPauseMs() / 1000.0) : "–",
                    ran ? String.format(Locale.ROOT, "%,d", r.outboxFiles()) : "–",
                    o.outboxAloneSeconds > 0 ? String.format(Locale.ROOT, "%.2f", o.outboxAloneSeconds) : "–",
                    ran ? r.report().outcomes().toString() : "–"));
        }
        return out.toString();
    }

    /**
     * Where the pipeline's CPU time went, and the shortest run that much CPU allows on this machine: no
     * shorter than its busiest thread, nor than all its CPU time spread perfectly over the cores. That
     * bound says how much moving the same work onto more threads could gain at best.
     */
    static String cpuSplit(List<Outcome> outcomes, int cores) {
        StringBuilder out = new StringBuilder();
        out.append("\n| case | pipeline s | busiest thread: CPU s | the pack's other threads | JIT compiler | collector |"
                + " least possible s on ").append(cores).append(" cores | least possible ratio |\n");
        out.append("|---|---:|---|---:|---:|---:|---:|---:|\n");
        for (Outcome o : outcomes) {
            if (!o.ran() || o.pipeline.heap().busiestMs() < 0) {
                continue;
            }
            HeapStats h = o.pipeline.heap();
            double least = Math.max(h.busiestMs(), (double) h.cpuMs() / cores) / 1000.0;
            out.append(String.format(Locale.ROOT, "| %s | %.2f | %s: %.2f | %.2f | %.2f | %.2f | %.2f | %.1f× |%n",
                    o.c.name(), o.pipeline.seconds(), h.busiestThread(), h.busiestMs() / 1000.0,
                    h.otherProgramMs() / 1000.0, h.jitMs() / 1000.0, h.gcMs() / 1000.0, least,
                    least / o.floorSeconds));
        }
        return out.toString();
    }

    private static void writeJson(Path file, String machine, String heap, List<Outcome> outcomes) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("machine", machine);
        root.put("heap", heap);
        ArrayNode list = root.putArray("cases");
        for (Outcome o : outcomes) {
            ObjectNode n = list.addObject();
            n.put("case", o.c.name());
            n.put("rows", o.c.rows());
            n.put("sequences", o.expected.sequences());
            n.put("input_bytes", o.inputBytes);
            n.put("floor_seconds", o.floorSeconds);
            n.put("floor_cpu_seconds", o.floorCpuSeconds);
            n.put("floor_rows_per_second", o.floorRate());
            n.put("floor_peak_heap", o.floorHeap.peakUsed());
            n.put("floor_max_heap_after_gc", o.floorHeap.maxUsedAfterGc());
            if (o.skipped != null) {
                n.put("skipped", o.skipped);
            }
            if (o.failure != null) {
                n.put("failure", o.failure);
            }
            if (o.ran()) {
                PipelineRun.Result r = o.pipeline;
                n.put("pipeline_seconds", r.seconds());
                n.put("pipeline_pack_clock_seconds", r.report().packTime().toMillis() / 1000.0);
                n.put("pipeline_cpu_seconds", r.heap().cpuMs() / 1000.0);
                n.put("load_average", r.load());
                n.put("outbox_bytes", r.outboxBytes());
                n.put("outbox_alone_seconds", o.outboxAloneSeconds);
                n.put("pipeline_rows_per_second", o.pipelineRate());
                n.put("ratio", r.seconds() / o.floorSeconds);
                n.put("pipeline_peak_heap", r.heap().peakUsed());
                n.put("pipeline_max_heap_after_gc", r.heap().maxUsedAfterGc());
                n.put("pipeline_gc_count", r.heap().gcCount());
                n.put("pipeline_gc_pause_ms", r.heap().gcPauseMs());
                n.put("pipeline_busiest_thread", r.heap().busiestThread());
                n.put("pipeline_busiest_thread_cpu_seconds", r.heap().busiestMs() / 1000.0);
                n.put("pipeline_other_threads_cpu_seconds", r.heap().otherProgramMs() / 1000.0);
                n.put("pipeline_jit_cpu_seconds", r.heap().jitMs() / 1000.0);
                n.put("pipeline_gc_cpu_seconds", r.heap().gcMs() / 1000.0);
                n.put("outbox_files", r.outboxFiles());
                n.set("sequences_by_outcome", mapper.valueToTree(r.report().outcomes()));
            }
        }
        mapper.writeValue(file.toFile(), root);
    }

    static Path appJar() throws IOException {
        try (Stream<Path> jars = Files.list(Path.of("target"))) {
            return jars.filter(p -> p.getFileName().toString().matches("apollo-sequence-routes-.*\\.jar"))
                    .findFirst().map(Path::toAbsolutePath)
                    .orElseThrow(() -> new IOException("no target/apollo-sequence-routes-*.jar; bench/run builds it"));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException("no target/ folder; run from the repository's root (bench/run does)");
        }
    }

    private static String machine(Path java) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("date", DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(Instant.now().atOffset(ZoneOffset.UTC)
                .withNano(0)) + "Z");
        facts.put("cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
        facts.put("cpu", cpuModel());
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        facts.put("memory", (memory >> 30) + " GiB");
        facts.put("jdk", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"));
        facts.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        facts.put("commit", command("git", "rev-parse", "--short", "HEAD"));
        StringBuilder out = new StringBuilder("machine:");
        facts.forEach((k, v) -> out.append(' ').append(k).append('=').append(v).append(';'));
        return out.substring(0, out.length() - 1);
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static String command(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor() == 0 ? out : "?";
        } catch (IOException | InterruptedException e) {
            return "?";
        }
    }

    private static void log(Case c, String format, Object... args) {
        System.out.printf(Locale.ROOT, "[%s] %s%n", c.name(), String.format(Locale.ROOT, format, args));
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }
}
