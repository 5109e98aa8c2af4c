-- Issue 19: the alternat. A definition may say, for each language, in which order that language's
-- texts name the parties (`charter.party-order: {en: [US, UA], uk: [UA, US]}`). charter.party_order
-- keeps it as `en:US,UA;uk:UA,US`; null when the definition sets none, and then every language
-- names the parties in the file's order (party.position), as before.
alter table charter add column party_order varchar(500);
