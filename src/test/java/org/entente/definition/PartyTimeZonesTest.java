package org.entente.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.entente.charter.CharterContent;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: a party declares its officials' time zone, or several of them, the first the one they
 * see by default; each must be a known IANA zone, named once.
 */
class PartyTimeZonesTest {

  private final DefinitionReader reader = new DefinitionReader();
  private static final String SYLVANIA =
      "    short-name: { en: Sylvania, fr: Sylvanie }\n"
          + "    signatory: Foreign Minister of Sylvania\n";

  private static String withSylvaniaZones(String zones) {
    String valid = DefinitionFixtures.freedoniaSylvania();
    assertThat(valid).contains(SYLVANIA);
    return valid.replace(SYLVANIA, SYLVANIA + "    time-zone: " + zones + "\n");
  }

  @Test
  void aPartyMayDeclareOneZoneOrSeveralTheFirstItsDefault() {
    Definition one = reader.read("fs.yaml", withSylvaniaZones("Europe/Paris"));
    assertThat(sylvania(one).timeZones()).containsExactly("Europe/Paris");

    Definition several =
        reader.read("fs.yaml", withSylvaniaZones("[America/New_York, America/Los_Angeles]"));
    assertThat(sylvania(several).timeZones())
        .containsExactly("America/New_York", "America/Los_Angeles");

    Definition none = reader.read("fs.yaml", DefinitionFixtures.freedoniaSylvania());
    assertThat(sylvania(none).timeZones()).isEmpty();
  }

  @Test
  void theDefaultCharterKeepsOneZonePerParty() {
    Definition d = reader.read("az-us-2026.yaml", DefinitionFixtures.azerbaijanUnitedStates());
    assertThat(d.charter().parties())
        .extracting(CharterContent.Party::timeZones)
        .containsExactly(java.util.List.of("Asia/Baku"), java.util.List.of("America/New_York"));
  }

  @Test
  void anUnknownZoneInTheListIsRefusedNamingItsPlace() {
    assertThatThrownBy(
            () -> reader.read("fs.yaml", withSylvaniaZones("[Europe/Paris, Mars/Olympus_Mons]")))
        .isInstanceOfSatisfying(
            DefinitionException.class,
            e -> {
              assertThat(e.problems()).hasSize(1);
              assertThat(e.problems().get(0).path()).isEqualTo("parties[1].time-zone[1]");
              assertThat(e.problems().get(0).message())
                  .contains("'Mars/Olympus_Mons' is not a known time zone");
            });
  }

  @Test
  void aZoneNamedTwiceIsRefused() {
    assertThatThrownBy(
            () -> reader.read("fs.yaml", withSylvaniaZones("[Europe/Paris, Europe/Paris]")))
        .isInstanceOfSatisfying(
            DefinitionException.class,
            e -> assertThat(e.getMessage()).contains("'Europe/Paris' is named twice"));
  }

  private static CharterContent.Party sylvania(Definition d) {
    return d.charter().parties().stream()
        .filter(p -> p.key().equals("SY"))
        .findFirst()
        .orElseThrow();
  }
}
