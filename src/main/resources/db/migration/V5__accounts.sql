-- People who use Entente, the one-time link that creates the first administrator, login
-- throttling, and the sessions themselves (Spring Session JDBC), all in the database so that
-- several application nodes can serve one deployment.

create table account (
    id             uuid primary key,
    username       varchar(100) not null,
    display_name   varchar(200) not null,
    party          varchar(3),
    organization   varchar(300),
    password_hash  varchar(100) not null,
    roles          varchar(300) not null,
    clearance      boolean      not null default false,
    enabled        boolean      not null default true,
    classification varchar(16)  not null default 'BILATERAL',
    origin_party   varchar(3),
    version        bigint       not null default 0,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    constraint account_username unique (username),
    constraint account_classification check (classification in ('PUBLIC', 'BILATERAL', 'PARTY_INTERNAL'))
);

create table setup_token (
    id          int          primary key,
    token_hash  varchar(64)  not null,
    created_at  timestamp with time zone not null,
    used_at     timestamp with time zone,
    constraint setup_token_single check (id = 1)
);

-- One row per account name and per source address: failures in the current window and when the
-- next attempt may be made.
create table login_throttle (
    throttle_key  varchar(200) primary key,
    failures      int          not null,
    first_failure timestamp with time zone not null,
    blocked_until timestamp with time zone
);

create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);

create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);
