package io.apolloroutes.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.apolloroutes.config.FolderProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class InboxSubfoldersTest {

    @TempDir
    Path work;

    @Test
    void leaves_the_packs_own_folders_unannounced_when_they_are_set_inside_the_inbox(CapturedOutput output)
            throws IOException {
        Path inbox = work.resolve("inbox");
        FolderProperties folders = new FolderProperties(inbox, inbox.resolve("done"), inbox.resolve("dead-letter"),
                work.resolve("reports"), work.resolve("outbox"));
        Files.createDirectories(inbox.resolve("done"));
        Files.createDirectories(inbox.resolve("dead-letter"));
        Files.createDirectories(inbox.resolve("from-ada"));

        new InboxSubfolders(folders).announceNewFolders();

        assertThat(output.getAll()).contains("from-ada is a folder in the inbox").doesNotContain("done is a folder")
                .doesNotContain("dead-letter is a folder");
    }
}
