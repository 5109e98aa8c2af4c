package org.entente.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.entente.identity.Accounts;
import org.entente.identity.Role;
import org.entente.meetings.Meetings;
import org.entente.shared.CharterKey;
import org.entente.testing.FixedClockConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The demo profile on an in-memory database: the illustrative dataset is there on top of the real
 * charter, every record of it is labelled, there is a sample account per role that logs in with the
 * password printed at start, the banner's attribute is set on every request, and a second load adds
 * nothing.
 */
@SpringBootTest(
    properties = {
      "entente.security.bcrypt-strength=4",
      "spring.datasource.url=jdbc:h2:mem:demo-profile;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
          + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
    })
@AutoConfigureMockMvc
@ActiveProfiles({"test", "demo"})
@Import(FixedClockConfiguration.class)
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class DemoProfileTest {

  static final String CHARTER = "az-us-2026";

  @Autowired MockMvc mvc;
  @Autowired DemoData demo;
  @Autowired Accounts accounts;
  @Autowired Meetings meetings;
  @Autowired JdbcClient jdbc;
  @Autowired ITemplateEngine templates;
  @Autowired ApplicationContext context;
  @Autowired ApplicationAvailability availability;

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  private Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table :
        List.of(
            "account",
            "membership",
            "project",
            "milestone",
            "milestone_dependency",
            "meeting",
            "agenda_item",
            "meeting_decision",
            "action_item",
            "joint_statement",
            "obligation_event",
            "agreement",
            "agreement_approval")) {
      counts.put(table, count("select count(*) from " + table));
    }
    return counts;
  }

  @Test
  void theDatasetIsThereOnTopOfTheRealCharter() {
    long groups = count("select count(*) from working_group where retired = false");
    assertThat(groups).isGreaterThanOrEqualTo(4);
    assertThat(count("select count(*) from charter where code = '" + CHARTER + "'")).isOne();
    assertThat(count("select count(*) from project")).isEqualTo(groups);
    assertThat(count("select count(*) from milestone")).isEqualTo(4 * groups);
    assertThat(count("select count(*) from milestone where status = 'DONE'")).isEqualTo(groups);
    assertThat(count("select count(*) from meeting where status = 'HELD'")).isOne();
    assertThat(count("select count(*) from meeting_decision")).isEqualTo(2);
    assertThat(count("select count(*) from action_item")).isEqualTo(2);
    assertThat(count("select count(*) from joint_statement where published_at is not null"))
        .isOne();
    assertThat(meetings.publishedStatements(CharterKey.of(CHARTER)))
        .singleElement()
        .satisfies(s -> assertThat(s.toString()).contains(DemoData.LABEL));
  }

  @Test
  void everyDemoRecordIsLabelledInBothLanguages() {
    for (String table : List.of("project", "milestone")) {
      List<String> titles = jdbc.sql("select title from " + table).query(String.class).list();
      assertThat(titles)
          .as(table)
          .isNotEmpty()
          .allSatisfy(t -> assertThat(t).contains("[Demo] ").contains("[Nümunə] "));
    }
    assertThat(jdbc.sql("select description from project").query(String.class).list())
        .allSatisfy(t -> assertThat(t).contains("[Demo] ").contains("[Nümunə] "));
    for (String sql :
        List.of(
            "select title from meeting",
            "select place from meeting",
            "select title from agenda_item",
            "select text from meeting_decision",
            "select title from action_item",
            "select text from joint_statement",
            "select minutes from meeting",
            "select title from obligation_event where source = 'MEETING'",
            "select display_name from account")) {
      assertThat(jdbc.sql(sql).query(String.class).list())
          .as(sql)
          .isNotEmpty()
          .allSatisfy(t -> assertThat(t).contains(DemoData.LABEL));
    }
    assertThat(jdbc.sql("select username from account").query(String.class).list())
        .allSatisfy(u -> assertThat(u).startsWith("demo."));
  }

  @Test
  void thereIsASampleAccountPerRoleThatLogsInWithThePrintedPassword(CapturedOutput output)
      throws Exception {
    DemoData.Report report = demo.load();
    Set<Role> roles = EnumSet.noneOf(Role.class);
    Set<String> parties = new java.util.HashSet<>();
    for (DemoData.Credential c : report.credentials()) {
      Accounts.AccountView account = accounts.find(c.username()).orElseThrow();
      roles.addAll(account.roles());
      if (account.roles().contains(Role.CO_CHAIR)) {
        parties.add(account.party());
      }
      assertThat(c.password()).hasSizeGreaterThanOrEqualTo(12);
      assertThat(output.getAll())
          .contains(c.username())
          .contains(c.password())
          .contains("ILLUSTRATIVE");
      Cookie session = login(c.username(), c.password());
      assertThat(session).as(c.username()).isNotNull();
      MockHttpServletResponse tokens =
          mvc.perform(get("/account/tokens").cookie(session).accept(MediaType.TEXT_HTML))
              .andReturn()
              .getResponse();
      assertThat(tokens.getStatus()).as(c.username()).isEqualTo(200);
    }
    assertThat(roles).containsExactlyInAnyOrder(Role.values());
    assertThat(parties).containsExactlyInAnyOrder("AZ", "US");
    // the passwords are random: a load gives new ones, and the earlier ones stop working
    DemoData.Report again = demo.load();
    assertThat(again.credentials().get(0).password())
        .isNotEqualTo(report.credentials().get(0).password());
    assertThat(
            login(report.credentials().get(0).username(), report.credentials().get(0).password()))
        .isNull();
  }

  @Test
  void aSecondLoadAddsNothing() {
    Map<String, Long> before = counts();
    DemoData.Report report = demo.load();
    assertThat(report.created()).isZero();
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void everyRequestCarriesTheBannerAttributeAndTheBannerSaysTheDataIsIllustrative()
      throws Exception {
    for (String path : List.of("/", "/charters", "/login", "/charters/nope")) {
      assertThat(
              mvc.perform(get(path).accept(MediaType.TEXT_HTML))
                  .andReturn()
                  .getRequest()
                  .getAttribute(DemoBanner.ATTRIBUTE))
          .as(path)
          .isEqualTo(Boolean.TRUE);
    }
    for (String path : List.of("/", "/charters", "/public", "/login")) {
      assertThat(
              mvc.perform(get(path).accept(MediaType.TEXT_HTML))
                  .andReturn()
                  .getResponse()
                  .getContentAsString())
          .as("the page %s shows the banner", path)
          .contains("id=\"demo-banner\"");
    }
    Context en = new Context(Locale.ENGLISH, Map.of(DemoBanner.ATTRIBUTE, true));
    String banner = templates.process("fragments/demo", Set.of("banner"), en);
    assertThat(banner).contains("demo-banner").contains("role=\"note\"").contains("illustrative");
    Context az = new Context(Locale.forLanguageTag("az"), Map.of(DemoBanner.ATTRIBUTE, true));
    assertThat(templates.process("fragments/demo", Set.of("banner"), az)).contains("Nümunə");
    Context none = new Context(Locale.ENGLISH, Map.of());
    assertThat(templates.process("fragments/demo", Set.of("banner"), none))
        .doesNotContain("demo-banner");
  }

  @Test
  void theDemoPrintsNoSetupLinkAndIssuesNoSetupToken(CapturedOutput output) {
    assertThat(count("select count(*) from setup_token")).isZero();
    assertThat(output.getAll()).doesNotContain("/setup?token=").doesNotContain("First start");
  }

  @Test
  void aRequestBeforeTheDataIsReadyIsAnsweredLaterNotWithAnEmptyProduct() throws Exception {
    assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
    AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
    try {
      for (String path : List.of("/", "/public", "/login", "/api/charters", "/charters")) {
        MockHttpServletResponse early =
            mvc.perform(get(path).accept(MediaType.TEXT_HTML)).andReturn().getResponse();
        assertThat(early.getStatus()).as(path).isEqualTo(503);
        assertThat(early.getHeader("Retry-After")).as(path).isNotBlank();
        assertThat(early.getContentAsString()).as(path).doesNotContain("<main");
      }
    } finally {
      AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
    }
    assertThat(mvc.perform(get("/public")).andReturn().getResponse().getStatus()).isEqualTo(200);
  }

  @Test
  void oneGroupsProjectListAndRoadmapAreAgreedAndPublishedByBothCoChairs() throws Exception {
    String group =
        jdbc.sql(
                "select subject_key from agreement where subject_type = 'project-list'"
                    + " and state = 'AGREED'")
            .query(String.class)
            .single();
    for (String type : List.of("project-list", "roadmap")) {
      for (String subject : List.of(type, type + "-publication")) {
        var agreement =
            jdbc.sql(
                    "select id, fingerprint from agreement where subject_type = ? and"
                        + " subject_key = ? and state = 'AGREED'")
                .params(subject, group)
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2)))
                .single();
        // both parties approved the same version, with the fingerprint of its content
        assertThat(
                jdbc.sql(
                        "select party from agreement_approval where agreement_id = ? and"
                            + " fingerprint = ? and withdrawn_at is null")
                    .params(java.util.UUID.fromString(agreement.get(0)), agreement.get(1))
                    .query(String.class)
                    .list())
            .as(subject)
            .containsExactlyInAnyOrder("AZ", "US");
        assertThat(
                jdbc.sql(
                        "select count(*) from audit_event where record_id like ? and actor in"
                            + " ('demo.az.cochair', 'demo.us.cochair') and outcome = 'SUCCESS'")
                    .param("%" + agreement.get(0) + "%")
                    .query(Long.class)
                    .single())
            .as("the audit events of %s", subject)
            .isGreaterThanOrEqualTo(2);
      }
    }
    assertThat(
            count(
                "select count(*) from project where classification = 'PUBLIC'"
                    + " and title like '%[Demo]%'"))
        .isOne();
    assertThat(
            count(
                "select count(*) from milestone where classification = 'PUBLIC'"
                    + " and title like '%[Demo]%'"))
        .isEqualTo(4);
    String page =
        mvc.perform(get("/public/charters/" + CHARTER + "/working-groups"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    // the public page of the group's published list and roadmap, still labelled as demo data
    assertThat(page)
        .contains(DemoData.LABEL + " Pilot phase starts")
        .contains(DemoData.LABEL + " Scoping report agreed")
        .contains("Project list version 1");
  }

  private Cookie login(String username, String password) throws Exception {
    MockHttpServletResponse r =
        mvc.perform(
                post("/login").param("username", username).param("password", password).with(csrf()))
            .andReturn()
            .getResponse();
    if (String.valueOf(r.getRedirectedUrl()).contains("error")) {
      return null;
    }
    return r.getCookie("SESSION");
  }
}
