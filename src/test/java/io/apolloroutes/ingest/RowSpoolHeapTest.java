package io.apolloroutes.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.apolloroutes.support.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spool's index must stay small per sequence: a file may hold a million one-row sequences (the default
 * {@code input.max-rows}), and the pack has to take it in a 256 MB heap beside everything else it holds. A
 * map of names to offset lists took about 330 bytes a sequence, so a million did not fit. Run in a JVM of
 * its own, so that the heap is the index's alone.
 */
class RowSpoolHeapTest {

    private static final int SEQUENCES = 1_000_000;

    @TempDir
    Path dir;

    @Test
    void indexes_a_million_one_row_sequences_in_a_96_mb_heap() throws IOException, InterruptedException {
        Path log = dir.resolve("probe.log");

        int exit = ChildJvm.run(log, Duration.ofMinutes(2), List.of("-Xmx96m", "-XX:+ExitOnOutOfMemoryError"),
                Probe.class, String.valueOf(SEQUENCES));

        assertThat(exit).as("exit code; its output:%n%s", ChildJvm.tail(log)).isZero();
        assertThat(Files.readString(log))
                .contains("1000000 groups, the last 'Q3 outbound 0999999 for EMEA mid-market accounts' with rows [1000001]");
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
