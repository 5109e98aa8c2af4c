package org.entente.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.entente.identity.Accounts;
import org.entente.identity.Viewer;
import org.entente.identity.Viewers;
import org.entente.projects.ProjectInput;
import org.entente.projects.Projects;
import org.entente.shared.BadRequestException;
import org.entente.shared.CharterKey;
import org.entente.shared.Paging;
import org.entente.shared.SearchHit;
import org.entente.testing.People;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Search on each database: what matches (word starts, phrases, both languages), what the filters
 * keep, what the viewer may not see never comes back, and what a malformed query answers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SearchContract {

  static final String CHARTER = "az-us-2026";

  @Autowired People people;
  @Autowired Search search;
  @Autowired Accounts accounts;
  @Autowired Viewers viewers;
  @Autowired Projects projects;

  @BeforeAll
  void records() {
    person("se.az", "AZ", "wg-connectivity-digital");
    person("se.us", "US", "wg-energy");
    projects.create(
        CharterKey.of(CHARTER),
        "wg-connectivity-digital",
        new ProjectInput(
            "fibre-link",
            Map.of("en", "Trans-Caspian fibre cable", "az", "Transxəzər fiber kabeli"),
            null,
            List.of("middle-corridor"),
            Map.of(),
            null,
            List.of(),
            null,
            "bilateral"),
        viewer("se.az"));
    projects.create(
        CharterKey.of(CHARTER),
        "wg-connectivity-digital",
        new ProjectInput(
            "alat-port",
            Map.of("en", "Port of Alat terminal", "az", "Ələt limanı terminalı"),
            null,
            List.of("middle-corridor"),
            Map.of(),
            null,
            List.of(),
            null,
            "party-internal"),
        viewer("se.az"));
  }

  private void person(String name, String party, String group) {
    people.person(name).party(party).memberOf(CHARTER, group).createAccount();
  }

  private Viewer viewer(String name) {
    return name.equals("anonymous") ? Viewer.ANONYMOUS : viewers.of(name).orElseThrow();
  }

  private List<SearchHit> find(String who, String q, String type, String area, String group) {
    return search
        .search(
            CharterKey.of(CHARTER),
            q,
            new Search.Filters(type, area, group, null),
            new Paging(0, Paging.MAX_SIZE),
            viewer(who))
        .items();
  }

  @Test
  void aWordMatchesTheStartOfWordsAndAPhraseMatchesAsWritten() {
    assertThat(find("anonymous", "corrid", null, null, null))
        .extracting(SearchHit::key)
        .contains("middle-corridor");
    assertThat(find("anonymous", "\"middle corridor\"", "commitment", null, null))
        .extracting(SearchHit::key)
        .contains("middle-corridor");
    assertThat(find("anonymous", "\"middle advance\"", "commitment", null, null)).isEmpty();
    assertThat(find("anonymous", "middle demining", "commitment", null, null)).isEmpty();
  }

  @Test
  void projectsAreFoundInEitherLanguageByThoseWhoMaySeeThem() {
    assertThat(find("se.az", "fibre", "project", null, null))
        .extracting(SearchHit::title)
        .containsExactly("Trans-Caspian fibre cable");
    assertThat(find("se.az", "kabeli", "project", null, null)).hasSize(1);
    assertThat(find("se.az", "ələt", "project", null, null))
        .extracting(SearchHit::status)
        .containsExactly("identified");
    assertThat(find("se.us", "fibre", "project", null, null)).isEmpty();
    assertThat(find("anonymous", "fibre", "project", null, null)).isEmpty();
    // the public reference indicator of the Baku port (Ələt) is found by anyone; the project is not
    assertThat(find("se.us", "ələt", null, null, null))
        .extracting(SearchHit::type)
        .doesNotContain("project");
  }

  @Test
  void filtersKeepOnlyTheirTypeAreaAndGroup() {
    assertThat(find("se.az", "terminal", null, "connectivity", null)).isNotEmpty();
    assertThat(find("se.az", "fibre", null, "energy", null)).isEmpty();
    assertThat(find("se.az", "fibre", null, null, "wg-connectivity-digital")).hasSize(1);
    assertThat(find("se.az", "fibre", null, null, "wg-energy")).isEmpty();
    assertThat(find("se.az", "corridor", "project", null, null))
        .allSatisfy(h -> assertThat(h.type()).isEqualTo("project"));
  }

  @Test
  void indicatorsAreFoundByNameAndDefinitionWithTheirStatusAndPage() {
    List<SearchHit> cargo = find("anonymous", "cargo", "indicator", null, null);
    assertThat(cargo).extracting(SearchHit::key).contains("titr-cargo-volume");
    SearchHit volume =
        cargo.stream().filter(h -> h.key().equals("titr-cargo-volume")).findFirst().orElseThrow();
    assertThat(volume.url()).isEqualTo("/charters/" + CHARTER + "/indicators/titr-cargo-volume");
    assertThat(volume.status()).isIn("on-track", "at-risk", "off-track", "no-data");
    assertThat(find("anonymous", "cargo", "indicator", "energy", null)).isEmpty();
    assertThat(find("anonymous", "\"cleared of mines\"", null, "humanitarian-demining", null))
        .extracting(SearchHit::key)
        .contains("demining-hectares-annual");
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "'   '|q",
        "\"middle corridor|q",
        "'!!! ---'|q",
        "a b c d e f g h i j k|q",
      })
  void aMalformedQueryIsRefusedNamingTheParameter(String q, String field) {
    assertThatThrownBy(() -> find("anonymous", q, null, null, null))
        .isInstanceOfSatisfying(
            BadRequestException.class, e -> assertThat(e.field()).isEqualTo(field));
  }

  @Test
  void unknownFiltersAndOverlongQueriesAreRefused() {
    assertThatThrownBy(() -> find("anonymous", "x", "planet", null, null))
        .isInstanceOfSatisfying(
            BadRequestException.class, e -> assertThat(e.field()).isEqualTo("type"));
    assertThatThrownBy(() -> find("anonymous", "x", null, "space", null))
        .isInstanceOfSatisfying(
            BadRequestException.class, e -> assertThat(e.field()).isEqualTo("area"));
    assertThatThrownBy(() -> find("anonymous", "x", null, null, "wg-nowhere"))
        .isInstanceOfSatisfying(
            BadRequestException.class, e -> assertThat(e.field()).isEqualTo("group"));
    assertThatThrownBy(() -> find("anonymous", "x".repeat(201), null, null, null))
        .isInstanceOfSatisfying(
            BadRequestException.class, e -> assertThat(e.field()).isEqualTo("q"));
  }
}
