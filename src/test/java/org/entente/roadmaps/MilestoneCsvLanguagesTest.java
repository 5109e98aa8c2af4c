package org.entente.roadmaps;

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
 * Issue 19: a file of milestones has a title column per language of the charter; a column for
 * another language is refused naming it, and the en/az file of the default charter is still read.
 */
@EntenteTest
@CleanAfterEachTest
class MilestoneCsvLanguagesTest {

  static final String UK = "/api/charters/en-uk-test/working-groups/bridges-group/roadmap";
  static final String AZ =
      "/api/charters/az-us-2026/working-groups/wg-connectivity-digital/roadmap";

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

  private MockHttpServletResponse importFile(String token, String roadmap, String csv)
      throws Exception {
    return mvc.perform(
            post(roadmap + "/import")
                .header("Authorization", "Bearer " + token)
                .contentType("text/csv")
                .content(csv))
        .andReturn()
        .getResponse();
  }

  private String export(String token, String roadmap) throws Exception {
    return mvc.perform(get(roadmap + "/milestones.csv").header("Authorization", "Bearer " + token))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  @Test
  void aFileWithAUkrainianColumnRoundTripsOnTheEnglishUkrainianCharter() throws Exception {
    MockHttpServletResponse first =
        importFile(
            ukToken,
            UK,
            "key,title_uk,planned_start,planned_end\n"
                + "pier-one,Перша опора,2027-01-01,2027-02-01\n");
    assertThat(first.getStatus()).as(first.getContentAsString()).isEqualTo(200);
    String exported = export(ukToken, UK);
    assertThat(exported.lines().findFirst().orElseThrow())
        .startsWith("key,title_en,title_uk,owner,")
        .doesNotContain("_az");
    assertThat(exported).contains("pier-one,,Перша опора,,2027-01-01,2027-02-01");
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
            "key,title_en,title_fr,planned_start,planned_end\n"
                + "pier,Pier,Pile,2027-01-01,2027-02-01\n");
    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat((String) JsonPath.read(refused.getContentAsString(), "$.errors[0].field"))
        .isEqualTo("file");
    assertThat(refused.getContentAsString())
        .contains("the column 'title_fr'")
        .contains("not a language of this charter");
    assertThat(export(azToken, AZ)).doesNotContain("pier");
  }

  @Test
  void
      theEnglishAndAzerbaijaniFileIsStillReadAndAFileWithoutItsAzerbaijaniColumnKeepsTheAzerbaijaniTitle()
          throws Exception {
    MockHttpServletResponse old =
        importFile(
            azToken,
            AZ,
            "key,title_en,title_az,owner,planned_start,planned_end,actual_start,actual_end,"
                + "status,project,depends_on\n"
                + "pier,Pier,Dayaq,,2027-01-01,2027-02-01,,,,,\n");
    assertThat(old.getStatus()).as(old.getContentAsString()).isEqualTo(200);
    assertThat(export(azToken, AZ))
        .startsWith(String.join(",", MilestoneCsv.HEADER))
        .contains("pier,Pier,Dayaq,");
    MockHttpServletResponse englishOnly =
        importFile(
            azToken,
            AZ,
            "key,title_en,planned_start,planned_end\npier,Pier renamed,2027-01-01,2027-02-01\n");
    assertThat(englishOnly.getStatus()).as(englishOnly.getContentAsString()).isEqualTo(200);
    assertThat(export(azToken, AZ)).contains("pier,Pier renamed,Dayaq,");
  }
}
