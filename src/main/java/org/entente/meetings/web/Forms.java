package org.entente.meetings.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.entente.shared.BadRequestException;
import org.entente.shared.DomainException;
import org.entente.shared.ForbiddenException;
import org.entente.shared.NotFoundException;

/** How the meeting pages read a form's fields: a bad value is a 400 naming the field. */
public final class Forms {

  private Forms() {}

  /** An id in a path; one that is not an id is answered as missing. */
  public static UUID id(String what, String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException(what, id);
    }
  }

  public static LocalDateTime dateTime(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDateTime.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new BadRequestException(field, "'" + value + "' is not a date and time");
    }
  }

  public static LocalDate date(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new BadRequestException(field, "'" + value + "' is not a date (YYYY-MM-DD)");
    }
  }

  /** The version a form was read at. */
  public static Long version(String value) {
    try {
      return Long.parseLong(value == null ? "" : value.strip());
    } catch (NumberFormatException e) {
      throw new BadRequestException("version", "the version read is required");
    }
  }

  public static UUID optionalUuid(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(value.strip());
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(field, "'" + value + "' is not an id");
    }
  }

  public static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** The field a refusal names, if any: what the form marks. */
  public static String field(DomainException e) {
    if (e instanceof BadRequestException b) {
      return b.field();
    }
    if (e instanceof ForbiddenException f) {
      return f.field();
    }
    return null;
  }
}
