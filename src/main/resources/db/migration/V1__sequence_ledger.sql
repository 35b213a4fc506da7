-- Every sequence the pack has sent to Apollo, or tried to: the state of each, so that nothing is
-- created twice across re-drops, retries, restarts and crashes. Portable SQL: runs on H2 and PostgreSQL.
create table sequence_ledger (
    -- SHA-256 of the name, hex: names may be longer than an index entry allows
    name_key        char(64)                 not null,
    sequence_name   text                     not null,
    -- sending (the request may have reached Apollo), created, rejected, deferred
    state           varchar(16)              not null,
    apollo_id       varchar(64),
    -- SHA-256 of the request body that was sent last, to tell a changed sequence from the same one
    content_hash    char(64)                 not null,
    source_file     varchar(1000)            not null,
    source_rows     varchar(2000)            not null,
    -- the body to send again later; cleared once the sequence is created
    request_body    text,
    attempts        integer                  not null,
    last_error      varchar(2000),
    next_attempt_at timestamp with time zone,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    constraint sequence_ledger_pk primary key (name_key),
    constraint sequence_ledger_state check (state in ('sending', 'created', 'rejected', 'deferred'))
);

create index sequence_ledger_due on sequence_ledger (state, next_attempt_at);
