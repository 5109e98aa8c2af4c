-- Reminders by e-mail need an address: optional, set by whoever manages the account.
alter table account add column email varchar(320);
