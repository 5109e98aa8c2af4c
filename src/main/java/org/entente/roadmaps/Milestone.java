package org.entente.roadmaps;

import java.time.LocalDate;
import java.util.List;
import org.entente.shared.BadRequestException;
import org.entente.shared.LocalizedText;

/**
 * A milestone's content and its rules: it ends on or after it starts, it is done only with an
 * actual end, and an actual end is not before its actual start.
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
}
