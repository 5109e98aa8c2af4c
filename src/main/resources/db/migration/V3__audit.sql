-- The audit trail: append-only and hash-chained. Each event's hash covers the previous event's
-- hash, so editing, removing or reordering a row breaks the chain from that row on. audit_head
-- holds the last sequence number and hash; appending locks it, which keeps the chain gap-free
-- under concurrent writers. On PostgreSQL, V4 (AuditGuard, a Java migration) makes audit_event
-- refuse UPDATE, DELETE and TRUNCATE.

create table audit_event (
    seq            bigint       primary key,
    occurred_at    timestamp with time zone not null,
    actor          varchar(200) not null,
    party          varchar(3),
    action         varchar(100) not null,
    record_type    varchar(100),
    record_id      varchar(200),
    outcome        varchar(16)  not null,
    source_address varchar(100),
    details        varchar,
    prev_hash      varchar(64)  not null,
    hash           varchar(64)  not null,
    constraint audit_event_outcome check (outcome in ('SUCCESS', 'FAILURE', 'DENIED'))
);

create index audit_event_record on audit_event (record_type, record_id);
create index audit_event_actor on audit_event (actor, occurred_at);
create index audit_event_time on audit_event (occurred_at);

create table audit_head (
    id   int         primary key,
    seq  bigint      not null,
    hash varchar(64) not null,
    constraint audit_head_single check (id = 1)
);

insert into audit_head (id, seq, hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
