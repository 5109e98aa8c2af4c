-- Milestones of the working groups' roadmaps and their finish-to-start dependencies. A roadmap's
-- baselines are the versions both parties agreed, kept by concurrence (agreement_content).

create table milestone (
    id                 uuid primary key,
    charter_id         uuid         not null references charter (id),
    code               varchar(100) not null,
    title              varchar      not null,
    owner_organization varchar(300),
    planned_start      date         not null,
    planned_end        date         not null,
    actual_start       date,
    actual_end         date,
    status             varchar(16)  not null,
    project_id         uuid references project (id),
    retired            boolean      not null default false,
    classification     varchar(16)  not null default 'BILATERAL',
    origin_party       varchar(3),
    group_id           uuid         not null references working_group (id),
    version            bigint       not null default 0,
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    constraint milestone_code unique (charter_id, code),
    constraint milestone_dates check (planned_end >= planned_start),
    constraint milestone_status check (status in ('NOT_STARTED', 'IN_PROGRESS', 'DONE', 'CANCELLED')),
    constraint milestone_classification check (classification in ('PUBLIC', 'BILATERAL', 'PARTY_INTERNAL'))
);

create index milestone_group on milestone (group_id);

create table milestone_dependency (
    milestone_id uuid not null references milestone (id),
    depends_on   uuid not null references milestone (id),
    primary key (milestone_id, depends_on)
);
