package org.entente.charter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.entente.definition.DefinitionFixtures;
import org.entente.definition.DefinitionProblem;
import org.entente.definition.Definitions;
import org.entente.testing.CleanAfterEachTest;
import org.entente.testing.EntenteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 19, the alternat: the order in which the parties are named in each language is set in the
 * definition ({@code charter.party-order}), not in code. The U.S.–Ukraine charter names the United
 * States first in English and Ukraine first in Ukrainian; a language the definition gives no order
 * (every language of the default charter) names them in the file's order.
 */
@EntenteTest
@CleanAfterEachTest
class PartyOrderTest {

  static final String FILE = "/definitions/us-ukraine-2008.yaml";

  @Autowired MockMvc mvc;
  @Autowired Definitions definitions;

  void loadTheUnitedStatesUkraineCharter() {
    Definitions.LoadResult loaded =
        definitions.load("us-ukraine-2008.yaml", DefinitionFixtures.resource(FILE));
    assertThat(loaded.loaded()).as(loaded.problems().toString()).isTrue();
  }

  String page(String path, String language) throws Exception {
    return mvc.perform(
            get(path).accept(MediaType.TEXT_HTML).cookie(new Cookie("entente-lang", language)))
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  /** Asserts that the page names these, in this order. */
  static void inThisOrder(String page, String first, String second) {
    assertThat(page).contains(first).contains(second);
    assertThat(page.indexOf(first))
        .as(first + " before " + second)
        .isLessThan(page.indexOf(second));
  }

  @Test
  void eachLanguageNamesThePartiesInTheOrderTheDefinitionSets() throws Exception {
    loadTheUnitedStatesUkraineCharter();
    String overview = "/charters/us-ua-2008";
    inThisOrder(page(overview, "en"), ">United States of America<", ">Ukraine<");
    inThisOrder(page(overview, "uk"), ">Україна<", ">Сполучені Штати Америки<");
    String portal = "/public/charters/us-ua-2008";
    inThisOrder(page(portal, "en"), ">United States of America<", ">Ukraine<");
    inThisOrder(page(portal, "uk"), ">Україна<", ">Сполучені Штати Америки<");
  }

  @Test
  void eachLanguageNamesTheCoChairsInThatOrder() throws Exception {
    loadTheUnitedStatesUkraineCharter();
    String group = "/charters/us-ua-2008/working-groups/wg-democracy";
    inThisOrder(page(group, "en"), "Co-chair (US)", "Co-chair (UA)");
    inThisOrder(page(group, "uk"), "Co-chair (UA)", "Co-chair (US)");
    String portal = "/public/charters/us-ua-2008/working-groups";
    inThisOrder(
        page(portal, "en"),
        "designated by the Government of the United States",
        "designated by the Government of Ukraine");
    inThisOrder(page(portal, "uk"), "призначений Урядом України", "призначений Урядом США");
  }

  @Test
  void theApiGivesTheOrderOfEachLanguage() throws Exception {
    loadTheUnitedStatesUkraineCharter();
    String json =
        mvc.perform(get("/api/charters/us-ua-2008"))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat((List<String>) JsonPath.read(json, "$.charter.partyOrder.uk"))
        .containsExactly("UA", "US");
    assertThat((List<String>) JsonPath.read(json, "$.charter.partyOrder.en"))
        .containsExactly("US", "UA");
    assertThat((List<String>) JsonPath.read(json, "$.parties[*].key"))
        .as("the parties themselves stay in the file's order")
        .containsExactly("US", "UA");
  }

  @Test
  void withoutAnOrderEveryLanguageFollowsTheFilesOrder() throws Exception {
    String overview = "/charters/az-us-2026";
    inThisOrder(page(overview, "en"), ">Republic of Azerbaijan<", ">United States of America<");
    inThisOrder(page(overview, "az"), ">Azərbaycan Respublikası<", ">Amerika Birləşmiş Ştatları<");
  }

  @Test
  void anOrderForAnotherLanguageOrThatMissesAPartyIsRefusedWithItsLine() {
    String file = DefinitionFixtures.resource(FILE);
    assertThat(problems(file.replace("    en: [US, UA]\n", "    fr: [US, UA]\n")))
        .containsExactly(
            "wrong.yaml:75: charter.party-order.fr: 'fr' is not one of the charter's languages;"
                + " known: en, uk");
    assertThat(problems(file.replace("    uk: [UA, US]\n", "    uk: [UA, XX]\n")))
        .containsExactly(
            "wrong.yaml:76: charter.party-order.uk: the order for 'uk' must name each party once:"
                + " US, UA; it names UA, XX");
    assertThat(problems(file.replace("    uk: [UA, US]\n", "    uk: [UA, UA]\n"))).isNotEmpty();
  }

  private List<String> problems(String definition) {
    return definitions.load("wrong.yaml", definition).problems().stream()
        .map(DefinitionProblem::toString)
        .toList();
  }
}
