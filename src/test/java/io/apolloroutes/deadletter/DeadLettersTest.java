package io.apolloroutes.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.apolloroutes.config.FolderProperties;
import io.apolloroutes.ingest.FailedFileGuard;
import java.nio.file.Path;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class DeadLettersTest {

    @TempDir
    Path work;

    @Test
    void a_failure_before_any_file_was_taken_is_logged_and_leaves_no_entry(CapturedOutput output) throws Exception {
        FolderProperties folders = new FolderProperties(work.resolve("inbox"), work.resolve("processed"),
                work.resolve("dead-letter"), work.resolve("reports"), work.resolve("outbox"));
        DeadLetters deadLetters = new DeadLetters(folders, new ObjectMapper(), new FailedFileGuard());

        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            Exchange exchange = new DefaultExchange(camel);
            assertThatCode(() -> deadLetters.failed(null, new IllegalStateException("ledger unreachable"), exchange))
                    .doesNotThrowAnyException();
        }

        assertThat(output.getAll()).contains("stopped by an internal error before a file was taken")
                .contains("ledger unreachable");
        assertThat(work.resolve("dead-letter")).doesNotExist();
    }
}
