package org.entente.meetings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entente.audit.Audit;
import org.entente.audit.AuditEvent.Outcome;
import org.entente.meetings.Meeting.Status;
import org.entente.shared.LocalizedText;
import org.springframework.stereotype.Component;

/**
 * What the meetings module writes to the audit trail: each change to a meeting, to what it produced
 * and to its action items, and each read of a restricted group's meetings that are not public.
 */
@Component
class MeetingAudit {

  private final Audit audit;

  MeetingAudit(Audit audit) {
    this.audit = audit;
  }

  void scheduled(Meeting m, String bodyKey) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("charter", m.charterKey());
    details.put("body", m.body().code() + (m.groupId() == null ? "" : " " + bodyKey));
    details.put("startsAt", m.start().toString());
    details.put("classification", m.classification().code());
    meeting("meeting.scheduled", m.id(), details);
  }

  void changed(Meeting before, Meeting.Changed changed) {
    Status status = changed.meeting().status();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("status", status.code());
    if (before.status() != status) {
      details.put("from", before.status().code());
    }
    if (changed.minutesChanged()) {
      details.put("minutes", "changed");
    }
    meeting("meeting.changed", before.id(), details);
  }

  void participantAdded(UUID meetingId, UUID participant, String organization) {
    meeting(
        "meeting.participant-added",
        meetingId,
        Map.of("participant", participant.toString(), "organization", organization));
  }

  void attendanceRecorded(UUID meetingId, int participants) {
    meeting("meeting.attendance-recorded", meetingId, Map.of("participants", participants));
  }

  void agendaItemAdded(UUID meetingId, UUID item) {
    meeting("meeting.agenda-item-added", meetingId, Map.of("agendaItem", item.toString()));
  }

  void decisionRecorded(UUID meetingId, UUID decision) {
    meeting("meeting.decision-recorded", meetingId, Map.of("decision", decision.toString()));
  }

  /** A statement drafted: whether to publish it, and the length of its text in each language. */
  void statementDrafted(UUID meetingId, boolean publish, LocalizedText text) {
    Map<String, Integer> lengths = new LinkedHashMap<>();
    text.values().forEach((language, t) -> lengths.put(language, t.length()));
    meeting(
        "joint-statement.drafted",
        meetingId,
        Map.of(
            "publish",
            publish,
            "length",
            lengths.values().stream().mapToInt(i -> i).sum(),
            "lengths",
            lengths));
  }

  /** A translation of the statement into one language was saved, made from its source as it is. */
  void statementTranslated(UUID meetingId, String language, String source, int length) {
    meeting(
        "joint-statement.translated",
        meetingId,
        Map.of("language", language, "source", source, "length", length));
  }

  /**
   * A translation of one text of a meeting into one language was saved, made from its source as it
   * is: on the meeting ({@code meeting.translated}), or on the action item whose title it is
   * ({@code action-item.translated}).
   */
  void translated(
      boolean ofActionItem,
      UUID record,
      String subject,
      String key,
      String language,
      String source,
      int length) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("text", subject);
    details.put("key", key);
    details.put("language", language);
    details.put("source", source);
    details.put("length", length);
    if (ofActionItem) {
      actionItem("action-item.translated", record, details);
    } else {
      meeting("meeting.translated", record, details);
    }
  }

  void actionItemAdded(UUID id, UUID meetingId, ActionItem.New item) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("meeting", meetingId.toString());
    details.put("dueOn", item.dueOn().toString());
    if (item.ownerOrganization() != null) {
      details.put("ownerOrganization", item.ownerOrganization());
    }
    if (item.ownerUsername() != null) {
      details.put("ownerUsername", item.ownerUsername());
    }
    actionItem("action-item.added", id, details);
  }

  void actionItemChanged(UUID id, ActionItem.Changed changed) {
    actionItem(
        "action-item.changed",
        id,
        Map.of("status", changed.status().code(), "dueOn", changed.dueOn().toString()));
  }

  void becameMilestone(UUID id, UUID milestone, String key) {
    actionItem(
        "action-item.became-milestone", id, Map.of("milestone", milestone.toString(), "key", key));
  }

  /**
   * A read of a restricted group's records (security and defense) that are not public is itself
   * recorded: one event per read, naming the meetings shown (at most 20).
   */
  void restrictedReads(List<String> meetingIds) {
    if (!meetingIds.isEmpty()) {
      audit.recordRead(
          "meeting",
          meetingIds.size() == 1 ? meetingIds.get(0) : null,
          Map.of(
              "count",
              meetingIds.size(),
              "ids",
              String.join(",", meetingIds.subList(0, Math.min(20, meetingIds.size())))));
    }
  }

  private void meeting(String action, UUID meetingId, Map<String, Object> details) {
    audit.record(action, "meeting", meetingId.toString(), Outcome.SUCCESS, details);
  }

  private void actionItem(String action, UUID id, Map<String, Object> details) {
    audit.record(action, "action_item", id.toString(), Outcome.SUCCESS, details);
  }
}
