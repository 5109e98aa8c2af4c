package org.entente.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import org.entente.definition.Definitions;
import org.entente.testing.CleanAfterEachTest;
import org.entente.testing.EnglishUkrainianCharter;
import org.entente.testing.EntenteTest;
import org.entente.testing.People;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 19: a file of projects has a title and a description column per language of the charter; a
 * column for another language is refused naming it, and the en/az file of the default charter is
 * still read.
 */
@EntenteTest
@CleanAfterEachTest
class ProjectCsvLanguagesTest {

  static final String UK = "/api/charters/en-uk-test/working-groups/bridges-group";
  static final String AZ = "/api/charters/az-us-2026/working-groups/wg-connectivity-digital";

  @Autowired MockMvc mvc;
  @Autowired People people;
  @Autowired Definitions definitions;

  String ukToken;
  String azToken;

  @BeforeEach
  void charterAndMembers() {
    EnglishUkrainianCharter.load(definitions);
    ukToken =
        people.person("ta.member").party("TA").memberOf("en-uk-test", "bridges-group").create();
    azToken =
        people
            .person("us.member")
            .party("US")
            .memberOf(People.CHARTER, "wg-connectivity-digital")
            .create();
  }

  private MockHttpServletResponse importFile(String token, String group, String csv)
      throws Exception {
    return mvc.perform(
            post(group + "/projects/import")
                .header("Authorization", "Bearer " + token)
                .contentType("text/csv")
                .content(csv))
        .andReturn()
        .getResponse();
  }

  private String export(String token, String group) throws Exception {
    return mvc.perform(get(group + "/projects.csv").header("Authorization", "Bearer " + token))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  @Test
  void aFileWithUkrainianColumnsRoundTripsOnTheEnglishUkrainianCharter() throws Exception {
    MockHttpServletResponse first =
        importFile(
            ukToken,
            UK,
            "key,title_en,title_uk,description_uk,commitments\n"
                + "river-bridge,River bridge,Міст через річку,Новий міст,bridges\n");
    assertThat(first.getStatus()).as(first.getContentAsString()).isEqualTo(200);
    String exported = export(ukToken, UK);
    assertThat(exported.lines().findFirst().orElseThrow())
        .startsWith("key,title_en,title_uk,description_en,description_uk,commitments,")
        .doesNotContain("_az");
    assertThat(exported).contains("River bridge,Міст через річку,,Новий міст,bridges");
    MockHttpServletResponse replay = importFile(ukToken, UK, exported);
    assertThat(replay.getStatus()).as(replay.getContentAsString()).isEqualTo(200);
    assertThat((Integer) JsonPath.read(replay.getContentAsString(), "$.unchanged")).isEqualTo(1);
    assertThat(export(ukToken, UK)).isEqualTo(exported);
  }

  @Test
  void aColumnForALanguageOutsideTheCharterIsRefusedNamingTheColumn() throws Exception {
    MockHttpServletResponse refused =
        importFile(
            azToken,
            AZ,
            "key,title_en,title_uk,commitments\nfibre,Fibre,Волокно,middle-corridor\n");
    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat((String) JsonPath.read(refused.getContentAsString(), "$.errors[0].field"))
        .isEqualTo("file");
    assertThat(refused.getContentAsString())
        .contains("the column 'title_uk'")
        .contains("not a language of this charter");
    assertThat(export(azToken, AZ)).doesNotContain("fibre");
  }

  @Test
  void
      theEnglishAndAzerbaijaniFileOfTheDefaultCharterIsStillReadAndAFileWithoutItsAzerbaijaniColumnKeepsTheAzerbaijaniTitle()
          throws Exception {
    MockHttpServletResponse old =
        importFile(
            azToken,
            AZ,
            "key,title_en,title_az,description_en,description_az,commitments\n"
                + "fibre-line,Fibre line,Fiber xətti,A line,Bir xətt,middle-corridor\n");
    assertThat(old.getStatus()).as(old.getContentAsString()).isEqualTo(200);
    assertThat(export(azToken, AZ))
        .startsWith("key,title_en,title_az,description_en,description_az,commitments,")
        .contains("fibre-line,Fibre line,Fiber xətti,A line,Bir xətt,middle-corridor");
    MockHttpServletResponse englishOnly =
        importFile(
            azToken,
            AZ,
            "key,title_en,commitments\nfibre-line,Fibre line renamed,middle-corridor\n");
    assertThat(englishOnly.getStatus()).as(englishOnly.getContentAsString()).isEqualTo(200);
    assertThat(export(azToken, AZ))
        .contains("fibre-line,Fibre line renamed,Fiber xətti,A line,Bir xətt,middle-corridor");
  }
}
