-- Need-to-know visibility. Every record gets the group it belongs to (null: it belongs to the
-- charter as a whole), beside the classification and origin party it has had since V1. The one
-- visibility condition (org.entente.identity.Viewer) reads these three columns on every table.
-- People are members of working groups and dialogue platforms; a member who co-chairs a group for
-- their party approves for it.

alter table charter add column group_id uuid;
alter table party add column group_id uuid;
alter table foundation_document add column group_id uuid;
alter table principle add column group_id uuid;
alter table article add column group_id uuid;
alter table clause add column group_id uuid;
alter table area add column group_id uuid;
alter table commitment add column group_id uuid;
alter table working_group add column group_id uuid;
alter table dialogue_platform add column group_id uuid;
alter table history_entry add column group_id uuid;
alter table obligation_rule add column group_id uuid;
alter table obligation_event add column group_id uuid;

-- A group's own record belongs to the group: a bilateral group is seen by its members.
update working_group set group_id = id;
update dialogue_platform set group_id = id;
update obligation_event set group_id =
    (select g.id from working_group g
      where g.charter_id = obligation_event.charter_id and g.code = obligation_event.subject);

create index obligation_event_group on obligation_event (group_id);

create table membership (
    account_id uuid        not null references account (id),
    group_id   uuid        not null,
    group_kind varchar(16) not null,
    co_chair   boolean     not null default false,
    created_at timestamp with time zone not null,
    primary key (account_id, group_id),
    constraint membership_group_kind check (group_kind in ('WORKING_GROUP', 'DIALOGUE_PLATFORM'))
);

create index membership_group on membership (group_id);
