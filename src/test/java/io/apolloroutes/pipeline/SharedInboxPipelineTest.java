package io.apolloroutes.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.apolloroutes.ingest.InboxLocks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The inbox as one of several instances sees it: a file another instance is processing is left alone,
 * poll after poll, and is taken only once that instance lets it go.
 */
@TestPropertySource(properties = {"apollo.api-key=", "apollo.base-url=http://localhost:9"})
class SharedInboxPipelineTest extends PipelineTestSupport {

    @Autowired
    DataSource ledger;

    @Autowired
    CamelContext camel;

    @Test
    void leaves_a_file_locked_by_another_instance_alone_until_it_is_released() {
        Path file = work.resolve("inbox").resolve("q4-shared.csv").toAbsolutePath();
        InboxLocks otherInstance = new InboxLocks(ledger, "inbox", Duration.ofSeconds(30), camel);
        otherInstance.start();
        try {
            assertThat(otherInstance.add(file.toString())).isTrue();

            dropAs("samples/quick-start.csv", "q4-shared.csv");

            // many polls and stability checks go by; none of them may take the file or drop its lock
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> Files.exists(file));
            assertThat(runFile("reports", "q4-shared.csv", ".report.json")).isEmpty();
            assertThat(otherInstance.contains(file.toString())).as("the other instance's lock").isTrue();

            otherInstance.remove(file.toString());

            assertThat(awaitReport("q4-shared.csv").path("counts").path("rows").asInt()).isEqualTo(11);
        } finally {
            otherInstance.stop();
        }
    }
}
