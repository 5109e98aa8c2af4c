package org.entente.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.entente.identity.Role;
import org.entente.identity.Viewers;
import org.entente.shared.CharterKey;
import org.entente.testing.CleanAfterEachTest;
import org.entente.testing.EntenteTest;
import org.entente.testing.People;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Wherever a meeting names an organization, the directory's organizations are known and offered: a
 * participant or an action item's owner named by an organization of the directory is accepted, and
 * the meeting's forms list the directory's names for search as you type.
 */
@EntenteTest
@CleanAfterEachTest
class DirectoryPickerTest {

  static final String GROUP = "wg-energy";

  @Autowired People people;
  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired Viewers viewers;

  String coordinator;
  String member;

  @BeforeEach
  void people() {
    coordinator = people.person("pick.coord").party("US").role(Role.COORDINATOR).create();
    member =
        people
            .person("pick.member")
            .party("US")
            .role(Role.MEMBER)
            .memberOf(People.CHARTER, GROUP)
            .create();
  }

  private MockHttpServletResponse api(
      String token,
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
      throws Exception {
    return mvc.perform(
            request
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON))
        .andReturn()
        .getResponse();
  }

  private void inTheDirectory(String name) throws Exception {
    MockHttpServletResponse created =
        api(
            coordinator,
            post("/api/charters/az-us-2026/organizations")
                .content(
                    "{\"name\":\""
                        + name
                        + "\",\"party\":\"US\",\"type\":\"10\","
                        + "\"identifier\":\"US-GOV-1\"}"));
    assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
  }

  private MockHttpServletResponse schedule(String organization) throws Exception {
    return api(
        member,
        post("/api/charters/az-us-2026/meetings")
            .content(
                """
                {"body":"working-group","bodyKey":"%s","title":"Energy working group",
                 "startsAt":"2026-12-10T10:00","endsAt":"2026-12-10T12:00","timeZone":"Asia/Baku",
                 "participants":[{"party":"US","organization":"%s"}]}
                """
                    .formatted(GROUP, organization)));
  }

  @Test
  void aMeetingParticipantNamedByAnOrganizationOfTheDirectoryIsAccepted() throws Exception {
    assertThat(schedule("U.S. Agency for Trade and Development").getStatus()).isEqualTo(400);
    inTheDirectory("U.S. Agency for Trade and Development");
    MockHttpServletResponse scheduled = schedule("u.s. agency for trade and development");
    assertThat(scheduled.getStatus()).as(scheduled.getContentAsString()).isEqualTo(201);
    String meeting = JsonPath.read(scheduled.getContentAsString(), "$.id");
    MockHttpServletResponse action =
        api(
            member,
            post("/api/meetings/" + meeting + "/action-items")
                .content(
                    """
                    {"title":"Send the trade figures","ownerOrganization":"U.S. Agency for Trade and Development",
                     "dueOn":"2027-01-31"}
                    """));
    assertThat(action.getStatus()).as(action.getContentAsString()).isEqualTo(201);
  }

  @Test
  void theMeetingFormsOfferTheDirectorysNamesInAList() throws Exception {
    inTheDirectory("Export-Import Bank of the United States");
    var session = People.session(mvc, "pick.member");
    String form =
        mvc.perform(get("/charters/az-us-2026/meetings/new").cookie(session))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(form)
        .contains("list=\"organization-names\"")
        .containsPattern(
            "<datalist id=\"organization-names\">[^/]*<option value=\"Export-Import Bank of the"
                + " United States\">");
    List<String> names =
        directory.pickerNames(
            CharterKey.of(People.CHARTER), viewers.of("pick.member").orElseThrow());
    assertThat(names).containsExactly("Export-Import Bank of the United States");
  }

  /**
   * Wherever else an organization is named (a project's partners and leads, a milestone's owner),
   * the form offers the directory's names in the same list.
   */
  @Test
  void theProjectAndMilestoneFormsOfferTheDirectorysNamesInAList() throws Exception {
    inTheDirectory("Overseas Private Investment Office");
    MockHttpServletResponse project =
        api(
            member,
            post("/api/charters/az-us-2026/working-groups/" + GROUP + "/projects")
                .content(
                    """
                    {"key":"zx-picker","title":{"en":"Interconnector study"},
                     "commitments":["interconnector-projects"]}
                    """));
    assertThat(project.getStatus()).as(project.getContentAsString()).isEqualTo(201);
    String projectId = JsonPath.read(project.getContentAsString(), "$.id");
    var session = People.session(mvc, "pick.member");
    String group = "/charters/az-us-2026/working-groups/" + GROUP;
    for (String page :
        List.of(
            "/projects/" + projectId + "/edit",
            group + "/projects/new",
            group + "/roadmap/milestones/new")) {
      MockHttpServletResponse form =
          mvc.perform(get(page).cookie(session)).andReturn().getResponse();
      assertThat(form.getStatus()).as(page).isEqualTo(200);
      assertThat(form.getContentAsString())
          .as(page)
          .contains("list=\"organization-names\"")
          .containsPattern(
              "<datalist id=\"organization-names\">[^/]*<option value=\"Overseas Private"
                  + " Investment Office\">");
    }
  }
}
