package org.entente.obligations;

import java.util.Comparator;
import java.util.Locale;
import org.entente.obligations.ObligationViews.ObligationStatus;
import org.entente.shared.BadRequestException;

/** How a list of obligations is sorted: by due date (the default), by status or by subject. */
enum DeadlineOrder {
  DUE,
  STATUS,
  SUBJECT;

  /**
   * The order with this code ({@code due}, {@code status} or {@code subject}); due when none.
   *
   * @throws BadRequestException naming {@code sort} for any other
   */
  static DeadlineOrder parse(String code) {
    if (code == null || code.isBlank()) {
      return DUE;
    }
    for (DeadlineOrder o : values()) {
      if (o.name().toLowerCase(Locale.ROOT).equals(code)) {
        return o;
      }
    }
    throw new BadRequestException("sort", "sort must be due, status or subject");
  }

  /** The order as a comparator: ties broken by due date, then rule, then subject. */
  Comparator<ObligationStatus> comparator() {
    Comparator<ObligationStatus> byDue =
        Comparator.comparing(ObligationStatus::dueOn).thenComparing(ObligationStatus::rule);
    return switch (this) {
      case DUE -> byDue.thenComparing(ObligationStatus::subject);
      case STATUS ->
          Comparator.comparing((ObligationStatus s) -> ObligationState.fromCode(s.status()))
              .reversed()
              .thenComparing(byDue);
      case SUBJECT -> Comparator.comparing(ObligationStatus::subject).thenComparing(byDue);
    };
  }
}
