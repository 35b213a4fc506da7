-- Sheets kept in sync on a schedule.

-- What the last successful sync of each source saw of its sheet: the HTTP validators, so the next
-- sync can ask "changed since?", and the SHA-256 of what it read, so an unchanged sheet is skipped
-- even when its server (or the Sheets API) cannot say; also after a restart.
create table sheet_sync_state (
    source_name   varchar(200)  not null,
    etag          varchar(1000),
    last_modified varchar(100),
    content_hash  char(64),
    synced_at     timestamp with time zone not null,
    constraint sheet_sync_state_pk primary key (source_name)
);

-- A synced sheet's sequences are found by the source they were created from.
create index sequence_ledger_source_file on sequence_ledger (source_file);
