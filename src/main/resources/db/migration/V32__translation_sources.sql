-- Issue 19, the translation workflow (decision 0037): a joint statement's texts know their source
-- language and, per translation, the digest of the source text it was made from, so that a
-- translation whose source changed since is out of date. The state is a JSON object kept beside
-- the texts ({"source":"en","sourceChangedAt":"…","madeFrom":{"az":"<sha-256 of the source>"}},
-- org.entente.translations.TranslationState). A statement drafted before this column has none:
-- its source is its charter's text language and each translation it has counts as made from the
-- source as it stands, until the source changes. Nothing else changes: the texts, the agreed
-- fingerprints and the audit trail stay as they were.
alter table joint_statement add column translation_sources varchar(4000);
