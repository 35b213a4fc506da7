package io.apolloroutes.apollo;

import io.apolloroutes.config.FolderProperties;
import io.apolloroutes.mapping.SequenceDraft;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Locale;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.component.file.FileConstants;
import org.springframework.stereotype.Component;

/**
 * The dry-run outbox: writes each request body to {@code <outbox>/<run>/<NNN>-<sequence-name>.json},
 * numbered in file order so the outbox reads like the input.
 *
 * <p>Written here rather than through Camel's file producer: for a large file that producer's
 * per-file bookkeeping (existence checks, directory checks, copying the body through a stream) cost
 * as much as creating the files, about a third of a dry run (see docs/performance.md).
 */
@Component("dryRunOutbox")
public class DryRunOutbox {

    private static final int MAX_SLUG = 60;

    private final FolderProperties folders;

    public DryRunOutbox(FolderProperties folders) {
        this.folders = folders;
    }

    /** Writes the body and leaves its path in {@code CamelFileNameProduced} for the report. */
    public void write(@ExchangeProperty(SequenceDraft.PROPERTY) SequenceDraft draft, @Body byte[] body,
                      Exchange exchange) throws IOException {
        Path folder = folders.outboxFor(draft.candidate().file().runId());
        if (draft.candidate().ordinal() == 1 || !Files.isDirectory(folder)) {
            Files.createDirectories(folder);
        }
        Path file = folder.resolve(fileName(draft));
        Files.write(file, body);
        exchange.getMessage().setHeader(FileConstants.FILE_NAME_PRODUCED, file.toAbsolutePath().toString());
    }

    static String fileName(SequenceDraft draft) {
        return String.format("%03d", draft.candidate().ordinal()) + "-" + slug(draft.name()) + ".json";
    }

    static String slug(String name) {
        if (name == null) {
            return "sequence";
        }
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (slug.length() > MAX_SLUG) {
            slug = slug.substring(0, MAX_SLUG).replaceAll("-$", "");
        }
        return slug.isEmpty() ? "sequence" : slug;
    }
}
