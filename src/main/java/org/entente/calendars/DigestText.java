package org.entente.calendars;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.entente.calendars.CalendarViews.DigestItem;
import org.entente.languages.Formats;
import org.springframework.stereotype.Component;

/**
 * A digest as plain text, the same in the notification and the e-mail: one line per item, each
 * starting with "- ", grouped by kind, overdue ones marked in words. It is written in the current
 * language ({@link Readers#in}): sentences from the message bundles (English where the language has
 * no bundle), dates and periods as {@link Formats} writes them.
 */
@Component
class DigestText {

  static final List<String> KINDS = List.of("deadline", "action-item", "milestone");

  private final Formats formats;

  DigestText(Formats formats) {
    this.formats = formats;
  }

  String body(String username, LocalDate day, int daysAhead, List<DigestItem> items) {
    StringBuilder text = new StringBuilder();
    text.append(
            formats.message(
                "digest.intro",
                username,
                formats.date(day),
                formats.period(Period.ofDays(daysAhead))))
        .append('\n');
    for (String kind : KINDS) {
      section(text, kind, items);
    }
    return text.toString();
  }

  private void section(StringBuilder text, String kind, List<DigestItem> items) {
    List<DigestItem> these = items.stream().filter(i -> i.kind().equals(kind)).toList();
    if (these.isEmpty()) {
      return;
    }
    text.append('\n').append(formats.message("digest.section." + kind)).append('\n');
    for (DigestItem i : these) {
      text.append("- ").append(line(i)).append('\n');
    }
  }

  /** One item as its line shows it, without the leading "- ". */
  String line(DigestItem i) {
    return formats.message(
        i.overdue() ? "digest.item.overdue" : "digest.item.due",
        formats.date(i.dueOn()),
        i.title(),
        i.where());
  }

  /** The subject of the e-mail. */
  String subject(LocalDate day, int count) {
    return formats.message("digest.subject", formats.date(day), count, formats.number(count));
  }
}
