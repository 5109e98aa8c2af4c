-- Projects of the working groups. A project belongs to one charter and one working group
-- (group_id, which the visibility policy reads), serves one or more commitments, and carries its
-- partners and lead organizations as small JSON documents, its financing as rows.

create table project (
    id             uuid primary key,
    charter_id     uuid         not null references charter (id),
    code           varchar(100) not null,
    title          varchar      not null,
    description    varchar,
    leads          varchar      not null,
    partners       varchar      not null,
    stage          varchar(20)  not null,
    stage_reason   varchar(2000),
    place          varchar(300),
    latitude       double precision,
    longitude      double precision,
    retired        boolean      not null default false,
    classification varchar(16)  not null default 'BILATERAL',
    origin_party   varchar(3),
    group_id       uuid         not null references working_group (id),
    version        bigint       not null default 0,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    constraint project_code unique (charter_id, code),
    constraint project_stage check (stage in ('IDENTIFIED', 'UNDER_STUDY', 'AGREED',
        'IN_IMPLEMENTATION', 'COMPLETED', 'SUSPENDED', 'CANCELLED')),
    constraint project_classification check (classification in ('PUBLIC', 'BILATERAL', 'PARTY_INTERNAL'))
);

create index project_group on project (group_id);

create table project_commitment (
    project_id    uuid not null references project (id),
    commitment_id uuid not null references commitment (id),
    position      int  not null,
    primary key (project_id, commitment_id)
);

create table project_financing (
    project_id uuid           not null references project (id),
    position   int            not null,
    amount     numeric(20, 2) not null,
    currency   varchar(3)     not null,
    source     varchar(300),
    status     varchar(16)    not null,
    primary key (project_id, position),
    constraint project_financing_amount check (amount >= 0),
    constraint project_financing_status check (status in ('PLEDGED', 'COMMITTED', 'DISBURSED'))
);

-- Events that meet obligations now also come from agreements reached through concurrence.
alter table obligation_event drop constraint obligation_event_source_kind;
alter table obligation_event add constraint obligation_event_source_kind
    check (source in ('DEFINITION', 'API', 'AGREEMENT'));
