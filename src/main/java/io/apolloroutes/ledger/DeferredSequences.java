package io.apolloroutes.ledger;

import io.apolloroutes.apollo.ApolloProperties;
import io.apolloroutes.config.FolderProperties;
import io.apolloroutes.ingest.InputFile;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
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

    private static final String RESUME_PREFIX = "resume-";

    /** Whether a file is one this class wrote: its sequences came from elsewhere first. */
    static boolean isResumeFile(String name) {
        return name.startsWith(RESUME_PREFIX) && name.endsWith(".jsonl");
    }

    private static final Logger LOG = LoggerFactory.getLogger(DeferredSequences.class);
    private static final DateTimeFormatter STAMP = InputFile.RUN_STAMP.withZone(ZoneOffset.UTC);
    /** Sequences per resume file; a larger backlog goes in the next rounds. */
    static final int BATCH = 1000;

    /**
     * Resume files this instance wrote that are still in the inbox (waiting, or being run), with the
     * names they carry. A run can outlast the claim (a thousand sequences paced by Apollo's minute
     * window take longer than {@code apollo.resume.after-failure}); without this, its sequences would be
     * claimed again and written into a second file, whose run would only report them as already there.
     */
    private final Map<Path, Set<String>> inFlight = new ConcurrentHashMap<>();

    private final SequenceLedger ledger;
    private final FolderProperties folders;
    private final ResumeProperties resume;
    private final ApolloProperties apollo;
    private final Clock clock;

    public DeferredSequences(SequenceLedger ledger, FolderProperties folders, ResumeProperties resume,
                             ApolloProperties apollo, Clock clock) {
        this.ledger = ledger;
        this.folders = folders;
        this.resume = resume;
        this.apollo = apollo;
        this.clock = clock;
    }

    /** Writes the due sequences to a resume file in the inbox; returns it, or null when none is due. */
    public Path resumeDue() throws IOException {
        if (apollo.sendsNothing()) {
            // a dry run would only write their bodies to the outbox, and they would stay deferred
            return null;
        }
        Instant now = clock.instant();
        // claimed until then: if this resume never reaches the ledger (a crash, an outage), they are due again
        Instant claimedUntil = now.plus(resume.afterFailure());
        inFlight.keySet().removeIf(file -> !Files.exists(file));
        Set<String> waiting = new HashSet<>();
        inFlight.values().forEach(waiting::addAll);
        List<LedgerEntry> claimed = new ArrayList<>();
        for (LedgerEntry due : ledger.due(now, BATCH + waiting.size())) {
            // in a resume file of this instance still to run, or taken by another instance sharing the ledger
            if (claimed.size() < BATCH && !waiting.contains(due.name()) && ledger.claim(due, claimedUntil)) {
                claimed.add(due);
            }
        }
        if (claimed.isEmpty()) {
            return null;
        }
        // unique across instances writing into one inbox in the same millisecond
        String name = RESUME_PREFIX + STAMP.format(now) + "-" + UUID.randomUUID().toString().substring(0, 8) + ".jsonl";
        Path target = folders.inbox().resolve(name);
        // written under a name the inbox ignores, then renamed: the consumer never sees half a file
        Path partial = target.resolveSibling(name + ".part");
        try {
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                for (LedgerEntry entry : claimed) {
                    out.write(entry.requestBody());
                    out.write('\n');
                }
            }
            inFlight.put(target, claimed.stream().map(LedgerEntry::name).collect(Collectors.toSet()));
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            inFlight.remove(target);
            Files.deleteIfExists(partial);
            throw e;
        }
        LOG.info("{} deferred sequences are due again; sending them as {}", claimed.size(), target.getFileName());
        return target;
    }
}
