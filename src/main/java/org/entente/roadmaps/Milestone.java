package org.entente.roadmaps;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.entente.shared.BadRequestException;
import org.entente.shared.ForbiddenException;
import org.entente.shared.LocalizedText;
import org.entente.shared.TextLanguages;

/**
 * A milestone's content and its rules: it ends on or after it starts, it is done only with an
 * actual end, and an actual end is not before its actual start; it depends only on milestones of
 * its roadmap, without a cycle; once published, its plan changes only through both parties'
 * agreement.
 */
public record Milestone(
    String key,
    LocalizedText title,
    String owner,
    LocalDate plannedStart,
    LocalDate plannedEnd,
    LocalDate actualStart,
    LocalDate actualEnd,
    Status status,
    String project,
    List<String> dependsOn) {

  /** Where a milestone is. */
  public enum Status {
    NOT_STARTED,
    IN_PROGRESS,
    DONE,
    CANCELLED;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /**
     * The status with this code.
     *
     * @throws BadRequestException naming the field {@code status} when there is none
     */
    public static Status fromCode(String code) {
      for (Status s : values()) {
        if (s.code().equals(code)) {
          return s;
        }
      }
      throw new BadRequestException(
          "status",
          "unknown status '" + code + "': use not-started, in-progress, done or cancelled");
    }
  }

  /** Checks the content, naming the first field that is wrong. */
  public Milestone {
    if (key == null || !key.matches("[a-z0-9][a-z0-9-]{0,99}")) {
      throw new BadRequestException(
          "key", "a milestone key has 1 to 100 lowercase letters, digits and hyphens");
    }
    if (title == null
        || title.isEmpty()
        || title.values().values().stream()
            .anyMatch(t -> t == null || t.isBlank() || t.length() > 500)) {
      throw new BadRequestException("title", "a milestone needs a title of 1 to 500 characters");
    }
    if (owner != null && owner.length() > 300) {
      throw new BadRequestException("owner", "an owner organization has at most 300 characters");
    }
    if (plannedStart == null || plannedEnd == null) {
      throw new BadRequestException(
          plannedStart == null ? "plannedStart" : "plannedEnd",
          "a milestone has a planned start and a planned end (YYYY-MM-DD)");
    }
    if (plannedEnd.isBefore(plannedStart)) {
      throw new BadRequestException(
          "plannedEnd",
          "the planned end " + plannedEnd + " is before the planned start " + plannedStart);
    }
    if (actualStart != null && actualEnd != null && actualEnd.isBefore(actualStart)) {
      throw new BadRequestException(
          "actualEnd",
          "the actual end " + actualEnd + " is before the actual start " + actualStart);
    }
    status = status == null ? Status.NOT_STARTED : status;
    if (status == Status.DONE && actualEnd == null) {
      throw new BadRequestException("actualEnd", "a milestone is done on its actual end: give it");
    }
    dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    if (dependsOn.contains(key)) {
      throw new BadRequestException("dependsOn", "a milestone cannot depend on itself");
    }
  }

  /**
   * A milestone from what a person sent, with this key: the title and owner stripped, a blank owner
   * none, the status by its code (not started when none).
   */
  static Milestone of(MilestoneInput input, String key) {
    return new Milestone(
        key,
        LocalizedText.stripped(input.title()),
        input.owner() == null || input.owner().isBlank() ? null : input.owner().strip(),
        input.plannedStart(),
        input.plannedEnd(),
        input.actualStart(),
        input.actualEnd(),
        input.status() == null ? Status.NOT_STARTED : Status.fromCode(input.status()),
        input.project(),
        input.dependsOn());
  }

  /**
   * This milestone, when its title is in languages its charter declares; a language the milestone
   * had before ({@code before}, null for a new one) stays allowed.
   *
   * @throws BadRequestException naming {@code title} when it is in another language
   */
  Milestone requireLanguages(List<String> declared, Milestone before) {
    TextLanguages.require("title", title, declared, before == null ? null : before.title());
    return this;
  }

  /** The same milestone, linked to this project and these milestones. */
  Milestone linkedTo(String project, List<String> dependsOn) {
    return new Milestone(
        key,
        title,
        owner,
        plannedStart,
        plannedEnd,
        actualStart,
        actualEnd,
        status,
        project,
        dependsOn);
  }

  /** Whether it is done: what the schedule analysis finishes on its actual end. */
  boolean done() {
    return status == Status.DONE;
  }

  /** Whether two milestones have the same plan: what a roadmap version agrees on. */
  boolean samePlan(Milestone other) {
    return title.equals(other.title)
        && Objects.equals(owner, other.owner)
        && plannedStart.equals(other.plannedStart)
        && plannedEnd.equals(other.plannedEnd)
        && Objects.equals(project, other.project)
        && Set.copyOf(dependsOn).equals(Set.copyOf(other.dependsOn));
  }

  /**
   * This milestone's new content, when it may take it: a published milestone's plan changes only
   * through both parties' agreement, its status and actual dates freely.
   *
   * @throws ForbiddenException when it is published and the new content changes its plan
   */
  Milestone revisedTo(Milestone next, boolean published) {
    if (published && !samePlan(next)) {
      throw new ForbiddenException(
          null,
          "a published milestone's plan changes only through both parties' agreement; its status"
              + " and actual dates may change");
    }
    return next;
  }

  /**
   * Refuses dependencies on a milestone the roadmap does not have, and one that would close a
   * cycle.
   *
   * @param roadmap the roadmap's other milestones: their keys with the keys they depend on
   * @throws BadRequestException naming {@code dependsOn} and the missing milestone or the cycle
   */
  void requireDependenciesIn(Map<String, List<String>> roadmap) {
    for (String d : dependsOn) {
      if (!roadmap.containsKey(d)) {
        throw new BadRequestException(
            "dependsOn", "the roadmap has no milestone '" + d + "' to depend on");
      }
    }
    Map<String, List<String>> graph = new LinkedHashMap<>(roadmap);
    graph.put(key, dependsOn);
    ScheduleAnalysis.cycle(graph)
        .ifPresent(
            cycle -> {
              throw new BadRequestException("dependsOn", cycleMessage(cycle));
            });
  }

  /** How a dependency cycle is named to a person. */
  static String cycleMessage(List<String> cycle) {
    return "these dependencies make a cycle: " + String.join(" depends on ", cycle);
  }

  /**
   * Its content as one string: two milestones with the same fingerprint are the same, whatever the
   * order of their title's languages or dependencies. What an import compares by.
   */
  String fingerprint() {
    return String.join(
        "|",
        new TreeMap<>(title.values()).toString(),
        Objects.toString(owner, ""),
        plannedStart.toString(),
        plannedEnd.toString(),
        Objects.toString(actualStart, ""),
        Objects.toString(actualEnd, ""),
        status.name(),
        Objects.toString(project, ""),
        String.join(";", dependsOn.stream().sorted().toList()));
  }
}
