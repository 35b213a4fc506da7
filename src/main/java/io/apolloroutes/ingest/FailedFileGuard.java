package io.apolloroutes.ingest;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.component.file.GenericFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps a file whose processing broke off from being picked up again as it is.
 *
 * <p>After an unexpected failure the file consumer moves the original to the dead-letter folder. If
 * that move fails too (the disk that broke the run is usually the disk the move needs), the file stays
 * in the inbox and the consumer would take it again on the next poll, sending its sequences again and
 * again. This filter remembers such files by path, size and modification time, so the same file is
 * left alone until someone changes or replaces it. Consulted by the inbox's {@link InboxFilter}.
 */
@Component("failedFileGuard")
public class FailedFileGuard {

    private static final Logger LOG = LoggerFactory.getLogger(FailedFileGuard.class);

    private final Set<String> failed = ConcurrentHashMap.newKeySet();
    private final Set<String> announced = ConcurrentHashMap.newKeySet();

    /** False for a file that failed before and has not changed since, said once in the log. */
    public boolean accept(GenericFile<File> file) {
        if (file.isDirectory() || failed.isEmpty()) {
            return true;
        }
        String key = key(file.getAbsoluteFilePath(), file.getFileLength(), file.getLastModified());
        if (!failed.contains(key)) {
            return true;
        }
        if (announced.add(key)) {
            LOG.error("{} failed before and is left in the inbox untouched; it will not be processed again"
                    + " until it is changed or dropped again (see the log above for the error)", file.getFileName());
        }
        return false;
    }

    /** Remembers a file that failed, as it is now. */
    public void markFailed(Path path) {
        try {
            failed.add(key(path.toAbsolutePath().toString(), Files.size(path), Files.getLastModifiedTime(path).toMillis()));
        } catch (IOException gone) {
            // already moved away: nothing to guard
        }
    }

    private static String key(String path, long size, long lastModified) {
        return path + '|' + size + '|' + lastModified;
    }
}
