package org.entente.projects;

import java.util.Map;
import java.util.UUID;
import org.entente.audit.Audit;
import org.entente.audit.AuditEvent.Outcome;
import org.entente.shared.CharterKey;
import org.entente.shared.Classification;
import org.springframework.stereotype.Component;

/** The audit events of the projects module's writes, each named and with its details. */
@Component
class ProjectAudit {

  private final Audit audit;

  ProjectAudit(Audit audit) {
    this.audit = audit;
  }

  /** The classification in the details lets the history panel keep a party's internal work. */
  void created(
      UUID id, CharterKey charterKey, String groupKey, String key, Classification classification) {
    audit.record(
        "project.created",
        "project",
        id.toString(),
        Outcome.SUCCESS,
        Map.of(
            "charter",
            charterKey.value(),
            "group",
            groupKey,
            "key",
            key,
            "classification",
            classification.code()));
  }

  void updated(UUID id, String key, long version, Classification classification) {
    audit.record(
        "project.updated",
        "project",
        id.toString(),
        Outcome.SUCCESS,
        Map.of("key", key, "version", version, "classification", classification.code()));
  }

  void stageChanged(UUID id, String key, Project.Stage from, Project.Stage to) {
    audit.record(
        "project.stage-changed",
        "project",
        id.toString(),
        Outcome.SUCCESS,
        Map.of("key", key, "from", from.code(), "to", to.code()));
  }

  /** One translation of a project's title or description saved (subject names which). */
  void translated(
      UUID id, String key, String subject, String language, String source, String text) {
    audit.record(
        "project.translated",
        "project",
        id.toString(),
        Outcome.SUCCESS,
        Map.of(
            "key",
            key,
            "text",
            subject,
            "language",
            language,
            "source",
            source,
            "length",
            text.length()));
  }

  /** A CSV import that created or updated at least one project. */
  void imported(
      UUID groupId,
      CharterKey charterKey,
      String groupKey,
      int rows,
      int created,
      int updated,
      int unchanged) {
    audit.record(
        "projects.imported",
        "working_group",
        groupId.toString(),
        Outcome.SUCCESS,
        Map.of(
            "charter", charterKey.value(),
            "group", groupKey,
            "rows", rows,
            "created", created,
            "updated", updated,
            "unchanged", unchanged));
  }
}
