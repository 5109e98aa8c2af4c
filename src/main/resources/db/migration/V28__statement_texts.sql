-- A joint statement has an authentic text in each language of its charter (issue 19): the column
-- text now holds, like every other multilingual column, a JSON object from language tag to text
-- (org.entente.shared.LocalizedText). The one text each statement had moves under its charter's
-- text language, the definition's text-language (en for the default charter), read here from the
-- charter the statement's meeting is of.
--
-- No agreed fingerprint changes: a version whose only text is in the charter's text language keeps
-- the canonical content it always had ({"meeting":…,"text":…,"publish":…}, see
-- org.entente.meetings.StatementTexts), and that is exactly what this migration makes of every
-- statement. The text is escaped as a JSON string: the backslash and the quote, then every control
-- character (U+0001 to U+001F; PostgreSQL keeps no U+0000 in a text) as JSON writes it.

update joint_statement set text = replace(text, '\', '\\');
update joint_statement set text = replace(text, '"', '\"');
update joint_statement set text = replace(text, chr(1), '\u0001');
update joint_statement set text = replace(text, chr(2), '\u0002');
update joint_statement set text = replace(text, chr(3), '\u0003');
update joint_statement set text = replace(text, chr(4), '\u0004');
update joint_statement set text = replace(text, chr(5), '\u0005');
update joint_statement set text = replace(text, chr(6), '\u0006');
update joint_statement set text = replace(text, chr(7), '\u0007');
update joint_statement set text = replace(text, chr(8), '\b');
update joint_statement set text = replace(text, chr(9), '\t');
update joint_statement set text = replace(text, chr(10), '\n');
update joint_statement set text = replace(text, chr(11), '\u000b');
update joint_statement set text = replace(text, chr(12), '\f');
update joint_statement set text = replace(text, chr(13), '\r');
update joint_statement set text = replace(text, chr(14), '\u000e');
update joint_statement set text = replace(text, chr(15), '\u000f');
update joint_statement set text = replace(text, chr(16), '\u0010');
update joint_statement set text = replace(text, chr(17), '\u0011');
update joint_statement set text = replace(text, chr(18), '\u0012');
update joint_statement set text = replace(text, chr(19), '\u0013');
update joint_statement set text = replace(text, chr(20), '\u0014');
update joint_statement set text = replace(text, chr(21), '\u0015');
update joint_statement set text = replace(text, chr(22), '\u0016');
update joint_statement set text = replace(text, chr(23), '\u0017');
update joint_statement set text = replace(text, chr(24), '\u0018');
update joint_statement set text = replace(text, chr(25), '\u0019');
update joint_statement set text = replace(text, chr(26), '\u001a');
update joint_statement set text = replace(text, chr(27), '\u001b');
update joint_statement set text = replace(text, chr(28), '\u001c');
update joint_statement set text = replace(text, chr(29), '\u001d');
update joint_statement set text = replace(text, chr(30), '\u001e');
update joint_statement set text = replace(text, chr(31), '\u001f');

update joint_statement set text = '{"'
    || (select c.text_language from meeting m join charter c on c.id = m.charter_id
        where m.id = joint_statement.meeting_id)
    || '":"' || text || '"}';
