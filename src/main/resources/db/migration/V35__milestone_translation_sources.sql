-- Issue 19, the translation workflow (decision 0037) for milestones: a milestone's title knows its
-- source language and, per translation, the digest of the source text it was made from. One JSON
-- object beside the title, a TranslationState as joint statements keep it (V32):
-- {"source":"en","sourceChangedAt":"…","madeFrom":{"az":"<sha-256>"}}.
-- A milestone made before this column has none: its title is written in its charter's text
-- language, each translation it has counts as current until its source changes, a language without
-- a title is missing. Nothing is back-filled: the titles, the roadmaps' agreed fingerprints (the
-- state is not part of a roadmap's content) and the audit trail stay as they were.
alter table milestone add column translation_sources varchar(8000);
