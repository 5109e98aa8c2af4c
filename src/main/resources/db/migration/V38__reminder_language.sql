-- The language a person reads what Entente writes for them (the daily digest, its e-mail, calendar
-- feeds fetched without ?lang=): one of the charters' languages, or NULL for the one worked out
-- from their party and charters (decision 0039), which is what every person had before.
alter table reminder_preference add column language varchar(16);
