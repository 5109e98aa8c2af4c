-- A working group's projects are listed by key, one page at a time. This index walks them in that
-- order, so a page reads only its own rows, and it holds the columns the visibility condition
-- reads, so that counting them needs no table rows on PostgreSQL (an index-only scan). It leads
-- with group_id, so it replaces the index on group_id alone (the foreign key's lookups use it).
create index project_group_code on project (group_id, code, retired, classification, origin_party);
drop index project_group;
