package org.entente.calendars;

import java.time.LocalDate;
import java.util.List;
import org.entente.calendars.CalendarViews.DigestItem;

/**
 * A digest as plain text, the same in the notification and the e-mail: one line per item, each
 * starting with "- ", grouped by kind, overdue ones marked in words.
 */
final class DigestText {

  private DigestText() {}

  static String body(String username, LocalDate day, int daysAhead, List<DigestItem> items) {
    StringBuilder text = new StringBuilder();
    text.append("Reminders for ")
        .append(username)
        .append(" on ")
        .append(day)
        .append(": what is due within ")
        .append(daysAhead)
        .append(daysAhead == 1 ? " day" : " days")
        .append(", and what is overdue.\n");
    section(text, "Charter deadlines", "deadline", items);
    section(text, "Action items", "action-item", items);
    section(text, "Milestones", "milestone", items);
    return text.toString();
  }

  private static void section(
      StringBuilder text, String heading, String kind, List<DigestItem> items) {
    List<DigestItem> these = items.stream().filter(i -> i.kind().equals(kind)).toList();
    if (these.isEmpty()) {
      return;
    }
    text.append('\n').append(heading).append('\n');
    for (DigestItem i : these) {
      text.append("- ").append(line(i)).append('\n');
    }
  }

  /** One item as its line shows it, without the leading "- ". */
  static String line(DigestItem i) {
    return (i.overdue() ? "OVERDUE since " : "due ")
        + i.dueOn()
        + ": "
        + i.title()
        + " ("
        + i.where()
        + ")";
  }

  /** The subject of the e-mail. */
  static String subject(LocalDate day, int count) {
    return "Entente reminders for " + day + ": " + count + (count == 1 ? " item" : " items");
  }
}
