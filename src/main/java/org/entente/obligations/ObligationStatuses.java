package org.entente.obligations;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.entente.obligations.ObligationStore.StoredRule;
import org.entente.obligations.ObligationViews.EventView;
import org.entente.obligations.ObligationViews.ObligationStatus;
import org.entente.obligations.ObligationViews.OccurrenceView;
import org.entente.shared.LocalizedText;

/**
 * The status of each obligation of a charter, one per rule and subject, as of a day: the rules
 * applied to the events recorded so far ({@link Schedule}), with the status said in one sentence.
 *
 * @param groups the keys of the charter's working groups (the subjects of "each working group")
 * @param subjectNames each subject's name, by key
 */
record ObligationStatuses(
    List<String> groups,
    Map<String, LocalizedText> subjectNames,
    LocalDate signedOn,
    LocalDate today,
    int dueSoonDays) {

  /**
   * The statuses of the rules' obligations from the events.
   *
   * @param wanted only those in this state, or all when null
   * @param subject only those of this subject, or all when null or blank
   */
  List<ObligationStatus> of(
      List<StoredRule> rules, List<RecordedEvent> events, ObligationState wanted, String subject) {
    // The events by kind and subject, in the order read: one pass, not one per rule and subject.
    Map<String, List<EventView>> bySubject = new LinkedHashMap<>();
    for (RecordedEvent recorded : events) {
      EventView e = recorded.view();
      bySubject.computeIfAbsent(e.kind() + "\n" + e.subject(), k -> new ArrayList<>()).add(e);
    }
    List<ObligationStatus> result = new ArrayList<>();
    for (StoredRule rule : rules) {
      List<String> subjects =
          rule.appliesTo().equals(ObligationRule.EACH_WORKING_GROUP)
              ? groups
              : List.of(rule.appliesTo());
      for (String s : subjects) {
        if (subject != null && !subject.isBlank() && !subject.equals(s)) {
          continue;
        }
        List<LocalDate> dates =
            bySubject.getOrDefault(rule.eventKind() + "\n" + s, List.of()).stream()
                .filter(
                    e -> rule.deliverable() == null || rule.deliverable().equals(e.deliverable()))
                .map(EventView::occurredOn)
                .toList();
        Schedule.Result r =
            Schedule.evaluate(
                rule.recurrence(), rule.period(), rule.start(signedOn), dates, today, dueSoonDays);
        if (wanted == null || r.state() == wanted) {
          result.add(status(rule, s, subjectNames.getOrDefault(s, LocalizedText.of("en", s)), r));
        }
      }
    }
    return result;
  }

  private static ObligationStatus status(
      StoredRule rule, String subject, LocalizedText subjectName, Schedule.Result r) {
    Schedule.Occurrence current = r.current();
    long overdue = r.state() == ObligationState.OVERDUE ? -r.days() : 0;
    long until = r.state().isOpen() && r.days() >= 0 ? r.days() : 0;
    Schedule.Occurrence last = r.past().isEmpty() ? null : r.past().get(r.past().size() - 1);
    return new ObligationStatus(
        rule.code(),
        rule.title(),
        rule.clause(),
        rule.recurrence().name().toLowerCase(Locale.ROOT),
        rule.period().toString(),
        subject,
        subjectName,
        rule.eventKind(),
        rule.deliverable(),
        r.state().code(),
        r.state().label(),
        current.dueOn(),
        current.metOn(),
        overdue,
        until,
        last == null ? null : last.metOn(),
        r.past().stream().map(o -> new OccurrenceView(o.dueOn(), o.metOn(), o.onTime())).toList(),
        summary(r.state(), current, overdue, until, last));
  }

  /** The status in one sentence. */
  static String summary(
      ObligationState state,
      Schedule.Occurrence current,
      long overdue,
      long until,
      Schedule.Occurrence last) {
    String summary =
        switch (state) {
          case MET_ON_TIME ->
              "Met on " + current.metOn() + ", on time (due " + current.dueOn() + ").";
          case MET_LATE ->
              "Met on "
                  + current.metOn()
                  + ", "
                  + ChronoUnit.DAYS.between(current.dueOn(), current.metOn())
                  + " days late (due "
                  + current.dueOn()
                  + ").";
          case OVERDUE -> "Overdue by " + overdue + " days: due " + current.dueOn() + ".";
          case DUE_SOON -> "Due soon: by " + current.dueOn() + ", in " + until + " days.";
          case PENDING -> "Pending: due by " + current.dueOn() + ", in " + until + " days.";
        };
    if (last != null) {
      summary += " Last met on " + last.metOn() + (last.onTime() ? ", on time." : ", late.");
    }
    return summary;
  }
}
