-- Issue 19, the translation workflow (decision 0037) for a meeting's texts: each text knows its
-- source language and, per translation, the digest of the source text it was made from, stored
-- beside the text in the meetings module's own tables. A meeting keeps one JSON object for its title
-- and its minutes, {"title":{TranslationState},"minutes":{TranslationState}}; an agenda item, a
-- decision and an action item each keep the TranslationState of their one text,
-- {"source":"en","sourceChangedAt":"…","madeFrom":{"az":"<sha-256>"}}.
-- A row made before this migration has none: its texts are written in its charter's text language,
-- each translation it has counts as current until its source changes, a language without a text is
-- missing. Nothing is back-filled: the texts, the joint statements' agreed fingerprints and the
-- audit trail stay as they were.
alter table meeting add column translation_sources varchar(8000);
alter table agenda_item add column translation_source varchar(4000);
alter table meeting_decision add column translation_source varchar(4000);
alter table action_item add column translation_source varchar(4000);
