-- Several instances may share one ledger (PostgreSQL) and one inbox.

-- One row per sequence name ever sent; an instance holds the row's lock (SELECT ... FOR UPDATE) while
-- it checks, looks up and sends that name, so two instances never send the same name at once. The
-- lock belongs to a database connection: it ends when the instance finishes or dies.
create table sequence_lock (
    name_key char(64) not null,
    constraint sequence_lock_pk primary key (name_key)
);

-- The inbox's read lock (Camel's JdbcOrphanLockAwareIdempotentRepository): a file being processed
-- by one instance is skipped by the others. The holder refreshes created_at; a lock left by an
-- instance that died is taken over once it is older than inbox.lock-max-age. Column names are the
-- ones Camel's repository uses; the message ID (the file's path) is wider than Camel's default, and the
-- time carries its zone, so instances in different zones (or across a clock change) agree on a lock's age.
create table camel_messageprocessed (
    processorName varchar(255)  not null,
    messageId     varchar(1024) not null,
    createdAt     timestamp with time zone not null,
    constraint camel_messageprocessed_pk primary key (processorName, messageId)
);
