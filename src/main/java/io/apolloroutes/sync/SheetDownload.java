package io.apolloroutes.sync;

import java.nio.file.Path;

/**
 * A sheet as one sync fetched it, on disk.
 *
 * @param file         the local copy, read by the same stages as any dropped file
 * @param extension    the format as a file extension: csv, tsv, xlsx, xls or json
 * @param etag         the server's ETag for this version, if it sent one
 * @param lastModified the server's Last-Modified for this version, if it sent one
 */
public record SheetDownload(Path file, String extension, String etag, String lastModified) {
}
