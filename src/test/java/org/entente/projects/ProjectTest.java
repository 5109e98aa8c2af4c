package org.entente.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.entente.projects.Project.CurrencyCode;
import org.entente.projects.Project.Financing;
import org.entente.projects.Project.FinancingStatus;
import org.entente.projects.Project.Location;
import org.entente.projects.Project.Partner;
import org.entente.projects.Project.Stage;
import org.entente.shared.BadRequestException;
import org.entente.shared.LocalizedText;
import org.junit.jupiter.api.Test;

/** The rules a project keeps by itself, without a database or Spring. */
class ProjectTest {

  private static Project project(Stage stage, String reason, List<Financing> financing) {
    return new Project(
        "rail-link",
        LocalizedText.ofMap(Map.of("en", "Rail link")),
        null,
        List.of("c-1"),
        Map.of("US", "Department of Transportation"),
        List.of(),
        stage,
        reason,
        financing,
        null);
  }

  private static Project identified() {
    return project(Stage.IDENTIFIED, null, List.of());
  }

  private static Financing usd(String amount) {
    return new Financing(
        new BigDecimal(amount),
        CurrencyCode.parse("currency", "USD"),
        null,
        FinancingStatus.PLEDGED);
  }

  private static String fieldOf(Runnable action) {
    try {
      action.run();
    } catch (BadRequestException e) {
      return e.field();
    }
    throw new AssertionError("no BadRequestException");
  }

  @Test
  void aNewProjectWithoutAStageIsIdentifiedAndWithoutADescriptionHasAnEmptyOne() {
    Project p = project(null, null, null);
    assertThat(p.stage()).isEqualTo(Stage.IDENTIFIED);
    assertThat(p.description().isEmpty()).isTrue();
    assertThat(p.financing()).isEmpty();
  }

  @Test
  void aKeyWithCapitalsOrSpacesIsRefusedNamingTheKey() {
    assertThat(
            fieldOf(
                () ->
                    new Project(
                        "Rail Link",
                        LocalizedText.ofMap(Map.of("en", "Rail link")),
                        null,
                        List.of("c-1"),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null)))
        .isEqualTo("key");
  }

  @Test
  void aTitleInALanguageTheCharterDoesNotDeclareIsRefused() {
    Project french =
        new Project(
            "rail-link",
            LocalizedText.ofMap(Map.of("fr", "Liaison")),
            null,
            List.of("c-1"),
            null,
            null,
            null,
            null,
            null,
            null);
    assertThat(fieldOf(() -> french.requireLanguages(List.of("az", "en"), null)))
        .isEqualTo("title");
    assertThat(french.requireLanguages(List.of("en", "fr"), null)).isSameAs(french);
    assertThat(french.requireLanguages(List.of("en"), french))
        .as("a language the project had stays allowed")
        .isSameAs(french);
  }

  @Test
  void aProjectServesAtLeastOneCommitment() {
    assertThat(
            fieldOf(
                () ->
                    new Project(
                        "rail-link",
                        LocalizedText.ofMap(Map.of("en", "Rail link")),
                        null,
                        List.of(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null)))
        .isEqualTo("commitments");
  }

  @Test
  void aPartnerWithoutARoleIsRefused() {
    assertThat(
            fieldOf(
                () ->
                    new Project(
                        "rail-link",
                        LocalizedText.ofMap(Map.of("en", "Rail link")),
                        null,
                        List.of("c-1"),
                        null,
                        List.of(new Partner("World Bank", "development-bank", null)),
                        null,
                        null,
                        null,
                        null)))
        .isEqualTo("partners");
  }

  @Test
  void aNegativeAmountIsRefusedAndZeroIsAllowed() {
    assertThat(fieldOf(() -> project(Stage.IDENTIFIED, null, List.of(usd("-1")))))
        .isEqualTo("financing");
    assertThat(project(Stage.IDENTIFIED, null, List.of(usd("0"))).financing()).hasSize(1);
  }

  @Test
  void aCurrencyThatIsNoIso4217CodeIsRefused() {
    assertThatThrownBy(() -> CurrencyCode.parse("financing", "usd"))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("not an ISO 4217 currency");
    Financing none = new Financing(BigDecimal.TEN, null, null, FinancingStatus.PLEDGED);
    assertThatThrownBy(() -> project(Stage.IDENTIFIED, null, List.of(none)))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("not an ISO 4217 currency");
    assertThat(fieldOf(() -> project(Stage.IDENTIFIED, null, List.of(none))))
        .isEqualTo("financing");
    assertThat(CurrencyCode.parse("currency", "AZN").code()).isEqualTo("AZN");
    assertThat(fieldOf(() -> CurrencyCode.parse("currency", "XYZ"))).isEqualTo("currency");
  }

  @Test
  void aLatitudeWithoutALongitudeOrBeyondNinetyIsRefused() {
    assertThat(
            fieldOf(
                () ->
                    new Project(
                        "rail-link",
                        LocalizedText.ofMap(Map.of("en", "Rail link")),
                        null,
                        List.of("c-1"),
                        null,
                        null,
                        null,
                        null,
                        null,
                        new Location("Baku", 40.4, null))))
        .isEqualTo("location");
    assertThat(
            fieldOf(
                () ->
                    new Project(
                        "rail-link",
                        LocalizedText.ofMap(Map.of("en", "Rail link")),
                        null,
                        List.of("c-1"),
                        null,
                        null,
                        null,
                        null,
                        null,
                        new Location("Baku", 91.0, 49.9))))
        .isEqualTo("location");
  }

  @Test
  void aSuspendedOrCancelledProjectSaysWhy() {
    assertThat(fieldOf(() -> project(Stage.SUSPENDED, " ", List.of()))).isEqualTo("stageReason");
    assertThat(fieldOf(() -> identified().moveTo(Stage.CANCELLED, null))).isEqualTo("stageReason");
    assertThat(identified().moveTo(Stage.SUSPENDED, "funding paused").stageReason())
        .isEqualTo("funding paused");
  }

  @Test
  void aProjectMovesOnlyAlongTheAllowedTransitions() {
    Project studied = identified().moveTo(Stage.UNDER_STUDY, null);
    assertThat(studied.stage()).isEqualTo(Stage.UNDER_STUDY);
    assertThatThrownBy(() -> identified().moveTo(Stage.COMPLETED, null))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("cannot move from identified to completed");
  }

  @Test
  void aCompletedProjectIsFinal() {
    Project completed = project(Stage.COMPLETED, null, List.of());
    assertThatThrownBy(() -> completed.moveTo(Stage.SUSPENDED, "why"))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("completed is final");
  }

  @Test
  void aSuspendedProjectResumesWithoutItsReason() {
    Project resumed =
        project(Stage.SUSPENDED, "funding paused", List.of()).moveTo(Stage.AGREED, "ignored");
    assertThat(resumed.stage()).isEqualTo(Stage.AGREED);
    assertThat(resumed.stageReason()).isNull();
  }

  @Test
  void aStageIsParsedFromItsCodeAndAnUnknownOneNamesTheFieldAskedFor() {
    assertThat(Stage.parse("stage", "in-implementation")).isEqualTo(Stage.IN_IMPLEMENTATION);
    assertThat(Stage.IN_IMPLEMENTATION.code()).isEqualTo("in-implementation");
    assertThat(fieldOf(() -> Stage.parse("stage", "IN_IMPLEMENTATION"))).isEqualTo("stage");
    assertThat(fieldOf(() -> Stage.parse("milestoneStage", "done"))).isEqualTo("milestoneStage");
  }

  @Test
  void aFinancingStatusIsParsedInAnyCaseAndIsPledgedWhenBlank() {
    assertThat(FinancingStatus.parse("financing_status", " Committed "))
        .isEqualTo(FinancingStatus.COMMITTED);
    assertThat(FinancingStatus.parse("financing_status", "")).isEqualTo(FinancingStatus.PLEDGED);
    assertThat(FinancingStatus.parse("financing_status", null)).isEqualTo(FinancingStatus.PLEDGED);
    assertThat(fieldOf(() -> FinancingStatus.parse("financingStatus", "promised")))
        .isEqualTo("financingStatus");
  }

  private static Financing dated(FinancingStatus status, java.time.LocalDate date) {
    return new Financing(
        new BigDecimal("10"), CurrencyCode.parse("currency", "USD"), null, status, date);
  }

  /** The field a project with these lines is refused by on this day. */
  private static String refusedOn(java.time.LocalDate today, Financing... lines) {
    return fieldOf(
        () -> project(Stage.IDENTIFIED, null, List.of(lines)).requirePossibleDates(today));
  }

  @Test
  void aFinancingLineIsDatedFrom1990ToTenYearsAheadAndADisbursementNotAfterToday() {
    java.time.LocalDate today = java.time.LocalDate.of(2026, 6, 1);
    Project fine =
        project(
            Stage.IDENTIFIED,
            null,
            List.of(
                usd("1"),
                dated(FinancingStatus.PLEDGED, java.time.LocalDate.of(1990, 1, 1)),
                dated(FinancingStatus.COMMITTED, today.plusYears(10)),
                dated(FinancingStatus.DISBURSED, today)));
    assertThat(fine.requirePossibleDates(today)).isSameAs(fine);
    assertThat(fine.financing().get(0).date()).isNull();

    assertThat(
            refusedOn(today, dated(FinancingStatus.PLEDGED, java.time.LocalDate.of(1989, 12, 31))))
        .isEqualTo("financing[0].date");
    assertThat(
            refusedOn(
                today, usd("1"), dated(FinancingStatus.COMMITTED, today.plusYears(10).plusDays(1))))
        .isEqualTo("financing[1].date");
    assertThat(
            refusedOn(
                today, usd("1"), usd("2"), dated(FinancingStatus.DISBURSED, today.plusDays(1))))
        .isEqualTo("financing[2].date");
  }
}
