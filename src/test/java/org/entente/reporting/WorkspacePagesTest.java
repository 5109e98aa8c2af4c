package org.entente.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.entente.concurrence.Agreements;
import org.entente.identity.Accounts;
import org.entente.identity.Role;
import org.entente.identity.Viewers;
import org.entente.projects.ProjectInput;
import org.entente.projects.Projects;
import org.entente.roadmaps.MilestoneInput;
import org.entente.roadmaps.Roadmaps;
import org.entente.shared.CharterKey;
import org.entente.testing.CleanAfterEachTest;
import org.entente.testing.EntenteTest;
import org.entente.testing.People;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** The workspace page: what each person sees there, and approving through its forms. */
@EntenteTest
@CleanAfterEachTest
class WorkspacePagesTest {

  static final String PASSWORD = "correct horse battery";
  static final String WORKSPACE = "/charters/az-us-2026/working-groups/wg-connectivity-digital";

  @Autowired People people;
  @Autowired MockMvc mvc;
  @Autowired Accounts accounts;
  @Autowired Viewers viewers;
  @Autowired Projects projects;
  @Autowired Roadmaps roadmaps;
  @Autowired Agreements agreements;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void groupWithAProjectAndAMilestone() {
    person("us.cochair", "US", Role.CO_CHAIR, true);
    person("az.cochair", "AZ", Role.CO_CHAIR, true);
    person("az.member", "AZ", Role.MEMBER, false);
    var chair = viewers.of("us.cochair").orElseThrow();
    projects.create(
        CharterKey.of("az-us-2026"),
        "wg-connectivity-digital",
        new ProjectInput(
            "middle-corridor-port",
            Map.of("en", "Port of Alat expansion", "az", "Ələt limanının genişləndirilməsi"),
            null,
            List.of("middle-corridor"),
            Map.of("US", "Department of State"),
            null,
            null,
            null,
            null),
        chair);
    roadmaps.add(
        CharterKey.of("az-us-2026"),
        "wg-connectivity-digital",
        new MilestoneInput(
            "feasibility",
            Map.of("en", "Feasibility study"),
            "Ministry of Digital Development",
            LocalDate.of(2026, 12, 1),
            LocalDate.of(2027, 3, 31),
            null,
            null,
            null,
            "middle-corridor-port",
            List.of(),
            null,
            null),
        chair);
    agreements.submit(
        Projects.PROJECT_LIST, CharterKey.of("az-us-2026"), "wg-connectivity-digital", chair);
  }

  private void person(String username, String party, Role role, boolean chair) {
    people
        .person(username)
        .party(party)
        .role(role)
        .memberOf(People.CHARTER, "wg-connectivity-digital", chair)
        .createAccount();
  }

  private Cookie login(String username) throws Exception {
    return mvc.perform(
            post("/login").param("username", username).param("password", PASSWORD).with(csrf()))
        .andReturn()
        .getResponse()
        .getCookie("SESSION");
  }

  private MockHttpServletResponse page(Cookie session) throws Exception {
    var request = get(WORKSPACE + "/workspace").accept(MediaType.TEXT_HTML);
    if (session != null) {
      request.cookie(session);
    }
    return mvc.perform(request).andReturn().getResponse();
  }

  @Test
  void coChairsApproveThroughTheFormsAndEachSeesWhatWaitsForThem() throws Exception {
    Cookie us = login("us.cochair");
    String before = page(us).getContentAsString();
    assertThat(before)
        .contains("Port of Alat expansion")
        .contains("Version 1 is a draft")
        .contains("Version 1 of the project list waits for your approval.")
        .contains("Feasibility study")
        .contains("Approve version 1 for my party");
    var approved =
        mvc.perform(
                post(WORKSPACE + "/project-list/approve")
                    .param("version", "1")
                    .cookie(us)
                    .with(csrf()))
            .andReturn()
            .getResponse();
    assertThat(approved.getRedirectedUrl()).endsWith("/workspace?done=list-approve");
    assertThat(page(us).getContentAsString())
        .doesNotContain("waits for your approval")
        .as("a party approves a version once")
        .doesNotContain("Approve version 1 for my party");

    Cookie member = login("az.member");
    var refused =
        mvc.perform(
                post(WORKSPACE + "/project-list/approve")
                    .param("version", "1")
                    .cookie(member)
                    .with(csrf()))
            .andReturn()
            .getResponse();
    assertThat(refused.getStatus()).isEqualTo(403);
    assertThat(refused.getContentAsString())
        .contains("The project list was not changed: only a co-chair of AZ");
    assertThat(page(member).getContentAsString()).doesNotContain("Approve version 1 for my party");

    Cookie az = login("az.cochair");
    mvc.perform(
        post(WORKSPACE + "/project-list/approve").param("version", "1").cookie(az).with(csrf()));
    assertThat(page(az).getContentAsString()).contains("Agreed: version 1");
  }

  private String pageIn(String language, Cookie session) throws Exception {
    return mvc.perform(
            get(WORKSPACE + "/workspace")
                .accept(MediaType.TEXT_HTML)
                .header("Accept-Language", language)
                .cookie(session))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  @Test
  void whatWaitsForACoChairAndARefusalAreShownInAzerbaijani() throws Exception {
    Cookie az = login("az.cochair");
    assertThat(pageIn("az", az))
        .contains("Layihələrin siyahısının 1 saylı versiyası təsdiqinizi gözləyir.")
        .doesNotContain("waits for your approval");
    assertThat(pageIn("en", az)).contains("Version 1 of the project list waits for your approval.");

    Cookie us = login("us.cochair");
    mvc.perform(
        post(WORKSPACE + "/project-list/approve").param("version", "1").cookie(us).with(csrf()));
    mvc.perform(
        post(WORKSPACE + "/project-list/dispute")
            .param("reason", "the budget")
            .cookie(az)
            .with(csrf()));
    assertThat(pageIn("az", us))
        .contains(
            "Layihələrin siyahısını təsdiq etməyiniz geri götürülüb: AZ disputed version 1: the"
                + " budget.")
        .doesNotContain("Your approval of the project list");
    assertThat(pageIn("en", us))
        .contains("Your approval of the project list: AZ disputed version 1: the budget.");

    MockHttpServletResponse refused =
        mvc.perform(
                post(WORKSPACE + "/project-list/approve")
                    .param("version", "1")
                    .cookie(login("az.member"))
                    .header("Accept-Language", "az")
                    .with(csrf()))
            .andReturn()
            .getResponse();
    assertThat(refused.getStatus()).isBetween(400, 499);
    assertThat(refused.getContentAsString())
        .contains("Layihələrin siyahısı dəyişdirilmədi: only a co-chair of AZ")
        .doesNotContain("was not changed");
  }

  @Test
  void thePublicSeesTheWorkspaceWithoutTheGroupsBilateralRecords() throws Exception {
    MockHttpServletResponse anonymous = page(null);
    assertThat(anonymous.getStatus()).isEqualTo(200);
    assertThat(anonymous.getContentAsString())
        .doesNotContain("Port of Alat")
        .doesNotContain("Feasibility study")
        .contains("No projects yet.")
        .doesNotContain("Approve version");
  }

  @Test
  void aProjectPageShowsBothLanguagesWithTheirLangAttributes() throws Exception {
    String id = jdbc.sql("select cast(id as varchar) from project").query(String.class).single();
    String html =
        mvc.perform(get("/projects/" + id).cookie(login("az.member")).accept(MediaType.TEXT_HTML))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html)
        .contains("Port of Alat expansion")
        .contains("lang=\"az-Latn\"")
        .contains("Ələt limanının");
    assertThat(mvc.perform(get("/projects/" + id)).andReturn().getResponse().getStatus())
        .isEqualTo(404);
  }
}
