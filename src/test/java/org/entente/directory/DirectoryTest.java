package org.entente.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.util.List;
import org.entente.audit.Audit;
import org.entente.audit.AuditEvent;
import org.entente.identity.Role;
import org.entente.shared.Paging;
import org.entente.testing.CleanAfterEachTest;
import org.entente.testing.EntenteTest;
import org.entente.testing.People;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The directory of organizations through the API and its pages: coordinators add, find and change
 * organizations; a duplicate name, a stale version, a bad type or identifier are refused and change
 * nothing; others may read but not write; the public gets nothing.
 */
@EntenteTest
@CleanAfterEachTest
class DirectoryTest {

  static final String ORGANIZATIONS = "/api/charters/az-us-2026/organizations";
  static final String PAGE = "/charters/az-us-2026/organizations";
  static final String OPERATOR = "test-operator-token-0123456789abcdef";

  @Autowired People people;
  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired Audit audit;

  String azCoordinator;
  String usCoordinator;
  String member;

  @BeforeEach
  void people() {
    azCoordinator = people.person("dir.az.coord").party("AZ").role(Role.COORDINATOR).create();
    usCoordinator = people.person("dir.us.coord").party("US").role(Role.COORDINATOR).create();
    member =
        people
            .person("dir.member")
            .party("AZ")
            .role(Role.MEMBER)
            .memberOf(People.CHARTER, "wg-energy")
            .create();
  }

  private MockHttpServletResponse as(String token, MockHttpServletRequestBuilder request)
      throws Exception {
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return mvc.perform(request.contentType(MediaType.APPLICATION_JSON)).andReturn().getResponse();
  }

  private MockHttpServletResponse create(String token, String json) throws Exception {
    return as(token, post(ORGANIZATIONS).content(json));
  }

  private static String socar(String name) {
    return """
        {"name":"%s","secondName":"Azərbaycan Respublikası Dövlət Neft Şirkəti",
         "party":"AZ","type":"15","identifier":"AZ-VOEN-9900003611"}
        """
        .formatted(name);
  }

  private long rows() {
    return jdbc.sql("select count(*) from organization").query(Long.class).single();
  }

  private static <T> T read(MockHttpServletResponse response, String path) throws Exception {
    return JsonPath.read(response.getContentAsString(), path);
  }

  private Cookie login(String username) throws Exception {
    return People.session(mvc, username);
  }

  @Test
  void aCoordinatorAddsAnOrganizationFindsItBySearchAndChangesIt() throws Exception {
    MockHttpServletResponse created =
        create(azCoordinator, socar("State Oil Company of Azerbaijan"));
    assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
    String id = read(created, "$.id");
    assertThat(created.getHeader("Location")).isEqualTo(ORGANIZATIONS + "/" + id);
    assertThat((String) read(created, "$.party")).isEqualTo("AZ");
    assertThat((String) read(created, "$.type")).isEqualTo("15");
    assertThat((String) read(created, "$.identifier")).isEqualTo("AZ-VOEN-9900003611");
    assertThat(
            create(
                    usCoordinator,
                    """
                    {"name":"World Bank","type":"40","identifier":"XM-DAC-44000"}
                    """)
                .getStatus())
        .isEqualTo(201);

    List<String> byText = read(as(member, get(ORGANIZATIONS).param("q", "oil COMP")), "$[*].name");
    assertThat(byText).containsExactly("State Oil Company of Azerbaijan");
    List<String> bySecondName =
        read(as(member, get(ORGANIZATIONS).param("q", "neft")), "$[*].name");
    assertThat(bySecondName).containsExactly("State Oil Company of Azerbaijan");
    List<String> byParty = read(as(member, get(ORGANIZATIONS).param("party", "us")), "$[*].name");
    assertThat(byParty).isEmpty();
    List<String> byType = read(as(member, get(ORGANIZATIONS).param("type", "40")), "$[*].name");
    assertThat(byType).containsExactly("World Bank");
    List<String> wildcard = read(as(member, get(ORGANIZATIONS).param("q", "%")), "$[*].name");
    assertThat(wildcard).isEmpty();

    MockHttpServletResponse changed =
        as(
            azCoordinator,
            put(ORGANIZATIONS + "/" + id)
                .content(
                    """
                    {"name":"SOCAR","party":"AZ","type":"70","version":0}
                    """));
    assertThat(changed.getStatus()).as(changed.getContentAsString()).isEqualTo(200);
    assertThat((Integer) read(changed, "$.version")).isEqualTo(1);
    assertThat((String) read(changed, "$.identifier")).isNull();
    assertThat((String) read(as(member, get(ORGANIZATIONS + "/" + id)), "$.name"))
        .isEqualTo("SOCAR");

    List<AuditEvent> events = audit.events("organization", id, null, new Paging(0, 10)).items();
    assertThat(events)
        .extracting(AuditEvent::action)
        .containsExactly("organization.updated", "organization.created");
    assertThat(events.get(0).actor()).isEqualTo("dir.az.coord");
  }

  @Test
  void aSecondOrganizationWithTheSameNameInAnyCaseIsAConflictAndChangesNothing() throws Exception {
    assertThat(create(azCoordinator, socar("State Oil Company")).getStatus()).isEqualTo(201);
    long before = rows();
    MockHttpServletResponse again = create(azCoordinator, socar("  state OIL company "));
    assertThat(again.getStatus()).isEqualTo(409);
    assertThat(again.getContentType()).startsWith("application/problem+json");
    assertThat((String) read(again, "$.errors[0].field")).isEqualTo("name");
    assertThat(rows()).isEqualTo(before);

    String other = read(create(azCoordinator, socar("Azerigas")), "$.id");
    MockHttpServletResponse renamed =
        as(
            azCoordinator,
            put(ORGANIZATIONS + "/" + other)
                .content("{\"name\":\"STATE OIL COMPANY\",\"type\":\"15\",\"version\":0}"));
    assertThat(renamed.getStatus()).isEqualTo(409);
    assertThat((String) read(as(member, get(ORGANIZATIONS + "/" + other)), "$.name"))
        .isEqualTo("Azerigas");
  }

  @Test
  void aChangeMadeToAStaleVersionIsAConflictAndOverwritesNothing() throws Exception {
    String id = read(create(azCoordinator, socar("Azercosmos")), "$.id");
    String first = "{\"name\":\"Azercosmos OJSC\",\"type\":\"15\",\"version\":0}";
    assertThat(as(azCoordinator, put(ORGANIZATIONS + "/" + id).content(first)).getStatus())
        .isEqualTo(200);
    MockHttpServletResponse stale =
        as(
            azCoordinator,
            put(ORGANIZATIONS + "/" + id)
                .content("{\"name\":\"Azercosmos agency\",\"type\":\"10\",\"version\":0}"));
    assertThat(stale.getStatus()).isEqualTo(409);
    assertThat((Integer) read(stale, "$.currentVersion")).isEqualTo(1);
    MockHttpServletResponse now = as(member, get(ORGANIZATIONS + "/" + id));
    assertThat((String) read(now, "$.name")).isEqualTo("Azercosmos OJSC");
    assertThat((String) read(now, "$.type")).isEqualTo("15");
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "type, '\"type\":\"12\"'",
    "type, '\"type\":\"\"'",
    "identifier, '\"type\":\"10\",\"identifier\":\"not an identifier\"'",
    "identifier, '\"type\":\"10\",\"identifier\":\"A-1\"'",
    "party, '\"type\":\"10\",\"party\":\"FR\"'",
    "name, '\"type\":\"10\",\"name\":\"   \"'"
  })
  void aBadFieldIsRefusedNamingItAndChangesNothing(String field, String json) throws Exception {
    long before = rows();
    String body = json.contains("\"name\"") ? "{" + json + "}" : "{\"name\":\"Acme\"," + json + "}";
    MockHttpServletResponse refused = create(azCoordinator, body);
    assertThat(refused.getStatus()).as(refused.getContentAsString()).isEqualTo(400);
    assertThat(refused.getContentType()).startsWith("application/problem+json");
    assertThat((String) read(refused, "$.errors[0].field")).isEqualTo(field);
    assertThat(rows()).isEqualTo(before);
  }

  @Test
  void anIdentifierOfTooManyCharactersIsRefused() throws Exception {
    MockHttpServletResponse refused =
        create(
            azCoordinator,
            "{\"name\":\"Acme\",\"type\":\"70\",\"identifier\":\"GB-COH-" + "1".repeat(95) + "\"}");
    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat((String) read(refused, "$.errors[0].field")).isEqualTo("identifier");
  }

  @Test
  void someoneWhoIsNoCoordinatorReadsTheDirectoryButMayNotChangeIt() throws Exception {
    String id = read(create(azCoordinator, socar("Azersu")), "$.id");
    long before = rows();
    assertThat(create(member, socar("Azerenerji")).getStatus()).isEqualTo(403);
    assertThat(
            as(
                    member,
                    put(ORGANIZATIONS + "/" + id)
                        .content("{\"name\":\"Azersu OJSC\",\"type\":\"15\",\"version\":0}"))
                .getStatus())
        .isEqualTo(403);
    assertThat(rows()).isEqualTo(before);
    assertThat(as(member, get(ORGANIZATIONS)).getStatus()).isEqualTo(200);
  }

  @Test
  void aCoordinatorManagesTheOrganizationsOfTheirOwnPartyAndOfNeitherOnly() throws Exception {
    String az = read(create(azCoordinator, socar("Azerbaijan Railways")), "$.id");
    assertThat(create(usCoordinator, socar("Azerbaijan Airlines")).getStatus()).isEqualTo(403);
    assertThat(
            as(
                    usCoordinator,
                    put(ORGANIZATIONS + "/" + az)
                        .content("{\"name\":\"ADY\",\"type\":\"15\",\"version\":0}"))
                .getStatus())
        .isEqualTo(403);
    String neither =
        read(
            create(usCoordinator, "{\"name\":\"Asian Development Bank\",\"type\":\"40\"}"), "$.id");
    assertThat(
            as(
                    azCoordinator,
                    put(ORGANIZATIONS + "/" + neither)
                        .content(
                            "{\"name\":\"Asian Development Bank\",\"type\":\"40\","
                                + "\"identifier\":\"XM-DAC-46004\",\"version\":0}"))
                .getStatus())
        .isEqualTo(200);
  }

  @Test
  void thePublicAndTheOperatorGetNothing() throws Exception {
    String id = read(create(azCoordinator, socar("Azerbaijan Investment Holding")), "$.id");
    for (String path : List.of(ORGANIZATIONS, ORGANIZATIONS + "/" + id)) {
      MockHttpServletResponse anonymous = as(null, get(path));
      assertThat(anonymous.getStatus()).isIn(401, 404);
      assertThat(anonymous.getContentAsString()).doesNotContain("Investment Holding");
      MockHttpServletResponse operator = as(OPERATOR, get(path));
      assertThat(operator.getStatus()).isIn(401, 404);
      assertThat(operator.getContentAsString()).doesNotContain("Investment Holding");
    }
    for (String path : List.of(PAGE, PAGE + "/" + id)) {
      MockHttpServletResponse page = mvc.perform(get(path)).andReturn().getResponse();
      assertThat(page.getStatus()).isEqualTo(302);
      assertThat(page.getRedirectedUrl()).endsWith("/login");
    }
    String overview =
        mvc.perform(get("/charters/az-us-2026")).andReturn().getResponse().getContentAsString();
    assertThat(overview).doesNotContain("/organizations");
    String signedIn =
        mvc.perform(get("/charters/az-us-2026").cookie(login("dir.member")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(signedIn).contains(PAGE);
  }

  @Test
  void theAddFormKeepsWhatWasTypedWhenRefusedAndAddsWhenRight() throws Exception {
    Cookie session = login("dir.az.coord");
    MockHttpServletResponse refused =
        mvc.perform(
                post(PAGE)
                    .cookie(session)
                    .with(csrf())
                    .param("name", "Baku Higher Oil School")
                    .param("party", "AZ")
                    .param("type", "80")
                    .param("identifier", "oil school"))
            .andReturn()
            .getResponse();
    assertThat(refused.getStatus()).isEqualTo(400);
    String html = refused.getContentAsString();
    assertThat(html)
        .contains("value=\"Baku Higher Oil School\"")
        .contains("value=\"oil school\"")
        .contains("is not an IATI organisation identifier")
        .containsPattern("id=\"org-identifier\"[^>]*aria-invalid=\"true\"");
    assertThat(rows()).isZero();

    MockHttpServletResponse added =
        mvc.perform(
                post(PAGE)
                    .cookie(session)
                    .with(csrf())
                    .param("name", "Baku Higher Oil School")
                    .param("party", "AZ")
                    .param("type", "80")
                    .param("identifier", "AZ-VOEN-1700767721"))
            .andReturn()
            .getResponse();
    assertThat(added.getStatus()).isEqualTo(302);
    String page =
        mvc.perform(get(added.getRedirectedUrl()).cookie(session))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("Baku Higher Oil School").contains("AZ-VOEN-1700767721");
    String found =
        mvc.perform(get(PAGE).param("q", "oil school").cookie(login("dir.member")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(found).contains("Baku Higher Oil School").doesNotContain("id=\"org-name\"");
  }
}
