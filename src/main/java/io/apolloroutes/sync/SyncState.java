package io.apolloroutes.sync;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the last successful sync of each source saw (table {@code sheet_sync_state}): the validators
 * that let the next sync skip a sheet that has not changed, also after a restart.
 */
@Component
public class SyncState {

    /** The validators and content hash of a sheet's last synced version. */
    public record Seen(String etag, String lastModified, String contentHash) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public SyncState(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Seen> lastSeen(String source) {
        return jdbc.sql("select etag, last_modified, content_hash from sheet_sync_state where source_name = ?")
                .param(source)
                .query((row, n) -> new Seen(row.getString(1), row.getString(2), row.getString(3))).optional();
    }

    /** Records a synced version; forgets the validators when the server sent none. */
    public void synced(String source, Seen version) {
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("update sheet_sync_state set etag = ?, last_modified = ?, content_hash = ?, synced_at = ?"
                        + " where source_name = ?")
                .params(version.etag(), version.lastModified(), version.contentHash(), now, source).update();
        if (updated == 0) {
            jdbc.sql("insert into sheet_sync_state (source_name, etag, last_modified, content_hash, synced_at)"
                            + " values (?, ?, ?, ?, ?)")
                    .params(source, version.etag(), version.lastModified(), version.contentHash(), now).update();
        }
    }
}
