package org.entente.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.entente.identity.Role;
import org.entente.identity.Viewer;
import org.entente.projects.Project.Stage;
import org.entente.projects.ProjectViews.CommitmentRef;
import org.entente.projects.ProjectViews.ProjectView;
import org.entente.shared.BadRequestException;
import org.entente.shared.Classification;
import org.entente.shared.ConflictException;
import org.entente.shared.ForbiddenException;
import org.entente.shared.LocalizedText;
import org.junit.jupiter.api.Test;

/** The rules of changing a stored project, without a database or Spring. */
class StoredProjectTest {

  private static final UUID GROUP = UUID.randomUUID();

  private static StoredProject stored(Classification classification, String originParty) {
    Project project =
        new Project(
            "rail-link",
            LocalizedText.ofMap(Map.of("en", "Rail link")),
            null,
            List.of("c-1"),
            Map.of("US", "DOT"),
            List.of(),
            Stage.IDENTIFIED,
            null,
            List.of(),
            null);
    ProjectView view =
        new ProjectView(
            UUID.randomUUID(),
            "az-us-2026",
            "wg-transport",
            project.key(),
            project.title(),
            project.description(),
            List.of(new CommitmentRef("c-1", LocalizedText.ofMap(Map.of("en", "Commitment")))),
            project.leads(),
            project.partners(),
            project.stage().code(),
            null,
            project.financing(),
            null,
            classification,
            originParty,
            3,
            null);
    return new StoredProject(view, GROUP, project);
  }

  private static Viewer member(String party, UUID group) {
    return new Viewer(
        "official-" + party,
        party,
        false,
        Set.of(Role.MEMBER),
        Set.of(group),
        Set.of(group),
        Set.of(),
        false);
  }

  private static ProjectChange change(Long version, String classification, String stage) {
    return new ProjectChange(
        version,
        Map.of("en", "  Rail link to Kars  "),
        null,
        null,
        null,
        null,
        null,
        null,
        classification,
        null,
        null,
        null,
        null,
        stage);
  }

  @Test
  void aChangeWithoutAVersionIsRefusedNamingTheVersion() {
    assertThatThrownBy(() -> stored(Classification.BILATERAL, "US").requireVersion(null))
        .isInstanceOf(BadRequestException.class)
        .extracting(e -> ((BadRequestException) e).field())
        .isEqualTo("version");
  }

  @Test
  void aChangeAgainstAnOlderVersionConflicts() {
    StoredProject stored = stored(Classification.BILATERAL, "US");
    assertThatThrownBy(() -> stored.requireVersion(2L)).isInstanceOf(ConflictException.class);
    stored.requireVersion(3L);
  }

  @Test
  void aPublishedProjectChangesOnlyThroughBothPartiesAgreement() {
    assertThatThrownBy(
            () -> stored(Classification.PUBLIC, "US").requireChangeableBy(member("US", GROUP)))
        .isInstanceOf(ForbiddenException.class)
        .hasMessageContaining("both parties' agreement");
  }

  @Test
  void onlyAWriterOfTheProjectsGroupMayChangeIt() {
    StoredProject stored = stored(Classification.BILATERAL, "US");
    stored.requireChangeableBy(member("AZ", GROUP));
    assertThatThrownBy(() -> stored.requireChangeableBy(member("US", UUID.randomUUID())))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> stored.requireChangeableBy(Viewer.ANONYMOUS))
        .isInstanceOf(ForbiddenException.class);
  }

  @Test
  void theStageAndTheKeyAreNeverSetByAChange() {
    assertThatThrownBy(() -> StoredProject.refuseFixedFields(change(3L, null, "completed")))
        .isInstanceOf(ForbiddenException.class)
        .hasMessageContaining("POST /api/projects/{id}/stage");
    StoredProject.refuseFixedFields(change(3L, null, null));
  }

  @Test
  void onlyThePartyThatMadeAProjectChangesItsClassification() {
    StoredProject stored = stored(Classification.BILATERAL, "US");
    assertThatThrownBy(
            () ->
                stored.classificationAfter(change(3L, "party-internal", null), member("AZ", GROUP)))
        .isInstanceOf(ForbiddenException.class)
        .hasMessageContaining("only an official of the party that made it");
    assertThat(stored.classificationAfter(change(3L, "party-internal", null), member("US", GROUP)))
        .isEqualTo(Classification.PARTY_INTERNAL);
  }

  @Test
  void aChangeThatNamesNoClassificationKeepsTheOneStored() {
    StoredProject stored = stored(Classification.PARTY_INTERNAL, "US");
    assertThat(stored.classificationAfter(change(3L, null, null), member("AZ", GROUP)))
        .isEqualTo(Classification.PARTY_INTERNAL);
  }

  @Test
  void aChangeReplacesWhatItNamesAndKeepsTheRest() {
    Project changed = stored(Classification.BILATERAL, "US").changedBy(change(3L, null, null));
    assertThat(changed.title().values()).containsEntry("en", "Rail link to Kars");
    assertThat(changed.key()).isEqualTo("rail-link");
    assertThat(changed.commitments()).containsExactly("c-1");
    assertThat(changed.leads()).containsEntry("US", "DOT");
    assertThat(changed.stage()).isEqualTo(Stage.IDENTIFIED);
  }

  @Test
  void theAudienceAfterAReclassificationKeepsTheGroupAndTheOriginParty() {
    Viewer.Audience audience =
        stored(Classification.BILATERAL, "US").audienceAs(Classification.PARTY_INTERNAL);
    assertThat(audience).isEqualTo(new Viewer.Audience(Classification.PARTY_INTERNAL, "US", GROUP));
  }
}
