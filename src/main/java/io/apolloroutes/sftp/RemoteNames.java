package io.apolloroutes.sftp;

import io.apolloroutes.ingest.FailedFileGuard;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The SFTP import's file filter. Refuses remote files whose names could reach outside the import's
 * folders once used as local or remote paths: a server is not trusted to list only plain names. Such a
 * file is left where it is, and named once in the log. Also leaves alone a file whose run broke off and
 * that could not be moved into {@code .failed/} ({@link FailedFileGuard}). Used as the SFTP consumer's
 * {@code filter}.
 */
@Component("sftpNames")
public class RemoteNames implements GenericFileFilter<Object> {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteNames.class);

    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private final FailedFileGuard failedFiles;

    public RemoteNames(FailedFileGuard failedFiles) {
        this.failedFiles = failedFiles;
    }

    @Override
    public boolean accept(GenericFile<Object> file) {
        if (file.isDirectory()) {
            // only the import folder itself is listed; the done and failed folders are skipped here too
            return false;
        }
        String name = file.getFileNameOnly();
        if (isPlain(name) && name.equals(file.getFileName())) {
            return failedFiles.accept(file);
        }
        if (refused.add(file.getFileName())) {
            LOG.warn("SFTP: refusing remote file {}: its name is not a plain file name inside the import folder"
                    + " (it has a path separator, '..', or a control character). It is left on the server.",
                    printable(file.getFileName()));
        }
        return false;
    }

    /** A single path element: no separators, no {@code .} or {@code ..}, no control characters. */
    static boolean isPlain(String name) {
        if (name == null || name.isEmpty() || name.equals(".") || name.equals("..") || name.length() > 255) {
            return false;
        }
        return name.chars().noneMatch(c -> c == '/' || c == '\\' || c == ':' || Character.isISOControl(c));
    }

    private static String printable(String name) {
        StringBuilder shown = new StringBuilder();
        name.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                shown.append(String.format("\\u%04x", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return "'" + shown + "'";
    }
}
