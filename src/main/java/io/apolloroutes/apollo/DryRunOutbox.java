package io.apolloroutes.apollo;

import io.apolloroutes.config.FolderProperties;
import io.apolloroutes.mapping.SequenceDraft;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import io.apolloroutes.report.FileRun;
import java.io.IOException;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;

/**
 * The dry-run outbox: writes each request body to {@code <outbox>/<run>/<NNN>-<sequence-name>.json},
 * numbered in file order so the outbox reads like the input. An input with more sequences than
 * {@code outbox.max-files} writes them to {@code <outbox>/<run>/requests.jsonl} instead, one body per
 * line in file order: a folder of a hundred thousand files helps nobody, and creating them would cost
 * a large dry run more than everything else it does.
 *
 * <p>Written by the pack rather than through Camel's file producer: for a large file that producer's
 * per-file bookkeeping (existence checks, directory checks, copying the body through a stream) cost
 * as much as creating the files, about a third of a dry run (see docs/performance.md).
 */
@Component("dryRunOutbox")
public class DryRunOutbox {

    private static final int MAX_SLUG = 60;
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");

    /** The one outbox file of an input with more than {@code outbox.max-files} sequences. */
    public static final String LINES_FILE = "requests.jsonl";

    private final FolderProperties folders;
    private final OutboxWriter writer;
    private final CreateSequenceCall call;
    private final int maxFiles;

    public DryRunOutbox(FolderProperties folders, OutboxWriter writer, CreateSequenceCall call,
                        OutboxProperties outbox) {
        this.folders = folders;
        this.writer = writer;
        this.call = call;
        this.maxFiles = outbox.maxFiles();
    }

    /**
     * Queues the request body for writing (see {@link OutboxWriter}) and leaves where it goes in the
     * {@link OutboxEntry#PROPERTY} property for the report.
     */
    public void write(@ExchangeProperty(SequenceDraft.PROPERTY) SequenceDraft draft,
                      @ExchangeProperty(FileRun.PROPERTY) FileRun run, Exchange exchange) throws IOException {
        String runId = run.file().runId();
        OutboxEntry entry;
        if (run.sequenceCount() > maxFiles) {
            Path file = folders.outboxFor(runId).resolve(LINES_FILE);
            int line = writer.append(runId, file, call.requestLine(draft));
            entry = new OutboxEntry(file.toString(), line);
        } else {
            Path file = folders.outboxFor(runId).resolve(fileName(draft));
            writer.write(runId, file, call.requestBody(draft));
            entry = new OutboxEntry(file.toString(), null);
        }
        exchange.setProperty(OutboxEntry.PROPERTY, entry);
    }

    static String fileName(SequenceDraft draft) {
        String ordinal = Integer.toString(draft.candidate().ordinal());
        return "0".repeat(Math.max(0, 3 - ordinal.length())) + ordinal + "-" + slug(draft.name()) + ".json";
    }

    static String slug(String name) {
        if (name == null) {
            return "sequence";
        }
        String ascii = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("");
        String slug = trimDashes(NOT_SLUG.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-"));
        if (slug.length() > MAX_SLUG) {
            slug = trimDashes(slug.substring(0, MAX_SLUG));
        }
        return slug.isEmpty() ? "sequence" : slug;
    }

    private static String trimDashes(String slug) {
        int start = 0;
        int end = slug.length();
        while (start < end && slug.charAt(start) == '-') {
            start++;
        }
        while (end > start && slug.charAt(end - 1) == '-') {
            end--;
        }
        return slug.substring(start, end);
    }
}
