-- The directory of organizations of a charter: ministries, agencies, companies and institutions,
-- each with its party (or none), its IATI organisation type and, where known, its IATI
-- organisation identifier. Kept by the directory module; coordinators manage it.
-- name_folded is the name stripped and in lower case: a name is unique per charter whatever its case
-- (an index on lower(name) would not run on H2).

create table organization (
    id              uuid primary key,
    charter_id      uuid          not null references charter (id),
    name            varchar(300)  not null,
    name_folded     varchar(300)  not null,
    second_name     varchar(300),
    party           varchar(3),
    iati_type       varchar(2)    not null,
    iati_identifier varchar(100),
    version         bigint        not null default 0,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    constraint organization_name unique (charter_id, name_folded),
    constraint organization_iati_type check (iati_type in
        ('10', '11', '15', '21', '22', '23', '24', '30', '40', '60', '70', '71', '72', '73', '80', '90'))
);
