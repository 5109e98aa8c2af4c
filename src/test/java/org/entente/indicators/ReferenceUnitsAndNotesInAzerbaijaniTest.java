package org.entente.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.entente.testing.EntenteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.yaml.snakeyaml.Yaml;

/**
 * Issue 19: the reference indicators' units and notes, the most English left on the Azerbaijani
 * pages, have a working translation in Azerbaijani (its alphabet; names of publications and
 * companies keep their own spelling), shown on the Azerbaijani pages with the working-translation
 * notice; the English pages keep the English.
 */
@EntenteTest
class ReferenceUnitsAndNotesInAzerbaijaniTest {

  /** A letter outside the Azerbaijani Latin alphabet (digits, punctuation and spaces are free). */
  private static final Pattern FOREIGN_LETTER =
      Pattern.compile(
          "[\\p{L}&&[^abcçdeəfgğhxıijkqlmnoöprsştuüvyzABCÇDEƏFGĞHXIİJKQLMNOÖPRSŞTUÜVYZ]]");

  /** Names the notes cite in their own spelling, and addresses. */
  private static final Pattern OWN_SPELLING =
      Pattern.compile(
          "https?://\\S+|Winnie Wang|silkwaytv\\.kz|Azernews|ACWA Power|bne IntelliNews"
              + "|Caspian News");

  static final String BAKU_PORT = "/charters/az-us-2026/indicators/baku-port-cargo";

  @Autowired MockMvc mvc;

  @Test
  @SuppressWarnings("unchecked")
  void everyUnitAndNoteOfTheReferenceHasAnAzerbaijaniTranslationInItsAlphabet() throws Exception {
    Map<String, Object> yaml;
    try (InputStream in =
        new ClassPathResource("charters/az-us-2026.indicators.yaml").getInputStream()) {
      yaml = new Yaml().load(in);
    }
    Map<String, String> units = (Map<String, String>) yaml.get("units-az");
    Map<String, String> notes = (Map<String, String>) yaml.get("notes-az");
    Set<String> csvUnits = new LinkedHashSet<>();
    Set<String> csvNotes = new LinkedHashSet<>();
    try (InputStream in =
            new ClassPathResource("charters/az-us-2026.indicators.csv").getInputStream();
        CSVParser parser =
            CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setTrim(true)
                .get()
                .parse(
                    new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8))) {
      for (CSVRecord r : parser) {
        csvUnits.add(r.get("unit"));
        if (!r.get("note").isEmpty()) {
          csvNotes.add(r.get("note"));
        }
      }
    }
    assertThat(csvNotes).hasSizeGreaterThan(100);
    assertThat(units)
        .as("units without a translation")
        .containsKeys(csvUnits.toArray(String[]::new));
    assertThat(notes)
        .as("notes without a translation")
        .containsKeys(csvNotes.toArray(String[]::new));
    List<String> foreign = new ArrayList<>();
    for (String az : concat(units.values(), notes.values())) {
      if (az.isBlank() || FOREIGN_LETTER.matcher(OWN_SPELLING.matcher(az).replaceAll("")).find()) {
        foreign.add(az);
      }
    }
    assertThat(foreign).as("translations empty or with letters outside the alphabet").isEmpty();
  }

  private static List<String> concat(
      java.util.Collection<String> a, java.util.Collection<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  @Test
  void theAzerbaijaniIndicatorPageShowsTheUnitAndNotesInAzerbaijaniAsAWorkingTranslation()
      throws Exception {
    String az = page("az");
    assertThat(az)
        .containsPattern("<dd><span lang=\"az-Latn\">mln ton</span></dd>")
        .contains("87%-i tranzit")
        .contains("class=\"note working-translation\"")
        .doesNotContain("million tonnes")
        .doesNotContain("87% transit");
    String en = page("en");
    assertThat(en)
        .contains("million tonnes")
        .contains("87% transit")
        .doesNotContain("mln ton")
        .doesNotContain("working-translation");
  }

  @Test
  void chartsDescribeTheirPointsInTheReadersWordsKindValueAndUnit() throws Exception {
    String az = page("az");
    assertThat(az)
        .containsPattern("<desc id=\"d\">[^<]*faktiki qiymət 2020: 4,8 mln ton;")
        .doesNotContainPattern("<desc[^>]*>[^<]*actual 20");
    String list =
        mvc.perform(get("/charters/az-us-2026/indicators?lang=az").accept(MediaType.TEXT_HTML))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(list)
        .containsPattern(
            "<title id=\"spark-[^\"]+\">[^<]*: faktiki qiymət 20[0-9]{2}: [0-9][^<]* mln ton")
        .doesNotContainPattern("<title id=\"spark-[^\"]+\">[^<]*(actual|baseline) 20[0-9]{2}")
        .doesNotContainPattern("<title id=\"spark-[^\"]+\">[^<]*million tonnes");
    assertThat(page("en")).containsPattern("<desc id=\"d\">[^<]*actual 2020: 4.8 million tonnes;");
  }

  private String page(String language) throws Exception {
    return mvc.perform(get(BAKU_PORT + "?lang=" + language).accept(MediaType.TEXT_HTML))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }
}
