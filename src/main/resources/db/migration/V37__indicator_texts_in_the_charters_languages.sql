-- Issue 19, decision 0041: an indicator's unit, definition and data source, and each value's note,
-- are texts in the languages of their charter, like the indicator's name (decision 0036): each column
-- now holds a JSON object from language tag to text (org.entente.shared.LocalizedText). The one text
-- each record had moves under its charter's text language (the definition's text-language, en for
-- the default charter), the language it was written in; a definition, data source or note never
-- written stays null. The text is escaped as a JSON string exactly as V28 and V30 did: the backslash
-- and the quote, then every control character (U+0001 to U+001F) as JSON writes it.
--
-- None of these texts enters an agreed fingerprint or an audit payload (indicator.created records
-- the charter, key and classification; indicator.value-added the kind, year and figure), so nothing
-- agreed or chained changes. The bounded columns become unbounded: a text in several languages,
-- written as JSON, is longer than the one text the bound was set for (the application still bounds
-- each language's text).
--
-- Decision 0037, the seam: an indicator's translatable texts (name, unit, definition) keep where
-- their translations stand, one TranslationState per text in one JSON object beside the texts:
-- {"name":{"source":"en","sourceChangedAt":"…","madeFrom":{"az":"<sha-256>"}},"unit":{…},
--  "definition":{…}}. An indicator made before this column has none: its texts are written in its
-- charter's text language, a translation it has counts as current until its source changes.
-- Nothing is back-filled.

alter table indicator alter column unit set data type varchar;
alter table indicator alter column definition set data type varchar;
alter table indicator alter column data_source set data type varchar;
alter table indicator_value alter column note set data type varchar;
alter table indicator add column translation_sources varchar(8000);

-- The same for a dialogue platform the parties propose in the application (decision 0034): its name
-- and purpose keep where their translations stand, {"name":{…},"purpose":{…}}, written by the
-- meetings module (its agreement) through the charter module, which owns the table. A platform of
-- the definition, or one made before V37, has none: its texts are the charter's text language's.
alter table dialogue_platform add column translation_sources varchar(8000);


-- indicator.unit
update indicator set unit = replace(unit, '\', '\\');
update indicator set unit = replace(unit, '"', '\"');
update indicator set unit = replace(unit, chr(1), '\u0001');
update indicator set unit = replace(unit, chr(2), '\u0002');
update indicator set unit = replace(unit, chr(3), '\u0003');
update indicator set unit = replace(unit, chr(4), '\u0004');
update indicator set unit = replace(unit, chr(5), '\u0005');
update indicator set unit = replace(unit, chr(6), '\u0006');
update indicator set unit = replace(unit, chr(7), '\u0007');
update indicator set unit = replace(unit, chr(8), '\b');
update indicator set unit = replace(unit, chr(9), '\t');
update indicator set unit = replace(unit, chr(10), '\n');
update indicator set unit = replace(unit, chr(11), '\u000b');
update indicator set unit = replace(unit, chr(12), '\f');
update indicator set unit = replace(unit, chr(13), '\r');
update indicator set unit = replace(unit, chr(14), '\u000e');
update indicator set unit = replace(unit, chr(15), '\u000f');
update indicator set unit = replace(unit, chr(16), '\u0010');
update indicator set unit = replace(unit, chr(17), '\u0011');
update indicator set unit = replace(unit, chr(18), '\u0012');
update indicator set unit = replace(unit, chr(19), '\u0013');
update indicator set unit = replace(unit, chr(20), '\u0014');
update indicator set unit = replace(unit, chr(21), '\u0015');
update indicator set unit = replace(unit, chr(22), '\u0016');
update indicator set unit = replace(unit, chr(23), '\u0017');
update indicator set unit = replace(unit, chr(24), '\u0018');
update indicator set unit = replace(unit, chr(25), '\u0019');
update indicator set unit = replace(unit, chr(26), '\u001a');
update indicator set unit = replace(unit, chr(27), '\u001b');
update indicator set unit = replace(unit, chr(28), '\u001c');
update indicator set unit = replace(unit, chr(29), '\u001d');
update indicator set unit = replace(unit, chr(30), '\u001e');
update indicator set unit = replace(unit, chr(31), '\u001f');
update indicator set unit = '{"'
    || (select c.text_language from charter c where c.id = indicator.charter_id)
    || '":"' || unit || '"}';

-- indicator.definition
update indicator set definition = replace(definition, '\', '\\');
update indicator set definition = replace(definition, '"', '\"');
update indicator set definition = replace(definition, chr(1), '\u0001');
update indicator set definition = replace(definition, chr(2), '\u0002');
update indicator set definition = replace(definition, chr(3), '\u0003');
update indicator set definition = replace(definition, chr(4), '\u0004');
update indicator set definition = replace(definition, chr(5), '\u0005');
update indicator set definition = replace(definition, chr(6), '\u0006');
update indicator set definition = replace(definition, chr(7), '\u0007');
update indicator set definition = replace(definition, chr(8), '\b');
update indicator set definition = replace(definition, chr(9), '\t');
update indicator set definition = replace(definition, chr(10), '\n');
update indicator set definition = replace(definition, chr(11), '\u000b');
update indicator set definition = replace(definition, chr(12), '\f');
update indicator set definition = replace(definition, chr(13), '\r');
update indicator set definition = replace(definition, chr(14), '\u000e');
update indicator set definition = replace(definition, chr(15), '\u000f');
update indicator set definition = replace(definition, chr(16), '\u0010');
update indicator set definition = replace(definition, chr(17), '\u0011');
update indicator set definition = replace(definition, chr(18), '\u0012');
update indicator set definition = replace(definition, chr(19), '\u0013');
update indicator set definition = replace(definition, chr(20), '\u0014');
update indicator set definition = replace(definition, chr(21), '\u0015');
update indicator set definition = replace(definition, chr(22), '\u0016');
update indicator set definition = replace(definition, chr(23), '\u0017');
update indicator set definition = replace(definition, chr(24), '\u0018');
update indicator set definition = replace(definition, chr(25), '\u0019');
update indicator set definition = replace(definition, chr(26), '\u001a');
update indicator set definition = replace(definition, chr(27), '\u001b');
update indicator set definition = replace(definition, chr(28), '\u001c');
update indicator set definition = replace(definition, chr(29), '\u001d');
update indicator set definition = replace(definition, chr(30), '\u001e');
update indicator set definition = replace(definition, chr(31), '\u001f');
update indicator set definition = '{"'
    || (select c.text_language from charter c where c.id = indicator.charter_id)
    || '":"' || definition || '"}' where definition is not null;

-- indicator.data_source
update indicator set data_source = replace(data_source, '\', '\\');
update indicator set data_source = replace(data_source, '"', '\"');
update indicator set data_source = replace(data_source, chr(1), '\u0001');
update indicator set data_source = replace(data_source, chr(2), '\u0002');
update indicator set data_source = replace(data_source, chr(3), '\u0003');
update indicator set data_source = replace(data_source, chr(4), '\u0004');
update indicator set data_source = replace(data_source, chr(5), '\u0005');
update indicator set data_source = replace(data_source, chr(6), '\u0006');
update indicator set data_source = replace(data_source, chr(7), '\u0007');
update indicator set data_source = replace(data_source, chr(8), '\b');
update indicator set data_source = replace(data_source, chr(9), '\t');
update indicator set data_source = replace(data_source, chr(10), '\n');
update indicator set data_source = replace(data_source, chr(11), '\u000b');
update indicator set data_source = replace(data_source, chr(12), '\f');
update indicator set data_source = replace(data_source, chr(13), '\r');
update indicator set data_source = replace(data_source, chr(14), '\u000e');
update indicator set data_source = replace(data_source, chr(15), '\u000f');
update indicator set data_source = replace(data_source, chr(16), '\u0010');
update indicator set data_source = replace(data_source, chr(17), '\u0011');
update indicator set data_source = replace(data_source, chr(18), '\u0012');
update indicator set data_source = replace(data_source, chr(19), '\u0013');
update indicator set data_source = replace(data_source, chr(20), '\u0014');
update indicator set data_source = replace(data_source, chr(21), '\u0015');
update indicator set data_source = replace(data_source, chr(22), '\u0016');
update indicator set data_source = replace(data_source, chr(23), '\u0017');
update indicator set data_source = replace(data_source, chr(24), '\u0018');
update indicator set data_source = replace(data_source, chr(25), '\u0019');
update indicator set data_source = replace(data_source, chr(26), '\u001a');
update indicator set data_source = replace(data_source, chr(27), '\u001b');
update indicator set data_source = replace(data_source, chr(28), '\u001c');
update indicator set data_source = replace(data_source, chr(29), '\u001d');
update indicator set data_source = replace(data_source, chr(30), '\u001e');
update indicator set data_source = replace(data_source, chr(31), '\u001f');
update indicator set data_source = '{"'
    || (select c.text_language from charter c where c.id = indicator.charter_id)
    || '":"' || data_source || '"}' where data_source is not null;

-- indicator_value.note
update indicator_value set note = replace(note, '\', '\\');
update indicator_value set note = replace(note, '"', '\"');
update indicator_value set note = replace(note, chr(1), '\u0001');
update indicator_value set note = replace(note, chr(2), '\u0002');
update indicator_value set note = replace(note, chr(3), '\u0003');
update indicator_value set note = replace(note, chr(4), '\u0004');
update indicator_value set note = replace(note, chr(5), '\u0005');
update indicator_value set note = replace(note, chr(6), '\u0006');
update indicator_value set note = replace(note, chr(7), '\u0007');
update indicator_value set note = replace(note, chr(8), '\b');
update indicator_value set note = replace(note, chr(9), '\t');
update indicator_value set note = replace(note, chr(10), '\n');
update indicator_value set note = replace(note, chr(11), '\u000b');
update indicator_value set note = replace(note, chr(12), '\f');
update indicator_value set note = replace(note, chr(13), '\r');
update indicator_value set note = replace(note, chr(14), '\u000e');
update indicator_value set note = replace(note, chr(15), '\u000f');
update indicator_value set note = replace(note, chr(16), '\u0010');
update indicator_value set note = replace(note, chr(17), '\u0011');
update indicator_value set note = replace(note, chr(18), '\u0012');
update indicator_value set note = replace(note, chr(19), '\u0013');
update indicator_value set note = replace(note, chr(20), '\u0014');
update indicator_value set note = replace(note, chr(21), '\u0015');
update indicator_value set note = replace(note, chr(22), '\u0016');
update indicator_value set note = replace(note, chr(23), '\u0017');
update indicator_value set note = replace(note, chr(24), '\u0018');
update indicator_value set note = replace(note, chr(25), '\u0019');
update indicator_value set note = replace(note, chr(26), '\u001a');
update indicator_value set note = replace(note, chr(27), '\u001b');
update indicator_value set note = replace(note, chr(28), '\u001c');
update indicator_value set note = replace(note, chr(29), '\u001d');
update indicator_value set note = replace(note, chr(30), '\u001e');
update indicator_value set note = replace(note, chr(31), '\u001f');
update indicator_value set note = '{"'
    || (select c.text_language from indicator i join charter c on c.id = i.charter_id
        where i.id = indicator_value.indicator_id)
    || '":"' || note || '"}' where note is not null;
