package io.apolloroutes.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.apolloroutes.support.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service killed while it reads a file (the kernel's out-of-memory killer, a container stopped hard)
 * runs no cleanup. The spool of a 512 MB file is about as large, so each such death would otherwise leave
 * one in the temp folder for good.
 */
class RowSpoolCrashTest {

    @TempDir
    Path dir;

    @Test
    void leaves_no_spool_file_behind_when_the_process_dies_mid_file() throws IOException, InterruptedException {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path log = dir.resolve("child.log");

        int exit = ChildJvm.run(log, Duration.ofMinutes(1), List.of("-Djava.io.tmpdir=" + tmp), Dying.class);

        assertThat(exit).as("exit code; its output:%n%s", ChildJvm.tail(log)).isEqualTo(137);
        assertThat(Files.readString(log)).contains("spooled 20000 rows");
        try (var left = Files.list(tmp)) {
            assertThat(left).as("files left in the temp folder").isEmpty();
        }
    }

    /** Spools rows, then halts as a killed process would: no finally blocks, no shutdown hooks. */
    static final class Dying {

        public static void main(String[] args) throws IOException {
            RowSpool spool = new RowSpool();
            for (int i = 0; i < 20_000; i++) {
                spool.add("Sequence " + i % 500, new SourceRecord.TableRow(i + 2, List.of("Sequence " + i % 500, "Hi")));
            }
            spool.names().forEach(name -> { });
            System.out.println("spooled 20000 rows");
            System.out.flush();
            Runtime.getRuntime().halt(137);
        }
    }
}
