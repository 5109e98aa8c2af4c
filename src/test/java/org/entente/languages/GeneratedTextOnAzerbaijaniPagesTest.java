package org.entente.languages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import org.entente.identity.Role;
import org.entente.testing.EntenteTest;
import org.entente.testing.People;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 19: what the application writes itself on a page, around the records, is in the reader's
 * language: the rule of each progress figure, a record's classification, the application as the
 * actor of a change, and the names of groups on the account pages.
 */
@EntenteTest
class GeneratedTextOnAzerbaijaniPagesTest {

  static final String CHARTER = "az-us-2026";

  @Autowired MockMvc mvc;
  @Autowired People people;

  private String page(String path, Cookie session) throws Exception {
    var request = get(path).accept(MediaType.TEXT_HTML).cookie(new Cookie(Languages.COOKIE, "az"));
    if (session != null) {
      request.cookie(session);
    }
    return mvc.perform(request)
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  @Test
  void theProgressPageSaysHowEachFigureIsMadeInAzerbaijani() throws Exception {
    String page = page("/charters/" + CHARTER + "/progress", null);
    assertThat(page)
        .contains("sahələrinin orta göstəricisi")
        .contains("(öhdəliklərinin orta göstəricisi)")
        .doesNotContain("the mean of")
        .doesNotContain("obligations of its clause");
  }

  @Test
  void aCommitmentsClassificationIsSaidInAzerbaijani() throws Exception {
    String page = page("/charters/" + CHARTER + "/commitments/tripp", null);
    assertThat(page).contains("<dd>ictimai</dd>").doesNotContain("<dd>public</dd>");
  }

  @Test
  void theAccountPagesNameTheGroupsInAzerbaijani() throws Exception {
    people
        .person("az.coordinator")
        .party("AZ")
        .role(Role.COORDINATOR)
        .memberOf(CHARTER, "wg-energy")
        .create();
    Cookie session = People.session(mvc, "az.coordinator");
    String list = page("/admin/accounts", session);
    assertThat(list)
        .contains("<span lang=\"az-Latn\">Enerji üzrə İşçi Qrup</span>")
        .doesNotContain("Working Group on Energy");
    assertThat(page("/admin/accounts/az.coordinator", session))
        .contains("<span lang=\"az-Latn\">Enerji üzrə İşçi Qrup</span>")
        .doesNotContain("Working Group on Energy");
  }
}
