package org.entente.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.convert.support.DefaultConversionService;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

class CharterKeyTest {

  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void aKeyAsTheDefinitionWritesItIsACharterKeyShownAsItsText() {
    for (String text : List.of("az-us-2026", "fd-sy-2025", "a", "0-", "a".repeat(64))) {
      CharterKey key = CharterKey.of(text);
      assertThat(key.value()).isEqualTo(text);
      assertThat(key).hasToString(text).isEqualTo(new CharterKey(text));
      assertThat(CharterKey.parse(text)).contains(key);
      assertThat(CharterKey.inPath(text)).isEqualTo(key);
    }
  }

  @Test
  void textThatIsNoCharterKeyIsRefusedNamingTheField() {
    for (String text :
        new String[] {null, "", "-az", "AZ-US-2026", "az us", "az_us", "az/us", "a".repeat(65)}) {
      assertThatThrownBy(() -> CharterKey.of(text))
          .isInstanceOfSatisfying(
              BadRequestException.class, e -> assertThat(e.field()).isEqualTo("charterKey"))
          .hasMessageContaining("charter key");
      assertThat(CharterKey.parse(text)).isEmpty();
    }
  }

  @Test
  void textInAnAddressThatIsNoCharterKeyNamesNoCharter() {
    assertThatThrownBy(() -> CharterKey.inPath("AZ-US"))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("No charter 'AZ-US'.");
  }

  @Test
  void inJsonACharterKeyIsItsPlainTextBothWays() throws Exception {
    CharterKey key = CharterKey.of("az-us-2026");
    assertThat(json.writeValueAsString(Map.of("charter", key)))
        .isEqualTo("{\"charter\":\"az-us-2026\"}");
    assertThat(json.readValue("\"az-us-2026\"", CharterKey.class)).isEqualTo(key);
    assertThatThrownBy(() -> json.readValue("\"Az Us\"", CharterKey.class))
        .isInstanceOf(DatabindException.class)
        .cause()
        .isInstanceOf(BadRequestException.class);
  }

  @Test
  void anAddressConvertsItsTextToACharterKey() {
    DefaultConversionService conversion = new DefaultConversionService();
    assertThat(conversion.convert("az-us-2026", CharterKey.class))
        .isEqualTo(CharterKey.of("az-us-2026"));
    assertThat(conversion.convert(CharterKey.of("az-us-2026"), String.class))
        .isEqualTo("az-us-2026");
  }
}
