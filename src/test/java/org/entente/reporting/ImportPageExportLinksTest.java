package org.entente.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.entente.testing.CleanAfterEachTest;
import org.entente.testing.EntenteTest;
import org.entente.testing.People;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 18, "Why": the export links on the import page ignored the browser's session (they pointed
 * at the API, which reads tokens only) and downloaded only the header row.
 */
@EntenteTest
@CleanAfterEachTest
class ImportPageExportLinksTest {

  static final String GROUP = "/charters/az-us-2026/working-groups/wg-connectivity-digital";

  @Autowired MockMvc mvc;
  @Autowired People people;

  private Cookie login(String username) throws Exception {
    return People.session(mvc, username);
  }

  private void created(String token, String path, String json) throws Exception {
    MockHttpServletResponse r =
        mvc.perform(
                post("/api" + GROUP + path)
                    .header("Authorization", "Bearer " + token)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json))
            .andReturn()
            .getResponse();
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
  }

  /** A member of the group, who added a bilateral project to it: their write token. */
  private String memberWithABilateralProject() throws Exception {
    String token =
        people
            .person("us.member")
            .party("US")
            .memberOf(People.CHARTER, "wg-connectivity-digital")
            .create();
    created(
        token,
        "/projects",
        """
        {"key":"zx-port-terminal","title":{"en":"Port terminal"},"commitments":["tripp"],
         "leads":{"US":"Department of State"},"partners":[],"financing":[],
         "classification":"bilateral"}
        """);
    return token;
  }

  /** The CSV links the import page shows, as a browser would find them. */
  private List<String> exportLinks(Cookie session) throws Exception {
    String html =
        mvc.perform(get(GROUP + "/import").cookie(session))
            .andReturn()
            .getResponse()
            .getContentAsString();
    List<String> links = new ArrayList<>();
    Matcher m = Pattern.compile("href=\"([^\"]+\\.csv)\"").matcher(html);
    while (m.find()) {
      links.add(m.group(1));
    }
    return links;
  }

  @Test
  void aSignedInMemberFollowingTheExportLinksGetsTheirRecordsNotOnlyTheHeaderRow()
      throws Exception {
    String token = memberWithABilateralProject();
    created(
        token,
        "/roadmap/milestones",
        """
        {"key":"zx-survey","title":{"en":"Survey"},"plannedStart":"2026-12-01",
         "plannedEnd":"2027-03-01","dependsOn":[],"classification":"bilateral"}
        """);
    Cookie session = login("us.member");

    List<String> links = exportLinks(session);
    assertThat(links).hasSize(2);
    StringBuilder downloaded = new StringBuilder();
    for (String link : links) {
      MockHttpServletResponse r = mvc.perform(get(link).cookie(session)).andReturn().getResponse();
      assertThat(r.getStatus()).as(link).isEqualTo(200);
      assertThat(r.getContentType()).as(link).startsWith("text/csv");
      assertThat(r.getHeader("Content-Disposition")).as(link).contains("attachment");
      String csv = r.getContentAsString();
      assertThat(csv.lines().count()).as(link + " has more than its header row").isGreaterThan(1);
      downloaded.append(csv);
    }
    assertThat(downloaded.toString()).contains("zx-port-terminal").contains("zx-survey");
  }

  @Test
  void someoneNotSignedInFollowingTheLinksGetsOnlyWhatIsPublic() throws Exception {
    memberWithABilateralProject();
    for (String link : exportLinks(login("us.member"))) {
      MockHttpServletResponse r = mvc.perform(get(link)).andReturn().getResponse();
      assertThat(r.getContentAsString()).as(link).doesNotContain("zx-port-terminal");
    }
  }
}
