package org.entente.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entente.projects.Project.Stage;
import org.entente.projects.ProjectCsvCheck.Existing;
import org.entente.projects.ProjectCsvReader.Row;
import org.entente.shared.BadRequestException;
import org.entente.shared.LocalizedText;
import org.junit.jupiter.api.Test;

/** The checks of an import's rows against what is stored, without a database or Spring. */
class ProjectCsvCheckTest {

  private static final UUID GROUP = UUID.randomUUID();
  private static final UUID COMMITMENT = UUID.randomUUID();

  private static Row row(long line, String key, Stage stage) {
    return new Row(
        line,
        new Project(
            key,
            LocalizedText.ofMap(Map.of("en", "Title of " + key)),
            null,
            List.of("c-1"),
            null,
            null,
            stage,
            null,
            null,
            null),
        List.of(COMMITMENT));
  }

  private static ProjectCsvCheck check(Map<String, Existing> existing) {
    return check(existing, Map.of());
  }

  private static ProjectCsvCheck check(
      Map<String, Existing> existing, Map<UUID, ProjectCsvCheck.Stored> stored) {
    return new ProjectCsvCheck(
        GROUP, Map.of("c-1", COMMITMENT), existing, stored, java.time.LocalDate.of(2026, 5, 1));
  }

  @Test
  void aCommitmentTheImportMayNotLinkToIsAnsweredAsMissing() {
    assertThatThrownBy(() -> check(Map.of()).commitments(List.of("c-1", "c-hidden")))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("the charter has no commitment 'c-hidden'");
    assertThat(check(Map.of()).commitments(List.of("c-1", "c-1"))).containsExactly(COMMITMENT);
  }

  @Test
  void aKeyTwiceInOneFileNamesTheEarlierLine() {
    ProjectCsvCheck check = check(Map.of());
    check.row(row(2, "rail", Stage.IDENTIFIED));
    assertThatThrownBy(() -> check.row(row(5, "rail", Stage.IDENTIFIED)))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("is also on line 2");
  }

  @Test
  void aKeyHeldByAProjectTheImporterMayNotSeeIsOnlyAlreadyUsed() {
    ProjectCsvCheck check =
        check(Map.of("rail", new Existing(UUID.randomUUID(), GROUP, Stage.AGREED, false)));
    assertThatThrownBy(() -> check.row(row(2, "rail", Stage.AGREED)))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("is already used in this charter");
  }

  @Test
  void aKeyOfAnotherGroupsProjectIsRefused() {
    ProjectCsvCheck check =
        check(
            Map.of("rail", new Existing(UUID.randomUUID(), UUID.randomUUID(), Stage.AGREED, true)));
    assertThatThrownBy(() -> check.row(row(2, "rail", Stage.AGREED)))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("belongs to a project of another group");
  }

  @Test
  void aStoredProjectMovesOnlyToAStageItsTransitionsAllow() {
    ProjectCsvCheck check =
        check(Map.of("rail", new Existing(UUID.randomUUID(), GROUP, Stage.IDENTIFIED, true)));
    assertThatThrownBy(() -> check.row(row(2, "rail", Stage.COMPLETED)))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("cannot move from identified to completed");
    assertThat(
            check(Map.of("rail", new Existing(UUID.randomUUID(), GROUP, Stage.IDENTIFIED, true)))
                .row(row(2, "rail", Stage.UNDER_STUDY))
                .line())
        .isEqualTo(2);
  }

  @Test
  void aNewKeyIsInsertedAChangedOneUpdatedAndAnUnchangedOneLeftAlone() {
    UUID same = UUID.randomUUID();
    UUID changed = UUID.randomUUID();
    Row unchangedRow = row(2, "same", Stage.IDENTIFIED);
    Row changedRow = row(3, "changed", Stage.IDENTIFIED);
    ProjectCsvCheck check =
        check(
            Map.of(
                "same", new Existing(same, GROUP, Stage.IDENTIFIED, true),
                "changed", new Existing(changed, GROUP, Stage.IDENTIFIED, true)),
            Map.of(
                same,
                new ProjectCsvCheck.Stored(
                    unchangedRow.project(),
                    unchangedRow.commitments(),
                    org.entente.shared.Classification.BILATERAL),
                changed,
                new ProjectCsvCheck.Stored(
                    changedRow.project(),
                    changedRow.commitments(),
                    org.entente.shared.Classification.BILATERAL)));
    ProjectCsvCheck.Plan plan =
        check.plan(
            List.of(unchangedRow, row(3, "changed", Stage.UNDER_STUDY), row(4, "new", null)));
    assertThat(plan.inserts()).extracting(w -> w.row().project().key()).containsExactly("new");
    assertThat(plan.updates()).extracting(ProjectCsvCheck.Write::id).containsExactly(changed);
    assertThat(plan.unchanged()).isEqualTo(1);
  }
}
