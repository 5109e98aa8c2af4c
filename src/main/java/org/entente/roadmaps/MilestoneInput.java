package org.entente.roadmaps;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A milestone to add, or (with {@code version}) the new content of one; dates as YYYY-MM-DD.
 *
 * @param project the key of the project it belongs to, if any
 * @param dependsOn keys of the milestones that must finish before it starts
 * @param status not-started (default), in-progress, done or cancelled
 * @param classification bilateral (default) or party-internal, when added
 * @param version for a change: the version it was made against
 */
public record MilestoneInput(
    String key,
    Map<String, String> title,
    String owner,
    LocalDate plannedStart,
    LocalDate plannedEnd,
    LocalDate actualStart,
    LocalDate actualEnd,
    String status,
    String project,
    List<String> dependsOn,
    String classification,
    Long version) {}
