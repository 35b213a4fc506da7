package io.apolloroutes.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The spool's index must stay small per sequence: a file may hold a million one-row sequences (the default
 * {@code input.max-rows}), and the pack has to take it in a 256 MB heap beside everything else it holds. A
 * map of names to offset lists took about 330 bytes a sequence, so a million did not fit. Run in a JVM of
 * its own, so that the heap is the index's alone.
 */
class RowSpoolHeapTest {

    private static final int SEQUENCES = 1_000_000;

    @Test
    void indexes_a_million_one_row_sequences_in_a_96_mb_heap() throws IOException, InterruptedException {
        Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx96m", "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                Probe.class.getName(), String.valueOf(SEQUENCES))
                .redirectErrorStream(true)
                .start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(probe.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(probe.exitValue()).as(output).isZero();
        assertThat(output).contains("1000000 groups, the last 'Q3 outbound 0999999 for EMEA mid-market accounts' with rows [1000001]");
    }

    /** Spools the sequences, then reads every group back; prints what the test checks. */
    static final class Probe {

        public static void main(String[] args) throws IOException {
            int sequences = Integer.parseInt(args[0]);
            try (RowSpool spool = new RowSpool()) {
                for (int i = 0; i < sequences; i++) {
                    String name = String.format("Q3 outbound %07d for EMEA mid-market accounts", i);
                    spool.add(name, new SourceRecord.TableRow(i + 2, List.of(name, "1", "Hi", "Hello")));
                }
                RowSpool.Group last = null;
                for (Iterator<RowSpool.Group> groups = spool.groups(); groups.hasNext(); ) {
                    last = groups.next();
                }
                System.out.printf("%d groups, the last '%s' with rows %s%n", spool.groupCount(), last.name(),
                        last.records().stream().map(SourceRecord::number).toList());
            }
        }
    }
}
