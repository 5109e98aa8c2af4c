package org.entente.meetings.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entente.meetings.MeetingInputs.ActionItemInput;
import org.entente.meetings.MeetingInputs.AgendaItemInput;
import org.entente.meetings.MeetingInputs.DecisionInput;
import org.entente.meetings.MeetingInputs.MeetingChange;
import org.entente.meetings.MeetingInputs.MeetingInput;
import org.entente.meetings.MeetingInputs.ParticipantInput;
import org.entente.meetings.MeetingInputs.StatementDraft;

/** What the meeting pages' forms send, read into the module's inputs. */
public final class MeetingForms {

  private MeetingForms() {}

  /** The scheduling form: the body as {@code kind:key}, and up to three participants. */
  static MeetingInput meeting(Map<String, String> form) {
    String[] body = form.getOrDefault("body", "").split(":", 2);
    List<ParticipantInput> participants = new java.util.ArrayList<>();
    for (String party : List.of("1", "2", "3")) {
      String organization = form.get("organization-" + party);
      if (organization != null && !organization.isBlank()) {
        participants.add(
            new ParticipantInput(
                form.get("party-" + party), organization, form.get("person-" + party), "invited"));
      }
    }
    return new MeetingInput(
        body[0].isBlank() ? null : body[0],
        body.length > 1 ? body[1] : null,
        texts(form, "title"),
        Forms.dateTime("startsAt", form.get("startsAt")),
        Forms.dateTime("endsAt", form.get("endsAt")),
        form.get("timeZone"),
        form.get("place"),
        "on".equals(form.get("online")),
        form.getOrDefault("classification", "bilateral"),
        participants);
  }

  /** The form that changes a meeting's times or status. */
  public static MeetingChange change(Map<String, String> form) {
    return new MeetingChange(
        Forms.version(form.get("version")),
        null,
        Forms.dateTime("startsAt", form.get("startsAt")),
        Forms.dateTime("endsAt", form.get("endsAt")),
        Forms.blankToNull(form.get("timeZone")),
        null,
        null,
        Forms.blankToNull(form.get("status")),
        null);
  }

  /** The form that sets a meeting's minutes. */
  public static MeetingChange minutes(Map<String, String> form) {
    return new MeetingChange(
        Forms.version(form.get("version")),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        minutesOf(form));
  }

  public static ParticipantInput participant(Map<String, String> form) {
    return new ParticipantInput(
        form.get("party"),
        form.get("organization"),
        form.get("personName"),
        form.get("attendance"));
  }

  /** The attendance form: a field {@code attendance-<participant id>} per participant. */
  public static Map<UUID, String> attendance(Map<String, String> form) {
    Map<UUID, String> attendance = new LinkedHashMap<>();
    form.forEach(
        (name, value) -> {
          if (name.startsWith("attendance-")) {
            attendance.put(
                Forms.optionalUuid("attendance", name.substring("attendance-".length())), value);
          }
        });
    return attendance;
  }

  public static AgendaItemInput agendaItem(Map<String, String> form) {
    return new AgendaItemInput(
        texts(form, "title"),
        Forms.blankToNull(form.get("commitment")),
        Forms.optionalUuid("projectId", form.get("projectId")),
        Forms.optionalUuid("milestoneId", form.get("milestoneId")));
  }

  public static DecisionInput decision(Map<String, String> form) {
    return new DecisionInput(
        texts(form, "text"), Forms.optionalUuid("agendaItemId", form.get("agendaItemId")));
  }

  public static ActionItemInput actionItem(Map<String, String> form) {
    return new ActionItemInput(
        texts(form, "title"),
        form.get("ownerOrganization"),
        form.get("ownerUsername"),
        Forms.date("dueOn", form.get("dueOn")));
  }

  /** The texts of a statement's form by language tag, from its fields {@code text.<tag>}. */
  public static Map<String, String> statementTexts(Map<String, String> form) {
    return byLanguage(form, "text");
  }

  /**
   * A text a form gives in several languages, by language tag, from its fields {@code <name>.<tag>}
   * (one per language of the charter).
   */
  public static Map<String, String> byLanguage(Map<String, String> form, String name) {
    Map<String, String> texts = new LinkedHashMap<>();
    form.forEach(
        (field, value) -> {
          if (field.startsWith(name + ".")) {
            texts.put(field.substring(name.length() + 1), value);
          }
        });
    return texts;
  }

  /**
   * A text as a form sends it: by language from its fields {@code <name>.<tag>}, or, from a form
   * with only a field {@code <name>}, that field as the text in the charter's text language.
   */
  static Object texts(Map<String, String> form, String name) {
    Map<String, String> texts = byLanguage(form, name);
    return texts.isEmpty() ? form.get(name) : texts;
  }

  /** The minutes a form sends; a form with no minutes field at all clears the text language's. */
  private static Object minutesOf(Map<String, String> form) {
    Object minutes = texts(form, "minutes");
    return minutes == null ? "" : minutes;
  }

  /**
   * A statement's draft: its text in each language from the fields {@code text.<tag>} (one per
   * language of the charter); a form with only a field {@code text} gives the text in the charter's
   * text language.
   */
  public static StatementDraft statement(Map<String, String> form) {
    Map<String, String> texts = statementTexts(form);
    return new StatementDraft(
        texts.isEmpty() ? form.get("text") : texts,
        "on".equals(form.get("publish")),
        form.get("version") == null || form.get("version").isBlank()
            ? null
            : Forms.version(form.get("version")));
  }
}
