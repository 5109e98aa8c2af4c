package org.entente.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.entente.charter.CharterViews.WorkingGroupView;
import org.entente.concurrence.Agreements;
import org.entente.identity.Viewer;
import org.entente.meetings.MeetingInputs.ActionItemInput;
import org.entente.meetings.MeetingInputs.AgendaItemInput;
import org.entente.meetings.MeetingInputs.DecisionInput;
import org.entente.meetings.MeetingInputs.MeetingChange;
import org.entente.meetings.MeetingInputs.MeetingInput;
import org.entente.meetings.MeetingInputs.StatementDraft;
import org.entente.meetings.MeetingViews.MeetingView;
import org.entente.meetings.Meetings;
import org.entente.projects.ProjectViews.ProjectView;
import org.entente.projects.Projects;
import org.entente.shared.CharterKey;

/**
 * The demo's held meeting, made through {@link Meetings} as the sample secretariat and co-chairs:
 * its agenda, decisions, action items, minutes and an agreed joint statement.
 */
final class DemoMeeting {

  private final Meetings meetings;
  private final Agreements agreements;
  private final Projects projects;
  private final DemoAccounts samples;
  private final Clock clock;
  private final String charter;

  DemoMeeting(
      Meetings meetings,
      Agreements agreements,
      Projects projects,
      DemoAccounts samples,
      Clock clock,
      String charter) {
    this.meetings = meetings;
    this.agreements = agreements;
    this.projects = projects;
    this.samples = samples;
    this.clock = clock;
    this.charter = charter;
  }

  /**
   * A held meeting of the first group that is not restricted, with an agenda, decisions, action
   * items and a joint statement both co-chairs agreed to publish.
   */
  int meeting(List<WorkingGroupView> groups) {
    WorkingGroupView group = group(groups);
    if (group == null) {
      return 0;
    }
    Viewer secretariat = samples.as("demo.az.secretariat");
    LocalDate t = DemoData.today(clock);
    boolean there =
        meetings
            .meetings(
                CharterKey.of(charter),
                t.minusYears(5).atStartOfDay(ZoneOffset.UTC).toInstant(),
                t.plusYears(5).atStartOfDay(ZoneOffset.UTC).toInstant(),
                secretariat)
            .stream()
            .anyMatch(m -> m.title().text().equals(DemoData.MEETING));
    if (there) {
      return 0;
    }
    LocalDate day = t.minusDays(14);
    MeetingView meeting =
        meetings.schedule(
            CharterKey.of(charter),
            new MeetingInput(
                "working-group",
                group.key(),
                DemoData.MEETING,
                LocalDateTime.of(day, LocalTime.of(10, 0)),
                LocalDateTime.of(day, LocalTime.of(13, 0)),
                "Asia/Baku",
                DemoData.LABEL + " Baku",
                false,
                null,
                List.of()),
            secretariat);
    record(meeting, group, t, secretariat);
    return 1;
  }

  /** The group of the demo's meeting and publication: the first that is not restricted. */
  static WorkingGroupView group(List<WorkingGroupView> groups) {
    return groups.stream().filter(g -> !g.restricted()).findFirst().orElse(null);
  }

  /**
   * The meeting's agenda item on the sample project, its decisions and action items, its minutes
   * and the joint statement both co-chairs agree to publish.
   */
  private void record(
      MeetingView meeting, WorkingGroupView group, LocalDate t, Viewer secretariat) {
    String key = "demo-" + group.key().replaceFirst("^wg-", "");
    UUID project =
        projects.list(CharterKey.of(charter), group.key(), secretariat).stream()
            .filter(p -> p.key().equals(key))
            .map(ProjectView::id)
            .findFirst()
            .orElse(null);
    meeting =
        meetings.addAgendaItem(
            meeting.id(),
            new AgendaItemInput(
                DemoData.LABEL + " Progress of the sample project", null, project, null),
            secretariat);
    UUID agendaItem = meeting.agenda().get(0).id();
    Viewer usChair = samples.as("demo.us.cochair");
    meetings.addDecision(
        meeting.id(),
        new DecisionInput(
            DemoData.LABEL
                + " The working group endorses the scoping report of the sample project.",
            agendaItem),
        usChair);
    meetings.addDecision(
        meeting.id(),
        new DecisionInput(DemoData.LABEL + " The pilot phase starts as planned.", agendaItem),
        usChair);
    meetings.addActionItem(
        meeting.id(),
        new ActionItemInput(
            DemoData.LABEL + " Share the draft data standard",
            null,
            "demo.us.secretariat",
            t.minusDays(3)),
        usChair);
    meetings.addActionItem(
        meeting.id(),
        new ActionItemInput(
            DemoData.LABEL + " Circulate the pilot plan",
            null,
            "demo.az.secretariat",
            t.plusDays(10)),
        usChair);
    Viewer again = samples.as("demo.az.secretariat");
    long version = meetings.meeting(meeting.id(), again).version();
    meetings.change(
        meeting.id(),
        new MeetingChange(
            version,
            null,
            null,
            null,
            null,
            null,
            null,
            "held",
            "<p>"
                + DemoData.LABEL
                + " Illustrative minutes: both parties reviewed the sample project.</p>"),
        again);
    statement(meeting.id());
  }

  private void statement(UUID meeting) {
    Viewer azChair = samples.as("demo.az.cochair");
    meetings.draftStatement(
        meeting,
        StatementDraft.of(
            java.util.Map.of(
                "en",
                DemoData.LABEL
                    + " Illustrative joint statement: the working group met, reviewed its sample"
                    + " project and agreed on the next steps. This text is sample data, not a"
                    + " statement of either government.",
                "az",
                DemoData.LABEL_AZ
                    + " Nümunəvi birgə bəyanat: işçi qrup toplandı, nümunə layihəsini nəzərdən"
                    + " keçirdi və növbəti addımlar barədə razılığa gəldi. Bu mətn nümunə"
                    + " məlumatıdır, hər hansı hökumətin bəyanatı deyil."),
            true,
            null),
        azChair);
    String statement = meeting.toString();
    agreements.submit(Meetings.JOINT_STATEMENT, CharterKey.of(charter), statement, azChair);
    agreements.approve(Meetings.JOINT_STATEMENT, CharterKey.of(charter), statement, 1, azChair);
    agreements.approve(
        Meetings.JOINT_STATEMENT,
        CharterKey.of(charter),
        statement,
        1,
        samples.as("demo.us.cochair"));
  }
}
