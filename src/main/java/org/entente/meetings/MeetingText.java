package org.entente.meetings;

/**
 * The texts of a meeting that join the translation workflow (decision 0037), as the workflow names
 * them, and where each is stored: the meeting's title and minutes (their states together in the
 * meeting's {@code translation_sources}; the key is the meeting's id), and each agenda item's
 * title, decision's text and action item's title (the state in the item's own {@code
 * translation_source}; the key is the item's id).
 */
enum MeetingText {
  TITLE(
      "meeting-title",
      "meeting m",
      "m.id",
      "m.title",
      "m.translation_sources",
      "m.version",
      "m.starts_at, m.id",
      MeetingTexts.MEETING_TITLE),
  MINUTES(
      "meeting-minutes",
      "meeting m",
      "m.id",
      "m.minutes",
      "m.translation_sources",
      "m.version",
      "m.starts_at, m.id",
      MeetingTexts.MINUTES),
  AGENDA_ITEM(
      "meeting-agenda-item",
      "agenda_item x join meeting m on m.id = x.meeting_id",
      "x.id",
      "x.title",
      "x.translation_source",
      "m.version",
      "m.starts_at, m.id, x.position, x.id",
      MeetingTexts.ITEM_TITLE),
  DECISION(
      "meeting-decision",
      "meeting_decision x join meeting m on m.id = x.meeting_id",
      "x.id",
      "x.text",
      "x.translation_source",
      "m.version",
      "m.starts_at, m.id, x.position, x.id",
      MeetingTexts.DECISION),
  ACTION_ITEM(
      "meeting-action-item",
      "action_item x join meeting m on m.id = x.meeting_id",
      "x.id",
      "x.title",
      "x.translation_source",
      "x.version",
      "m.starts_at, m.id, x.due_on, x.created_at, x.id",
      MeetingTexts.ITEM_TITLE);

  private final String subject;
  private final String from;
  private final String id;
  private final String text;
  private final String sources;
  private final String version;
  private final String order;
  private final int max;

  MeetingText(
      String subject,
      String from,
      String id,
      String text,
      String sources,
      String version,
      String order,
      int max) {
    this.subject = subject;
    this.from = from;
    this.id = id;
    this.text = text;
    this.sources = sources;
    this.version = version;
    this.order = order;
    this.max = max;
  }

  String subject() {
    return subject;
  }

  String from() {
    return from;
  }

  String id() {
    return id;
  }

  String text() {
    return text;
  }

  String sources() {
    return sources;
  }

  String version() {
    return version;
  }

  String order() {
    return order;
  }

  /** The longest a translation may be, as the text's own rule says. */
  int max() {
    return max;
  }

  /** Whether the text is the meeting's own (its title or minutes), keyed by the meeting's id. */
  boolean ofMeeting() {
    return this == TITLE || this == MINUTES;
  }
}
