package io.apolloroutes.ingest;

import java.io.File;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The inbox's file filter: files the inbox must not or cannot take stay where they are, each named
 * once in the log with what to do. Used as {@code filter=#inboxFilter}.
 * <ul>
 *   <li>a name with a backslash: Camel's file component takes {@code \} for a folder separator on
 *       Linux and macOS, so it would look for {@code back/slash.csv}, never open the file and never
 *       say so;</li>
 *   <li>a file whose run broke off and could not be moved away ({@link FailedFileGuard}).</li>
 * </ul>
 */
@Component("inboxFilter")
public class InboxFilter implements GenericFileFilter<File> {

    private static final Logger LOG = LoggerFactory.getLogger(InboxFilter.class);

    private final FailedFileGuard failedFiles;
    private final Set<String> announced = ConcurrentHashMap.newKeySet();

    public InboxFilter(FailedFileGuard failedFiles) {
        this.failedFiles = failedFiles;
    }

    @Override
    public boolean accept(GenericFile<File> file) {
        if (file.isDirectory()) {
            return true;
        }
        // the name as it is on disk: Camel's own names have the backslash turned into a separator already
        String name = file.getFile().getName();
        if (name.indexOf('\\') >= 0) {
            if (announced.add(file.getFile().getAbsolutePath())) {
                LOG.error("{} is left in the inbox: a backslash (\\) in a file name cannot be processed; rename it"
                        + " without one (for example with _ in its place)", name);
            }
            return false;
        }
        return failedFiles.accept(file);
    }
}
