package org.entente.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.entente.projects.Project.CurrencyCode;
import org.entente.projects.Project.Financing;
import org.entente.projects.Project.FinancingStatus;
import org.entente.shared.BadRequestException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

class CurrencyCodeTest {

  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void anIso4217CodeIsACurrencyWrittenAsItsCode() {
    CurrencyCode azn = CurrencyCode.parse("currency", "AZN");
    assertThat(azn.code()).isEqualTo("AZN");
    assertThat(azn).hasToString("AZN").isEqualTo(new CurrencyCode("AZN"));
  }

  @Test
  void lowerCaseUnknownBlankAndMissingCodesAreRefusedNamingTheField() {
    for (String code : new String[] {"usd", "XYZ", "", " USD", null}) {
      assertThatThrownBy(() -> CurrencyCode.parse("financing", code))
          .isInstanceOfSatisfying(
              BadRequestException.class, e -> assertThat(e.field()).isEqualTo("financing"))
          .hasMessageContaining("is not an ISO 4217 currency code");
      assertThatThrownBy(() -> new CurrencyCode(code))
          .isInstanceOfSatisfying(
              BadRequestException.class, e -> assertThat(e.field()).isEqualTo("currency"));
    }
  }

  @Test
  void aFinancingLineKeepsItsJsonShapeBothWays() throws Exception {
    Financing line =
        new Financing(
            new BigDecimal("12.50"), new CurrencyCode("EUR"), "Fund", FinancingStatus.COMMITTED);
    String written = json.writeValueAsString(line);
    assertThat(written)
        .isEqualTo(
            "{\"amount\":12.50,\"currency\":\"EUR\",\"source\":\"Fund\",\"status\":\"COMMITTED\"}");
    assertThat(json.readValue(written, Financing.class)).isEqualTo(line);
  }

  @Test
  void aFinancingLineInJsonWithAnUnknownCurrencyIsRefusedNamingTheFinancing() {
    assertThatThrownBy(
            () ->
                json.readValue(
                    "{\"amount\":1,\"currency\":\"usd\",\"status\":\"PLEDGED\"}", Financing.class))
        .isInstanceOf(DatabindException.class)
        .cause()
        .isInstanceOfSatisfying(
            BadRequestException.class, e -> assertThat(e.field()).isEqualTo("financing"));
  }
}
