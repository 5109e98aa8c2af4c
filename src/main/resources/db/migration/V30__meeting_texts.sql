-- Every text a person writes on a meeting is multilingual in the languages of its charter (issue 19,
-- item 2): a meeting's title and minutes, its agenda items' titles, its decisions' texts and its
-- action items' titles now hold, like every other multilingual column, a JSON object from language
-- tag to text (org.entente.shared.LocalizedText). The one text each record had moves under its
-- charter's text language (the definition's text-language, en for the default charter): the
-- language it was written in. Minutes that were never written stay null.
--
-- None of these texts enters an agreed fingerprint or an audit payload (a joint statement's
-- canonical content names its meeting by id; the audit records ids, dates and lengths), so nothing
-- agreed or chained changes. The text is escaped as a JSON string exactly as V28 did for
-- joint_statement.text: the backslash and the quote, then every control character (U+0001 to
-- U+001F; PostgreSQL keeps no U+0000 in a text) as JSON writes it.
--
-- The bounded columns become unbounded: a text in several languages, written as JSON, is longer than
-- the one text the bound was set for (the application still bounds each language's text).

alter table agenda_item alter column title set data type varchar;
alter table meeting_decision alter column text set data type varchar;
alter table action_item alter column title set data type varchar;


-- meeting.title
update meeting set title = replace(title, '\', '\\');
update meeting set title = replace(title, '"', '\"');
update meeting set title = replace(title, chr(1), '\u0001');
update meeting set title = replace(title, chr(2), '\u0002');
update meeting set title = replace(title, chr(3), '\u0003');
update meeting set title = replace(title, chr(4), '\u0004');
update meeting set title = replace(title, chr(5), '\u0005');
update meeting set title = replace(title, chr(6), '\u0006');
update meeting set title = replace(title, chr(7), '\u0007');
update meeting set title = replace(title, chr(8), '\b');
update meeting set title = replace(title, chr(9), '\t');
update meeting set title = replace(title, chr(10), '\n');
update meeting set title = replace(title, chr(11), '\u000b');
update meeting set title = replace(title, chr(12), '\f');
update meeting set title = replace(title, chr(13), '\r');
update meeting set title = replace(title, chr(14), '\u000e');
update meeting set title = replace(title, chr(15), '\u000f');
update meeting set title = replace(title, chr(16), '\u0010');
update meeting set title = replace(title, chr(17), '\u0011');
update meeting set title = replace(title, chr(18), '\u0012');
update meeting set title = replace(title, chr(19), '\u0013');
update meeting set title = replace(title, chr(20), '\u0014');
update meeting set title = replace(title, chr(21), '\u0015');
update meeting set title = replace(title, chr(22), '\u0016');
update meeting set title = replace(title, chr(23), '\u0017');
update meeting set title = replace(title, chr(24), '\u0018');
update meeting set title = replace(title, chr(25), '\u0019');
update meeting set title = replace(title, chr(26), '\u001a');
update meeting set title = replace(title, chr(27), '\u001b');
update meeting set title = replace(title, chr(28), '\u001c');
update meeting set title = replace(title, chr(29), '\u001d');
update meeting set title = replace(title, chr(30), '\u001e');
update meeting set title = replace(title, chr(31), '\u001f');

-- meeting.minutes
update meeting set minutes = replace(minutes, '\', '\\');
update meeting set minutes = replace(minutes, '"', '\"');
update meeting set minutes = replace(minutes, chr(1), '\u0001');
update meeting set minutes = replace(minutes, chr(2), '\u0002');
update meeting set minutes = replace(minutes, chr(3), '\u0003');
update meeting set minutes = replace(minutes, chr(4), '\u0004');
update meeting set minutes = replace(minutes, chr(5), '\u0005');
update meeting set minutes = replace(minutes, chr(6), '\u0006');
update meeting set minutes = replace(minutes, chr(7), '\u0007');
update meeting set minutes = replace(minutes, chr(8), '\b');
update meeting set minutes = replace(minutes, chr(9), '\t');
update meeting set minutes = replace(minutes, chr(10), '\n');
update meeting set minutes = replace(minutes, chr(11), '\u000b');
update meeting set minutes = replace(minutes, chr(12), '\f');
update meeting set minutes = replace(minutes, chr(13), '\r');
update meeting set minutes = replace(minutes, chr(14), '\u000e');
update meeting set minutes = replace(minutes, chr(15), '\u000f');
update meeting set minutes = replace(minutes, chr(16), '\u0010');
update meeting set minutes = replace(minutes, chr(17), '\u0011');
update meeting set minutes = replace(minutes, chr(18), '\u0012');
update meeting set minutes = replace(minutes, chr(19), '\u0013');
update meeting set minutes = replace(minutes, chr(20), '\u0014');
update meeting set minutes = replace(minutes, chr(21), '\u0015');
update meeting set minutes = replace(minutes, chr(22), '\u0016');
update meeting set minutes = replace(minutes, chr(23), '\u0017');
update meeting set minutes = replace(minutes, chr(24), '\u0018');
update meeting set minutes = replace(minutes, chr(25), '\u0019');
update meeting set minutes = replace(minutes, chr(26), '\u001a');
update meeting set minutes = replace(minutes, chr(27), '\u001b');
update meeting set minutes = replace(minutes, chr(28), '\u001c');
update meeting set minutes = replace(minutes, chr(29), '\u001d');
update meeting set minutes = replace(minutes, chr(30), '\u001e');
update meeting set minutes = replace(minutes, chr(31), '\u001f');

-- agenda_item.title
update agenda_item set title = replace(title, '\', '\\');
update agenda_item set title = replace(title, '"', '\"');
update agenda_item set title = replace(title, chr(1), '\u0001');
update agenda_item set title = replace(title, chr(2), '\u0002');
update agenda_item set title = replace(title, chr(3), '\u0003');
update agenda_item set title = replace(title, chr(4), '\u0004');
update agenda_item set title = replace(title, chr(5), '\u0005');
update agenda_item set title = replace(title, chr(6), '\u0006');
update agenda_item set title = replace(title, chr(7), '\u0007');
update agenda_item set title = replace(title, chr(8), '\b');
update agenda_item set title = replace(title, chr(9), '\t');
update agenda_item set title = replace(title, chr(10), '\n');
update agenda_item set title = replace(title, chr(11), '\u000b');
update agenda_item set title = replace(title, chr(12), '\f');
update agenda_item set title = replace(title, chr(13), '\r');
update agenda_item set title = replace(title, chr(14), '\u000e');
update agenda_item set title = replace(title, chr(15), '\u000f');
update agenda_item set title = replace(title, chr(16), '\u0010');
update agenda_item set title = replace(title, chr(17), '\u0011');
update agenda_item set title = replace(title, chr(18), '\u0012');
update agenda_item set title = replace(title, chr(19), '\u0013');
update agenda_item set title = replace(title, chr(20), '\u0014');
update agenda_item set title = replace(title, chr(21), '\u0015');
update agenda_item set title = replace(title, chr(22), '\u0016');
update agenda_item set title = replace(title, chr(23), '\u0017');
update agenda_item set title = replace(title, chr(24), '\u0018');
update agenda_item set title = replace(title, chr(25), '\u0019');
update agenda_item set title = replace(title, chr(26), '\u001a');
update agenda_item set title = replace(title, chr(27), '\u001b');
update agenda_item set title = replace(title, chr(28), '\u001c');
update agenda_item set title = replace(title, chr(29), '\u001d');
update agenda_item set title = replace(title, chr(30), '\u001e');
update agenda_item set title = replace(title, chr(31), '\u001f');

-- meeting_decision.text
update meeting_decision set text = replace(text, '\', '\\');
update meeting_decision set text = replace(text, '"', '\"');
update meeting_decision set text = replace(text, chr(1), '\u0001');
update meeting_decision set text = replace(text, chr(2), '\u0002');
update meeting_decision set text = replace(text, chr(3), '\u0003');
update meeting_decision set text = replace(text, chr(4), '\u0004');
update meeting_decision set text = replace(text, chr(5), '\u0005');
update meeting_decision set text = replace(text, chr(6), '\u0006');
update meeting_decision set text = replace(text, chr(7), '\u0007');
update meeting_decision set text = replace(text, chr(8), '\b');
update meeting_decision set text = replace(text, chr(9), '\t');
update meeting_decision set text = replace(text, chr(10), '\n');
update meeting_decision set text = replace(text, chr(11), '\u000b');
update meeting_decision set text = replace(text, chr(12), '\f');
update meeting_decision set text = replace(text, chr(13), '\r');
update meeting_decision set text = replace(text, chr(14), '\u000e');
update meeting_decision set text = replace(text, chr(15), '\u000f');
update meeting_decision set text = replace(text, chr(16), '\u0010');
update meeting_decision set text = replace(text, chr(17), '\u0011');
update meeting_decision set text = replace(text, chr(18), '\u0012');
update meeting_decision set text = replace(text, chr(19), '\u0013');
update meeting_decision set text = replace(text, chr(20), '\u0014');
update meeting_decision set text = replace(text, chr(21), '\u0015');
update meeting_decision set text = replace(text, chr(22), '\u0016');
update meeting_decision set text = replace(text, chr(23), '\u0017');
update meeting_decision set text = replace(text, chr(24), '\u0018');
update meeting_decision set text = replace(text, chr(25), '\u0019');
update meeting_decision set text = replace(text, chr(26), '\u001a');
update meeting_decision set text = replace(text, chr(27), '\u001b');
update meeting_decision set text = replace(text, chr(28), '\u001c');
update meeting_decision set text = replace(text, chr(29), '\u001d');
update meeting_decision set text = replace(text, chr(30), '\u001e');
update meeting_decision set text = replace(text, chr(31), '\u001f');

-- action_item.title
update action_item set title = replace(title, '\', '\\');
update action_item set title = replace(title, '"', '\"');
update action_item set title = replace(title, chr(1), '\u0001');
update action_item set title = replace(title, chr(2), '\u0002');
update action_item set title = replace(title, chr(3), '\u0003');
update action_item set title = replace(title, chr(4), '\u0004');
update action_item set title = replace(title, chr(5), '\u0005');
update action_item set title = replace(title, chr(6), '\u0006');
update action_item set title = replace(title, chr(7), '\u0007');
update action_item set title = replace(title, chr(8), '\b');
update action_item set title = replace(title, chr(9), '\t');
update action_item set title = replace(title, chr(10), '\n');
update action_item set title = replace(title, chr(11), '\u000b');
update action_item set title = replace(title, chr(12), '\f');
update action_item set title = replace(title, chr(13), '\r');
update action_item set title = replace(title, chr(14), '\u000e');
update action_item set title = replace(title, chr(15), '\u000f');
update action_item set title = replace(title, chr(16), '\u0010');
update action_item set title = replace(title, chr(17), '\u0011');
update action_item set title = replace(title, chr(18), '\u0012');
update action_item set title = replace(title, chr(19), '\u0013');
update action_item set title = replace(title, chr(20), '\u0014');
update action_item set title = replace(title, chr(21), '\u0015');
update action_item set title = replace(title, chr(22), '\u0016');
update action_item set title = replace(title, chr(23), '\u0017');
update action_item set title = replace(title, chr(24), '\u0018');
update action_item set title = replace(title, chr(25), '\u0019');
update action_item set title = replace(title, chr(26), '\u001a');
update action_item set title = replace(title, chr(27), '\u001b');
update action_item set title = replace(title, chr(28), '\u001c');
update action_item set title = replace(title, chr(29), '\u001d');
update action_item set title = replace(title, chr(30), '\u001e');
update action_item set title = replace(title, chr(31), '\u001f');

update meeting set title = '{"'
    || (select c.text_language from charter c where c.id = meeting.charter_id)
    || '":"' || title || '"}';
update meeting set minutes = '{"'
    || (select c.text_language from charter c where c.id = meeting.charter_id)
    || '":"' || minutes || '"}' where minutes is not null;
update agenda_item set title = '{"'
    || (select c.text_language from meeting m join charter c on c.id = m.charter_id
        where m.id = agenda_item.meeting_id)
    || '":"' || title || '"}';
update meeting_decision set text = '{"'
    || (select c.text_language from meeting m join charter c on c.id = m.charter_id
        where m.id = meeting_decision.meeting_id)
    || '":"' || text || '"}';
update action_item set title = '{"'
    || (select c.text_language from charter c where c.id = action_item.charter_id)
    || '":"' || title || '"}';
