package org.entente.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.entente.definition.DefinitionFixtures;
import org.entente.definition.Definitions;
import org.entente.identity.Accounts;
import org.entente.identity.Accounts.MembershipInput;
import org.entente.identity.Role;
import org.entente.identity.Viewer;
import org.entente.identity.Viewers;
import org.entente.projects.ProjectInput;
import org.entente.projects.ProjectViews.ProjectView;
import org.entente.projects.Projects;
import org.entente.reporting.Progress.Figure;
import org.entente.reporting.Progress.Part;
import org.entente.roadmaps.MilestoneInput;
import org.entente.roadmaps.Roadmaps;
import org.entente.shared.CharterKey;
import org.entente.testing.EntenteTest;
import org.entente.testing.TestViewers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The roll-up of a small charter, worked by hand. Freedonia–Sylvania has two commitments:
 * shared-rivers (area water) and cultural-exchange (areas culture and trade).
 *
 * <ul>
 *   <li>P1 serves shared-rivers, milestones of 10 days (done) and 30 days (not done): 10/40 = 0.25
 *   <li>P2 serves shared-rivers, no milestones, completed: 1
 *   <li>P3 serves cultural-exchange, milestones of 20 days (done) and 5 days (cancelled): 20/20 = 1
 *   <li>P4 serves cultural-exchange, cancelled: left out
 * </ul>
 *
 * shared-rivers = (0.25 + 1) / 2 = 0.625; cultural-exchange = 1; water = 0.625, culture = 1, trade
 * = 1; the charter = (0.625 + 1 + 1) / 3 = 0.875.
 */
@EntenteTest
class ProgressRollUpTest {

  @Autowired Definitions definitions;
  @Autowired Accounts accounts;
  @Autowired Viewers viewers;
  @Autowired Projects projects;
  @Autowired Roadmaps roadmaps;
  @Autowired Progress progress;

  @Test
  void theRollUpMatchesTheHandComputedExampleAndExplainsItself() {
    definitions.load("fs.yaml", DefinitionFixtures.freedoniaSylvania());
    accounts.create(
        new Accounts.NewAccount(
            "fd.member",
            "FD member",
            "FD",
            null,
            EnumSet.of(Role.MEMBER),
            false,
            "correct horse battery",
            List.of(
                new MembershipInput("fd-sy-2025", "river-commission", false),
                new MembershipInput("fd-sy-2025", "culture-trade", false))));
    Viewer member = viewers.of("fd.member").orElseThrow();

    ProjectView p1 = project("river-commission", "p1", "shared-rivers", member);
    ProjectView p2 = project("river-commission", "p2", "shared-rivers", member);
    ProjectView p3 = project("culture-trade", "p3", "cultural-exchange", member);
    ProjectView p4 = project("culture-trade", "p4", "cultural-exchange", member);
    milestone("river-commission", "m1", "p1", "2026-01-01", "2026-01-11", "done", member);
    milestone("river-commission", "m2", "p1", "2026-02-01", "2026-03-03", null, member);
    milestone("culture-trade", "m3", "p3", "2026-01-01", "2026-01-21", "done", member);
    milestone("culture-trade", "m4", "p3", "2026-02-01", "2026-02-06", "cancelled", member);
    long version = p2.version();
    for (String stage : List.of("under-study", "agreed", "in-implementation", "completed")) {
      version = projects.moveTo(p2.id(), stage, null, version, member).version();
    }
    projects.moveTo(p4.id(), "cancelled", "merged into p3", p4.version(), member);

    assertThat(progress.project(p1.id(), member).value()).isCloseTo(0.25, within(1e-9));
    assertThat(progress.project(p1.id(), member).parts())
        .extracting(Part::key, Part::weight, Part::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("m1", 10.0, 1.0),
            org.assertj.core.groups.Tuple.tuple("m2", 30.0, 0.0));
    assertThat(progress.project(p2.id(), member).value()).isEqualTo(1.0);
    assertThat(progress.project(p3.id(), member).value()).isEqualTo(1.0);

    Figure rivers = progress.commitment(CharterKey.of("fd-sy-2025"), "shared-rivers", member);
    assertThat(rivers.value()).isCloseTo(0.625, within(1e-9));
    assertThat(rivers.parts()).extracting(Part::key).containsExactly("p1", "p2");
    Figure culture = progress.commitment(CharterKey.of("fd-sy-2025"), "cultural-exchange", member);
    assertThat(culture.parts())
        .extracting(Part::key)
        .as("the cancelled project is left out")
        .containsExactly("p3");

    Figure charter = progress.charter(CharterKey.of("fd-sy-2025"), member);
    assertThat(charter.value()).isCloseTo(0.875, within(1e-9));
    Map<String, Double> areas =
        charter.parts().stream().collect(java.util.stream.Collectors.toMap(Part::key, Part::value));
    assertThat(areas)
        .containsEntry("water", 0.625)
        .containsEntry("culture", 1.0)
        .containsEntry("trade", 1.0);
    assertThat(charter.rule()).isEqualTo(Progress.CHARTER_RULE);

    Progress.Node tree = progress.tree(CharterKey.of("fd-sy-2025"), member);
    assertThat(tree.figure().value()).isCloseTo(0.875, within(1e-9));
    assertThat(tree.children())
        .filteredOn(a -> a.figure().key().equals("water"))
        .singleElement()
        .satisfies(
            water ->
                assertThat(water.children().get(0).children())
                    .extracting(n -> n.figure().key())
                    .containsExactly("p1", "p2"));

    // the public sees none of these bilateral projects: nothing has started, for them
    assertThat(progress.charter(CharterKey.of("fd-sy-2025"), TestViewers.ANONYMOUS).value())
        .isZero();
  }

  private ProjectView project(String group, String key, String commitment, Viewer viewer) {
    return projects.create(
        CharterKey.of("fd-sy-2025"),
        group,
        new ProjectInput(
            key,
            Map.of("en", "Project " + key),
            null,
            List.of(commitment),
            null,
            null,
            null,
            null,
            null),
        viewer);
  }

  private void milestone(
      String group,
      String key,
      String project,
      String start,
      String end,
      String status,
      Viewer viewer) {
    roadmaps.add(
        CharterKey.of("fd-sy-2025"),
        group,
        new MilestoneInput(
            key,
            Map.of("en", "Milestone " + key),
            null,
            LocalDate.parse(start),
            LocalDate.parse(end),
            null,
            "done".equals(status) ? LocalDate.parse(end) : null,
            status,
            project,
            List.of(),
            null,
            null),
        viewer);
  }
}
