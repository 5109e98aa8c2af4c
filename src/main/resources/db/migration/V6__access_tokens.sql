-- Personal access tokens for API clients: stored as SHA-256 hashes, scoped read or write,
-- expiring, revocable. The token itself is shown once, when it is made.
create table personal_access_token (
    id           uuid primary key,
    account_id   uuid         not null references account (id),
    name         varchar(100) not null,
    token_hash   varchar(64)  not null,
    token_prefix varchar(12)  not null,
    scope        varchar(8)   not null,
    created_at   timestamp with time zone not null,
    expires_at   timestamp with time zone not null,
    revoked_at   timestamp with time zone,
    last_used_at timestamp with time zone,
    constraint personal_access_token_hash unique (token_hash),
    constraint personal_access_token_scope check (scope in ('READ', 'WRITE'))
);

create index personal_access_token_account on personal_access_token (account_id);
