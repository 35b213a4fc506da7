package io.apolloroutes.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.apolloroutes.config.FolderProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.apache.camel.Exchange;
import org.apache.camel.component.file.FileConstants;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class InboxIntakeTest {

    @TempDir
    Path work;

    @Test
    void the_folder_a_processed_file_moves_to_exists_before_the_move() throws Exception {
        FolderProperties folders = new FolderProperties(work.resolve("inbox"), work.resolve("processed"),
                work.resolve("dead-letter"), work.resolve("reports"), work.resolve("outbox"));
        InputProperties input = new InputProperties("auto", "auto", "", ZoneId.of("UTC"), BodyFormat.AUTO,
                DataSize.ofMegabytes(50), 100_000, 32_767);
        InboxProperties inbox = new InboxProperties(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(1),
                null, Duration.ofSeconds(30));
        InboxIntake intake = new InboxIntake(folders, inbox, new SourceProfiles(input));

        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            Exchange exchange = new DefaultExchange(camel);
            exchange.getMessage().setHeader(FileConstants.FILE_NAME_ONLY, "q4-outbound.csv");
            exchange.getMessage().setHeader(FileConstants.FILE_ABSOLUTE_PATH,
                    work.resolve("inbox/q4-outbound.csv").toString());

            intake.receive(exchange);

            // several instances share processed/: the file consumer's own mkdirs at the move fails for
            // whichever of them loses the race to make the day's folder
            Path archive = Path.of(exchange.getProperty(RunProperties.ARCHIVE_PATH, String.class));
            assertThat(archive.getParent()).isDirectory().startsWith(work.resolve("processed"));
            assertThat(archive).doesNotExist();
            assertThat(Files.list(work.resolve("processed")).toList()).containsExactly(archive.getParent());
        }
    }
}
