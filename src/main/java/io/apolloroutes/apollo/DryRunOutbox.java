package io.apolloroutes.apollo;

import io.apolloroutes.config.FolderProperties;
import io.apolloroutes.mapping.SequenceDraft;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.component.file.FileConstants;
import org.springframework.stereotype.Component;

/**
 * The dry-run outbox: writes each request body to {@code <outbox>/<run>/<NNN>-<sequence-name>.json},
 * numbered in file order so the outbox reads like the input.
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

    private final FolderProperties folders;
    private final OutboxWriter writer;

    public DryRunOutbox(FolderProperties folders, OutboxWriter writer) {
        this.folders = folders;
        this.writer = writer;
    }

    /**
     * Queues the body for writing (see {@link OutboxWriter}) and leaves its path in
     * {@code CamelFileNameProduced} for the report.
     */
    public void write(@ExchangeProperty(SequenceDraft.PROPERTY) SequenceDraft draft, @Body byte[] body,
                      Exchange exchange) {
        Path file = folders.outboxFor(draft.candidate().file().runId()).resolve(fileName(draft));
        writer.write(draft.candidate().file().runId(), file, body);
        exchange.getMessage().setHeader(FileConstants.FILE_NAME_PRODUCED, file.toAbsolutePath().toString());
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
