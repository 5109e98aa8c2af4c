-- Signed checkpoints and broken-chain alarms (issue 16, finding 6; decision 0023).
--
-- audit_checkpoint: every checkpoint the deployment signed (on request, at start, at shutdown and
-- on a schedule). A convenience copy: the checkpoint that counts is the one kept outside the
-- database (entente.audit.checkpoint-file), which someone who rewrites these tables cannot reach.
-- The verifier checks the chain against the latest row here and against the file.
create table audit_checkpoint (
    id          varchar(36)  primary key,
    -- the order they were recorded in (signed_at has seconds only, and a test clock stands still)
    recorded_order    bigint       not null,
    seq         bigint       not null,
    hash        varchar(64)  not null,
    signed_at   timestamp with time zone not null,
    public_key  varchar(200) not null,
    signature   varchar(200) not null
);

create index audit_checkpoint_position on audit_checkpoint (recorded_order);

-- audit_alarm: a broken chain found by the application (at start, before signing, on a schedule).
-- Shown to administrators on every page until one of them acknowledges it. Raising and
-- acknowledging an alarm are also audit events (audit.chain.broken, audit.chain.acknowledged).
-- fingerprint names the break (where, what, and the checkpoint it was checked against), so that the
-- same break found again at the next start raises no second alarm.
create table audit_alarm (
    id               varchar(36)   primary key,
    fingerprint      varchar(64)   not null,
    detected_at      timestamp with time zone not null,
    first_broken     bigint,
    problem          varchar(2000) not null,
    acknowledged_at  timestamp with time zone,
    acknowledged_by  varchar(200)
);

create index audit_alarm_fingerprint on audit_alarm (fingerprint);
