-- Issue 19, the translation workflow (decision 0037) for projects: a project's title and description
-- each know their source language and, per translation, the digest of the source text it was made
-- from. One JSON object beside the texts, a TranslationState per text:
-- {"title":{"source":"en","sourceChangedAt":"…","madeFrom":{"az":"<sha-256>"}},"description":{…}}.
-- A project made before this column has none: its texts are written in its charter's text language,
-- each translation it has counts as current until its source changes, a language without a text is
-- missing. Nothing is back-filled: the texts, the project lists' agreed fingerprints (the state is
-- not part of a list's content) and the audit trail stay as they were.
alter table project add column translation_sources varchar(8000);
