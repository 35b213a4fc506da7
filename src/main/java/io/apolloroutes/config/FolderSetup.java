package io.apolloroutes.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;

/** Creates the working folders at startup so a fresh checkout runs without preparation. */
@Configuration
public class FolderSetup {

    private static final Logger LOG = LoggerFactory.getLogger(FolderSetup.class);

    public FolderSetup(FolderProperties folders) {
        folders.createAll();
        LOG.info("Watching {} for .csv, .tsv, .json, .jsonl, .ndjson, .xlsx and .xls files",
                folders.inbox().toAbsolutePath());
    }
}
