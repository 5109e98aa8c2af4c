-- Two-party agreement on shared records (project lists, roadmaps, joint statements, publication).
-- One agreement per subject; each revision of the subject's content is a numbered version with the
-- SHA-256 of its canonical content, kept for ever. Approvals are never deleted: a withdrawn one
-- keeps when and why. Agreed versions list who approved and when (the approvals of that version).

create table agreement (
    id             uuid primary key,
    charter_id     uuid         not null references charter (id),
    subject_type   varchar(32)  not null,
    subject_key    varchar(200) not null,
    parties        varchar(20)  not null,
    state          varchar(16)  not null,
    current_number int          not null,
    fingerprint    varchar(64)  not null,
    disputed_by    varchar(3),
    dispute_reason varchar(2000),
    classification varchar(16)  not null default 'BILATERAL',
    origin_party   varchar(3),
    group_id       uuid,
    version        bigint       not null default 0,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    constraint agreement_subject unique (subject_type, subject_key),
    constraint agreement_state check (state in ('DRAFT', 'APPROVED_BY_ONE', 'AGREED', 'DISPUTED')),
    constraint agreement_classification check (classification in ('PUBLIC', 'BILATERAL', 'PARTY_INTERNAL'))
);

create table agreement_content (
    agreement_id uuid         not null references agreement (id),
    number       int          not null,
    fingerprint  varchar(64)  not null,
    content      varchar      not null,
    created_by   varchar(100) not null,
    created_at   timestamp with time zone not null,
    primary key (agreement_id, number)
);

create table agreement_approval (
    id                uuid primary key,
    agreement_id      uuid         not null references agreement (id),
    position          int          not null,
    party             varchar(3)   not null,
    number            int          not null,
    fingerprint       varchar(64)  not null,
    approved_by       varchar(100) not null,
    approved_at       timestamp with time zone not null,
    withdrawn_at      timestamp with time zone,
    withdrawn_because varchar(2200)
);

create index agreement_approval_agreement on agreement_approval (agreement_id);

create table agreement_agreed (
    agreement_id uuid        not null references agreement (id),
    number       int         not null,
    fingerprint  varchar(64) not null,
    agreed_at    timestamp with time zone not null,
    primary key (agreement_id, number)
);
