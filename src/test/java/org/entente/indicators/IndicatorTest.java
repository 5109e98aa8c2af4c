package org.entente.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.entente.identity.Role;
import org.entente.identity.Viewer;
import org.entente.indicators.Indicator.Direction;
import org.entente.indicators.Indicator.Kind;
import org.entente.indicators.Indicator.Status;
import org.entente.indicators.IndicatorInputs.ValueInput;
import org.entente.shared.BadRequestException;
import org.entente.shared.Classification;
import org.entente.shared.LocalizedText;
import org.junit.jupiter.api.Test;

/**
 * The Indicator aggregate's rules, without Spring or a database: who may write it, where its area
 * shows, how its status reads its values, and what a new value must meet against the stored ones.
 */
class IndicatorTest {

  private static final UUID GROUP = UUID.randomUUID();
  private static final String SOURCE = "https://stat.gov.az/";

  private static Indicator indicator(Classification classification, UUID group) {
    return new Indicator(
        UUID.randomUUID(),
        UUID.randomUUID(),
        "az-us-2026",
        "trade-volume",
        LocalizedText.of("en", "Trade volume"),
        LocalizedText.of("en", "USD million"),
        Direction.HIGHER,
        "trade",
        null,
        null,
        null,
        classification,
        null,
        group,
        3);
  }

  private static final Indicator PUBLIC = indicator(Classification.PUBLIC, null);

  private static IndicatorValue stored(Kind kind, Integer year, String amount, boolean used) {
    return new IndicatorValue(
        UUID.randomUUID(),
        PUBLIC.id(),
        kind,
        year,
        null,
        new BigDecimal(amount),
        SOURCE,
        "State Statistical Committee",
        null,
        true,
        used,
        null,
        OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
  }

  private static ValueInput input(String kind, Integer year, String value, String corrects) {
    return new ValueInput(
        kind,
        year,
        null,
        value,
        "USD million",
        SOURCE,
        "State Statistical Committee",
        null,
        null,
        null,
        corrects);
  }

  private static Viewer member(UUID group) {
    return new Viewer(
        "aysel", "AZ", false, Set.of(Role.MEMBER), Set.of(group), Set.of(group), Set.of(), false);
  }

  private static String fieldOf(Runnable r) {
    try {
      r.run();
    } catch (BadRequestException e) {
      return e.field();
    }
    throw new AssertionError("no BadRequestException");
  }

  @Test
  void aGroupsIndicatorIsWrittenByItsMembersAndNotByOthers() {
    Indicator ofGroup = indicator(Classification.BILATERAL, GROUP);
    assertThat(ofGroup.writableBy(member(GROUP))).isTrue();
    assertThat(ofGroup.writableBy(member(UUID.randomUUID()))).isFalse();
    assertThat(ofGroup.writableBy(Viewer.ANONYMOUS)).isFalse();
  }

  @Test
  void anAreaLessWidelyVisibleThanTheIndicatorIsNotShownWithIt() {
    Viewer.Audience bilateralArea = new Viewer.Audience(Classification.BILATERAL, null, null);
    Viewer.Audience publicArea = new Viewer.Audience(Classification.PUBLIC, null, null);
    assertThat(PUBLIC.shownWith(bilateralArea).area()).isNull();
    assertThat(PUBLIC.shownWith(null).area()).isNull();
    assertThat(PUBLIC.shownWith(publicArea).area()).isEqualTo("trade");
  }

  @Test
  void theStatusReadsOnlyUsedCurrentValues() {
    List<IndicatorValue> values =
        List.of(
            stored(Kind.BASELINE, 2020, "100", true),
            stored(Kind.ACTUAL, 2025, "145", true),
            stored(Kind.ACTUAL, 2025, "10", false),
            stored(Kind.TARGET, 2030, "200", true));
    assertThat(PUBLIC.assess(values).status()).isEqualTo(Status.ON_TRACK);
    assertThat(PUBLIC.assess(values.subList(0, 1)).status()).isEqualTo(Status.NO_DATA);
  }

  @Test
  void aValueInAnotherUnitIsRefused() {
    IndicatorValues values = new IndicatorValues(PUBLIC, List.of());
    ValueInput inPercent =
        new ValueInput("actual", 2025, null, "3", "%", null, "Statistics", null, null, null, null);
    assertThat(fieldOf(() -> values.check(inPercent, List.of()))).isEqualTo("unit");
  }

  @Test
  void onlyATargetMayHaveNoYear() {
    IndicatorValues values = new IndicatorValues(PUBLIC, List.of());
    assertThat(fieldOf(() -> values.check(input("actual", null, "3", null), List.of())))
        .isEqualTo("year");
    assertThat(values.check(input("target", null, "3", null), List.of()).year()).isNull();
  }

  @Test
  void aSecondValueOfOneKindYearAndSourceIsRefusedStoredOrInTheSameImport() {
    IndicatorValues values =
        new IndicatorValues(PUBLIC, List.of(stored(Kind.ACTUAL, 2024, "120", true)));
    assertThat(fieldOf(() -> values.check(input("actual", 2024, "121", null), List.of())))
        .isEqualTo("year");
    CheckedValue first = values.check(input("actual", 2025, "130", null), List.of());
    assertThat(fieldOf(() -> values.check(input("actual", 2025, "131", null), List.of(first))))
        .isEqualTo("year");
  }

  @Test
  void aTargetDatedBeforeTheBaselineIsRefused() {
    IndicatorValues values =
        new IndicatorValues(PUBLIC, List.of(stored(Kind.BASELINE, 2020, "100", true)));
    assertThat(fieldOf(() -> values.check(input("target", 2019, "200", null), List.of())))
        .isEqualTo("year");
    assertThat(values.check(input("target", 2030, "200", null), List.of()).year()).isEqualTo(2030);
  }

  @Test
  void aCorrectionKeepsTheKindAndYearOfTheCurrentValueItCorrects() {
    IndicatorValue earlier = stored(Kind.ACTUAL, 2024, "120", true);
    IndicatorValues values = new IndicatorValues(PUBLIC, List.of(earlier));
    String id = earlier.id().toString();
    assertThat(fieldOf(() -> values.check(input("actual", 2023, "121", id), List.of())))
        .isEqualTo("corrects");
    assertThat(
            fieldOf(
                () ->
                    values.check(
                        input("actual", 2024, "121", UUID.randomUUID().toString()), List.of())))
        .isEqualTo("corrects");
    CheckedValue correction = values.check(input("actual", 2024, "121", id), List.of());
    assertThat(correction.corrects()).isEqualTo(earlier.id());
  }

  @Test
  void aValueAlreadyStoredWithTheSameFigureIsHeldAndAnotherFigureIsNot() {
    IndicatorValues values =
        new IndicatorValues(PUBLIC, List.of(stored(Kind.ACTUAL, 2024, "120.0", true)));
    assertThat(values.holds(input("actual", 2024, "120", null))).isTrue();
    assertThat(values.holds(input("actual", 2024, "121", null))).isFalse();
    assertThat(values.holds(input("actual", 2024, "not a number", null))).isFalse();
  }

  @Test
  void aValueBeyondSeventeenDigitsOrSixDecimalsIsRefused() {
    IndicatorValues values = new IndicatorValues(PUBLIC, List.of());
    assertThat(fieldOf(() -> values.check(input("actual", 2024, "1e17", null), List.of())))
        .isEqualTo("value");
    assertThat(fieldOf(() -> values.check(input("actual", 2024, "0.1234567", null), List.of())))
        .isEqualTo("value");
  }
}
