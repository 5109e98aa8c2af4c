package org.entente.dashboard;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.entente.dashboard.DashboardViews.Item;
import org.entente.dashboard.DashboardViews.Totals;
import org.entente.shared.LocalizedText;

/**
 * The open items of one dashboard as they are gathered: each sorted into overdue (due before today)
 * or upcoming (due within the window), and counted by kind; the rest left out.
 */
final class DashboardItems {

  /** The kinds of item, in the order of {@link Totals}. */
  enum Kind {
    MILESTONE("milestone"),
    ACTION_ITEM("action-item"),
    OBLIGATION("obligation");

    final String code;

    Kind(String code) {
      this.code = code;
    }
  }

  private final LocalDate today;
  private final LocalDate until;
  private final List<Item> overdue = new ArrayList<>();
  private final List<Item> upcoming = new ArrayList<>();
  private final int[] overdueCount = new int[Kind.values().length];
  private final int[] upcomingCount = new int[Kind.values().length];

  DashboardItems(LocalDate today, int days) {
    this.today = today;
    this.until = today.plusDays(days);
  }

  /** Adds an open item: overdue, upcoming, or neither when it falls due after the window. */
  void add(
      Kind kind,
      LocalizedText title,
      String group,
      LocalizedText groupName,
      LocalDate dueOn,
      String url) {
    Item item =
        new Item(
            kind.code,
            title,
            group,
            groupName,
            dueOn,
            Math.abs(ChronoUnit.DAYS.between(today, dueOn)),
            url);
    if (dueOn.isBefore(today)) {
      overdue.add(item);
      overdueCount[kind.ordinal()]++;
    } else if (!dueOn.isAfter(until)) {
      upcoming.add(item);
      upcomingCount[kind.ordinal()]++;
    }
  }

  /** The most overdue first, at most {@code listed}. */
  List<Item> overdue(int listed) {
    return first(overdue, listed);
  }

  /** The soonest due first, at most {@code listed}. */
  List<Item> upcoming(int listed) {
    return first(upcoming, listed);
  }

  Totals totals() {
    return new Totals(
        overdueCount[0],
        overdueCount[1],
        overdueCount[2],
        upcomingCount[0],
        upcomingCount[1],
        upcomingCount[2]);
  }

  private static List<Item> first(List<Item> items, int listed) {
    List<Item> sorted = new ArrayList<>(items);
    sorted.sort(Comparator.comparing(Item::dueOn).thenComparing(Item::kind));
    return List.copyOf(sorted.subList(0, Math.min(listed, sorted.size())));
  }
}
