-- Obligations a charter implies, written as rules, and the events that meet them.
-- Events from a definition's history have the code 'history:<key>', events recorded through the
-- API 'api:<uuid>'. A rule that applies to each working group is expanded when its status is computed, so a
-- group added later gets its obligations without a migration of data.

create table obligation_rule (
    id             uuid primary key,
    charter_id     uuid         not null references charter (id),
    code           varchar(64)  not null,
    title          varchar      not null,
    clause_code    varchar(64),
    recurrence     varchar(8)   not null,
    period         varchar(32)  not null,
    anchor         varchar(16)  not null,
    applies_to     varchar(64)  not null,
    event_kind     varchar(32)  not null,
    deliverable    varchar(64),
    position       int          not null,
    retired        boolean      not null default false,
    classification varchar(16)  not null default 'PUBLIC',
    origin_party   varchar(3),
    version        bigint       not null default 0,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    constraint obligation_rule_code unique (charter_id, code),
    constraint obligation_rule_recurrence check (recurrence in ('WITHIN', 'EVERY')),
    constraint obligation_rule_classification check (classification in ('PUBLIC', 'BILATERAL', 'PARTY_INTERNAL'))
);

create table obligation_event (
    id             uuid primary key,
    charter_id     uuid         not null references charter (id),
    code           varchar(100) not null,
    kind           varchar(32)  not null,
    subject        varchar(64),
    deliverable    varchar(64),
    occurred_on    date         not null,
    title          varchar      not null,
    note           varchar,
    source         varchar(16)  not null,
    retired        boolean      not null default false,
    classification varchar(16)  not null default 'PUBLIC',
    origin_party   varchar(3),
    version        bigint       not null default 0,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    constraint obligation_event_code unique (charter_id, code),
    constraint obligation_event_source_kind check (source in ('DEFINITION', 'API')),
    constraint obligation_event_classification check (classification in ('PUBLIC', 'BILATERAL', 'PARTY_INTERNAL'))
);

create index obligation_event_match on obligation_event (charter_id, kind, subject, occurred_on);
