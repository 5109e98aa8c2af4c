package org.entente.meetings;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import org.entente.shared.BadRequestException;

/**
 * The rules of a meeting: when it is (start before end, in a named time zone) and how its status
 * may move. Planned meetings are held, cancelled or postponed; a postponed one is planned again
 * (with new times) or cancelled; held and cancelled are final. A meeting is held only once it has
 * started.
 */
final class Meeting {

  private Meeting() {}

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

  /** When a meeting is: its start and end as instants, and the zone it was set in. */
  record Times(Instant start, Instant end, ZoneId zone) {}

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
    if (java.time.Duration.between(s, e).toDays() > 14) {
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
}
