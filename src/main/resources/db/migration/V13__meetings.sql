-- Meetings of the partnership: of the framework as a whole, of a working group, or of a dialogue
-- platform; their participants, agenda, minutes, decisions, action items and joint statement.
-- Every table a viewer reads on its own carries classification, origin_party and group_id, so the
-- one visibility condition (org.entente.identity.Viewer) applies to it directly.

-- A party's time zone, from the charter's definition: the zone its officials see times in.
alter table party add column time_zone varchar(64);

-- Dialogue platforms named by the definition are kept in step with it; the ones the parties create
-- as needed (clause 8.3) are not retired when the definition does not name them.
alter table dialogue_platform add column established_in_app boolean not null default false;

-- A membership of a dialogue platform did not fit: DIALOGUE_PLATFORM has 17 characters.
alter table membership alter column group_kind set data type varchar(20);

create table meeting (
    id             uuid primary key,
    charter_id     uuid          not null references charter (id),
    body_kind      varchar(20)   not null,
    title          varchar       not null,
    starts_at      timestamp with time zone not null,
    ends_at        timestamp with time zone not null,
    time_zone      varchar(64)   not null,
    place          varchar(300),
    online         boolean       not null default false,
    status         varchar(16)   not null,
    minutes        varchar,
    classification varchar(16)   not null default 'BILATERAL',
    origin_party   varchar(3),
    group_id       uuid,
    version        bigint        not null default 0,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    constraint meeting_body_kind check (body_kind in ('FRAMEWORK', 'WORKING_GROUP', 'DIALOGUE_PLATFORM')),
    constraint meeting_times check (ends_at > starts_at),
    constraint meeting_status check (status in ('PLANNED', 'HELD', 'CANCELLED', 'POSTPONED')),
    constraint meeting_classification check (classification in ('PUBLIC', 'BILATERAL', 'PARTY_INTERNAL'))
);

create index meeting_charter_start on meeting (charter_id, starts_at);
create index meeting_group on meeting (group_id);

create table meeting_participant (
    id           uuid primary key,
    meeting_id   uuid         not null references meeting (id),
    party        varchar(3),
    organization varchar(300) not null,
    person_name  varchar(200),
    attendance   varchar(16)  not null,
    position     int          not null,
    constraint meeting_participant_attendance check (attendance in ('INVITED', 'ATTENDED', 'ABSENT', 'EXCUSED'))
);

create index meeting_participant_meeting on meeting_participant (meeting_id);

create table agenda_item (
    id             uuid primary key,
    meeting_id     uuid         not null references meeting (id),
    position       int          not null,
    title          varchar(500) not null,
    commitment_key varchar(100),
    project_id     uuid references project (id),
    milestone_id   uuid references milestone (id)
);

create index agenda_item_meeting on agenda_item (meeting_id);

create table meeting_decision (
    id             uuid primary key,
    meeting_id     uuid          not null references meeting (id),
    agenda_item_id uuid references agenda_item (id),
    position       int           not null,
    text           varchar(4000) not null
);

create index meeting_decision_meeting on meeting_decision (meeting_id);

-- An action item carries its meeting's visibility, so the owner's work list and the reminders
-- read it with the one condition.
create table action_item (
    id                 uuid primary key,
    meeting_id         uuid          not null references meeting (id),
    charter_id         uuid          not null references charter (id),
    title              varchar(500)  not null,
    owner_organization varchar(300),
    owner_username     varchar(100),
    due_on             date          not null,
    status             varchar(16)   not null,
    milestone_id       uuid references milestone (id),
    classification     varchar(16)   not null,
    origin_party       varchar(3),
    group_id           uuid,
    version            bigint        not null default 0,
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    constraint action_item_owner check (owner_organization is not null or owner_username is not null),
    constraint action_item_status check (status in ('OPEN', 'DONE', 'CANCELLED')),
    constraint action_item_classification check (classification in ('PUBLIC', 'BILATERAL', 'PARTY_INTERNAL'))
);

create index action_item_meeting on action_item (meeting_id);
create index action_item_due on action_item (due_on);

-- The joint statement drafted at a meeting. Its text and its publication are agreed together
-- through concurrence (subject type joint-statement, key the meeting's id); once agreed with
-- publication, published_at is set and the statement is public.
create table joint_statement (
    meeting_id   uuid primary key references meeting (id),
    text         varchar       not null,
    publish      boolean       not null default true,
    published_at timestamp with time zone,
    version      bigint        not null default 0,
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null
);

-- Calendar subscriptions: a secret in the URL, of which only a hash is kept; revocable.
create table calendar_feed (
    id          uuid primary key,
    username    varchar(100) not null,
    kind        varchar(16)  not null,
    group_id    uuid,
    secret_hash varchar(64)  not null,
    created_at  timestamp with time zone not null,
    revoked_at  timestamp with time zone,
    constraint calendar_feed_kind check (kind in ('PERSON', 'GROUP')),
    constraint calendar_feed_secret unique (secret_hash)
);

create index calendar_feed_user on calendar_feed (username);

-- A person's reminder settings, and the digests made for them.
create table reminder_preference (
    username   varchar(100) primary key,
    days_ahead int          not null default 14,
    by_email   boolean      not null default true,
    enabled    boolean      not null default true,
    version    bigint       not null default 0,
    updated_at timestamp with time zone not null,
    constraint reminder_preference_days check (days_ahead between 0 and 90)
);

create table notification (
    id         uuid primary key,
    username   varchar(100) not null,
    digest_on  date         not null,
    body       varchar      not null,
    item_count int          not null,
    emailed    boolean      not null default false,
    read_at    timestamp with time zone,
    created_at timestamp with time zone not null,
    constraint notification_once_a_day unique (username, digest_on)
);

-- A meeting marked held is recorded as the event that meets the "at least annually" obligations.
alter table obligation_event drop constraint obligation_event_source_kind;
alter table obligation_event add constraint obligation_event_source_kind
    check (source in ('DEFINITION', 'API', 'AGREEMENT', 'MEETING'));
