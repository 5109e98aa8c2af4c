-- Issue 19: a party may declare more than one time zone (its officials' zones, the first the one
-- they see by default). party.time_zone keeps them as IANA names joined by commas; one zone is
-- stored exactly as before.
alter table party alter column time_zone set data type varchar(500);
