package io.apolloroutes.config;

import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The working folders ({@code folders.*}). Relative paths resolve against the working directory.
 *
 * @param inbox      watched for new files
 * @param processed  originals after processing, in one sub-folder per day
 * @param deadLetter one sub-folder per input that did not fully succeed
 * @param reports    one JSON report per input
 * @param outbox     dry-run: the exact request bodies that would be sent
 */
@Validated
@ConfigurationProperties("folders")
public record FolderProperties(@NotNull Path inbox, @NotNull Path processed, @NotNull Path deadLetter,
                               @NotNull Path reports, @NotNull Path outbox) {

    /** The dead-letter sub-folder of one run ({@code <timestamp>_<file name>}). */
    public Path deadLetterFor(String runId) {
        return deadLetter.resolve(runId);
    }

    /** The outbox sub-folder of one dry run. */
    public Path outboxFor(String runId) {
        return outbox.resolve(runId);
    }

    /** The report of one run. */
    public Path reportFor(String runId) {
        return reports.resolve(runId + ".report.json");
    }

    /** Creates every folder that does not exist yet. */
    public void createAll() {
        for (Path folder : List.of(inbox, processed, deadLetter, reports, outbox)) {
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create folder " + folder.toAbsolutePath(), e);
            }
        }
    }
}
