package org.entente.obligations;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.entente.obligations.ObligationViews.EventView;
import org.entente.shared.BadRequestException;

/**
 * What the event forms send, read into what {@code POST /api/charters/{c}/events} and {@code PATCH
 * /api/charters/{c}/events/{id}} take: blank fields are absent, as in the API, and a date that is
 * not one answers 400 naming its field.
 */
final class EventForm {

  private EventForm() {}

  /** The event a person records with the form. */
  static RecordEvent event(Map<String, String> form) {
    String kind = blankToNull(form.get("kind"));
    return new RecordEvent(
        kind,
        blankToNull(form.get("subject")),
        ObligationEvent.DELIVERABLE_FINALIZED.equals(kind)
            ? blankToNull(form.get("deliverable"))
            : null,
        date("occurredOn", form.get("occurredOn")),
        blankToNull(form.get("title")),
        blankToNull(form.get("note")),
        blankToNull(form.get("classification")));
  }

  /** The change a person makes to a recorded event, against the version they read. */
  static EventChange change(Map<String, String> form) {
    return EventChange.of(
        blankToNull(form.get("title")),
        form.get("note") == null ? null : form.get("note"),
        date("occurredOn", form.get("occurredOn")),
        blankToNull(form.get("classification")),
        version(form.get("version")));
  }

  /** The form filled in with an event as recorded. */
  static Map<String, String> of(EventView event) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("title", event.title() == null ? "" : event.title().text());
    form.put("note", event.note() == null ? "" : event.note());
    form.put("occurredOn", event.occurredOn().toString());
    form.put("classification", event.classification().code());
    form.put("version", Long.toString(event.version()));
    return form;
  }

  private static LocalDate date(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new BadRequestException(field, field + " must be a date (YYYY-MM-DD)");
    }
  }

  private static Long version(String value) {
    try {
      return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
    } catch (NumberFormatException e) {
      throw new BadRequestException("version", "version must be a whole number");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
