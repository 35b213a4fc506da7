package io.apolloroutes.deadletter;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.apolloroutes.config.FolderProperties;
import io.apolloroutes.ingest.FailedFileGuard;
import io.apolloroutes.ingest.InputFile;
import io.apolloroutes.ingest.RunProperties;
import io.apolloroutes.ingest.UnreadableInputException;
import io.apolloroutes.report.ReportWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Whole-file failures: the original goes to its own dead-letter folder with {@code <name>.error.txt}
 * beside it, saying what is wrong. A file downloaded from a source that keeps the original (SFTP)
 * leaves a copy of the download there instead, and the source moves its original aside. The route
 * carries on with the next file.
 */
@Component("deadLetters")
public class DeadLetters {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    private final FolderProperties folders;
    private final ObjectMapper mapper;
    private final FailedFileGuard guard;

    public DeadLetters(FolderProperties folders, ObjectMapper mapper, FailedFileGuard guard) {
        this.folders = folders;
        this.mapper = mapper;
        this.guard = guard;
    }

    /**
     * A file that cannot be read: redirects the original to where failed files go (the consumer moves
     * it there on completion; for the inbox, that is the dead-letter folder) and explains why.
     */
    public void unreadable(@ExchangeProperty(RunProperties.INPUT_FILE) InputFile file,
                           @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) UnreadableInputException error,
                           Exchange exchange) throws IOException {
        Path folder = folders.deadLetterFor(file.runId());
        String why = error.about(file.name());
        writeError(folder, file, why);
        keepDownload(file, exchange);
        exchange.setProperty(RunProperties.ARCHIVE_PATH, exchange.getProperty(RunProperties.FAILED_PATH));
        ReportWriter.unreadable(folders.reportFor(file.runId()), mapper, file, why, folder);
        LOG.warn("{}. Moved to {}.", why, folder);
    }

    /**
     * An unexpected failure (a defect or a full disk, not the file's fault). The file consumer then
     * moves the original to the same folder; this explains what happened. Should that move fail too,
     * the guard keeps the file from being processed again, which would send its sequences twice.
     */
    public void failed(@ExchangeProperty(RunProperties.INPUT_FILE) InputFile file,
                       @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Throwable error, Exchange exchange) {
        if (file == null) {
            // broke off before any file was taken (a source's own step): nothing to move or explain beside it
            LOG.error("{}: stopped by an internal error before a file was taken", exchange.getFromRouteId(), error);
            return;
        }
        guard.markFailed(exchange);
        LOG.error("{}: processing stopped by an internal error; the file goes to {}", file.name(),
                folders.deadLetterFor(file.runId()), error);
        try {
            writeError(folders.deadLetterFor(file.runId()), file, file.name() + " could not be processed because"
                    + " of an internal error: " + error + "\nThe file itself may be fine. Sequences the report "
                    + folders.reportFor(file.runId()) + " lists as created exist in Apollo (the log lists them too):"
                    + " do not drop the whole file again, or they are created twice; drop only the rows that were"
                    + " not created.");
            keepDownload(file, exchange);
        } catch (IOException e) {
            LOG.error("{}: cannot write the error file either ({})", file.name(), e.toString());
        }
    }

    /** The download is deleted after the run; the dead-letter entry must still hold what was read. */
    private void keepDownload(InputFile file, Exchange exchange) throws IOException {
        if (exchange.getProperty(RunProperties.DOWNLOADED, false, Boolean.class)) {
            Files.copy(file.path(), folders.deadLetterFor(file.runId()).resolve(file.storedName()),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void writeError(Path folder, InputFile file, String text) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(file.storedName() + ".error.txt"), text + System.lineSeparator(),
                StandardCharsets.UTF_8);
    }
}
