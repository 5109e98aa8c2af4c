package org.entente.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import org.entente.identity.Accounts;
import org.entente.identity.Accounts.MembershipInput;
import org.entente.identity.Role;
import org.entente.testing.CleanAfterEachTest;
import org.entente.testing.EntenteTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** Uploading a CSV on the import page: it runs in the background and its page follows it. */
@EntenteTest
@CleanAfterEachTest
class ImportPagesTest {

  static final String PASSWORD = "correct horse battery";
  static final String GROUP = "/charters/az-us-2026/working-groups/wg-connectivity-digital";
  static final String CSV =
      "key,title_en,title_az,commitments\n"
          + "middle-corridor-port,Port of Alat terminal,Ələt limanı,middle-corridor\n"
          + "tripp-rail-link,TRIPP rail link,,tripp\n";

  @Autowired MockMvc mvc;
  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void people() {
    for (String[] p :
        new String[][] {{"us.member", "wg-connectivity-digital"}, {"us.energy", "wg-energy"}}) {
      accounts.create(
          new Accounts.NewAccount(
              p[0],
              p[0],
              "US",
              null,
              EnumSet.of(Role.MEMBER),
              false,
              PASSWORD,
              List.of(new MembershipInput("az-us-2026", p[1], false))));
    }
  }

  private Cookie login(String username) throws Exception {
    return mvc.perform(
            post("/login").param("username", username).param("password", PASSWORD).with(csrf()))
        .andReturn()
        .getResponse()
        .getCookie("SESSION");
  }

  private MockHttpServletResponse upload(Cookie session, String csv) throws Exception {
    return mvc.perform(
            multipart(GROUP + "/import")
                .file(
                    new MockMultipartFile(
                        "file", "projects.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .param("kind", "PROJECTS")
                .cookie(session)
                .with(csrf()))
        .andReturn()
        .getResponse();
  }

  /** The job's page once the import finished: it is polled as a person would, by reloading. */
  private String finished(Cookie session, String url) throws Exception {
    for (int i = 0; i < 600; i++) {
      String html =
          mvc.perform(get(url).cookie(session)).andReturn().getResponse().getContentAsString();
      if (!html.contains("rows read so far")) {
        assertThat(html).doesNotContain("http-equiv=\"refresh\"");
        return html;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the import did not finish");
  }

  @Test
  void anUploadIsImportedInTheBackgroundAndItsPageShowsTheReport() throws Exception {
    Cookie session = login("us.member");
    assertThat(
            mvc.perform(get(GROUP + "/import").cookie(session))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("Import projects or milestones");
    MockHttpServletResponse started = upload(session, CSV);
    assertThat(started.getRedirectedUrl()).startsWith("/imports/");
    String html = finished(session, started.getRedirectedUrl());
    assertThat(html)
        .contains("Imported.")
        .contains("2 rows: 2 added, 0 brought up to date, 0 unchanged.");
    assertThat(jdbc.sql("select count(*) from project").query(Long.class).single()).isEqualTo(2);
    assertThat(finished(session, upload(session, CSV).getRedirectedUrl()))
        .contains("0 added, 0 brought up to date, 2 unchanged.");

    // someone else cannot see this import
    assertThat(
            mvc.perform(get(started.getRedirectedUrl()).cookie(login("us.energy")))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(404);
  }

  @Test
  void aBadFileIsRefusedAndItsLinesAreListed() throws Exception {
    Cookie session = login("us.member");
    String html =
        finished(session, upload(session, CSV + "bad key!,Bad,,tripp\n").getRedirectedUrl());
    assertThat(html)
        .contains("Nothing was imported.")
        .contains("1 row(s) are refused")
        .contains("<td>4</td>");
    assertThat(jdbc.sql("select count(*) from project").query(Long.class).single()).isZero();
  }

  @Test
  void someoneOutsideTheGroupCannotImport() throws Exception {
    MockHttpServletResponse refused = upload(login("us.energy"), CSV);
    assertThat(refused.getStatus()).isEqualTo(403);
    assertThat(refused.getContentAsString()).contains("Only members of this group import");
    assertThat(jdbc.sql("select count(*) from import_job").query(Long.class).single()).isZero();
  }
}
