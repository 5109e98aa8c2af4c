package org.entente.obligations;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.entente.identity.Viewer;
import org.entente.shared.BadRequestException;
import org.entente.shared.Classification;
import org.entente.shared.ForbiddenException;

/**
 * An event to record through the API, checked: the rules of recording one. The operator token
 * records public facts for both parties; a person records for a group they may write in, or for the
 * framework as an official, bilateral by default or party-internal to their own party; making a
 * record public needs both parties, so one person cannot.
 *
 * @param group the working group it is of, or null for the framework
 */
record NewEvent(
    String kind,
    String subject,
    String deliverable,
    LocalDate occurredOn,
    String title,
    String note,
    Classification classification,
    String originParty,
    UUID group) {

  private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  private static final List<String> RECORDABLE =
      List.of(ObligationEvent.MEETING_HELD, ObligationEvent.DELIVERABLE_FINALIZED);

  /**
   * The event checked.
   *
   * @param subjects the subjects the viewer may record for, by key ({@code framework} and the
   *     charter's working groups the viewer sees), each with its group's id (null for the
   *     framework)
   * @throws BadRequestException naming the field the event breaks a rule with
   * @throws ForbiddenException when the viewer may not record it
   */
  static NewEvent of(
      RecordEvent event,
      Map<String, UUID> subjects,
      Viewer viewer,
      LocalDate today,
      LocalDate signedOn) {
    if (event.kind() == null || !RECORDABLE.contains(event.kind())) {
      throw new BadRequestException("kind", "kind must be one of " + String.join(", ", RECORDABLE));
    }
    if (event.subject() == null || !subjects.containsKey(event.subject())) {
      throw new BadRequestException(
          "subject", "subject must be one of " + String.join(", ", subjects.keySet()));
    }
    UUID group = subjects.get(event.subject());
    Classification classification =
        classification(event.classification(), viewer.operator() ? "public" : "bilateral");
    String originParty = viewer.operator() ? null : viewer.party();
    checkRecorder(viewer, event.subject(), group, classification, originParty);
    String deliverable = event.deliverable();
    if (ObligationEvent.DELIVERABLE_FINALIZED.equals(event.kind())) {
      if (deliverable == null || !KEY.matcher(deliverable).matches()) {
        throw new BadRequestException(
            "deliverable", "a finalized deliverable needs its key, e.g. project-list or roadmap");
      }
    } else if (deliverable != null) {
      throw new BadRequestException("deliverable", "only a finalized deliverable names one");
    }
    checkDate(event.occurredOn(), today, signedOn);
    checkTexts(event.title(), event.note());
    String title =
        event.title() != null
            ? event.title().strip()
            : (event.kind().equals(ObligationEvent.MEETING_HELD)
                ? "Meeting held"
                : "Deliverable finalized: " + deliverable);
    return new NewEvent(
        event.kind(),
        event.subject(),
        deliverable,
        event.occurredOn(),
        title,
        event.note(),
        classification,
        originParty,
        group);
  }

  private static void checkRecorder(
      Viewer viewer,
      String subject,
      UUID group,
      Classification classification,
      String originParty) {
    if (viewer.operator()) {
      if (classification != Classification.PUBLIC) {
        throw new ForbiddenException(
            "classification",
            "the operator token records public facts only; a person records the others");
      }
      return;
    }
    boolean mayWrite = group == null ? viewer.mayWriteInFramework() : viewer.mayWriteIn(group);
    if (!mayWrite) {
      throw new ForbiddenException(
          "subject", "only members of " + subject + " may record events for it");
    }
    if (classification == Classification.PUBLIC) {
      throw new ForbiddenException(
          "classification", "publishing a record needs the agreement of both parties");
    }
    if (classification == Classification.PARTY_INTERNAL && originParty == null) {
      throw new ForbiddenException(
          "classification", "only an official of a party can keep a record internal to it");
    }
  }

  /**
   * An event's date: given, not in the future, not long before the charter was signed.
   *
   * @throws BadRequestException naming {@code occurredOn}
   */
  static void checkDate(LocalDate occurredOn, LocalDate today, LocalDate signedOn) {
    if (occurredOn == null) {
      throw new BadRequestException("occurredOn", "occurredOn is required (YYYY-MM-DD)");
    }
    if (occurredOn.isAfter(today)) {
      throw new BadRequestException(
          "occurredOn",
          "occurredOn " + occurredOn + " is in the future: record it once it happened");
    }
    if (occurredOn.isBefore(signedOn.minusYears(10))) {
      throw new BadRequestException(
          "occurredOn", "occurredOn " + occurredOn + " is long before the charter was signed");
    }
  }

  /** A title of 1 to 500 characters and a note of at most 4000, when given. */
  static void checkTexts(String title, String note) {
    if (title != null && (title.isBlank() || title.length() > 500)) {
      throw new BadRequestException("title", "title must have 1 to 500 characters");
    }
    if (note != null && note.length() > 4000) {
      throw new BadRequestException("note", "note must have at most 4000 characters");
    }
  }

  /** The classification with this code (or the fallback's when none). */
  static Classification classification(String code, String fallback) {
    String value = code == null ? fallback : code;
    try {
      return Classification.fromCode(value);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("classification", e.getMessage());
    }
  }
}
