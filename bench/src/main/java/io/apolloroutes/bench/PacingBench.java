package io.apolloroutes.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The pacing benchmark: the pack, live, against {@link RateLimitedApollo}, a stand-in whose rate-limit
 * windows are sixty times shorter than Apollo's (a "minute" of one second, an "hour" of one minute).
 * For each scenario it reports the achieved create rate as a share of the allowed one, Apollo's 429s,
 * and whether every sequence was created exactly once. See docs/performance.md; run with
 * {@code bench/pacing}.
 */
public final class PacingBench {

    static final double TIME_SCALE = 1.0 / 60;

    /**
     * @param binding   the window that bounds the rate (0 minute, 1 hour)
     * @param limits    calls per minute, hour and day, per endpoint
     * @param overstate how many calls too many the headers claim are left
     */
    record Scenario(String name, int sequences, int[] limits, int binding, int overstate, String maxWait,
                    String meaning) {
    }

    static final List<Scenario> SCENARIOS = List.of(
            new Scenario("minute-bound", 150, new int[] {5, 100_000, 1_000_000}, 0, 0, "2m",
                    "5 per minute: the pack waits in line for each minute"),
            new Scenario("hour-bound", 250, new int[] {50, 100, 1_000_000}, 1, 0, "5s",
                    "100 per hour: a spent hour defers the rest, resumed by itself at each reset"),
            new Scenario("overstated-headers", 100, new int[] {5, 100_000, 1_000_000}, 0, 2, "2m",
                    "5 per minute, headers claiming 2 more left than there are"));

    private PacingBench() {
    }

    public static void main(String[] args) throws Exception {
        Path appJar = Bench.appJar();
        Path routes = Path.of("routes").toAbsolutePath();
        Path work = Path.of("bench", "target", "pacing").toAbsolutePath();
        List<String> rows = new ArrayList<>();
        boolean allKept = true;
        for (Scenario scenario : SCENARIOS) {
            System.out.printf("%s: %d sequences, %s...%n", scenario.name(), scenario.sequences(), scenario.meaning());
            Row row = run(scenario, appJar, routes, work.resolve(scenario.name()));
            rows.add(row.markdown());
            allKept &= row.lost() == 0 && row.duplicates() == 0;
            System.out.println("  " + row.markdown());
        }
        String table = """
                | scenario | sequences | allowed | achieved share of allowed rate | 429s | created once | lost | duplicates |
                |---|---:|---|---:|---:|---:|---:|---:|
                """ + String.join("\n", rows) + "\n";
        Files.createDirectories(work);
        Files.writeString(work.resolve("results.md"), table, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(table);
        System.exit(allKept ? 0 : 1);
    }

    record Row(Scenario scenario, double share, int refusals, int created, int lost, int duplicates) {
        String markdown() {
            int limit = scenario.limits()[scenario.binding()];
            return String.format(Locale.ROOT, "| %s | %d | %d per %s | %.1f %% | %d | %d | %d | %d |", scenario.name(),
                    scenario.sequences(), limit, scenario.binding() == 0 ? "minute (1 s)" : "hour (60 s)", share * 100,
                    refusals, created, lost, duplicates);
        }
    }

    static Row run(Scenario scenario, Path appJar, Path routes, Path folder) throws Exception {
        PipelineRun.deleteTree(folder);
        Files.createDirectories(folder.resolve("inbox"));
        try (RateLimitedApollo apollo = new RateLimitedApollo(TIME_SCALE, scenario.limits(), scenario.overstate())) {
            Path log = folder.resolve("pack.log");
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-jar", appJar.toString(),
                    "--camel.main.routes-include-pattern=file:" + routes + "/*.camel.yaml",
                    "--apollo.base-url=" + apollo.baseUrl(), "--apollo.api-key=sk_bench_pacing",
                    "--apollo.rate-limit.time-scale=" + TIME_SCALE, "--apollo.rate-limit.max-wait=" + scenario.maxWait(),
                    "--apollo.resume.check-interval=250ms", "--apollo.resume.after-failure=5s",
                    "--apollo.retry.initial-delay=100ms",
                    "--spring.datasource.url=jdbc:h2:file:" + folder.resolve("data/ledger"),
                    "--inbox.poll-delay=100", "--inbox.stable-for=300", "--inbox.stable-check-interval=100");
            ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().remove("APOLLO_API_KEY");
            Process pack = builder.start();
            try {
                PipelineRun.awaitStarted(pack, log);
                Path staged = Files.createDirectories(folder.resolve("staging")).resolve("pacing.csv");
                StringBuilder csv = new StringBuilder("sequence,subject,body\n");
                for (int i = 1; i <= scenario.sequences(); i++) {
                    csv.append(String.format(Locale.ROOT, "Pacing %04d,Hello,Hi there\n", i));
                }
                Files.writeString(staged, csv, StandardCharsets.UTF_8);
                Files.move(staged, folder.resolve("inbox/pacing.csv"), StandardCopyOption.ATOMIC_MOVE);
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
                while (apollo.created() < scenario.sequences() && System.nanoTime() < deadline && pack.isAlive()) {
                    Thread.sleep(100);
                }
                // a moment more, so a duplicate or a late 429 would still be counted
                Thread.sleep(1_000);
            } finally {
                pack.destroy();
                if (!pack.waitFor(30, TimeUnit.SECONDS)) {
                    pack.destroyForcibly();
                }
            }
            List<Long> times = apollo.createTimes();
            int limit = scenario.limits()[scenario.binding()];
            Duration length = apollo.length(scenario.binding());
            // the windows the calls needed at best: full ones back to back, the last one only begun
            double ideal = (Math.ceil((double) times.size() / limit) - 1) * length.toNanos();
            double actual = times.isEmpty() ? 0 : times.get(times.size() - 1) - times.get(0);
            double share = actual <= 0 ? 1 : Math.min(1, ideal / actual);
            return new Row(scenario, share, apollo.refusals(), apollo.created(),
                    scenario.sequences() - apollo.created(), apollo.duplicateCreates());
        }
    }
}
