-- The charter and the structure it declares: parties, text, areas, commitments, working groups,
-- dialogue platforms and dated history. Runs on PostgreSQL and on H2 in PostgreSQL mode.
-- Every record has a UUID (never a guessable sequence), a classification, the party that created
-- it (null: loaded from the charter's definition, so jointly owned), and a version for optimistic
-- locking. Localized texts are JSON objects from language tag to text.

create table charter (
    id                uuid primary key,
    code              varchar(64)  not null unique,
    title             varchar      not null,
    short_title       varchar,
    summary           varchar,
    signed_on         date         not null,
    signed_at         varchar      not null,
    languages         varchar(200) not null,
    text_language     varchar(16)  not null,
    reading           varchar,
    source_document   varchar,
    source_quote      varchar,
    source_url        varchar,
    definition_name   varchar(500) not null,
    definition_sha256 varchar(64)  not null,
    loaded_at         timestamp with time zone not null,
    classification    varchar(16)  not null default 'PUBLIC',
    origin_party      varchar(3),
    version           bigint       not null default 0,
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    constraint charter_classification check (classification in ('PUBLIC', 'BILATERAL', 'PARTY_INTERNAL'))
);

create table party (
    id             uuid primary key,
    charter_id     uuid         not null references charter (id),
    code           varchar(3)   not null,
    official_name  varchar      not null,
    short_name     varchar      not null,
    signatory      varchar      not null,
    position       int          not null,
    retired        boolean      not null default false,
    classification varchar(16)  not null default 'PUBLIC',
    origin_party   varchar(3),
    version        bigint       not null default 0,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    constraint party_code unique (charter_id, code),
    constraint party_classification check (classification in ('PUBLIC', 'BILATERAL', 'PARTY_INTERNAL'))
);

create table foundation_document (
    id              uuid primary key,
    charter_id      uuid         not null references charter (id),
    code            varchar(64)  not null,
    title           varchar      not null,
    issued_on       date         not null,
    place           varchar,
    summary         varchar,
    source_document varchar,
    source_quote    varchar,
    source_url      varchar,
    position        int          not null,
    retired         boolean      not null default false,
    classification  varchar(16)  not null default 'PUBLIC',
    origin_party    varchar(3),
    version         bigint       not null default 0,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    constraint foundation_document_code unique (charter_id, code),
    constraint foundation_document_classification check (classification in ('PUBLIC', 'BILATERAL', 'PARTY_INTERNAL'))
);

create table principle (
    id              uuid primary key,
    charter_id      uuid         not null references charter (id),
    code            varchar(64)  not null,
    text            varchar      not null,
    source_document varchar,
    source_quote    varchar,
    source_url      varchar,
    position        int          not null,
    retired         boolean      not null default false,
    classification  varchar(16)  not null default 'PUBLIC',
    origin_party    varchar(3),
    version         bigint       not null default 0,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    constraint principle_code unique (charter_id, code),
    constraint principle_classification check (classification in ('PUBLIC', 'BILATERAL', 'PARTY_INTERNAL'))
);

create table article (
    id             uuid primary key,
    charter_id     uuid         not null references charter (id),
    code           varchar(64)  not null,
    number         varchar(16)  not null,
    title          varchar      not null,
    position       int          not null,
    retired        boolean      not null default false,
    classification varchar(16)  not null default 'PUBLIC',
    origin_party   varchar(3),
    version        bigint       not null default 0,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    constraint article_code unique (charter_id, code),
    constraint article_classification check (classification in ('PUBLIC', 'BILATERAL', 'PARTY_INTERNAL'))
);

create table clause (
    id              uuid primary key,
    charter_id      uuid         not null references charter (id),
    article_id      uuid         not null references article (id),
    code            varchar(64)  not null,
    number          varchar(16)  not null,
    text            varchar      not null,
    source_document varchar,
    source_quote    varchar,
    source_url      varchar,
    position        int          not null,
    retired         boolean      not null default false,
    classification  varchar(16)  not null default 'PUBLIC',
    origin_party    varchar(3),
    version         bigint       not null default 0,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    constraint clause_code unique (charter_id, code),
    constraint clause_classification check (classification in ('PUBLIC', 'BILATERAL', 'PARTY_INTERNAL'))
);

create table area (
    id             uuid primary key,
    charter_id     uuid         not null references charter (id),
    code           varchar(64)  not null,
    name           varchar      not null,
    description    varchar,
    position       int          not null,
    retired        boolean      not null default false,
    classification varchar(16)  not null default 'PUBLIC',
    origin_party   varchar(3),
    version        bigint       not null default 0,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    constraint area_code unique (charter_id, code),
    constraint area_classification check (classification in ('PUBLIC', 'BILATERAL', 'PARTY_INTERNAL'))
);

create table commitment (
    id              uuid primary key,
    charter_id      uuid         not null references charter (id),
    code            varchar(64)  not null,
    title           varchar      not null,
    action          varchar      not null,
    clause_id       uuid         not null references clause (id),
    source_document varchar,
    source_quote    varchar,
    source_url      varchar,
    position        int          not null,
    retired         boolean      not null default false,
    classification  varchar(16)  not null default 'PUBLIC',
    origin_party    varchar(3),
    version         bigint       not null default 0,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    constraint commitment_code unique (charter_id, code),
    constraint commitment_classification check (classification in ('PUBLIC', 'BILATERAL', 'PARTY_INTERNAL'))
);

create table commitment_area (
    commitment_id uuid not null references commitment (id),
    area_id       uuid not null references area (id),
    primary key (commitment_id, area_id)
);

create table working_group (
    id              uuid primary key,
    charter_id      uuid         not null references charter (id),
    code            varchar(64)  not null,
    name            varchar      not null,
    description     varchar,
    restricted      boolean      not null default false,
    source_document varchar,
    source_quote    varchar,
    source_url      varchar,
    position        int          not null,
    retired         boolean      not null default false,
    classification  varchar(16)  not null default 'PUBLIC',
    origin_party    varchar(3),
    version         bigint       not null default 0,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    constraint working_group_code unique (charter_id, code),
    constraint working_group_classification check (classification in ('PUBLIC', 'BILATERAL', 'PARTY_INTERNAL'))
);

create table working_group_area (
    working_group_id uuid not null references working_group (id),
    area_id          uuid not null references area (id),
    primary key (working_group_id, area_id)
);

create table co_chair (
    working_group_id uuid       not null references working_group (id),
    party_code       varchar(3) not null,
    office           varchar    not null,
    primary key (working_group_id, party_code)
);

create table dialogue_platform (
    id              uuid primary key,
    charter_id      uuid         not null references charter (id),
    code            varchar(64)  not null,
    name            varchar      not null,
    purpose         varchar,
    status          varchar(16)  not null,
    source_document varchar,
    source_quote    varchar,
    source_url      varchar,
    position        int          not null,
    retired         boolean      not null default false,
    classification  varchar(16)  not null default 'PUBLIC',
    origin_party    varchar(3),
    version         bigint       not null default 0,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    constraint dialogue_platform_code unique (charter_id, code),
    constraint dialogue_platform_status check (status in ('ENVISAGED', 'ESTABLISHED', 'CLOSED')),
    constraint dialogue_platform_classification check (classification in ('PUBLIC', 'BILATERAL', 'PARTY_INTERNAL'))
);

create table dialogue_platform_area (
    dialogue_platform_id uuid not null references dialogue_platform (id),
    area_id              uuid not null references area (id),
    primary key (dialogue_platform_id, area_id)
);

create table history_entry (
    id              uuid primary key,
    charter_id      uuid         not null references charter (id),
    code            varchar(64)  not null,
    occurred_on     date         not null,
    kind            varchar(32)  not null,
    title           varchar      not null,
    description     varchar,
    subject         varchar(64),
    deliverable     varchar(64),
    source_document varchar,
    source_quote    varchar,
    source_url      varchar,
    position        int          not null,
    retired         boolean      not null default false,
    classification  varchar(16)  not null default 'PUBLIC',
    origin_party    varchar(3),
    version         bigint       not null default 0,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    constraint history_entry_code unique (charter_id, code),
    constraint history_entry_classification check (classification in ('PUBLIC', 'BILATERAL', 'PARTY_INTERNAL'))
);

create index commitment_clause on commitment (clause_id);
create index clause_article on clause (article_id);
create index commitment_area_area on commitment_area (area_id);
create index working_group_area_area on working_group_area (area_id);
