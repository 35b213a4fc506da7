package io.apolloroutes.ledger;

import io.apolloroutes.config.FolderProperties;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends deferred sequences again when they are due, by putting their request bodies into the inbox as
 * one JSON Lines file ({@code resume-<time>.jsonl}, Apollo's create shape, one sequence per line). The
 * file then goes the way of any dropped file: checked again, looked up in the ledger and in Apollo,
 * sent, reported, and dead-lettered if it fails once more. Used by the {@code resume-deferred} route.
 */
@Component("deferredSequences")
public class DeferredSequences {

    private static final Logger LOG = LoggerFactory.getLogger(DeferredSequences.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);
    /** Sequences per resume file; a larger backlog goes in the next rounds. */
    static final int BATCH = 1000;

    private final SequenceLedger ledger;
    private final FolderProperties folders;
    private final Clock clock;

    public DeferredSequences(SequenceLedger ledger, FolderProperties folders, Clock clock) {
        this.ledger = ledger;
        this.folders = folders;
        this.clock = clock;
    }

    /** Writes the due sequences to a resume file in the inbox; returns it, or null when none is due. */
    public Path resumeDue() throws IOException {
        Instant now = clock.instant();
        List<LedgerEntry> claimed = new ArrayList<>();
        for (LedgerEntry due : ledger.due(now, BATCH)) {
            // another instance sharing the ledger may have taken it a moment ago
            if (due.requestBody() != null && ledger.unschedule(due)) {
                claimed.add(due);
            }
        }
        if (claimed.isEmpty()) {
            return null;
        }
        Path target = folders.inbox().resolve("resume-" + STAMP.format(now) + ".jsonl");
        // written under a name the inbox ignores, then renamed: the consumer never sees half a file
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try {
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                for (LedgerEntry entry : claimed) {
                    out.write(entry.requestBody());
                    out.write('\n');
                }
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            claimed.forEach(ledger::reschedule);
            Files.deleteIfExists(partial);
            throw e;
        }
        LOG.info("{} deferred sequences are due again; sending them as {}", claimed.size(), target.getFileName());
        return target;
    }
}
