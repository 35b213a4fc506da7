package io.apolloroutes.sync;

import io.apolloroutes.apollo.ApolloProperties;
import io.apolloroutes.ingest.InputFile;
import io.apolloroutes.ingest.RunProperties;
import io.apolloroutes.ingest.SourceProfile;
import io.apolloroutes.ingest.SourceProfiles;
import io.apolloroutes.ingest.SourceStatus;
import io.apolloroutes.ledger.LedgerEntry;
import io.apolloroutes.ledger.SequenceLedger;
import io.apolloroutes.ledger.Sha256;
import io.apolloroutes.report.FileRun;
import io.apolloroutes.report.MissingSequence;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.commons.io.FileUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The steps of a scheduled sheet sync: fetch the whole sheet (unless it has not changed, or the last
 * sync of it is still running), hand it to the file run like any dropped file, and note the sequences
 * the sheet created earlier that it no longer holds.
 */
@Component("sheetSync")
public class SheetSync {

    /** Exchange property: the source being synced, set by the route template. */
    public static final String SOURCE = "syncSource";

    private static final Logger LOG = LoggerFactory.getLogger(SheetSync.class);

    private final SyncProperties sync;
    private final HttpSheets http;
    private final GoogleSheets google;
    private final SyncState state;
    private final SequenceLedger ledger;
    private final boolean dryRun;
    private final Map<String, SourceProfile> profiles = new HashMap<>();
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final Map<String, SourceStatus> statuses = new ConcurrentHashMap<>();

    public SheetSync(SyncProperties sync, HttpSheets http, GoogleSheets google, SyncState state, SequenceLedger ledger,
                     SourceProfiles sourceProfiles, ApolloProperties apollo) {
        this.dryRun = apollo.sendsNothing();
        this.sync = sync;
        this.http = http;
        this.google = google;
        this.state = state;
        this.ledger = ledger;
        sync.sources().forEach((name, source) -> {
            SourceProfile profile = sourceProfiles.profile(SourceProfile.SHEET + name, source.mapping());
            profiles.put(name, source.google() == null ? profile : profile.withHeaderRow(source.google().headerRow()));
            statuses.put(name, SourceStatus.starting());
        });
    }

    /** How each source's last sync went, by source name. */
    public Map<String, SourceStatus> statuses() {
        return Map.copyOf(statuses);
    }

    /**
     * Fetches the sheet and sets the run's properties. False when there is nothing to run: the sheet
     * has not changed since the last sync, or that sync is still running.
     */
    public boolean fetch(@ExchangeProperty(SOURCE) String name, Exchange exchange) throws SheetFetchException {
        if (!running.add(name)) {
            LOG.info("sync {}: the previous sync of this sheet is still running; this one is skipped", name);
            return false;
        }
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                running.remove(name);
            }
        });
        SyncProperties.SheetSource source = sync.sources().get(name);
        SyncState.Seen seen = lastSeen(name);
        Optional<SheetDownload> fetched = download(name, source, seen);
        if (statuses.get(name).isDown()) {
            LOG.info("sync {}: the sheet can be read again", name);
        }
        statuses.put(name, SourceStatus.up());
        if (fetched.isEmpty()) {
            LOG.info("sync {}: the sheet has not changed since the last sync", name);
            return false;
        }
        SheetDownload download = fetched.get();
        String contentHash = contentHash(name, download);
        afterRun(name, download, contentHash, exchange);
        if (seen != null && contentHash.equals(seen.contentHash())) {
            // the server could not tell (no validators, or the Sheets API), but the bytes can
            LOG.info("sync {}: the sheet reads the same as at the last sync", name);
            return false;
        }
        InputFile file = InputFile.arrived(name + "." + download.extension(), download.file(), profiles.get(name));
        exchange.setProperty(RunProperties.INPUT_FILE, file);
        exchange.setProperty(RunProperties.DOWNLOADED, true);
        return true;
    }

    /** Once the run has ended: the version is remembered if it completed, and the download goes. */
    private void afterRun(String name, SheetDownload download, String contentHash, Exchange exchange) {
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onComplete(Exchange done) {
                // a sync cut short is fetched, and run, whole again; a dry run created nothing, so the
                // first live sync must not take the sheet for one it has seen
                if (!dryRun) {
                    state.synced(name, new SyncState.Seen(download.etag(), download.lastModified(), contentHash));
                }
            }

            @Override
            public void onDone(Exchange done) {
                try {
                    Files.deleteIfExists(download.file());
                } catch (IOException e) {
                    LOG.warn("sync {}: cannot delete the download {}: {}", name, download.file(), e.toString());
                }
            }
        });
    }

    /** Sequences this sheet created at earlier syncs that it no longer holds: reported, never acted on. */
    public void missingFromSheet(@ExchangeProperty(FileRun.PROPERTY) FileRun run) {
        if (!run.file().isSheet()) {
            return;
        }
        List<MissingSequence> gone = ledger.createdFrom(run.file().ledgerSource()).stream()
                .filter(entry -> !run.holds(entry.name()))
                .map((LedgerEntry entry) -> new MissingSequence(entry.name(), entry.apolloId(), entry.sourceRows()))
                .toList();
        run.noteMissing(gone);
    }

    /** The sheet could not be fetched: said once per outage, and the source shows as down until it can. */
    public void fetchFailed(@ExchangeProperty(SOURCE) String name,
                            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) SheetFetchException failure) {
        if (!statuses.get(name).isSameOutage(failure.getMessage())) {
            LOG.warn("sync {}: cannot read the sheet: {}. Tried again at each scheduled time; said again only when"
                    + " the reason changes.", name, failure.getMessage());
        } else {
            LOG.debug("sync {}: still cannot read the sheet: {}", name, failure.getMessage());
        }
        statuses.put(name, SourceStatus.down(failure.getMessage()));
    }

    private Optional<SheetDownload> download(String name, SyncProperties.SheetSource source, SyncState.Seen seen)
            throws SheetFetchException {
        Path target = sync.workDirectory().resolve(name + "-" + InputFile.RUN_STAMP.format(LocalDateTime.now()));
        try {
            Files.createDirectories(sync.workDirectory());
            return source.url() != null
                    ? http.fetch(source.url(), source.format(), seen, target)
                    : Optional.of(google.fetch(source.google(), target));
        } catch (IOException e) {
            throw new SheetFetchException("cannot write to " + sync.workDirectory() + ": " + e, e);
        } catch (SheetFetchException e) {
            discardPartial(target);
            throw e;
        } catch (RuntimeException e) {
            // whatever breaks a fetch, the sheet is tried again at its next time and shows as down until then
            discardPartial(target);
            throw new SheetFetchException("cannot read the sheet: " + e, e);
        }
    }

    private SyncState.Seen lastSeen(String name) throws SheetFetchException {
        try {
            return state.lastSeen(name).orElse(null);
        } catch (DataAccessException e) {
            throw new SheetFetchException("cannot read what the last sync saw from the ledger's database: "
                    + e.getMostSpecificCause(), e);
        }
    }

    /** What a failed fetch left of its download ({@code <target>.<extension>}), whatever the fetcher. */
    private static void discardPartial(Path target) {
        try (DirectoryStream<Path> partial = Files.newDirectoryStream(target.getParent(), target.getFileName() + ".*")) {
            partial.forEach(file -> FileUtils.deleteQuietly(file.toFile()));
        } catch (IOException e) {
            LOG.warn("cannot clear {} of a failed download: {}", target.getParent(), e.toString());
        }
    }

    private String contentHash(String name, SheetDownload download) throws SheetFetchException {
        try {
            return Sha256.of(download.file());
        } catch (IOException e) {
            FileUtils.deleteQuietly(download.file().toFile());
            throw new SheetFetchException("cannot read the download of " + name + " back: " + e, e);
        }
    }
}
