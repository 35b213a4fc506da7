package io.apolloroutes.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A 100,000-row CSV through the full dry-run pipeline. Failsafe runs this in its own JVM with
 * {@code -Xmx256m} (see pom.xml), so it passes only if no stage holds the file in memory. The rows of
 * each sequence are spread over the whole file, the hardest case for grouping.
 */
@TestPropertySource(properties = {"apollo.api-key=", "apollo.base-url=http://localhost:9"})
class LargeFileDryRunIT extends PipelineTestSupport {

    static final int SEQUENCES = 20_000;
    static final int STEPS = 5;

    @Test
    void a_100000_row_csv_goes_through_dry_run_in_a_small_heap() throws IOException {
        Path csv = folder("staging").resolve("large.csv");
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("sequence,permissions,labels,step,wait_time,wait_mode,subject,body\n");
            for (int step = 1; step <= STEPS; step++) {
                for (int s = 1; s <= SEQUENCES; s++) {
                    out.write(String.format("Outbound wave %05d,%s,%s,%d,%d,day,%s,\"Hi {{first_name}},%n%n"
                                    + "Step %d of our note to {{company}} about wave %d. Reply to talk.\"%n",
                            s, step == 1 ? "team_can_use" : "", step == 1 ? "Bulk;Wave" : "", step, step == 1 ? 0 : 2,
                            step == 1 ? "Wave " + s + " for {{first_name}}" : "", step, s));
                }
            }
        }
        long started = System.nanoTime();
        dropFile(csv, "large.csv");

        JsonNode report = awaitReportPatiently("large.csv");

        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        System.out.printf("100,000 rows in %d s; max heap %d MB; peak heap used %d MB%n", seconds,
                Runtime.getRuntime().maxMemory() >> 20, peakHeapUsed() >> 20);
        assertThat(Runtime.getRuntime().maxMemory()).as("run with -Xmx256m").isLessThanOrEqualTo(256L << 20);
        assertThat(report.path("counts").path("rows").asInt()).isEqualTo(SEQUENCES * STEPS);
        assertThat(report.path("counts").path("sequences_by_outcome").path("would-create").asInt()).isEqualTo(SEQUENCES);
        assertThat(report.path("counts").path("rows_by_outcome").path("would-create").asInt()).isEqualTo(SEQUENCES * STEPS);
        JsonNode last = report.path("sequences").get(SEQUENCES - 1);
        assertThat(last.path("rows").toString()).isEqualTo("[20001,40001,60001,80001,100001]");
        // more sequences than outbox.max-files: one body per line, in file order
        Path outbox = outboxOf("large.csv").orElseThrow();
        assertThat(filesUnder(outbox)).extracting(p -> p.getFileName().toString()).containsExactly("requests.jsonl");
        assertThat(last.path("outbox_line").asInt()).isEqualTo(SEQUENCES);
        try (var lines = Files.lines(outbox.resolve("requests.jsonl"))) {
            assertThat(lines.count()).isEqualTo(SEQUENCES);
        }
    }

    private static JsonNode awaitReportPatiently(String name) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(10))
                .pollInterval(java.time.Duration.ofSeconds(1))
                .until(() -> runFile("reports", name, ".report.json").isPresent());
        return awaitReport(name);
    }

    private static long peakHeapUsed() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong((MemoryPoolMXBean pool) -> pool.getPeakUsage().getUsed()).sum();
    }
}
