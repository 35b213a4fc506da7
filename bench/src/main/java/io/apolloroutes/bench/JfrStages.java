package io.apolloroutes.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the pack's time goes, from a flight recording of the pipeline JVM ({@code --profile}). JFR samples
 * the stacks of running threads (every 10 ms in Java code, every 20 ms in native code such as file writes);
 * each sample of the thread that processes the file, taken between the drop and the report, is put in the
 * stage of its innermost frame that belongs to one, weighted by its sampling interval. The file consumer's
 * thread does every stage (parse, split, map, validate, write) one after the other, so its samples are its
 * wall time; garbage collection runs on other threads and is listed separately (pause time).
 */
final class JfrStages {

    /** Work that calls the same code as a later stage: anywhere on the stack, these win. */
    private static final String[][] ENCLOSING = {
            {"io.apolloroutes.ingest.DecodedText.", "parse: encoding check (byte-order mark, binary containers)"},
    };

    /** First match wins, tried on each frame from the innermost outwards. */
    private static final String[][] STAGES = {
            {"io.apolloroutes.ingest.RowSpool.add", "parse: write spool"},
            {"io.apolloroutes.ingest.SpoolFormat$Writer", "parse: write spool"},
            {"io.apolloroutes.ingest.RowSpool.read", "split: read spool back"},
            {"io.apolloroutes.ingest.RowSpool$", "split: read spool back"},
            {"io.apolloroutes.ingest.SpoolFile.read", "split: read spool back"},
            {"io.apolloroutes.ingest.SpoolFile$", "split: read spool back"},
            {"io.apolloroutes.ingest.LookalikeNames", "parse: lookalike-name check"},
            {"io.apolloroutes.ingest.SpoolFormat", "split: read spool back"},
            {"io.apolloroutes.ingest.StrictText", "parse: decode text (and binary check)"},
            {"org.apache.commons.csv.", "parse: CSV (commons-csv)"},
            {"io.apolloroutes.ingest.CsvRecordReader", "parse: CSV (commons-csv)"},
            {"com.github.pjfanning.", "parse: xlsx (excel-streaming-reader, POI)"},
            {"org.apache.poi.", "parse: xlsx (excel-streaming-reader, POI)"},
            {"org.h2.mvstore.", "parse: xlsx (excel-streaming-reader, POI)"},
            {"io.apolloroutes.ingest.Workbook", "parse: xlsx (excel-streaming-reader, POI)"},
            {"io.apolloroutes.ingest.", "parse: other"},
            {"io.apolloroutes.mapping.EmailBody", "map: body to HTML"},
            {"io.apolloroutes.mapping.", "map: cells to request"},
            {"io.apolloroutes.validation.", "validate (Bean Validation)"},
            {"org.hibernate.validator.", "validate (Bean Validation)"},
            {"io.apolloroutes.apollo.EmailerTemplate.hasVisibleBody", "visible-body check (map and validate)"},
            {"io.apolloroutes.apollo.VisibleText", "visible-body check (map and validate)"},
            {"io.apolloroutes.apollo.CreateSequenceCall.request", "outbox: request JSON (Jackson)"},
            {"io.apolloroutes.apollo.OutboxWriter", "outbox: queue for the writer thread"},
            {"io.apolloroutes.apollo.DryRunOutbox.slug", "outbox: file name (slug)"},
            {"io.apolloroutes.apollo.DryRunOutbox", "outbox: write file"},
            {"org.apache.camel.component.file.GenericFileProducer", "outbox: write file"},
            {"org.apache.camel.component.file.FileOperations", "outbox: write file"},
            {"org.apache.camel.component.file.FileProducer", "outbox: write file"},
            {"org.apache.camel.component.file.GenericFileOnCompletion", "archive the original"},
            {"io.apolloroutes.report.", "report (+ outcome bookkeeping)"},
            {"io.apolloroutes.deadletter.", "dead letters (failed rows, copy of the original)"},
            {"org.apache.camel.", "Camel routing (split, bean calls, simple, choice, headers)"},
            {"io.apolloroutes.", "pack: other"},
    };

    record Breakdown(Map<String, Double> secondsByStage, double sampledSeconds, String thread,
                     List<Map.Entry<String, Double>> topFrames, List<Map.Entry<String, Double>> topPackFrames,
                     double gcPauseSeconds, long gcCount) {
    }

    private JfrStages() {
    }

    static Breakdown analyze(Path recording, Instant from, Instant to) throws IOException {
        Map<String, Map<String, Double>> byThread = new HashMap<>();
        Map<String, Map<String, Double>> framesByThread = new HashMap<>();
        Map<String, Map<String, Double>> packFramesByThread = new HashMap<>();
        double gcPause = 0;
        long gcCount = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (event.getStartTime().isBefore(from) || event.getStartTime().isAfter(to)) {
                    continue;
                }
                String type = event.getEventType().getName();
                if (type.equals("jdk.GarbageCollection")) {
                    gcPause += event.getDuration("sumOfPauses").toNanos() / 1e9;
                    gcCount++;
                    continue;
                }
                double weight = type.equals("jdk.ExecutionSample") ? 0.010
                        : type.equals("jdk.NativeMethodSample") ? 0.020 : 0;
                RecordedThread thread = weight == 0 ? null : event.getThread("sampledThread");
                RecordedStackTrace stack = weight == 0 ? null : event.getStackTrace();
                if (thread == null || stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                String threadName = thread.getJavaName() == null ? "?" : thread.getJavaName();
                List<RecordedFrame> frames = stack.getFrames();
                String stage = stageOf(frames);
                byThread.computeIfAbsent(threadName, t -> new HashMap<>()).merge(stage, weight, Double::sum);
                framesByThread.computeIfAbsent(threadName, t -> new HashMap<>())
                        .merge(stage + " ← " + name(frames.get(0)), weight, Double::sum);
                packFramesByThread.computeIfAbsent(threadName, t -> new HashMap<>())
                        .merge(innermostPackFrame(frames), weight, Double::sum);
            }
        }
        // the file consumer's thread is named after its endpoint (file://...); else the busiest thread
        String thread = byThread.keySet().stream().filter(t -> t.contains("file://")).findFirst()
                .orElseGet(() -> byThread.entrySet().stream()
                        .max(Map.Entry.comparingByValue((a, b) -> Double.compare(total(a), total(b))))
                        .map(Map.Entry::getKey).orElse(null));
        if (thread == null) {
            return new Breakdown(Map.of(), 0, null, List.of(), List.of(), gcPause, gcCount);
        }
        Map<String, Double> stages = new LinkedHashMap<>();
        byThread.get(thread).entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> stages.put(e.getKey(), e.getValue()));
        return new Breakdown(stages, total(stages), thread, top(framesByThread.get(thread), 25),
                top(packFramesByThread.get(thread), 25), gcPause, gcCount);
    }

    private static List<Map.Entry<String, Double>> top(Map<String, Double> values, int limit) {
        List<Map.Entry<String, Double>> top = new ArrayList<>(values == null ? Map.<String, Double>of().entrySet()
                : values.entrySet());
        top.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        return top.subList(0, Math.min(limit, top.size()));
    }

    /** The pack's own method nearest to the sample: whose code, directly or through a library, was running. */
    private static String innermostPackFrame(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String name = name(frame);
            if (name.startsWith("io.apolloroutes.")) {
                return name;
            }
        }
        // no pack frame: Camel's own work between the beans, or the file consumer
        for (RecordedFrame frame : frames) {
            String name = name(frame);
            if (name.startsWith("org.apache.camel.")) {
                return "(Camel) " + name;
            }
        }
        return frames.isEmpty() ? "?" : name(frames.get(0));
    }

    private static double total(Map<String, Double> values) {
        return values.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    static String stageOf(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String name = name(frame);
            for (String[] stage : ENCLOSING) {
                if (name.startsWith(stage[0])) {
                    return stage[1];
                }
            }
        }
        for (RecordedFrame frame : frames) {
            String name = name(frame);
            for (String[] stage : STAGES) {
                if (name.startsWith(stage[0])) {
                    return stage[1];
                }
            }
        }
        return "other (JDK, Spring, idle polling)";
    }

    private static String name(RecordedFrame frame) {
        if (frame.getMethod() == null) {
            return "?";
        }
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    static String format(Breakdown breakdown, double wallSeconds) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Profile of thread \"%s\": %.1f s sampled of %.1f s wall%n",
                breakdown.thread(), breakdown.sampledSeconds(), wallSeconds));
        out.append("| stage | seconds (sampled) | share |\n|---|---:|---:|\n");
        breakdown.secondsByStage().forEach((stage, seconds) -> out.append(String.format(Locale.ROOT,
                "| %s | %.1f | %.0f %% |%n", stage, seconds, 100 * seconds / breakdown.sampledSeconds())));
        out.append(String.format(Locale.ROOT, "GC in the window: %d collections, %.1f s of pauses (other threads)%n",
                breakdown.gcCount(), breakdown.gcPauseSeconds()));
        out.append("\nInnermost pack method (or Camel method when no pack code is on the stack), by sampled time:\n");
        for (Map.Entry<String, Double> frame : breakdown.topPackFrames()) {
            out.append(String.format(Locale.ROOT, "  %6.1f s  %s%n", frame.getValue(), frame.getKey()));
        }
        out.append("\nInnermost frames (stage ← method), by sampled time:\n");
        for (Map.Entry<String, Double> frame : breakdown.topFrames()) {
            out.append(String.format(Locale.ROOT, "  %6.1f s  %s%n", frame.getValue(), frame.getKey()));
        }
        return out.toString();
    }
}
