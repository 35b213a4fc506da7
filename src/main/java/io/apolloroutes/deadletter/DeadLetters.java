package io.apolloroutes.deadletter;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.apolloroutes.config.FolderProperties;
import io.apolloroutes.ingest.InboxIntake;
import io.apolloroutes.ingest.InputFile;
import io.apolloroutes.ingest.UnreadableInputException;
import io.apolloroutes.report.ReportWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Whole-file failures: the original goes to its own dead-letter folder with {@code <name>.error.txt}
 * beside it, saying what is wrong. The route carries on with the next file.
 */
@Component("deadLetters")
public class DeadLetters {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    private final FolderProperties folders;
    private final ObjectMapper mapper;

    public DeadLetters(FolderProperties folders, ObjectMapper mapper) {
        this.folders = folders;
        this.mapper = mapper;
    }

    /**
     * A file that cannot be read: redirects the original from {@code processed/} to the dead-letter
     * folder (the file consumer moves it there on completion) and explains why.
     */
    public void unreadable(@ExchangeProperty(InboxIntake.INPUT_FILE) InputFile file,
                           @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) UnreadableInputException error,
                           Exchange exchange) throws IOException {
        Path folder = folders.deadLetterFor(file.runId());
        writeError(folder, file, file.name() + " " + error.getMessage());
        exchange.setProperty(InboxIntake.ARCHIVE_PATH, folder.resolve(file.name()).toAbsolutePath().toString());
        ReportWriter.unreadable(folders.reportFor(file.runId()), mapper, file, error.getMessage(), folder);
        LOG.warn("{} {}. Moved to {}.", file.name(), error.getMessage(), folder);
    }

    /**
     * An unexpected failure (a defect or a full disk, not the file's fault): the file consumer moves
     * the original to the same folder; this explains what happened.
     */
    public void failed(@ExchangeProperty(InboxIntake.INPUT_FILE) InputFile file,
                       @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Throwable error) throws IOException {
        writeError(folders.deadLetterFor(file.runId()), file, file.name() + " could not be processed because of"
                + " an internal error: " + error + "\nThe file itself may be fine: check the log, then drop it"
                + " into the inbox again. Sequences reported as created in " + folders.reportFor(file.runId()) + ".part"
                + " were sent before the error.");
    }

    private static void writeError(Path folder, InputFile file, String text) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(file.name() + ".error.txt"), text + System.lineSeparator(),
                StandardCharsets.UTF_8);
    }
}
