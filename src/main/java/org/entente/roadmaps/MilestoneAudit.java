package org.entente.roadmaps;

import java.util.Map;
import java.util.UUID;
import org.entente.audit.Audit;
import org.entente.audit.AuditEvent.Outcome;
import org.entente.shared.CharterKey;
import org.springframework.stereotype.Component;

/** What the roadmaps module writes to the audit trail when milestones change. */
@Component
class MilestoneAudit {

  private final Audit audit;

  MilestoneAudit(Audit audit) {
    this.audit = audit;
  }

  void added(UUID id, CharterKey charterKey, String groupKey, Milestone milestone) {
    audit.record(
        "milestone.added",
        "milestone",
        id.toString(),
        Outcome.SUCCESS,
        Map.of("charter", charterKey.value(), "group", groupKey, "key", milestone.key()));
  }

  void changed(UUID id, Milestone milestone) {
    audit.record(
        "milestone.changed",
        "milestone",
        id.toString(),
        Outcome.SUCCESS,
        Map.of("key", milestone.key(), "status", milestone.status().code()));
  }

  /** One translation of a milestone's title saved. */
  void translated(UUID id, String key, String language, String source, String text) {
    audit.record(
        "milestone.translated",
        "milestone",
        id.toString(),
        Outcome.SUCCESS,
        Map.of(
            "key",
            key,
            "text",
            "milestone-title",
            "language",
            language,
            "source",
            source,
            "length",
            text.length()));
  }

  void imported(
      UUID groupId, CharterKey charterKey, String groupKey, MilestoneCsv.ImportReport report) {
    audit.record(
        "milestones.imported",
        "working_group",
        groupId.toString(),
        Outcome.SUCCESS,
        Map.of(
            "charter", charterKey.value(),
            "group", groupKey,
            "rows", report.rows(),
            "created", report.created(),
            "updated", report.updated(),
            "unchanged", report.unchanged()));
  }
}
