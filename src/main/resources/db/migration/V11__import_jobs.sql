-- CSV imports that run in the background, so that a long file shows its progress. Any node can
-- answer the progress page: the job lives in the database, not in one node's memory.

create table import_job (
    id          uuid primary key,
    kind        varchar(16)  not null,
    charter     varchar(64)  not null,
    group_key   varchar(64)  not null,
    file_name   varchar(300),
    started_by  varchar(100) not null,
    status      varchar(16)  not null,
    rows_read   bigint       not null default 0,
    report      varchar,
    created_at  timestamp with time zone not null,
    finished_at timestamp with time zone,
    constraint import_job_kind check (kind in ('PROJECTS', 'MILESTONES')),
    constraint import_job_status check (status in ('RUNNING', 'DONE', 'REFUSED', 'FAILED'))
);

create index import_job_started_by on import_job (started_by, created_at);
