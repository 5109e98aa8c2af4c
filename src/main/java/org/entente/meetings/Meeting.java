package org.entente.meetings;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.entente.charter.LanguagesOfCharter;
import org.entente.identity.Viewer;
import org.entente.meetings.MeetingInputs.MeetingChange;
import org.entente.shared.BadRequestException;
import org.entente.shared.Classification;
import org.entente.shared.ConflictException;
import org.entente.shared.ForbiddenException;
import org.entente.shared.LocalizedText;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * A meeting and its rules: when it is (start before end, in a named time zone), how its status may
 * move (planned meetings are held, cancelled or postponed; a postponed one is planned again or
 * cancelled; held and cancelled are final; a meeting is held only once it has started), who may
 * change it (members of its group, or officials for the framework), what its minutes may hold, and
 * what may follow from it (a joint statement of a group or platform; milestones from a working
 * group's action items).
 *
 * @param charterKey the key of the charter it belongs to
 * @param groupId the working group or dialogue platform it is of; null for the framework
 */
record Meeting(
    UUID id,
    UUID charterId,
    String charterKey,
    Body body,
    UUID groupId,
    LocalizedText title,
    Instant start,
    Instant end,
    ZoneId zone,
    String place,
    boolean online,
    Status status,
    LocalizedText minutes,
    Classification classification,
    String originParty,
    long version) {

  /** The longest a place may be. */
  static final int PLACE = 300;

  /** What minutes may hold: formatting, lists, tables, headings and links; no scripts or styles. */
  static final PolicyFactory MINUTES =
      Sanitizers.FORMATTING
          .and(Sanitizers.BLOCKS)
          .and(Sanitizers.LINKS)
          .and(Sanitizers.TABLES)
          .and(new HtmlPolicyBuilder().allowElements("hr", "br").toFactory());

  /** A meeting's status. */
  enum Status {
    PLANNED,
    HELD,
    CANCELLED,
    POSTPONED;

    String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Status fromCode(String code) {
      if (code == null) {
        throw new BadRequestException("status", "status is required");
      }
      try {
        return valueOf(code.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new BadRequestException(
            "status", "status '" + code + "' is not one of planned, held, cancelled, postponed");
      }
    }
  }

  /** The body a meeting is of. */
  enum Body {
    FRAMEWORK,
    WORKING_GROUP,
    DIALOGUE_PLATFORM;

    String code() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Body fromCode(String code) {
      if (code == null) {
        throw new BadRequestException(
            "body", "body is required: framework, working-group or dialogue-platform");
      }
      for (Body b : values()) {
        if (b.code().equals(code.strip())) {
          return b;
        }
      }
      throw new BadRequestException(
          "body", "body '" + code + "' is not one of framework, working-group, dialogue-platform");
    }
  }

  /** Whether a participant was there; invited until recorded. */
  enum Attendance {
    INVITED,
    ATTENDED,
    ABSENT,
    EXCUSED;

    String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** An attendance as sent; blank is {@code invited}. */
    static Attendance fromCode(String code, String field) {
      if (code == null || code.isBlank()) {
        return INVITED;
      }
      try {
        return valueOf(code.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new BadRequestException(
            field, "attendance '" + code + "' is not one of invited, attended, absent, excused");
      }
    }
  }

  /** When a meeting is: its start and end as instants, and the zone it was set in. */
  record Times(Instant start, Instant end, ZoneId zone) {}

  /** A meeting after a change, and whether its minutes were given. */
  record Changed(Meeting meeting, boolean minutesChanged) {}

  /**
   * Reads a meeting's times, given as local date-times in a time zone.
   *
   * @throws BadRequestException naming the field: a missing or unknown zone, a missing start or
   *     end, an end not after the start, a meeting longer than 14 days
   */
  static Times times(LocalDateTime start, LocalDateTime end, String zone) {
    ZoneId zoneId = zone(zone);
    if (start == null) {
      throw new BadRequestException("startsAt", "startsAt is required (YYYY-MM-DDTHH:MM)");
    }
    if (end == null) {
      throw new BadRequestException("endsAt", "endsAt is required (YYYY-MM-DDTHH:MM)");
    }
    Instant s = start.atZone(zoneId).toInstant();
    Instant e = end.atZone(zoneId).toInstant();
    if (!e.isAfter(s)) {
      throw new BadRequestException(
          "endsAt", "the meeting ends (" + end + ") before or when it starts (" + start + ")");
    }
    if (Duration.between(s, e).toDays() > 14) {
      throw new BadRequestException("endsAt", "a meeting lasts at most 14 days");
    }
    return new Times(s, e, zoneId);
  }

  static ZoneId zone(String zone) {
    if (zone == null || zone.isBlank()) {
      throw new BadRequestException("timeZone", "timeZone is required, e.g. Asia/Baku");
    }
    try {
      return ZoneId.of(zone.strip());
    } catch (java.time.DateTimeException e) {
      throw new BadRequestException(
          "timeZone", "'" + zone + "' is not a known time zone (e.g. Asia/Baku, America/New_York)");
    }
  }

  /**
   * Whether a meeting may move from one status to another, as of now.
   *
   * @throws BadRequestException when the move is not allowed from the current status, or a meeting
   *     that has not started would be marked held
   */
  static void move(Status from, Status to, Instant start, Instant now) {
    if (from == to) {
      return;
    }
    boolean allowed =
        switch (from) {
          case PLANNED -> to != Status.PLANNED;
          case POSTPONED -> to == Status.PLANNED || to == Status.CANCELLED;
          case HELD, CANCELLED -> false;
        };
    if (!allowed) {
      throw new BadRequestException(
          "status", "a " + from.code() + " meeting cannot become " + to.code());
    }
    if (to == Status.HELD && start.isAfter(now)) {
      throw new BadRequestException(
          "status", "the meeting has not started yet: mark it held once it has taken place");
    }
  }

  /** Sanitizes minutes: keeps formatting, lists, tables and links; drops scripts and handlers. */
  static String sanitize(String html) {
    String clean = MINUTES.sanitize(html).strip();
    return clean.isEmpty() ? null : clean;
  }

  /**
   * A new meeting's title, in the languages of its charter.
   *
   * @throws BadRequestException naming the field: no title in the charter's text language, a
   *     language outside the charter, a title longer than 300 characters
   */
  static LocalizedText title(Object sent, LanguagesOfCharter languages) {
    return MeetingTexts.required("title", sent, languages, MeetingTexts.MEETING_TITLE);
  }

  /**
   * The meeting as a change made against a version leaves it: only the fields given change; of its
   * title and minutes, only the languages given.
   *
   * @throws BadRequestException naming the field: no version, a title left without its text in the
   *     charter's text language, a language outside the charter, times out of order, a move its
   *     status may not make, minutes longer than 200,000 characters in a language
   * @throws ConflictException when the meeting changed since that version
   */
  Changed change(MeetingChange change, LanguagesOfCharter languages, Instant now) {
    if (change == null) {
      throw new BadRequestException(null, "a change is required");
    }
    if (change.version() == null) {
      throw new BadRequestException(
          "version", "the version the change was made against is required");
    }
    if (change.version() != version) {
      throw new ConflictException("meeting", version);
    }
    LocalizedText newTitle =
        MeetingTexts.changed(
            "title",
            title,
            change.title(),
            languages,
            MeetingTexts.MEETING_TITLE,
            false,
            UnaryOperator.identity());
    LocalizedText newMinutes =
        MeetingTexts.changed(
            "minutes",
            minutes,
            change.minutes(),
            languages,
            MeetingTexts.MINUTES,
            true,
            Meeting::sanitize);
    Times times = new Times(start, end, zone);
    if (change.startsAt() != null || change.endsAt() != null || change.timeZone() != null) {
      ZoneId z = change.timeZone() == null ? zone : zone(change.timeZone());
      times =
          times(
              change.startsAt() == null ? start.atZone(z).toLocalDateTime() : change.startsAt(),
              change.endsAt() == null ? end.atZone(z).toLocalDateTime() : change.endsAt(),
              z.getId());
    }
    String newPlace = change.place() == null ? place : optional("place", change.place(), PLACE);
    Status next = change.status() == null ? status : Status.fromCode(change.status());
    move(status, next, times.start(), now);
    Meeting after =
        new Meeting(
            id,
            charterId,
            charterKey,
            body,
            groupId,
            newTitle,
            times.start(),
            times.end(),
            times.zone(),
            newPlace,
            change.online() == null ? online : change.online(),
            next,
            newMinutes,
            classification,
            originParty,
            version);
    return new Changed(after, change.minutes() != null);
  }

  /** Whether the viewer may change the meeting: a member of its group, or an official. */
  boolean writableBy(Viewer viewer) {
    return groupId == null ? viewer.mayWriteInFramework() : viewer.mayWriteIn(groupId);
  }

  /**
   * The meeting, when the viewer may change it.
   *
   * @throws ForbiddenException when the viewer may only read it
   */
  Meeting requireWritableBy(Viewer viewer) {
    if (!writableBy(viewer)) {
      throw new ForbiddenException(null, "you may read this meeting but not change it");
    }
    return this;
  }

  /** Who may see the meeting, and so what its links and action items are checked against. */
  Viewer.Audience audience() {
    return new Viewer.Audience(classification, originParty, groupId);
  }

  /**
   * Whether this state, after the one before, records that the meeting was held: the first time it
   * is marked held, for the framework or a working group (a platform meets no obligation).
   */
  boolean becameHeldAfter(Meeting before) {
    return status == Status.HELD
        && before.status() != Status.HELD
        && body != Body.DIALOGUE_PLATFORM;
  }

  /** The day it started, in its own time zone. */
  LocalDate day() {
    return start.atZone(zone).toLocalDate();
  }

  /**
   * The group whose co-chairs approve the meeting's joint statement.
   *
   * @throws BadRequestException for a framework meeting, whose statement is not supported yet
   */
  UUID statementGroup() {
    if (groupId == null) {
      throw new BadRequestException(
          null,
          "a joint statement is agreed by the co-chairs of a working group or platform;"
              + " a framework meeting's statement is not supported yet");
    }
    return groupId;
  }

  /**
   * Checks that the meeting's action items may become milestones of a roadmap.
   *
   * @throws BadRequestException unless it is a working group's meeting
   */
  void requireRoadmap() {
    if (body != Body.WORKING_GROUP) {
      throw new BadRequestException(
          null, "only an action item of a working group's meeting can become a roadmap milestone");
    }
  }

  /**
   * A required text, stripped.
   *
   * @throws BadRequestException naming the field when it is blank or longer than {@code max}
   */
  static String required(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw new BadRequestException(field, field + " is required");
    }
    String v = value.strip();
    if (v.length() > max) {
      throw new BadRequestException(field, field + " must have at most " + max + " characters");
    }
    return v;
  }

  /** An optional text, stripped; null when blank. */
  static String optional(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return required(field, value, max);
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
