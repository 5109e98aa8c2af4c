-- Indicators with baselines, targets and actual values, each measuring commitments of a charter.
-- An indicator carries classification, origin_party and group_id, so the one visibility condition
-- (org.entente.identity.Viewer) applies to it; its values are seen with it.

create table indicator (
    id                 uuid primary key,
    charter_id         uuid          not null references charter (id),
    code               varchar(100)  not null,
    name               varchar       not null,
    unit               varchar(100)  not null,
    direction          varchar(8)    not null,
    area_key           varchar(64),
    owner_organization varchar(300),
    definition         varchar(2000),
    data_source        varchar(1000),
    classification     varchar(16)   not null default 'PUBLIC',
    origin_party       varchar(3),
    group_id           uuid,
    version            bigint        not null default 0,
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    constraint indicator_code unique (charter_id, code),
    constraint indicator_direction check (direction in ('HIGHER', 'LOWER')),
    constraint indicator_classification check (classification in ('PUBLIC', 'BILATERAL', 'PARTY_INTERNAL'))
);

create index indicator_charter on indicator (charter_id);

-- The commitments an indicator measures, by the commitment's key in the charter's definition.
create table indicator_commitment (
    indicator_id   uuid         not null references indicator (id),
    commitment_key varchar(100) not null,
    primary key (indicator_id, commitment_key)
);

create index indicator_commitment_key on indicator_commitment (commitment_key);

-- A value: a year (period_year), optionally the date it was observed as of (period_date); a target
-- may have no year. official: false for a third-party scenario. used: one used value per
-- indicator, kind and period; a conflicting value from another source is kept, not used.
-- superseded_by: a corrected value keeps the earlier one as history.
create table indicator_value (
    id            uuid primary key,
    indicator_id  uuid           not null references indicator (id),
    kind          varchar(10)    not null,
    period_year   int,
    period_date   date,
    amount        numeric(24, 6) not null,
    source_url    varchar(1000),
    publisher     varchar(500)   not null,
    note          varchar(2000),
    official      boolean        not null default true,
    used          boolean        not null default true,
    superseded_by uuid references indicator_value (id),
    created_at    timestamp with time zone not null,
    constraint indicator_value_kind check (kind in ('BASELINE', 'TARGET', 'ACTUAL'))
);

create index indicator_value_indicator on indicator_value (indicator_id, kind, period_year);
