package io.apolloroutes.ingest;

import java.io.File;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Ordered;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps a file whose processing broke off from being picked up again as it is, from the inbox or an
 * SFTP server.
 *
 * <p>After an unexpected failure the file consumer moves the original to where failed files go (the
 * dead-letter folder, or {@code .failed/} on the server). If that move fails too (the disk that broke
 * the run is usually the disk the move needs; an SFTP account may not be allowed to move files), the
 * file stays where it was. The inbox's consumer would take it again on the next poll, and so would the
 * SFTP import, whose memory of imported files forgets a file whose run failed: its sequences would be
 * sent again and again. This guard remembers such files by path, size and modification time as the
 * consumer listed them, so the same file is left alone until someone changes or replaces it (a local
 * file only if the move left it in place; a remote one cannot be looked at).
 * Consulted by the sources' file filters ({@link InboxFilter}, the SFTP import's {@code RemoteNames}).
 * Kept in memory: after a restart the file is tried once more, as after a crash.
 */
@Component("failedFileGuard")
public class FailedFileGuard {

    private static final Logger LOG = LoggerFactory.getLogger(FailedFileGuard.class);

    private final Set<String> failed = ConcurrentHashMap.newKeySet();
    private final Set<String> announced = ConcurrentHashMap.newKeySet();

    /** False for a file that failed before and has not changed since, said once in the log. */
    public boolean accept(GenericFile<?> file) {
        if (file.isDirectory() || failed.isEmpty()) {
            return true;
        }
        String key = key(file);
        if (!failed.contains(key)) {
            return true;
        }
        if (announced.add(key)) {
            LOG.error("{} failed before and is left untouched where it is; it will not be processed again until it"
                    + " is changed (saving it again is enough) or the pack restarts (see the log above for the error)",
                    file.getFileName());
        }
        return false;
    }

    /**
     * Remembers the file of a failed exchange, if its consumer leaves it where it was. A local file is
     * looked at once the consumer has tried to move it away (the exchange's last step), so a file that
     * was moved to the dead-letter folder, and later moved back unchanged, is read again. A remote file
     * cannot be looked at from here: it is remembered as it was listed. An exchange that did not come
     * from a file consumer (a synced sheet) has nothing to remember.
     */
    public void markFailed(Exchange exchange) {
        GenericFile<?> file = exchange.getProperty(ExchangePropertyKey.FILE_EXCHANGE_FILE, GenericFile.class);
        if (file == null) {
            return;
        }
        if (file.getFile() instanceof File local) {
            exchange.getExchangeExtension().addOnCompletion(new AfterMoveAway(file, local));
        } else {
            markFailed(file);
        }
    }

    /** Remembers a file that failed, as its consumer listed it. */
    void markFailed(GenericFile<?> file) {
        failed.add(key(file));
    }

    private static String key(GenericFile<?> file) {
        return file.getAbsoluteFilePath() + '|' + file.getFileLength() + '|' + file.getLastModified();
    }

    /**
     * Runs after the file consumer's own completion, which moves a failed file away: Camel runs an
     * exchange's completions last-added first, unless ordered, and this one is ordered last.
     */
    private final class AfterMoveAway extends SynchronizationAdapter {

        private final GenericFile<?> file;
        private final File local;

        AfterMoveAway(GenericFile<?> file, File local) {
            this.file = file;
            this.local = local;
        }

        @Override
        public void onDone(Exchange exchange) {
            if (local.isFile() && local.length() == file.getFileLength() && local.lastModified() == file.getLastModified()) {
                markFailed(file);
            }
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST;
        }
    }
}
