package io.apolloroutes.ingest;

import io.apolloroutes.config.FolderProperties;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultPollingConsumerPollStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Says once in the log of each folder dropped into the inbox that its files are not read. The inbox's
 * consumer looks at the inbox itself only, and never shows a folder to the file filter, so a folder of
 * exports dropped there would otherwise wait without a word. Used as the inbox consumer's
 * {@code pollStrategy}: it looks before each poll.
 */
@Component("inboxSubfolders")
public class InboxSubfolders extends DefaultPollingConsumerPollStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(InboxSubfolders.class);

    private final Path inbox;
    /** The pack's own folders, which may be set inside the inbox. */
    private final List<Path> ownFolders;
    private final Set<Path> announced = ConcurrentHashMap.newKeySet();

    public InboxSubfolders(FolderProperties folders) {
        this.inbox = folders.inbox().toAbsolutePath().normalize();
        this.ownFolders = List.of(folders.processed(), folders.deadLetter(), folders.reports(), folders.outbox())
                .stream().map(folder -> folder.toAbsolutePath().normalize()).toList();
    }

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        announceNewFolders();
        return true;
    }

    void announceNewFolders() {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(inbox, Files::isDirectory)) {
            for (Path folder : folders) {
                Path normalized = folder.toAbsolutePath().normalize();
                // hidden folders are no one's drop (Camel's and editors' own); the pack's folders are its own
                if (folder.getFileName().toString().startsWith(".") || ownFolders.contains(normalized)) {
                    continue;
                }
                if (announced.add(normalized)) {
                    LOG.warn("{} is a folder in the inbox: files in sub-folders are not read; move them into the"
                            + " inbox itself", folder.getFileName());
                }
            }
        } catch (IOException e) {
            // the consumer's own listing of the inbox reports a folder it cannot read
            LOG.debug("cannot look for folders in {}: {}", inbox, e.getMessage());
        }
    }
}
