package org.entente.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.entente.definition.DefinitionFixtures;
import org.entente.definition.Definitions;
import org.entente.identity.Accounts;
import org.entente.identity.Accounts.MembershipInput;
import org.entente.identity.Role;
import org.entente.identity.Viewer;
import org.entente.identity.Viewers;
import org.entente.obligations.ObligationViews.ObligationStatus;
import org.entente.obligations.ObligationViews.OccurrenceView;
import org.entente.projects.ProjectInput;
import org.entente.projects.Projects;
import org.entente.reporting.Progress.Figure;
import org.entente.reporting.Progress.Part;
import org.entente.roadmaps.MilestoneInput;
import org.entente.roadmaps.Roadmaps;
import org.entente.shared.CharterKey;
import org.entente.testing.EntenteTest;
import org.entente.testing.TestViewers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The roll-up of commitments served by obligations, worked by hand on 2026-11-28.
 * Freedonia–Sylvania (signed 2025-11-30), with its obligations tied to the commitments' clauses:
 *
 * <ul>
 *   <li>water-plan (clause c-1-1, the river commission's, within P3M: due 2026-02-28), met on
 *       2026-01-15: 1. It serves shared-rivers, which project p1 also serves: milestones of 10 days
 *       (done) and 30 days (open), 10/40 = 0.25. shared-rivers = (0.25 + 1) / 2 = 0.625.
 *   <li>work-plan (clause c-1-2, each group's, within P6M: due 2026-05-30): the river commission's
 *       met on 2026-02-01 (1), the culture and trade group's not, overdue (0). cultural-exchange,
 *       no project: (1 + 0) / 2 = 0.5.
 *   <li>biennial-meeting (clause c-1-3, every P24M): met on 2026-06-01, next due 2028-06-01: its
 *       one due occurrence met, 1. accord-meetings (area trade), no project: 1.
 * </ul>
 *
 * Areas: water 0.625, culture 0.5, trade (0.5 + 1) / 2 = 0.75; the charter (0.625 + 0.5 + 0.75) / 3
 * = 0.625. The public sees neither p1 nor its milestones, but knows the definition's events:
 * shared-rivers is 1 for them, water 1, and the charter (1 + 0.5 + 0.75) / 3 = 0.75.
 */
@EntenteTest
class ProgressFromObligationsTest {

  static final CharterKey FS = CharterKey.of("fd-sy-2025");

  @Autowired Definitions definitions;
  @Autowired Accounts accounts;
  @Autowired Viewers viewers;
  @Autowired Projects projects;
  @Autowired Roadmaps roadmaps;
  @Autowired Progress progress;

  Viewer member;

  @BeforeEach
  void charterWithObligationsOfItsClauses() {
    definitions.load("fs-obligations.yaml", definition());
    if (viewers.of("fd.obligations").isEmpty()) {
      accounts.create(
          new Accounts.NewAccount(
              "fd.obligations",
              "FD member",
              "FD",
              null,
              EnumSet.of(Role.MEMBER),
              false,
              "correct horse battery",
              List.of(
                  new MembershipInput("fd-sy-2025", "river-commission", false),
                  new MembershipInput("fd-sy-2025", "culture-trade", false))));
    }
    member = viewers.of("fd.obligations").orElseThrow();
  }

  /** The test charter, its obligations tied to clauses, with the events that met some of them. */
  static String definition() {
    String yaml = DefinitionFixtures.freedoniaSylvania();
    yaml =
        replace(
            yaml,
            "    areas: [culture, trade]\nworking-groups:",
            """
                areas: [culture, trade]
              - key: accord-meetings
                title: Meetings of the accord
                action: Meet regularly.
                clause: c-1-3
                areas: [trade]
            working-groups:""");
    yaml =
        replace(
            yaml,
            "    subject: framework\nobligations:",
            """
                subject: framework
              - key: river-water-plan
                date: '2026-01-15'
                kind: deliverable-finalized
                title: Water plan agreed
                subject: river-commission
                deliverable: water-plan
              - key: river-work-plan
                date: '2026-02-01'
                kind: deliverable-finalized
                title: Work plan of the river commission agreed
                subject: river-commission
                deliverable: work-plan
              - key: accord-meeting
                date: '2026-06-01'
                kind: meeting-held
                title: First meeting of the accord
                subject: framework
            obligations:""");
    yaml =
        replace(
            yaml,
            "    clause: c-1-3\n    rule:\n      within: P3M",
            "    clause: c-1-1\n    rule:\n      within: P3M");
    yaml =
        replace(
            yaml,
            "    title: Work plan of each group\n",
            "    title: Work plan of each group\n    clause: c-1-2\n");
    return replace(
        yaml,
        "    title: Meeting of the accord, at least every two years\n",
        "    title: Meeting of the accord, at least every two years\n    clause: c-1-3\n");
  }

  private static String replace(String yaml, String from, String to) {
    assertThat(yaml).contains(from);
    return yaml.replace(from, to);
  }

  @Test
  void commitmentsServedByObligationsRollUpAsWorkedByHand() {
    projects.create(
        FS,
        "river-commission",
        new ProjectInput(
            "p1",
            Map.of("en", "Project p1"),
            null,
            List.of("shared-rivers"),
            null,
            null,
            null,
            null,
            null),
        member);
    milestone("m1", "2026-01-01", "2026-01-11", "done");
    milestone("m2", "2026-02-01", "2026-03-03", null);

    Figure rivers = progress.commitment(FS, "shared-rivers", member);
    assertThat(rivers.value()).isCloseTo(0.625, within(1e-9));
    assertThat(rivers.parts())
        .extracting(Part::kind, Part::key, Part::value)
        .containsExactly(
            tuple("project", "p1", 0.25), tuple("obligation", "water-plan/river-commission", 1.0));
    assertThat(rivers.rule()).isEqualTo(Progress.COMMITMENT_RULE);

    Figure culture = progress.commitment(FS, "cultural-exchange", member);
    assertThat(culture.value()).as("partly met, no project").isCloseTo(0.5, within(1e-9));
    assertThat(culture.parts())
        .extracting(Part::key, Part::value)
        .containsExactlyInAnyOrder(
            tuple("work-plan/river-commission", 1.0), tuple("work-plan/culture-trade", 0.0));
    assertThat(progress.commitment(FS, "accord-meetings", member).value())
        .as("all met, no project")
        .isEqualTo(1.0);

    Figure charter = progress.charter(FS, member);
    assertThat(areas(charter))
        .containsOnly(
            Map.entry("water", 0.625), Map.entry("culture", 0.5), Map.entry("trade", 0.75));
    assertThat(charter.value()).isCloseTo(0.625, within(1e-9));
    assertThat(progress.tree(FS, member).figure().value()).isCloseTo(0.625, within(1e-9));

    Figure shown = progress.charter(FS, TestViewers.ANONYMOUS);
    assertThat(areas(shown)).containsEntry("water", 1.0);
    assertThat(shown.value()).isCloseTo(0.75, within(1e-9));
  }

  @Test
  void beforeAnObligationIsDueOrMetItCountsNothingAndOnceMetItCountsWhole() {
    // on 2026-01-10 nothing is met yet and nothing is overdue: every obligation counts 0
    assertThat(progressOn(LocalDate.of(2026, 1, 10), "shared-rivers")).isZero();
    // on 2026-01-20 the water plan is met: the one obligation of shared-rivers, all met
    assertThat(progressOn(LocalDate.of(2026, 1, 20), "shared-rivers")).isEqualTo(1.0);
  }

  @Test
  void aRecurringObligationMetTwiceAndNowOverdueIsTwoThirdsMet() {
    List<OccurrenceView> past =
        List.of(
            new OccurrenceView(LocalDate.of(2025, 1, 1), LocalDate.of(2024, 12, 1), true),
            new OccurrenceView(LocalDate.of(2025, 12, 1), LocalDate.of(2026, 1, 5), false));
    assertThat(Progress.obligationShare(status("overdue", null, past)))
        .isCloseTo(2.0 / 3, within(1e-9));
    assertThat(Progress.obligationShare(status("pending", null, past)))
        .as("the open occurrence not yet due does not count")
        .isEqualTo(1.0);
    assertThat(Progress.obligationShare(status("pending", null, List.of()))).isZero();
    assertThat(Progress.obligationShare(status("met-late", LocalDate.of(2026, 6, 1), List.of())))
        .isEqualTo(1.0);
  }

  private static ObligationStatus status(
      String state, LocalDate metOn, List<OccurrenceView> history) {
    return new ObligationStatus(
        "rule",
        null,
        "c-1-3",
        "every",
        "P12M",
        "framework",
        null,
        "meeting-held",
        null,
        state,
        null,
        LocalDate.of(2027, 1, 5),
        metOn,
        0,
        0,
        null,
        history,
        null);
  }

  @Autowired org.entente.testing.MutableClock clock;

  private double progressOn(LocalDate day, String commitment) {
    clock.set(day);
    try {
      return progress.commitment(FS, commitment, member).value();
    } finally {
      clock.set(org.entente.testing.FixedClockConfiguration.TODAY);
    }
  }

  private static Map<String, Double> areas(Figure charter) {
    return charter.parts().stream().collect(Collectors.toMap(Part::key, Part::value));
  }

  private void milestone(String key, String start, String end, String status) {
    roadmaps.add(
        FS,
        "river-commission",
        new MilestoneInput(
            key,
            Map.of("en", "Milestone " + key),
            null,
            LocalDate.parse(start),
            LocalDate.parse(end),
            null,
            "done".equals(status) ? LocalDate.parse(end) : null,
            status,
            "p1",
            List.of(),
            null,
            null),
        member);
  }
}
