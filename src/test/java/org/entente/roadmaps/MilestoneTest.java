package org.entente.roadmaps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.roadmaps.Milestone.Status;
import org.entente.shared.BadRequestException;
import org.entente.shared.ForbiddenException;
import org.entente.shared.LocalizedText;
import org.junit.jupiter.api.Test;

/** The rules of a milestone, without a database or a Spring context. */
class MilestoneTest {

  static final LocalDate MARCH = LocalDate.parse("2027-03-01");
  static final LocalDate JUNE = LocalDate.parse("2027-06-30");

  static Milestone milestone(String key, Status status, LocalDate actualEnd, String... dependsOn) {
    return new Milestone(
        key,
        LocalizedText.ofMap(Map.of("en", "Fibre to the border")),
        "Ministry of Digital Development",
        MARCH,
        JUNE,
        null,
        actualEnd,
        status,
        null,
        List.of(dependsOn));
  }

  static String field(Throwable e) {
    return e instanceof BadRequestException b ? b.field() : ((ForbiddenException) e).field();
  }

  static String detail(Throwable e) {
    return e.getMessage();
  }

  @Test
  void aMilestoneThatEndsBeforeItStartsIsRefusedNamingItsPlannedEnd() {
    assertThatThrownBy(
            () ->
                new Milestone(
                    "fibre",
                    LocalizedText.ofMap(Map.of("en", "Fibre")),
                    null,
                    JUNE,
                    MARCH,
                    null,
                    null,
                    null,
                    null,
                    null))
        .isInstanceOf(BadRequestException.class)
        .satisfies(e -> assertThat(field(e)).isEqualTo("plannedEnd"));
  }

  @Test
  void aMilestoneEndingTheDayItStartsIsAccepted() {
    Milestone oneDay =
        new Milestone(
            "fibre",
            LocalizedText.ofMap(Map.of("en", "Fibre")),
            null,
            MARCH,
            MARCH,
            null,
            null,
            null,
            null,
            null);
    assertThat(oneDay.plannedEnd()).isEqualTo(oneDay.plannedStart());
  }

  @Test
  void aMilestoneWithoutAPlannedStartIsRefusedNamingIt() {
    assertThatThrownBy(
            () ->
                new Milestone(
                    "fibre",
                    LocalizedText.ofMap(Map.of("en", "Fibre")),
                    null,
                    null,
                    JUNE,
                    null,
                    null,
                    null,
                    null,
                    null))
        .isInstanceOf(BadRequestException.class)
        .satisfies(e -> assertThat(field(e)).isEqualTo("plannedStart"));
  }

  @Test
  void aMilestoneIsDoneOnlyWithAnActualEnd() {
    assertThatThrownBy(() -> milestone("fibre", Status.DONE, null))
        .isInstanceOf(BadRequestException.class)
        .satisfies(e -> assertThat(field(e)).isEqualTo("actualEnd"));
    assertThat(milestone("fibre", Status.DONE, JUNE).done()).isTrue();
  }

  @Test
  void anActualEndBeforeTheActualStartIsRefused() {
    assertThatThrownBy(
            () ->
                new Milestone(
                    "fibre",
                    LocalizedText.ofMap(Map.of("en", "Fibre")),
                    null,
                    MARCH,
                    JUNE,
                    JUNE,
                    MARCH,
                    Status.IN_PROGRESS,
                    null,
                    null))
        .isInstanceOf(BadRequestException.class)
        .satisfies(e -> assertThat(field(e)).isEqualTo("actualEnd"));
  }

  @Test
  void aKeyWithCapitalsOrSpacesIsRefused() {
    for (String key : List.of("Fibre", "fibre link", "-fibre", "")) {
      assertThatThrownBy(() -> milestone(key, null, null))
          .as(key)
          .isInstanceOf(BadRequestException.class)
          .satisfies(e -> assertThat(field(e)).isEqualTo("key"));
    }
  }

  @Test
  void aTitleOfMoreThan500CharactersIsRefused() {
    assertThatThrownBy(
            () ->
                new Milestone(
                    "fibre",
                    LocalizedText.ofMap(Map.of("en", "x".repeat(501))),
                    null,
                    MARCH,
                    JUNE,
                    null,
                    null,
                    null,
                    null,
                    null))
        .isInstanceOf(BadRequestException.class)
        .satisfies(e -> assertThat(field(e)).isEqualTo("title"));
  }

  @Test
  void aMilestoneWithoutAStatusHasNotStarted() {
    assertThat(milestone("fibre", null, null).status()).isEqualTo(Status.NOT_STARTED);
  }

  @Test
  void aMilestoneCannotDependOnItself() {
    assertThatThrownBy(() -> milestone("fibre", null, null, "fibre"))
        .isInstanceOf(BadRequestException.class)
        .satisfies(e -> assertThat(field(e)).isEqualTo("dependsOn"));
  }

  @Test
  void aStatusIsWrittenAndReadByItsHyphenatedCode() {
    for (Status s : Status.values()) {
      assertThat(Status.fromCode(s.code())).isEqualTo(s);
    }
    assertThat(Status.IN_PROGRESS.code()).isEqualTo("in-progress");
  }

  @Test
  void anUnknownStatusIsRefusedNamingTheStatusField() {
    assertThatThrownBy(() -> Status.fromCode("IN_PROGRESS"))
        .isInstanceOf(BadRequestException.class)
        .satisfies(e -> assertThat(field(e)).isEqualTo("status"));
  }

  @Test
  void fromInputTheOwnerIsStrippedAndABlankOwnerIsNone() {
    MilestoneInput input =
        new MilestoneInput(
            null,
            Map.of("en", "  Fibre  "),
            "   ",
            MARCH,
            JUNE,
            null,
            null,
            "in-progress",
            null,
            null,
            null,
            null);
    Milestone m = Milestone.of(input, "fibre");
    assertThat(m.owner()).isNull();
    assertThat(m.status()).isEqualTo(Status.IN_PROGRESS);
    assertThat(Milestone.of(withOwner(input, " Ministry "), "fibre").owner()).isEqualTo("Ministry");
  }

  static MilestoneInput withOwner(MilestoneInput i, String owner) {
    return new MilestoneInput(
        i.key(),
        i.title(),
        owner,
        i.plannedStart(),
        i.plannedEnd(),
        i.actualStart(),
        i.actualEnd(),
        i.status(),
        i.project(),
        i.dependsOn(),
        i.classification(),
        i.version());
  }

  @Test
  void aDependencyOnAMilestoneTheRoadmapLacksIsRefused() {
    Milestone m = milestone("cables", null, null, "survey");
    assertThatThrownBy(() -> m.requireDependenciesIn(Map.of("permits", List.of())))
        .isInstanceOf(BadRequestException.class)
        .satisfies(e -> assertThat(field(e)).isEqualTo("dependsOn"))
        .satisfies(e -> assertThat(detail(e)).contains("'survey'"));
  }

  @Test
  void aDependencyThatClosesACycleIsRefusedNamingTheCycle() {
    Map<String, List<String>> roadmap = new LinkedHashMap<>();
    roadmap.put("survey", List.of("permits"));
    roadmap.put("permits", List.of("cables"));
    Milestone cables = milestone("cables", null, null, "survey");
    assertThatThrownBy(() -> cables.requireDependenciesIn(roadmap))
        .isInstanceOf(BadRequestException.class)
        .satisfies(e -> assertThat(field(e)).isEqualTo("dependsOn"))
        .satisfies(
            e ->
                assertThat(detail(e))
                    .contains("cycle")
                    .contains("survey depends on permits depends on cables"));
  }

  @Test
  void dependenciesOnMilestonesOfTheRoadmapWithoutACycleAreAccepted() {
    Map<String, List<String>> roadmap = new LinkedHashMap<>();
    roadmap.put("survey", List.of());
    roadmap.put("permits", List.of("survey"));
    Milestone cables = milestone("cables", null, null, "survey", "permits");
    cables.requireDependenciesIn(roadmap);
    assertThat(cables.dependsOn()).containsExactly("survey", "permits");
  }

  @Test
  void aPublishedMilestonesPlanChangesOnlyThroughBothPartiesAgreement() {
    Milestone published = milestone("fibre", Status.NOT_STARTED, null);
    Milestone later =
        new Milestone(
            "fibre",
            published.title(),
            published.owner(),
            MARCH,
            JUNE.plusMonths(1),
            null,
            null,
            Status.NOT_STARTED,
            null,
            List.of());
    assertThatThrownBy(() -> published.revisedTo(later, true))
        .isInstanceOf(ForbiddenException.class);
    assertThat(published.revisedTo(later, false)).isEqualTo(later);
  }

  @Test
  void aPublishedMilestonesStatusAndActualDatesMayChange() {
    Milestone published = milestone("fibre", Status.NOT_STARTED, null);
    Milestone done = milestone("fibre", Status.DONE, JUNE);
    assertThat(published.revisedTo(done, true)).isEqualTo(done);
  }

  @Test
  void theOrderOfDependenciesIsNoChangeOfPlanNorOfContent() {
    Milestone a = milestone("cables", null, null, "survey", "permits");
    Milestone b = milestone("cables", null, null, "permits", "survey");
    assertThat(a.samePlan(b)).isTrue();
    assertThat(a.fingerprint()).isEqualTo(b.fingerprint());
  }

  @Test
  void aNewStatusChangesTheContentButNotThePlan() {
    Milestone open = milestone("cables", Status.NOT_STARTED, null);
    Milestone started = milestone("cables", Status.IN_PROGRESS, null);
    assertThat(open.samePlan(started)).isTrue();
    assertThat(open.fingerprint()).isNotEqualTo(started.fingerprint());
  }

  @Test
  void aNewProjectIsAChangeOfPlan() {
    Milestone open = milestone("cables", null, null);
    assertThat(open.samePlan(open.linkedTo("backbone", List.of()))).isFalse();
    assertThat(open.linkedTo("backbone", List.of()).project()).isEqualTo("backbone");
  }
}
