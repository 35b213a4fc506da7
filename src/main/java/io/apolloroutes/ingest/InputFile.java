package io.apolloroutes.ingest;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * One file taken from a source, as the rest of the pipeline knows it.
 *
 * @param name       the file name as dropped (used in every message)
 * @param path       where the file is read from while it is processed
 * @param format     how it is parsed; null when the extension is not supported
 * @param receivedAt when the pack picked it up
 * @param runId      {@code <timestamp>_<name>}: names the report, outbox and dead-letter entries of this run
 * @param source     the settings of the source it came from
 */
public record InputFile(String name, Path path, InputFormat format, Instant receivedAt, String runId,
                        SourceProfile source) {

    /** How the pack stamps the names it makes (runs, downloads, resume files) with the local time. */
    public static final DateTimeFormatter RUN_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    /** A file a source has just taken: its run is named after this moment and the file's name. */
    public static InputFile arrived(String name, Path path, SourceProfile source) {
        Instant now = Instant.now();
        String runId = RUN_STAMP.format(now.atZone(ZoneId.systemDefault())) + "_" + storedName(name);
        return new InputFile(name, path, InputFormat.forFileName(name).orElse(null), now, runId, source);
    }

    /** Longest file name the pack derives its own names from; leaves room for prefixes and suffixes. */
    static final int MAX_STORED_NAME = 100;

    /**
     * The name to use inside the pack's own folders: the dropped name, shortened (extension kept) when
     * it is too long to carry a timestamp prefix or an {@code .error.txt} suffix within the usual
     * 255-character limit of file systems.
     */
    public String storedName() {
        return storedName(name);
    }

    static String storedName(String name) {
        if (name.length() <= MAX_STORED_NAME) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
        return name.substring(0, MAX_STORED_NAME - extension.length() - 1) + "~" + extension;
    }

    /**
     * Where the ledger says a sequence came from: the file's name, or for a synced sheet the sheet's
     * source, so its sequences stay its own whatever format a sync downloads.
     */
    public String ledgerSource() {
        return isSheet() ? source.name() : name;
    }

    /** A whole sheet kept in sync, read again at every sync. */
    public boolean isSheet() {
        return source != null && source.isSheet();
    }

    /** "row", "element" or "line". */
    public String recordWord() {
        return format == null ? "row" : format.recordWord();
    }
}
