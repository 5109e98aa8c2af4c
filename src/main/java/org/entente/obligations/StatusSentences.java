package org.entente.obligations;

import java.time.temporal.ChronoUnit;
import org.entente.languages.Formats;
import org.entente.obligations.ObligationViews.ObligationStatus;
import org.springframework.stereotype.Component;

/**
 * The status of an obligation in one sentence, in the reader's language, with its dates written for
 * people: {@code ${@deadlineSentences.of(o)}} is "Overdue by 210 days: due 10 May 2026." or "210
 * gün gecikir: son tarix 10 may 2026." The API keeps its English {@code summary}.
 */
@Component("deadlineSentences")
public class StatusSentences {

  private final Formats formats;

  StatusSentences(Formats formats) {
    this.formats = formats;
  }

  /** The sentence of this status, followed by when a recurring obligation was last met. */
  public String of(ObligationStatus o) {
    String due = formats.date(o.dueOn());
    String met = formats.date(o.metOn());
    String sentence =
        switch (o.status()) {
          case "met-on-time" -> message("deadline.summary.met-on-time", met, due);
          case "met-late" ->
              message(
                  "deadline.summary.met-late",
                  met,
                  due,
                  ChronoUnit.DAYS.between(o.dueOn(), o.metOn()));
          case "overdue" -> message("deadline.summary.overdue", o.daysOverdue(), due);
          case "due-soon" -> message("deadline.summary.due-soon", o.daysUntilDue(), due);
          default -> message("deadline.summary.pending", o.daysUntilDue(), due);
        };
    if (o.lastMetOn() == null || o.history().isEmpty()) {
      return sentence;
    }
    boolean onTime = o.history().get(o.history().size() - 1).onTime();
    return sentence
        + " "
        + message(
            onTime ? "deadline.summary.last-on-time" : "deadline.summary.last-late",
            formats.date(o.lastMetOn()));
  }

  private String message(String key, Object... arguments) {
    return formats.message(key, arguments);
  }
}
