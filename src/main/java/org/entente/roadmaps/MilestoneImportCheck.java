package org.entente.roadmaps;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.entente.roadmaps.MilestoneCsv.RowError;
import org.entente.roadmaps.MilestoneCsvReading.Line;
import org.entente.shared.BadRequestException;

/**
 * Checking a file of milestones against the roadmap it goes to, and what importing it would write.
 * Keys are unique in the charter: only the group's milestones the importer may see are brought up
 * to date; a key held by a milestone of another group they may see is named as such, and one held
 * by a record they may not see (or a retired one) is only "already used", so that an import neither
 * changes nor describes what the importer may not see. Dependencies are on milestones of the file
 * or already stored (none party-internal), without a cycle.
 *
 * @param projects the group's projects a bilateral milestone may belong to, ids by key
 * @param stored the group's milestones the importer may see, by key
 * @param elsewhere keys held by milestones the importer may not bring up to date, with whether the
 *     importer may see the one that holds it
 * @param internal keys of the group's party-internal milestones
 * @param internalProjects keys of the party-internal projects among {@code projects}: only a
 *     party-internal milestone the importer may see belongs to one
 */
record MilestoneImportCheck(
    Map<String, UUID> projects,
    Map<String, Known> stored,
    Map<String, Boolean> elsewhere,
    Set<String> internal,
    Set<String> internalProjects) {

  /** A stored milestone as an import compares it: its id, fingerprint and dependencies. */
  record Known(UUID id, String fingerprint, List<String> dependsOn) {}

  /** A checked line. */
  record Row(long line, Milestone milestone) {}

  /** A milestone to insert or update, with its id. */
  record Write(UUID id, Milestone milestone) {}

  /**
   * What an import writes.
   *
   * @param ids every milestone's id by key, stored or new: what dependencies are written with
   */
  record Plan(
      int rows, List<Write> inserts, List<Write> updates, int unchanged, Map<String, UUID> ids) {}

  /** The file's rows that pass, and every error, by line. */
  record Checked(List<Row> rows, List<RowError> errors) {}

  /** Checks every line of a file, then their dependencies. */
  Checked check(List<Line> lines) {
    List<Row> rows = new ArrayList<>();
    List<RowError> errors = new ArrayList<>();
    Map<String, Long> keys = new HashMap<>();
    for (Line line : lines) {
      try {
        if (line.error() != null) {
          throw line.error();
        }
        rows.add(new Row(line.line(), checkRow(line.milestone(), line.line(), keys)));
      } catch (BadRequestException e) {
        errors.add(new RowError(line.line(), e.field(), e.getMessage()));
      }
    }
    checkDependencies(rows, keys, errors);
    errors.sort(Comparator.comparingLong(RowError::line));
    return new Checked(rows, List.copyOf(errors));
  }

  private Milestone checkRow(Milestone m, long line, Map<String, Long> keys) {
    Long earlier = keys.putIfAbsent(m.key(), line);
    if (earlier != null) {
      throw new BadRequestException("key", "the key '" + m.key() + "' is also on line " + earlier);
    }
    Boolean visibleElsewhere = elsewhere.get(m.key());
    if (visibleElsewhere != null) {
      throw new BadRequestException(
          "key",
          visibleElsewhere
              ? "the key '" + m.key() + "' belongs to a milestone of another group"
              : "the key '" + m.key() + "' is already used in this charter");
    }
    if (m.project() != null
        && (!projects.containsKey(m.project())
            || internalProjects.contains(m.project()) && !internal.contains(m.key()))) {
      throw new BadRequestException(
          "project", "the working group has no project '" + m.project() + "'");
    }
    return m;
  }

  /** Dependencies on milestones of the file or already stored, without a cycle. */
  private void checkDependencies(List<Row> rows, Map<String, Long> keys, List<RowError> errors) {
    Map<String, List<String>> graph = new LinkedHashMap<>();
    stored.forEach((key, s) -> graph.put(key, s.dependsOn()));
    for (Row row : rows) {
      graph.put(row.milestone().key(), row.milestone().dependsOn());
    }
    for (Row row : rows) {
      for (String d : row.milestone().dependsOn()) {
        boolean hidden = internal.contains(d) && !internal.contains(row.milestone().key());
        if (!graph.containsKey(d) || hidden) {
          errors.add(
              new RowError(row.line(), "depends_on", "the roadmap has no milestone '" + d + "'"));
        }
      }
    }
    if (errors.isEmpty()) {
      ScheduleAnalysis.cycle(graph)
          .ifPresent(
              cycle ->
                  errors.add(
                      new RowError(
                          keys.getOrDefault(cycle.get(0), 0L),
                          "depends_on",
                          Milestone.cycleMessage(cycle))));
    }
  }

  /** What importing these checked rows writes: new milestones, changed ones, and the rest. */
  Plan plan(List<Row> rows) {
    Map<String, UUID> ids = new HashMap<>();
    stored.forEach((key, s) -> ids.put(key, s.id()));
    List<Write> inserts = new ArrayList<>();
    List<Write> updates = new ArrayList<>();
    int unchanged = 0;
    for (Row row : rows) {
      Milestone m = row.milestone();
      Known known = stored.get(m.key());
      if (known == null) {
        UUID id = UUID.randomUUID();
        ids.put(m.key(), id);
        inserts.add(new Write(id, m));
      } else if (!m.fingerprint().equals(known.fingerprint())) {
        updates.add(new Write(known.id(), m));
      } else {
        unchanged++;
      }
    }
    return new Plan(rows.size(), inserts, updates, unchanged, ids);
  }
}
