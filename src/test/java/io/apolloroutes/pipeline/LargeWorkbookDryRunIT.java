package io.apolloroutes.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.apolloroutes.support.ChildJvm;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A 200,000-row {@code .xlsx} through the full dry-run pipeline. Failsafe runs this in its own JVM with
 * {@code -Xmx256m} (see pom.xml), so it passes only if neither the workbook reader nor any later stage
 * holds the file in memory. Most texts are distinct, so the shared-strings table (where Excel keeps
 * every distinct text of a workbook) is about 80 MB unpacked, and each sequence's rows are spread over
 * the whole sheet.
 *
 * <p>The workbook is written by POI's SXSSF in a separate JVM with a larger heap: SXSSF keeps a shared
 * strings table in memory while it writes, which would otherwise count against the heap under test.
 */
@TestPropertySource(properties = {"apollo.api-key=", "apollo.base-url=http://localhost:9"})
class LargeWorkbookDryRunIT extends PipelineTestSupport {

    static final int SEQUENCES = 20_000;
    static final int STEPS = 10;
    static final int ROWS = SEQUENCES * STEPS;

    @Test
    void a_200000_row_workbook_goes_through_dry_run_in_a_small_heap() throws Exception {
        Path xlsx = folder("generated").resolve("large.xlsx");
        writeInAnotherJvm(xlsx);
        HeapWatch heap = HeapWatch.begin();
        long started = System.nanoTime();
        dropFile(xlsx, "large.xlsx");

        JsonNode report = awaitReportPatiently("large.xlsx");

        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        long peak = heap.end();
        System.out.printf("%,d workbook rows in %d s; max heap %d MB; peak heap in use %d MB (garbage included);"
                + " old generation after GC at most %d MB%n", ROWS, seconds, Runtime.getRuntime().maxMemory() >> 20,
                peak >> 20, heap.retained >> 20);
        assertThat(Runtime.getRuntime().maxMemory()).as("run with -Xmx256m").isLessThanOrEqualTo(256L << 20);
        // the JVM enforces the limit itself: a reader that needed more would have failed the run with an
        // OutOfMemoryError, so a processed report with every row's outcome is the proof; the peak is shown
        assertThat(peak).isLessThanOrEqualTo(Runtime.getRuntime().maxMemory());
        assertThat(report.path("status").asText()).as(report.path("error").asText()).isEqualTo("processed");
        assertThat(report.path("counts").path("rows").asInt()).isEqualTo(ROWS);
        assertThat(report.path("counts").path("rows_by_outcome").path("would-create").asInt()).isEqualTo(ROWS);
        assertThat(report.path("counts").path("sequences_by_outcome").path("would-create").asInt()).isEqualTo(SEQUENCES);
        JsonNode last = report.path("sequences").get(SEQUENCES - 1);
        assertThat(last.path("rows").get(0).asInt()).isEqualTo(SEQUENCES + 1);
        assertThat(last.path("rows").get(STEPS - 1).asInt()).isEqualTo(ROWS + 1);
    }

    private static void writeInAnotherJvm(Path xlsx) throws IOException, InterruptedException {
        Path log = xlsx.resolveSibling("writer.log");
        int exit = ChildJvm.run(log, Duration.ofMinutes(5), List.of("-Xmx1500m"), LargeWorkbookDryRunIT.class,
                xlsx.toString());
        assertThat(exit).as("workbook writer exit code; its output:%n%s", ChildJvm.tail(log)).isZero();
    }

    /** Writes the workbook: step-major, so each sequence's rows are 20,000 rows apart. */
    public static void main(String[] args) throws IOException {
        Random random = new Random(42);
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(new XSSFWorkbook(), 200, false, true);
             OutputStream out = Files.newOutputStream(Path.of(args[0]))) {
            Sheet sheet = workbook.createSheet("Sequences");
            write(sheet.createRow(0), "sequence", "permissions", "labels", "step", "wait_time", "wait_mode",
                    "subject", "body");
            int r = 1;
            for (int step = 1; step <= STEPS; step++) {
                for (int s = 1; s <= SEQUENCES; s++) {
                    Row row = sheet.createRow(r++);
                    write(row, "Outbound wave " + s, step == 1 ? "team_can_use" : null, step == 1 ? "Bulk;Wave" : null);
                    row.createCell(3).setCellValue(step);
                    row.createCell(4).setCellValue(step == 1 ? 0 : 2);
                    row.createCell(5).setCellValue("day");
                    row.createCell(6).setCellValue("Wave " + s + " step " + step + " for {{first_name}}");
                    row.createCell(7).setCellValue(body(random, s, step));
                }
            }
            workbook.write(out);
            workbook.dispose();
        }
    }

    private static void write(Row row, String... values) {
        for (int c = 0; c < values.length; c++) {
            if (values[c] != null) {
                row.createCell(c).setCellValue(values[c]);
            }
        }
    }

    /** A few hundred characters, different in every row. */
    private static String body(Random random, int sequence, int step) {
        List<String> words = List.of("pipeline", "quarter", "{{company}}", "follow-up", "meeting", "growth", "team",
                "question", "numbers", "renewal", "pricing", "demo", "calendar", "idea", "week");
        StringBuilder body = new StringBuilder("Hi {{first_name}},\n\nStep ").append(step).append(" of wave ")
                .append(sequence).append(": ");
        while (body.length() < 300) {
            body.append(words.get(random.nextInt(words.size()))).append(' ');
        }
        return body.append("\n\nReference ").append(Long.toHexString(random.nextLong())).toString();
    }

    private static JsonNode awaitReportPatiently(String name) {
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> runFile("reports", name, ".report.json").isPresent());
        return awaitReport(name);
    }

    /**
     * Samples the heap in use while the file is processed. (The sum of the memory pools' own peaks
     * overstates it: eden, survivor and old generation peak at different moments.)
     */
    private static final class HeapWatch extends Thread {
        private volatile boolean running = true;
        private volatile long peak;
        private volatile long retained;

        static HeapWatch begin() {
            HeapWatch watch = new HeapWatch();
            watch.setDaemon(true);
            watch.start();
            return watch;
        }

        @Override
        public void run() {
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            while (running) {
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                // what survives a collection in the old generation: the data actually held
                for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                    if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null
                            && (pool.getName().contains("Old") || pool.getName().contains("Tenured"))) {
                        retained = Math.max(retained, pool.getCollectionUsage().getUsed());
                    }
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long end() throws InterruptedException {
            running = false;
            join();
            return peak;
        }
    }
}
