package io.apolloroutes.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A remote file larger than the whole heap goes through the SFTP import: downloaded to disk, never held
 * in memory. Failsafe runs this in its own JVM with {@code -Xmx256m} (see pom.xml). The file is over the
 * configured size limit, so after the download the run ends at once, refused with a message; the
 * download, the part under test, is complete: the dead-letter copy has every byte.
 */
class LargeSftpFileIT extends SftpImportSupport {

    static final long SIZE = 320L << 20;

    @Test
    void downloads_a_file_larger_than_the_heap_to_disk() throws IOException {
        server = SftpTestServer.on(work.resolve("server"), clientKey).start();
        Path staged = Files.createDirectories(work.resolve("staging")).resolve("huge.csv");
        try (BufferedWriter out = Files.newBufferedWriter(staged, StandardCharsets.UTF_8)) {
            out.write("sequence,subject,body\n");
            String row = "Huge export,Hello {{first_name}},\"" + "Hi there, this is a long body. ".repeat(30) + "\"\n";
            for (long written = 0; written < SIZE; written += row.length()) {
                out.write(row);
            }
        }
        long size = Files.size(staged);
        Files.move(staged, Files.createDirectories(outgoing()).resolve("huge.csv"));
        Map<String, String> settings = trusting(server.knownHostsLine());
        settings.put("input.max-file-size", "64MB");
        app = start(settings);

        JsonNode report = awaitReport("huge.csv", Duration.ofMinutes(5));

        assertThat(Runtime.getRuntime().maxMemory()).as("run with -Xmx256m").isLessThanOrEqualTo(256L << 20);
        assertThat(size).isGreaterThan(Runtime.getRuntime().maxMemory());
        assertThat(report.path("status").asText()).isEqualTo("unreadable");
        assertThat(report.path("error").asText()).contains("input.max-file-size");
        Path copy = work.resolve("dead-letter").resolve(report.path("run").asText()).resolve("huge.csv");
        assertThat(Files.size(copy)).isEqualTo(size);
    }
}
