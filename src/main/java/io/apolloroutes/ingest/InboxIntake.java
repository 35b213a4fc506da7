package io.apolloroutes.ingest;

import io.apolloroutes.config.FolderProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.apache.camel.Exchange;
import org.apache.camel.component.file.FileConstants;
import org.springframework.stereotype.Component;

/**
 * The consume stage: names the run for a file that arrived in the inbox and decides where the original
 * goes afterwards. The file consumer reads the two destinations from exchange properties, so a later
 * stage can redirect an unreadable file to the dead-letter folder instead of {@code processed/}.
 */
@Component("inboxIntake")
public class InboxIntake {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss-SSS");

    private final FolderProperties folders;
    private final SourceProfile source;

    public InboxIntake(FolderProperties folders, InboxProperties inbox, SourceProfiles profiles) {
        this.folders = folders;
        this.source = profiles.profile("inbox", inbox.mapping());
    }

    public void receive(Exchange exchange) {
        String name = exchange.getMessage().getHeader(FileConstants.FILE_NAME_ONLY, String.class);
        Path path = Path.of(exchange.getMessage().getHeader(FileConstants.FILE_ABSOLUTE_PATH, String.class));
        InputFile file = InputFile.arrived(name, path, source);
        ZonedDateTime local = file.receivedAt().atZone(ZoneId.systemDefault());

        exchange.setProperty(RunProperties.INPUT_FILE, file);
        Path archiveFolder = folders.processed().resolve(DAY.format(local));
        // made now, not by the file consumer at the move: its mkdirs fails when another instance sharing
        // processed/ makes the same day's folder at that moment, and the file would stay in the inbox
        createFolder(archiveFolder);
        exchange.setProperty(RunProperties.ARCHIVE_PATH, archiveFolder.resolve(TIME.format(local) + "_" + file.storedName())
                .toAbsolutePath().toString());
        exchange.setProperty(RunProperties.FAILED_PATH, folders.deadLetterFor(file.runId()).resolve(file.storedName())
                .toAbsolutePath().toString());
    }

    private static void createFolder(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the folder for processed files " + folder, e);
        }
    }
}
