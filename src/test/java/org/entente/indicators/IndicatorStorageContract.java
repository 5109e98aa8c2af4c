package org.entente.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.entente.identity.Accounts;
import org.entente.identity.Role;
import org.entente.identity.Viewer;
import org.entente.identity.Viewers;
import org.entente.indicators.IndicatorInputs.IndicatorInput;
import org.entente.indicators.IndicatorInputs.ValueInput;
import org.entente.indicators.IndicatorViews.IndicatorView;
import org.entente.indicators.IndicatorViews.ValueView;
import org.entente.shared.BadRequestException;
import org.entente.shared.CharterKey;
import org.entente.shared.NotFoundException;
import org.entente.testing.People;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The indicators module's storage and queries on each database: the reference data loaded at
 * start-up, values of every shape (no year, a date, a decimal, a correction), and who reads a
 * party-internal indicator.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class IndicatorStorageContract {

  static final String CHARTER = "az-us-2026";

  @Autowired People people;
  @Autowired Indicators indicators;
  @Autowired Accounts accounts;
  @Autowired Viewers viewers;

  @BeforeAll
  void people() {
    person("is.az", "AZ", "Ministry of Energy");
    person("is.us", "US", "U.S. Department of Energy");
  }

  private void person(String name, String party, String organization) {
    people
        .person(name)
        .party(party)
        .organization(organization)
        .role(Role.CO_CHAIR)
        .chairs(CHARTER, "wg-energy")
        .createAccount();
  }

  private Viewer viewer(String name) {
    return viewers.of(name).orElseThrow();
  }

  private static ValueInput value(String kind, Integer year, String date, String value) {
    return new ValueInput(
        kind,
        year,
        date,
        value,
        "bcm",
        "https://minenergy.gov.az/x",
        "Ministry of Energy",
        null,
        null,
        null,
        null);
  }

  @Test
  void theReferenceDataIsStoredWithItsSources() {
    List<IndicatorView> all = indicators.list(CharterKey.of(CHARTER), Viewer.ANONYMOUS);
    assertThat(all.stream().mapToLong(i -> i.values().size()).sum()).isEqualTo(162);
    IndicatorView gas =
        all.stream().filter(i -> i.key().equals("gas-exports-europe")).findFirst().orElseThrow();
    assertThat(gas.values())
        .extracting(ValueView::year)
        .containsExactly(2021, 2023, 2024, 2025, 2027);
    assertThat(gas.values()).allSatisfy(v -> assertThat(v.publisher()).isNotBlank());
    assertThat(gas.status().targetYear()).isEqualTo(2027);
  }

  @Test
  void valuesOfEveryShapeRoundTripAndAPartyInternalIndicatorIsItsPartysOnly() {
    IndicatorView created =
        indicators.create(
            CharterKey.of(CHARTER),
            new IndicatorInput(
                "storage-gas",
                Map.of("en", "Gas to Europe (internal estimate)", "az", "Avropaya qaz"),
                "bcm",
                "higher",
                "energy",
                List.of("oil-gas-electricity", "supply-route-diversification"),
                "Ministry of Energy",
                "Pipeline exports to EU and Western Balkan buyers",
                "Ministry of Energy",
                "wg-energy",
                "party-internal"),
            viewer("is.az"));
    indicators.addValue(created.id(), value("baseline", 2025, null, "12.8"), viewer("is.az"));
    indicators.addValue(created.id(), value("target", null, null, "20"), viewer("is.az"));
    indicators.addValue(
        created.id(), value("actual", 2026, "2026-06-30", "6.512345"), viewer("is.az"));
    assertThatThrownBy(
            () ->
                indicators.addValue(
                    created.id(), value("target", 2024, null, "10"), viewer("is.az")))
        .isInstanceOf(BadRequestException.class);

    IndicatorView read = indicators.indicator(created.id(), viewer("is.az"));
    assertThat(read.commitments())
        .containsExactly("oil-gas-electricity", "supply-route-diversification");
    assertThat(read.name().values()).containsEntry("az", "Avropaya qaz");
    assertThat(read.values()).hasSize(3);
    ValueView actual =
        read.values().stream().filter(v -> v.kind().equals("actual")).findFirst().orElseThrow();
    assertThat(actual.value()).isEqualByComparingTo("6.512345");
    assertThat(actual.date()).hasToString("2026-06-30");
    assertThat(read.values().stream().filter(v -> v.kind().equals("target")).findFirst())
        .get()
        .extracting(ValueView::year)
        .isNull();
    assertThat(read.status().status()).isEqualTo("no-data");

    assertThatThrownBy(() -> indicators.indicator(created.id(), viewer("is.us")))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> indicators.indicator(created.id(), Viewer.ANONYMOUS))
        .isInstanceOf(NotFoundException.class);
    assertThat(indicators.measuring(CharterKey.of(CHARTER), "oil-gas-electricity", viewer("is.us")))
        .extracting(IndicatorView::key)
        .doesNotContain("storage-gas");
    assertThat(indicators.measuring(CharterKey.of(CHARTER), "oil-gas-electricity", viewer("is.az")))
        .extracting(IndicatorView::key)
        .contains("storage-gas");
  }
}
