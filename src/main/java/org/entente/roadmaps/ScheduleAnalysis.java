package org.entente.roadmaps;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The schedule analysis of a roadmap, pure: no database, no clock of its own.
 *
 * <p>Each milestone takes its planned duration (planned end minus planned start, in days). A
 * milestone's forecast start is the later of its planned start and the forecast finish of every
 * milestone it depends on (finish to start); a milestone that is done finishes on its actual end.
 * The roadmap finishes at the latest forecast finish. Going backwards, a milestone's latest finish
 * is the earliest latest start of those that depend on it (or the roadmap's finish); its slack is
 * latest start minus forecast start. The critical path is the chain of milestones with no slack,
 * from a first one to the one that finishes the roadmap.
 *
 * <p>As of a day: a milestone not done whose planned end has passed is late; one whose forecast
 * finish is after its planned end, because of what it depends on, is at risk, and says through
 * which milestone.
 */
public final class ScheduleAnalysis {

  private ScheduleAnalysis() {}

  /** What the analysis needs of a milestone. */
  public record Item(
      String key,
      LocalDate plannedStart,
      LocalDate plannedEnd,
      LocalDate actualEnd,
      boolean done,
      List<String> dependsOn) {}

  /** How a milestone stands. */
  public enum Standing {
    DONE,
    ON_TRACK,
    AT_RISK,
    LATE
  }

  /**
   * A milestone's figures.
   *
   * @param cause for a milestone at risk, the milestone it depends on that pushes it
   */
  public record Result(
      String key,
      LocalDate forecastStart,
      LocalDate forecastFinish,
      long slackDays,
      boolean critical,
      Standing standing,
      String cause) {}

  /** The whole analysis. */
  public record Analysis(
      Map<String, Result> milestones, List<String> criticalPath, LocalDate finish) {}

  /**
   * The dependency cycle among these milestones, if there is one: its keys in order, the first
   * repeated at the end, e.g. {@code [a, b, c, a]}.
   */
  public static Optional<List<String>> cycle(Map<String, List<String>> dependsOn) {
    Map<String, Integer> state = new HashMap<>(); // 1 visiting, 2 done
    Deque<String> path = new ArrayDeque<>();
    for (String start : dependsOn.keySet()) {
      Optional<List<String>> found = visit(start, dependsOn, state, path);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static Optional<List<String>> visit(
      String node,
      Map<String, List<String>> edges,
      Map<String, Integer> state,
      Deque<String> path) {
    Integer s = state.get(node);
    if (s != null && s == 2) {
      return Optional.empty();
    }
    if (s != null && s == 1) {
      List<String> cycle = new ArrayList<>();
      boolean in = false;
      for (java.util.Iterator<String> it = path.descendingIterator(); it.hasNext(); ) {
        String n = it.next();
        if (n.equals(node)) {
          in = true;
        }
        if (in) {
          cycle.add(n);
        }
      }
      cycle.add(node);
      // the path runs from dependent to dependency; say it as "a depends on b depends on ..."
      return Optional.of(cycle);
    }
    state.put(node, 1);
    path.push(node);
    for (String next : edges.getOrDefault(node, List.of())) {
      Optional<List<String>> found = visit(next, edges, state, path);
      if (found.isPresent()) {
        return found;
      }
    }
    path.pop();
    state.put(node, 2);
    return Optional.empty();
  }

  /**
   * Analyses a roadmap as of a day.
   *
   * @throws IllegalArgumentException when the dependencies have a cycle or name an unknown
   *     milestone
   */
  public static Analysis analyse(List<Item> items, LocalDate today) {
    Map<String, Item> byKey = new LinkedHashMap<>();
    items.forEach(i -> byKey.put(i.key(), i));
    Map<String, List<String>> edges = new LinkedHashMap<>();
    for (Item item : items) {
      for (String d : item.dependsOn()) {
        if (!byKey.containsKey(d)) {
          throw new IllegalArgumentException(item.key() + " depends on unknown " + d);
        }
      }
      edges.put(item.key(), item.dependsOn());
    }
    cycle(edges)
        .ifPresent(
            c -> {
              throw new IllegalArgumentException("dependency cycle " + String.join(" → ", c));
            });
    List<String> order = topological(byKey.keySet(), edges);
    Forecast forecast = forecast(order, byKey, today);
    LocalDate end = forecast.finish().values().stream().max(LocalDate::compareTo).orElse(today);
    Map<String, LocalDate> latestStart = latestStarts(order, items, forecast, end);
    Map<String, Result> results = new LinkedHashMap<>();
    for (String key : byKey.keySet()) {
      results.put(key, result(byKey.get(key), forecast, latestStart.get(key), today));
    }
    return new Analysis(results, criticalPath(order, byKey, results, end), end);
  }

  /**
   * The forward pass: each milestone's forecast start and finish, and the milestone it depends on
   * that pushes its start, if one does.
   */
  private record Forecast(
      Map<String, LocalDate> start, Map<String, LocalDate> finish, Map<String, String> pushedBy) {}

  private static Forecast forecast(List<String> order, Map<String, Item> byKey, LocalDate today) {
    Map<String, LocalDate> start = new HashMap<>();
    Map<String, LocalDate> finish = new HashMap<>();
    Map<String, String> pushedBy = new HashMap<>();
    for (String key : order) {
      Item item = byKey.get(key);
      long duration = duration(item);
      LocalDate es = item.plannedStart();
      String cause = null;
      for (String d : item.dependsOn()) {
        // finish to start: the day after the dependency finishes
        LocalDate after = finish.get(d).plusDays(1);
        if (after.isAfter(es)) {
          es = after;
          cause = d;
        }
      }
      LocalDate ef =
          item.done() && item.actualEnd() != null ? item.actualEnd() : es.plusDays(duration);
      if (!item.done() && !ef.isAfter(today) && item.plannedEnd().isBefore(today)) {
        // not done and due: it cannot finish before today
        ef = today;
      }
      start.put(key, es);
      finish.put(key, ef);
      if (cause != null) {
        pushedBy.put(key, cause);
      }
    }
    return new Forecast(start, finish, pushedBy);
  }

  /** The backward pass: the latest day each milestone may start without moving the end. */
  private static Map<String, LocalDate> latestStarts(
      List<String> order, List<Item> items, Forecast forecast, LocalDate end) {
    Map<String, List<String>> dependents = new HashMap<>();
    for (Item item : items) {
      for (String d : item.dependsOn()) {
        dependents.computeIfAbsent(d, k -> new ArrayList<>()).add(item.key());
      }
    }
    Map<String, LocalDate> latestStart = new HashMap<>();
    for (int i = order.size() - 1; i >= 0; i--) {
      String key = order.get(i);
      LocalDate lf = end;
      for (String s : dependents.getOrDefault(key, List.of())) {
        LocalDate beforeIt = latestStart.get(s).minusDays(1);
        if (beforeIt.isBefore(lf)) {
          lf = beforeIt;
        }
      }
      latestStart.put(
          key,
          lf.minusDays(
              ChronoUnit.DAYS.between(forecast.start().get(key), forecast.finish().get(key))));
    }
    return latestStart;
  }

  /** A milestone's figures and how it stands as of a day. */
  private static Result result(
      Item item, Forecast forecast, LocalDate latestStart, LocalDate today) {
    String key = item.key();
    LocalDate start = forecast.start().get(key);
    LocalDate finish = forecast.finish().get(key);
    long slack = ChronoUnit.DAYS.between(start, latestStart);
    Standing standing;
    String cause = null;
    if (item.done()) {
      standing = Standing.DONE;
    } else if (item.plannedEnd().isBefore(today)) {
      standing = Standing.LATE;
    } else if (finish.isAfter(item.plannedEnd())) {
      standing = Standing.AT_RISK;
      cause = forecast.pushedBy().get(key);
    } else {
      standing = Standing.ON_TRACK;
    }
    return new Result(key, start, finish, slack, slack == 0, standing, cause);
  }

  /** The zero-slack chain that ends the roadmap, from its first milestone to its last. */
  private static List<String> criticalPath(
      List<String> order, Map<String, Item> byKey, Map<String, Result> results, LocalDate end) {
    String last = null;
    for (String key : order) {
      Result r = results.get(key);
      if (r.critical() && r.forecastFinish().equals(end)) {
        last = key;
      }
    }
    List<String> path = new ArrayList<>();
    String current = last;
    Set<String> seen = new LinkedHashSet<>();
    while (current != null && seen.add(current)) {
      path.add(0, current);
      Result r = results.get(current);
      String next = null;
      for (String d : byKey.get(current).dependsOn()) {
        Result dr = results.get(d);
        if (dr.critical() && dr.forecastFinish().plusDays(1).equals(r.forecastStart())) {
          next = d;
          break;
        }
      }
      current = next;
    }
    return path;
  }

  private static long duration(Item item) {
    long days = ChronoUnit.DAYS.between(item.plannedStart(), item.plannedEnd());
    if (days < 0) {
      throw new IllegalArgumentException(item.key() + " ends before it starts");
    }
    return days;
  }

  private static List<String> topological(Set<String> keys, Map<String, List<String>> edges) {
    List<String> order = new ArrayList<>();
    Set<String> done = new LinkedHashSet<>();
    for (String key : keys) {
      place(key, edges, done, order);
    }
    return order;
  }

  private static void place(
      String key, Map<String, List<String>> edges, Set<String> done, List<String> order) {
    if (done.contains(key)) {
      return;
    }
    done.add(key);
    for (String d : edges.getOrDefault(key, List.of())) {
      place(d, edges, done, order);
    }
    order.add(key);
  }
}
