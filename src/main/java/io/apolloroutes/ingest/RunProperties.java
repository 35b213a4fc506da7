package io.apolloroutes.ingest;

/**
 * Exchange properties a source's intake sets for the run of one file, read by the shared stages and by
 * the source's own consumer (its {@code move} and {@code moveFailed} options).
 */
public final class RunProperties {

    /** The {@link InputFile}. */
    public static final String INPUT_FILE = "inputFile";
    /** Where the original goes when processing completes (a path or name the source's consumer understands). */
    public static final String ARCHIVE_PATH = "archivePath";
    /** Where the original goes when the whole file fails. */
    public static final String FAILED_PATH = "failedPath";
    /**
     * True when the file read is a download and the original stays with its source: a whole-file failure
     * then keeps a copy of the download in the dead-letter folder.
     */
    public static final String DOWNLOADED = "downloaded";

    private RunProperties() {
    }
}
